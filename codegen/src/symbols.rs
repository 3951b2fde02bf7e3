//! The symbol names of what rac defines: one name per instance and per static, the same
//! in every unit that refers to it, for the whole life of the process.
//!
//! A name is derived from what it names (the instance's v0 path with a hash of its
//! description and of the definition sites of it and of its argument types as the
//! disambiguator; the static's path), so the same program gets the same names in every
//! build, whatever order the threads reach instances in: objects are bit-identical from
//! build to build. A process-wide table still hands out each name once (a second instance
//! wanting a taken name gets the next disambiguator), for the collisions a hash can have;
//! the table only grows, so a name never changes meaning while units that use it are
//! alive.

use std::collections::HashMap;
use std::sync::Mutex;

use ra_ap_hir_def::{HasModule, StaticId};

use crate::instance::{Instance, InstanceKey};
use crate::ty::TyCx;

#[derive(Default)]
struct Table {
    instances: HashMap<InstanceKey, String>,
    statics: HashMap<StaticId, String>,
    /// Names handed out, for collision checks.
    taken: std::collections::HashSet<String>,
}

static TABLE: Mutex<Option<Table>> = Mutex::new(None);

pub fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The symbol of an instance rac defines.
pub fn instance_symbol<'db>(tcx: &TyCx<'db>, instance: &Instance<'db>) -> String {
    let key = instance.key();
    if let Some(name) = TABLE
        .lock()
        .unwrap()
        .as_ref()
        .and_then(|t| t.instances.get(&key))
    {
        return name.clone();
    }
    // Named from one fixed view (core's): the unit that refers to an instance first, from
    // whatever view, must not change its name.
    let canonical = canonical_tcx(tcx);
    let tcx = canonical.as_ref().unwrap_or(tcx);
    let input = format!(
        "{}|{}",
        instance.describe(tcx),
        definition_site(tcx, instance)
    );
    let base = fnv1a(&input) & 0x0fff_ffff_ffff_ffff;
    // Names are computed outside the lock (they query the database), then claimed.
    let mut d = base;
    loop {
        let name = crate::mangle::symbol_name(tcx, instance, d);
        let mut guard = TABLE.lock().unwrap();
        let table = guard.get_or_insert_with(Table::default);
        if let Some(existing) = table.instances.get(&key) {
            return existing.clone();
        }
        if table.taken.insert(name.clone()) {
            table.instances.insert(key, name.clone());
            return name;
        }
        d = d.wrapping_add(1);
    }
}

/// The symbol of a static rac defines (one definition however many units refer to it).
pub fn static_symbol(tcx: &TyCx<'_>, s: StaticId) -> String {
    if let Some(name) = TABLE
        .lock()
        .unwrap()
        .as_ref()
        .and_then(|t| t.statics.get(&s))
    {
        return name.clone();
    }
    let db = tcx.db;
    let module = s.module(db);
    let path = crate::symbol_path::module_path(db, module).unwrap_or_else(|| {
        format!(
            "{}::{{block}}",
            crate::symbol_path::crate_name(db, module.krate(db))
        )
    });
    let name = ra_ap_hir_def::signatures::StaticSignature::of(db, s)
        .name
        .as_str()
        .to_owned();
    let base = format!("rac.static.{path}::{name}");
    let mut guard = TABLE.lock().unwrap();
    let table = guard.get_or_insert_with(Table::default);
    if let Some(existing) = table.statics.get(&s) {
        return existing.clone();
    }
    let mut candidate = base.clone();
    let mut n = 1;
    while !table.taken.insert(candidate.clone()) {
        candidate = format!("{base}.{n}");
        n += 1;
    }
    table.statics.insert(s, candidate.clone());
    candidate
}

/// Where the instance's definition is, and where the types of its arguments are defined,
/// in terms that do not depend on the order of work: a description alone is not unique
/// (two closures display alike, as do two types of one name in different modules, or two
/// block-local functions of one name), and names handed out on a collision would depend on
/// which thread asked first, making objects differ from build to build. Interned ids
/// (`FunctionId`, `SyntaxContext`, even file numbers) are numbered in the order of work, so
/// only stable parts are used: file paths, AST ids (stable under edits elsewhere in the file) and body
/// expression indices.
fn definition_site<'db>(tcx: &TyCx<'db>, instance: &Instance<'db>) -> String {
    use crate::instance::InstanceKind as K;
    use ra_ap_hir_ty::next_solver::TyKind;
    use ra_ap_rustc_type_ir::inherent::IntoKind;
    let db = tcx.db;
    let mut out = match instance.kind {
        K::Item(f) | K::FnPtrShim(f) | K::VTableShim(f) | K::ReifyShim(f) | K::Shim(f) => {
            fn_site(db, f)
        }
        K::Closure(c) | K::ClosureOnceShim(c) => closure_site(db, c.loc(db)),
        K::Coroutine(c) => format!("async:{}", closure_site(db, c.loc(db))),
        _ => String::new(),
    };
    for arg in instance.args.iter() {
        if let Some(c) = ra_ap_rustc_type_ir::inherent::GenericArg::as_const(&arg) {
            // (Descriptions leave const arguments out; their values print stably.)
            out.push_str(&format!(";{c:?}"));
        }
        for inner in arg.walk() {
            let Some(ty) = ra_ap_rustc_type_ir::inherent::GenericArg::as_type(&inner) else {
                continue;
            };
            let site = match ty.kind() {
                TyKind::Adt(def, _) => adt_site(db, def.def_id()),
                TyKind::Closure(c, _) => closure_site(db, c.0.loc(db)),
                TyKind::Coroutine(c, _) => format!("async:{}", closure_site(db, c.0.loc(db))),
                TyKind::FnDef(def, _) => match def.0 {
                    ra_ap_hir_def::CallableDefId::FunctionId(f) => fn_site(db, f),
                    _ => continue,
                },
                _ => continue,
            };
            out.push(';');
            out.push_str(&site);
        }
    }
    out
}

fn fn_site(db: &dyn ra_ap_hir_ty::db::HirDatabase, f: ra_ap_hir_def::FunctionId) -> String {
    use ra_ap_hir_def::Lookup;
    let id = f.lookup(db).id;
    format!("{}#{:?}", file_site(db, id.file_id), id.value.erase())
}

fn adt_site(db: &dyn ra_ap_hir_ty::db::HirDatabase, adt: ra_ap_hir_def::AdtId) -> String {
    use ra_ap_hir_def::{AdtId, Lookup};
    let (file, ast) = match adt {
        AdtId::StructId(s) => {
            let id = s.lookup(db).id;
            (id.file_id, id.value.erase())
        }
        AdtId::EnumId(e) => {
            let id = e.lookup(db).id;
            (id.file_id, id.value.erase())
        }
        AdtId::UnionId(u) => {
            let id = u.lookup(db).id;
            (id.file_id, id.value.erase())
        }
    };
    format!("{}#{ast:?}", file_site(db, file))
}

fn closure_site(
    db: &dyn ra_ap_hir_ty::db::HirDatabase,
    loc: ra_ap_hir_ty::db::InternedClosure,
) -> String {
    use ra_ap_hir_def::{DefWithBodyId, Lookup};
    let ra_ap_hir_ty::InferBodyId::DefWithBodyId(owner) = loc.owner else {
        // (Closures in anonymous constants: described by their owner alone.)
        return format!("anon-const@{}", loc.expr.into_raw().into_u32());
    };
    let owner = match owner {
        DefWithBodyId::FunctionId(f) => fn_site(db, f),
        DefWithBodyId::StaticId(s) => {
            let id = s.lookup(db).id;
            format!("{}#{:?}", file_site(db, id.file_id), id.value.erase())
        }
        DefWithBodyId::ConstId(k) => {
            let id = k.lookup(db).id;
            format!("{}#{:?}", file_site(db, id.file_id), id.value.erase())
        }
        DefWithBodyId::VariantId(_) => "variant".to_owned(),
    };
    format!("{owner}@{}", loc.expr.into_raw().into_u32())
}

/// A file by its number, a macro expansion by the site of its call.
fn file_site(db: &dyn ra_ap_hir_ty::db::HirDatabase, file: ra_ap_hir_expand::HirFileId) -> String {
    use ra_ap_hir_expand::{HirFileId, MacroCallKind};
    match file {
        // (By path: file numbers shift when a file appears before it in the walk.)
        HirFileId::FileId(f) => {
            let file = f.file_id(db);
            let root = db.file_source_root(file).source_root_id(db);
            match db.source_root(root).source_root(db).path_for_file(&file) {
                Some(path) => path.to_string(),
                None => format!("file{}", file.index()),
            }
        }
        HirFileId::MacroFile(m) => {
            let loc = m.loc(db);
            let call = match &loc.kind {
                MacroCallKind::FnLike { ast_id, .. } => format!("{:?}", ast_id.value.erase()),
                MacroCallKind::Derive {
                    ast_id,
                    derive_attr_index,
                    derive_index,
                    ..
                } => format!(
                    "{:?}/{derive_attr_index:?}/{derive_index}",
                    ast_id.value.erase()
                ),
                MacroCallKind::Attr {
                    ast_id,
                    censored_attr_ids,
                    ..
                } => {
                    format!("{:?}/{censored_attr_ids:?}", ast_id.value.erase())
                }
            };
            format!("{}!{call}", file_site(db, loc.kind.file_id()))
        }
    }
}

/// The sysroot's crate `name` (`core`, `std`), if loaded.
pub(crate) fn sysroot_crate(
    db: &dyn ra_ap_hir_ty::db::HirDatabase,
    name: &str,
) -> Option<ra_ap_base_db::Crate> {
    ra_ap_base_db::all_crates(db).iter().copied().find(|k| {
        k.data(db).origin.is_lang()
            && k.extra_data(db)
                .display_name
                .as_ref()
                .is_some_and(|n| n.crate_name().as_str() == name)
    })
}

/// A type context with core's view, for names that do not depend on who asks.
fn canonical_tcx<'db>(tcx: &TyCx<'db>) -> Option<TyCx<'db>> {
    let db = tcx.db;
    let core = sysroot_crate(db, "core")?;
    if core == tcx.krate {
        return None;
    }
    let mut t = TyCx::new(db, core).ok()?;
    t.paths = tcx.paths.clone();
    Some(t)
}
