//! Rust paths printed the way `rustc_demangle` prints v0 symbols without crate hashes, so
//! a function found by rust-analyzer can be looked up in the link map:
//! `std::io::stdio::_print`, `<alloc::string::String as core::fmt::Write>::write_str`,
//! `<core::fmt::Formatter>::pad`.
//!
//! Dependencies' own symbols are legacy-mangled (rustc's default outside std): items
//! declared in blocks (`static`s of `thread_local!`, a `fn` inside a `fn`) are looked up
//! by their legacy paths (`block_item_path`), impls spelled as rustc's legacy printer
//! does. A path that cannot be printed (closures, types the printer does not know) yields
//! `None`, which only means "no Tier 2 symbol"; it never selects a wrong one.

use ra_ap_hir::db::HirDatabase;
use ra_ap_hir_def::{
    AdtId, FunctionId, GenericDefId, HasModule, ItemContainerId, Lookup, ModuleDefId, ModuleId,
    TraitId,
    signatures::{
        EnumSignature, FunctionSignature, StructSignature, TraitSignature, UnionSignature,
    },
};
use ra_ap_hir_ty::next_solver::{GenericArg, GenericArgs, Ty, TyKind};
use ra_ap_rustc_type_ir::inherent::{GenericArg as _, IntoKind};
use ra_ap_rustc_type_ir::{FloatTy, IntTy, UintTy};

use crate::ty::TyCx;

pub fn crate_name(db: &dyn HirDatabase, krate: ra_ap_base_db::Crate) -> String {
    krate
        .extra_data(db)
        .display_name
        .as_ref()
        .map(|n| n.crate_name().as_str().replace('-', "_"))
        .unwrap_or_else(|| "?".into())
}

/// `krate::a::b` for a module; `None` inside function bodies (block modules).
pub fn module_path(db: &dyn HirDatabase, module: ModuleId) -> Option<String> {
    let mut segs = vec![crate_name(db, module.krate(db))];
    segs.extend(module_segments(db, module)?);
    Some(segs.join("::"))
}

/// The names of the modules from the crate root (excluded) down to `module`; `None` inside
/// function bodies (block modules have no name).
pub fn module_segments(db: &dyn HirDatabase, module: ModuleId) -> Option<Vec<String>> {
    let m = ra_ap_hir::Module::from(module);
    let mut segs = Vec::new();
    for m in m.path_to_root(db) {
        if m.is_crate_root(db) {
            break;
        }
        segs.push(m.name(db)?.as_str().to_owned());
    }
    segs.reverse();
    Some(segs)
}

/// A static's path as rustc's symbols spell it: `krate::module::NAME`, or for a static
/// declared in a block (`memchr`'s `static FN` in each of its dispatch functions,
/// `thread_local!` in a method), the legacy path of [`block_item_path`].
pub fn static_path<'db>(tcx: &TyCx<'db>, s: ra_ap_hir_def::StaticId) -> Option<String> {
    let db = tcx.db;
    let ItemContainerId::ModuleId(m) = s.lookup(db).container else {
        return None;
    };
    let name = ra_ap_hir_def::signatures::StaticSignature::of(db, s)
        .name
        .as_str()
        .to_owned();
    if m.block(db).is_none() {
        return Some(format!("{}::{name}", module_path(db, m)?));
    }
    block_item_path(tcx, m, &name)
}

/// The legacy path of an item named `name` declared in the block module `block` (a
/// function's body, a closure, an inline `const`), as rustc's legacy symbols spell it
/// (rustc's default for crates other than std): the enclosing items from the module down,
/// closures, `async` blocks and `async fn` bodies as `{{closure}}`, inline consts as `{{constant}}`, an impl as rustc's legacy
/// printer spells it (`impl_path`). `thread_local!` inside `impl Registry { fn
/// in_worker_cold() }` is `rayon_core::registry::Registry::in_worker_cold::LOCK_LATCH::
/// {{constant}}::{{closure}}::__RUST_STD_INTERNAL_VAL`; smol's `fn global()` inside
/// `pub fn spawn<T>()` is `smol::spawn::spawn::global`. `None` inside a trait's default
/// method and where a printer gives up.
fn block_item_path<'db>(tcx: &TyCx<'db>, block: ModuleId, name: &str) -> Option<String> {
    use ra_ap_syntax::{AstNode, ast, ast::HasName};
    let db = tcx.db;
    let block_id = block.block(db)?;
    // Blocks nest (the function's body, a macro's `{ }`): the path is the module's.
    let mut parent = block_id.module(db);
    while let Some(outer) = parent.block(db) {
        parent = outer.module(db);
    }
    // SAFETY: the id is used for this one path lookup in the same database, not kept.
    let parent = unsafe { parent.to_static() };
    let node = block_id.ast_id(db).to_in_file_node(db);
    let mut segments: Vec<String> = vec![name.to_owned()];
    let mut prefix = None;
    // Through macro expansions: `thread_local_inner!` expands inside the `const` item
    // that `thread_local!` expands to.
    for n in node.syntax().cloned().ancestors_with_macros(db) {
        let file_id = n.file_id;
        let n = n.value;
        if let Some(c) = ast::Const::cast(n.clone()) {
            segments.push(c.name()?.text().to_string());
        } else if let Some(st) = ast::Static::cast(n.clone()) {
            segments.push(st.name()?.text().to_string());
        } else if let Some(f) = ast::Fn::cast(n.clone()) {
            // An `async fn`'s body is a coroutine: a closure in rustc's def paths.
            if f.async_token().is_some() {
                segments.push("{{closure}}".into());
            }
            segments.push(f.name()?.text().to_string());
        } else if ast::ClosureExpr::can_cast(n.kind()) {
            segments.push("{{closure}}".into());
        } else if let Some(b) = ast::BlockExpr::cast(n.clone())
            && b.const_token().is_some()
        {
            segments.push("{{constant}}".into());
        } else if let Some(b) = ast::BlockExpr::cast(n.clone())
            && (b.async_token().is_some() || b.gen_token().is_some())
        {
            segments.push("{{closure}}".into());
        } else if let Some(imp) = ast::Impl::cast(n.clone()) {
            let ptr = ra_ap_syntax::AstPtr::new(&imp);
            let id = ra_ap_hir::Module::from(parent)
                .impl_defs(db)
                .into_iter()
                .filter_map(|i| ra_ap_hir_def::ImplId::try_from(i).ok())
                .find(|&i| {
                    let loc = i.lookup(db);
                    loc.id.file_id == file_id && loc.id.to_ptr(db) == ptr
                })?;
            prefix = Some(legacy_impl_path(tcx, id)?);
            break;
        } else if ast::Trait::can_cast(n.kind()) {
            return None;
        } else if ast::Module::can_cast(n.kind()) {
            break;
        }
    }
    let mut path = match prefix {
        Some(p) => p,
        None => module_path(db, parent)?,
    };
    for s in segments.iter().rev() {
        path.push_str("::");
        path.push_str(s);
    }
    Some(path)
}

/// An impl's path as rustc's legacy symbol printer spells it (`print_impl_path`), with
/// the impl's own parameters by name: `<krate::m::Layer<S,N,E,W> as krate::l::Layer<S>>`,
/// `krate::m::Registry` for an inherent impl of a type, and `krate::m::<impl
/// krate::t::Trait for krate::u::Type>` for an impl in neither the type's nor the
/// trait's module.
fn legacy_impl_path<'db>(tcx: &TyCx<'db>, imp: ra_ap_hir_def::ImplId) -> Option<String> {
    let db = tcx.db;
    let self_ty = db.impl_self_ty(imp).skip_binder();
    let trait_ref = db.impl_trait(imp).map(|t| t.skip_binder());
    let module = imp.lookup(db).container;
    let self_path = print_ty(tcx, self_ty, Style::Legacy)?;
    let trait_path = match &trait_ref {
        Some(tr) => Some(trait_path_in(tcx, tr.def_id.0, tr.args, 1, Style::Legacy)?),
        None => None,
    };
    let in_self_mod = match self_ty.kind() {
        TyKind::Adt(def, _) => def.def_id().module(db) == module,
        _ => false,
    };
    let in_trait_mod = trait_ref
        .as_ref()
        .is_some_and(|tr| tr.def_id.0.module(db) == module);
    if !in_self_mod && !in_trait_mod {
        let parent = module_path(db, module)?;
        return Some(match trait_path {
            Some(t) => format!("{parent}::<impl {t} for {self_path}>"),
            None => format!("{parent}::<impl {self_path}>"),
        });
    }
    Some(match trait_path {
        Some(t) => format!("<{self_path} as {t}>"),
        None if matches!(
            self_ty.kind(),
            TyKind::Adt(..)
                | TyKind::Bool
                | TyKind::Char
                | TyKind::Str
                | TyKind::Int(_)
                | TyKind::Uint(_)
                | TyKind::Float(_)
        ) =>
        {
            self_path
        }
        None => format!("<{self_path}>"),
    })
}

/// The path legacy symbols (rustc's default for crates other than std) give an inherent
/// method of a type without type or const parameters: `crate::module::Type::method`,
/// where v0 symbols and [`fn_path`] say `<crate::module::Type>::method`.
pub fn legacy_inherent_fn_path<'db>(tcx: &TyCx<'db>, f: FunctionId) -> Option<String> {
    let db = tcx.db;
    let ItemContainerId::ImplId(imp) = f.lookup(db).container else {
        return None;
    };
    if db.impl_trait(imp).is_some() {
        return None;
    }
    let self_ty = db.impl_self_ty(imp).skip_binder();
    let TyKind::Adt(adt, adt_args) = self_ty.kind() else {
        return None;
    };
    if adt_args.types().next().is_some() || adt_args.consts().next().is_some() {
        return None;
    }
    let adt = adt.def_id();
    let name = FunctionSignature::of(db, f).name.as_str().to_owned();
    Some(format!(
        "{}::{}::{name}",
        module_path(db, adt.module(db))?,
        adt_name(db, adt)
    ))
}

pub fn fn_path<'db>(tcx: &TyCx<'db>, f: FunctionId, args: GenericArgs<'db>) -> Option<String> {
    let db = tcx.db;
    let name = FunctionSignature::of(db, f).name.as_str().to_owned();
    match f.lookup(db).container {
        ItemContainerId::ModuleId(m) if m.block(db).is_some() => block_item_path(tcx, m, &name),
        ItemContainerId::ModuleId(m) => Some(format!("{}::{name}", module_path(db, m)?)),
        ItemContainerId::ImplId(imp) => {
            let self_ty = tcx.instantiate(db.impl_self_ty(imp).skip_binder(), args);
            let self_ty = ty_path(tcx, self_ty)?;
            match db.impl_trait(imp) {
                None => Some(format!("<{self_ty}>::{name}")),
                Some(tr) => {
                    let tr = tcx.instantiate(tr.skip_binder(), args);
                    let tr_args = tr.args;
                    let trait_path = trait_path(tcx, tr.def_id.0, tr_args, 1)?;
                    Some(format!("<{self_ty} as {trait_path}>::{name}"))
                }
            }
        }
        ItemContainerId::TraitId(_) | ItemContainerId::ExternBlockId(_) => None,
    }
}

fn trait_path<'db>(
    tcx: &TyCx<'db>,
    t: TraitId,
    args: GenericArgs<'db>,
    skip: usize,
) -> Option<String> {
    trait_path_in(tcx, t, args, skip, Style::Symbol)
}

fn trait_path_in<'db>(
    tcx: &TyCx<'db>,
    t: TraitId,
    args: GenericArgs<'db>,
    skip: usize,
    style: Style<'_>,
) -> Option<String> {
    let db = tcx.db;
    let base = format!(
        "{}::{}",
        module_path(db, t.module(db))?,
        TraitSignature::of(db, t).name.as_str()
    );
    with_args_in(tcx, base, GenericDefId::TraitId(t), args, skip, style)
}

pub fn adt_name(db: &dyn HirDatabase, adt: AdtId) -> String {
    match adt {
        AdtId::StructId(s) => StructSignature::of(db, s).name.as_str().to_owned(),
        AdtId::EnumId(e) => EnumSignature::of(db, e).name.as_str().to_owned(),
        AdtId::UnionId(u) => UnionSignature::of(db, u).name.as_str().to_owned(),
    }
}

fn adt_path_in<'db>(
    tcx: &TyCx<'db>,
    adt: AdtId,
    args: GenericArgs<'db>,
    style: Style<'_>,
) -> Option<String> {
    let db = tcx.db;
    let base = match style {
        Style::Source(path_of) => path_of(ModuleDefId::AdtId(adt))?,
        Style::Symbol | Style::TypeName | Style::Legacy => {
            format!(
                "{}::{}",
                module_path(db, adt.module(db))?,
                adt_name(db, adt)
            )
        }
    };
    with_args_in(tcx, base, GenericDefId::AdtId(adt), args, 0, style)
}

/// See `type_name`. Owners other than functions (statics, constants) and functions whose
/// path rustc spells differently from `fn_path` (generic impls) give `None`.
fn closure_path<'db>(
    tcx: &TyCx<'db>,
    c: ra_ap_hir_ty::db::InternedClosureId<'db>,
    args: GenericArgs<'db>,
) -> Option<String> {
    let db = tcx.db;
    let loc = c.loc(db);
    let f = loc.owner.as_function()?;
    let n =
        crate::instance::generics_count(tcx, ra_ap_hir_ty::next_solver::SolverDefId::FunctionId(f));
    let parent = GenericArgs::new_from_slice(&args.as_slice()[..n.min(args.len())]);
    let name = FunctionSignature::of(db, f).name.as_str().to_owned();
    let owner = match f.lookup(db).container {
        ItemContainerId::ModuleId(m) => {
            let base = format!("{}::{name}", module_path(db, m)?);
            with_args_in(
                tcx,
                base,
                GenericDefId::FunctionId(f),
                parent,
                0,
                Style::TypeName,
            )?
        }
        ItemContainerId::ImplId(imp) => {
            let own = crate::instance::generics_count(
                tcx,
                ra_ap_hir_ty::next_solver::SolverDefId::ImplId(imp.into()),
            );
            if own != n {
                return None; // the method's own generics: spelled after the impl's
            }
            match db.impl_trait(imp) {
                // rustc spells an inherent method of a generic type's impl otherwise.
                None if n != 0 => return None,
                None => legacy_inherent_fn_path(tcx, f)?,
                Some(_) => fn_path(tcx, f, parent)?,
            }
        }
        ItemContainerId::TraitId(_) | ItemContainerId::ExternBlockId(_) => return None,
    };
    let depth = closure_depth(db, loc.owner, loc.expr)?;
    Some(format!("{owner}{}", "::{{closure}}".repeat(depth)))
}

/// How many closures enclose `expr` in its owner's body, itself included.
fn closure_depth(
    db: &dyn HirDatabase,
    owner: ra_ap_hir_ty::InferBodyId,
    expr: ra_ap_hir_def::hir::ExprId,
) -> Option<usize> {
    use ra_ap_hir_def::hir::Expr;
    let ra_ap_hir_ty::InferBodyId::DefWithBodyId(owner) = owner else {
        return None;
    };
    let body = ra_ap_hir_def::expr_store::Body::of(db, owner);
    fn walk(
        store: &ra_ap_hir_def::expr_store::ExpressionStore,
        at: ra_ap_hir_def::hir::ExprId,
        target: ra_ap_hir_def::hir::ExprId,
        depth: usize,
    ) -> Option<usize> {
        let depth = if matches!(store[at], Expr::Closure { .. }) {
            depth + 1
        } else {
            depth
        };
        if at == target {
            return Some(depth);
        }
        let mut found = None;
        store.walk_child_exprs(at, |child| {
            if found.is_none() {
                found = walk(store, child, target, depth);
            }
        });
        found
    }
    walk(&body, body.root_expr(), expr, 0)
}

/// Appends `<A, B>` for the type and const arguments, dropping trailing arguments equal to
/// their defaults (rustc's `own_args_no_defaults`).
fn with_args_in<'db>(
    tcx: &TyCx<'db>,
    base: String,
    def: GenericDefId,
    args: GenericArgs<'db>,
    skip: usize,
    style: Style<'_>,
) -> Option<String> {
    let mut printed = Vec::new();
    for a in &args_without_defaults(tcx, def, args, skip) {
        if let Some(t) = a.as_type() {
            printed.push(print_ty(tcx, t, style)?);
        } else if a.as_const().is_some() {
            return None;
        }
    }
    if printed.is_empty() {
        Some(base)
    } else {
        Some(format!("{base}<{}>", printed.join(style.separator())))
    }
}

/// `args[skip..]` without the trailing arguments equal to their defaults (rustc's
/// `own_args_no_defaults`): `Vec<T>`, not `Vec<T, Global>`.
pub fn args_without_defaults<'db>(
    tcx: &TyCx<'db>,
    def: GenericDefId,
    args: GenericArgs<'db>,
    skip: usize,
) -> Vec<GenericArg<'db>> {
    let all: Vec<GenericArg<'db>> = args.iter().collect();
    let defaults = tcx.db.generic_defaults(def);
    let mut end = all.len();
    while end > skip {
        let Some(default) = defaults.get(end - 1) else {
            break;
        };
        let prefix = GenericArgs::new_from_slice(&all[..end - 1]);
        let d = tcx.instantiate(default.skip_binder(), prefix);
        if d != all[end - 1] {
            break;
        }
        end -= 1;
    }
    all[skip.min(end)..end].to_vec()
}

/// How `print_ty` spells a type.
#[derive(Clone, Copy)]
enum Style<'a> {
    /// As demangled v0 symbols spell it (`ty_path`).
    Symbol,
    /// As rustc's `type_name` spells it (`type_name`).
    TypeName,
    /// As Rust source in another crate names it (`source_spelling`): each ADT and trait
    /// by the path the function gives.
    Source(&'a dyn Fn(ModuleDefId) -> Option<String>),
    /// As rustc's legacy symbol printer spells a generic impl's header (`legacy_impl_path`):
    /// arguments separated by `,` alone, the impl's parameters by name.
    Legacy,
}

impl Style<'_> {
    /// Between generic arguments and tuple fields.
    fn separator(self) -> &'static str {
        if matches!(self, Style::Legacy) {
            ","
        } else {
            ", "
        }
    }
}

pub fn ty_path<'db>(tcx: &TyCx<'db>, ty: Ty<'db>) -> Option<String> {
    print_ty(tcx, ty, Style::Symbol)
}

/// The type as Rust source that names it in a type position of another crate, each ADT
/// and trait by the path `item_path` gives (`None` when it has none); `None` for types
/// such source cannot name (closures, `!`, fn pointers, trait objects with associated
/// type bindings).
pub fn source_spelling<'db>(
    tcx: &TyCx<'db>,
    ty: Ty<'db>,
    item_path: &dyn Fn(ModuleDefId) -> Option<String>,
) -> Option<String> {
    print_ty(tcx, ty, Style::Source(item_path))
}

/// rustc's `type_name`: `ty_path`, and closures as their owner's path followed by
/// `::{{closure}}` per level of nesting (`app::main::{{closure}}`,
/// `<app::S as app::Tr>::t::{{closure}}`, `app::g<u8>::{{closure}}`). Not for symbols
/// or type ids: two closures of one function print the same.
pub fn type_name<'db>(tcx: &TyCx<'db>, ty: Ty<'db>) -> Option<String> {
    print_ty(tcx, ty, Style::TypeName)
}

fn print_ty<'db>(tcx: &TyCx<'db>, ty: Ty<'db>, style: Style<'_>) -> Option<String> {
    Some(match ty.kind() {
        TyKind::Bool => "bool".into(),
        TyKind::Char => "char".into(),
        TyKind::Str => "str".into(),
        TyKind::Never if matches!(style, Style::Source(_)) => return None,
        TyKind::Never => "!".into(),
        TyKind::Int(i) => match i {
            IntTy::Isize => "isize",
            IntTy::I8 => "i8",
            IntTy::I16 => "i16",
            IntTy::I32 => "i32",
            IntTy::I64 => "i64",
            IntTy::I128 => "i128",
        }
        .into(),
        TyKind::Uint(u) => match u {
            UintTy::Usize => "usize",
            UintTy::U8 => "u8",
            UintTy::U16 => "u16",
            UintTy::U32 => "u32",
            UintTy::U64 => "u64",
            UintTy::U128 => "u128",
        }
        .into(),
        TyKind::Float(f) => match f {
            FloatTy::F16 => "f16",
            FloatTy::F32 => "f32",
            FloatTy::F64 => "f64",
            FloatTy::F128 => "f128",
        }
        .into(),
        TyKind::Tuple(tys) => {
            let parts = tys
                .iter()
                .map(|t| print_ty(tcx, t, style))
                .collect::<Option<Vec<_>>>()?;
            match parts.len() {
                1 => format!("({},)", parts[0]),
                _ => format!("({})", parts.join(style.separator())),
            }
        }
        TyKind::Param(p) if matches!(style, Style::Legacy) => {
            let params = ra_ap_hir_def::hir::generics::GenericParams::of(tcx.db, p.id.parent());
            params[p.id.local_id()].name()?.as_str().to_owned()
        }
        TyKind::Array(..) if matches!(style, Style::Legacy) => return None,
        TyKind::Ref(_, t, m) => {
            let m = if m.is_mut() { "mut " } else { "" };
            format!("&{m}{}", print_ty(tcx, t, style)?)
        }
        TyKind::RawPtr(t, m) => {
            let m = if m.is_mut() { "mut" } else { "const" };
            format!("*{m} {}", print_ty(tcx, t, style)?)
        }
        TyKind::Slice(t) => format!("[{}]", print_ty(tcx, t, style)?),
        TyKind::Array(t, n) => {
            let n = ra_ap_hir_ty::consteval::try_const_usize(tcx.db, n)?;
            format!("[{}; {n}]", print_ty(tcx, t, style)?)
        }
        TyKind::Adt(def, args) => adt_path_in(tcx, def.def_id(), args, style)?,
        TyKind::Closure(c, args) if matches!(style, Style::TypeName) => {
            closure_path(tcx, c.0, args)?
        }
        TyKind::Dynamic(preds, _) if matches!(style, Style::Source(_)) => {
            dyn_source(tcx, preds, style)?
        }
        TyKind::FnPtr(sig_tys, header) if matches!(style, Style::TypeName) => {
            fn_ptr_type_name(tcx, sig_tys.with(header), style)?
        }
        _ => return None,
    })
}

/// `fn(A, B) -> R` and `unsafe fn(A)` as rustc's `type_name` prints them; `None` for a
/// signature with lifetimes (rustc prints `fn(&'_ u8)`), another ABI or C variadics.
fn fn_ptr_type_name<'db>(
    tcx: &TyCx<'db>,
    sig: ra_ap_hir_ty::next_solver::PolyFnSig<'db>,
    style: Style<'_>,
) -> Option<String> {
    let sig = sig.skip_binder();
    // rustc prints a reference's late-bound lifetime (`fn(&'_ u8)`), which rust-analyzer's
    // signature does not always list as bound: no lifetime at all, or `None`.
    if sig
        .inputs_and_output
        .iter()
        .any(|t| t.walk().any(|a| a.as_region().is_some()))
    {
        return None;
    }
    if !matches!(sig.abi(), ra_ap_rustc_abi::ExternAbi::Rust) || sig.c_variadic() {
        return None;
    }
    let inputs = sig
        .inputs()
        .iter()
        .map(|t| print_ty(tcx, *t, style))
        .collect::<Option<Vec<_>>>()?;
    let output = sig.output();
    let ret = if output.is_unit() {
        String::new()
    } else {
        format!(" -> {}", print_ty(tcx, output, style)?)
    };
    use ra_ap_rustc_type_ir::inherent::Safety as _;
    let safety = if sig.safety().is_safe() {
        ""
    } else {
        "unsafe "
    };
    Some(format!("{safety}fn({}){ret}", inputs.join(", ")))
}

/// `dyn Trait<Args> + Send` for `source_spelling`: the principal trait with its
/// arguments, then the auto traits; `None` with associated type bindings.
fn dyn_source<'db>(
    tcx: &TyCx<'db>,
    preds: ra_ap_hir_ty::next_solver::BoundExistentialPredicates<'db>,
    style: Style<'_>,
) -> Option<String> {
    use ra_ap_rustc_type_ir::inherent::BoundExistentialPredicates as _;
    let Style::Source(path_of) = style else {
        return None;
    };
    if preds.projection_bounds().into_iter().next().is_some() {
        return None;
    }
    let mut parts = Vec::new();
    if let Some(p) = preds.principal() {
        let p = p.skip_binder();
        let t = p.def_id.0;
        let base = path_of(ModuleDefId::TraitId(t))?;
        // The existential reference has no `Self`: its arguments are the trait's own.
        let mut printed = Vec::new();
        for a in p.args.iter() {
            if let Some(t) = a.as_type() {
                printed.push(print_ty(tcx, t, style)?);
            } else if a.as_const().is_some() {
                return None;
            }
        }
        parts.push(if printed.is_empty() {
            base
        } else {
            format!("{base}<{}>", printed.join(", "))
        });
    }
    for t in preds.auto_traits() {
        parts.push(path_of(ModuleDefId::TraitId(t.0))?);
    }
    (!parts.is_empty()).then(|| format!("dyn {}", parts.join(" + ")))
}

/// `<Self as Trait<Args>>::method` for a trait method applied to concrete arguments.
pub fn trait_method_path<'db>(
    tcx: &TyCx<'db>,
    f: FunctionId,
    args: GenericArgs<'db>,
) -> Option<String> {
    let db = tcx.db;
    let ItemContainerId::TraitId(t) = f.lookup(db).container else {
        return None;
    };
    let self_ty = ty_path(tcx, args.iter().next()?.as_type()?)?;
    let n =
        crate::instance::generics_count(tcx, ra_ap_hir_ty::next_solver::SolverDefId::TraitId(t));
    let trait_args = GenericArgs::new_from_slice(&args.as_slice()[..n]);
    let trait_path = trait_path(tcx, t, trait_args, 1)?;
    let name = FunctionSignature::of(db, f).name.as_str().to_owned();
    Some(format!("<{self_ty} as {trait_path}>::{name}"))
}
