//! `TypeId`s that must equal rustc's: std creates `Box<dyn Any>` values itself (panic
//! payloads are `&'static str` or `String`), and rac-compiled code downcasts them
//! (`payload.downcast_ref::<&str>()`); rustc-compiled dependencies compare ids of their
//! types with ids computed in rac-compiled generic code (clap checks that an argument's
//! action and value parser agree on `TypeId::of::<u8>()`; rhai looks functions up by the
//! ids of their parameter types). rustc's `TypeId` is a stable hash rac cannot recompute,
//! so rac asks rustc: for the types of `SHARED_TYPES` once per toolchain (a tiny program
//! printing `type_name` and `TypeId` of each, cached in `target/rac/type-ids-<rustc
//! commit>.txt`), and for any other type of std and dependencies that a public path names,
//! once per build of the rlibs involved (a program naming it over the same rlibs, cached
//! in `target/rac/type-ids-deps-<commit>.txt`). See [`type_id_of`] for the types that get
//! rac's own ids.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result, anyhow, bail};

/// The types whose ids are rustc's, as Rust source: primitives, and the std types that
/// appear as values of `dyn Any` or in `TypeId` comparisons across crates.
const SHARED_TYPES: &[&str] = &[
    "&'static str",
    "String",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "f32",
    "f64",
    "bool",
    "char",
    "()",
    "str",
    "std::ffi::OsString",
    "std::path::PathBuf",
    "Vec<u8>",
    "Vec<String>",
    "Option<String>",
    "Box<str>",
    "&'static [u8]",
    "std::io::Error",
    "std::num::ParseIntError",
    "std::num::ParseFloatError",
    "std::fmt::Error",
    "std::str::Utf8Error",
    "std::string::FromUtf8Error",
    "std::time::Duration",
    "std::ffi::CString",
    "std::net::IpAddr",
    "std::net::SocketAddr",
];

/// Where to cache the ids: `target/rac` and the rustc commit.
static CACHE: OnceLock<(PathBuf, String)> = OnceLock::new();
static RUSTC_IDS: OnceLock<Result<HashMap<String, u128>, String>> = OnceLock::new();

/// rustc's `TypeId` for a type of `SHARED_TYPES`, given as rustc's `type_name` spells it
/// (`alloc::string::String`); `None` for any other type.
pub fn rustc_type_id(type_name: &str) -> Result<Option<u128>> {
    let ids = RUSTC_IDS.get_or_init(|| {
        let (rac_dir, commit) = CACHE.get().ok_or("rac's target directory is not known")?;
        load(rac_dir, commit).map_err(|e| format!("{e:#}"))
    });
    match ids {
        Ok(ids) => Ok(ids.get(type_name).copied()),
        Err(e) => Err(anyhow!("cannot learn rustc's TypeIds: {e}")),
    }
}

pub fn init(rac_dir: &Path, rustc_commit: &str) {
    let _ = CACHE.set((rac_dir.to_owned(), rustc_commit.to_owned()));
}

fn load(rac_dir: &Path, rustc_commit: &str) -> Result<HashMap<String, u128>> {
    let cache = rac_dir.join(format!("type-ids-{rustc_commit}.txt"));
    if let Some(ids) = std::fs::read_to_string(&cache).ok().and_then(|t| parse(&t)) {
        return Ok(ids);
    }
    let text = ask_rustc(rac_dir)?;
    let ids = parse(&text).context("cannot read the TypeIds rustc printed")?;
    let _ = std::fs::write(&cache, &text);
    Ok(ids)
}

/// `<printed type>\t0x<hex>` per line; `None` unless every shared type is there.
fn parse(text: &str) -> Option<HashMap<String, u128>> {
    let mut ids = HashMap::new();
    for line in text.lines() {
        let (name, hex) = line.split_once('\t')?;
        let hex = hex.trim().strip_prefix("TypeId(0x")?.strip_suffix(')')?;
        ids.insert(name.to_owned(), u128::from_str_radix(hex, 16).ok()?);
    }
    (ids.len() == SHARED_TYPES.len()).then_some(ids)
}

fn ask_rustc(rac_dir: &Path) -> Result<String> {
    let mut src = String::from("fn main() {\n");
    for rust in SHARED_TYPES {
        src.push_str(&format!(
            "    println!(\"{{}}\\t{{:?}}\", std::any::type_name::<{rust}>(), std::any::TypeId::of::<{rust}>());\n"
        ));
    }
    src.push_str("}\n");
    build_and_run(rac_dir, "type_ids", &src, &[])
}

/// Builds `source` with rustc (edition 2021, `args` added) in `target/rac/type-ids` and
/// returns what the program prints.
fn build_and_run(rac_dir: &Path, name: &str, source: &str, args: &[String]) -> Result<String> {
    let dir = rac_dir.join("type-ids");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let src_path = dir.join(format!("{name}.rs"));
    let exe = dir.join(name);
    std::fs::write(&src_path, source)?;
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = std::process::Command::new(&rustc)
        .args(["--edition=2021", "--cap-lints=allow", "-o"])
        .arg(&exe)
        .arg(&src_path)
        .args(args)
        .output()
        .context("cannot run rustc to learn its TypeIds")?;
    if !out.status.success() {
        bail!(
            "rustc could not build {}:\n{}",
            src_path.display(),
            String::from_utf8_lossy(&out.stderr).trim_end()
        );
    }
    let run = std::process::Command::new(&exe)
        .output()
        .with_context(|| format!("cannot run {}", exe.display()))?;
    Ok(String::from_utf8_lossy(&run.stdout).into_owned())
}

/// The `TypeId` rac-compiled code computes for `ty` (a monomorphic type).
///
/// Invariant: every id that rustc-compiled code may compute is rustc's.
/// - A type that a public path names, every part of it of std or of a crate rustc
///   compiles (dependencies, members marked for rustc): the id is learned by naming the
///   type in a program rustc builds over the same rlibs (the shared types once per
///   toolchain, other types once per build of their rlibs, both cached in `target/rac`).
///   rhai keys its function table by ids computed on both sides.
/// - A type of dependencies that no public path names (a private type: axum's router
///   stores path parameters in a request's extensions under `TypeId::of::<UrlParams>()`,
///   and its generic `Path` extractor, which rac compiles, looks them up): only code of
///   its crates can compute its id, through an instance of `TypeId::of` (exported, or
///   inlined into an exported `Any::type_id` or `Error::type_id`), which the rlib's
///   debuginfo names. A program rustc builds calls that function. Without an instance
///   no rustc-compiled code computes the id, and rac's own is safe; an instance only
///   inlined elsewhere (an optimized dependency) is refused; a dependency without
///   debuginfo cannot tell, and rac warns (`take_warnings`).
///
/// Other types get rac's own id: a type naming an item of a crate rac compiles (only rac
/// code can name it), and private types of std (std's rlibs have no such debuginfo).
pub fn type_id_of<'db>(
    tcx: &crate::ty::TyCx<'db>,
    linkmap: &linkmap::LinkMap,
    ty: ra_ap_hir_ty::next_solver::Ty<'db>,
) -> Result<u128> {
    let path = crate::symbol_path::ty_path(tcx, ty);
    if let Some(p) = &path
        && let Some(id) = rustc_type_id(p)?
    {
        return Ok(id);
    }
    let own = || Ok(own_id(path.as_deref().unwrap_or(&tcx.display(ty))));
    if names_rac_item(tcx, linkmap, ty) {
        return own();
    }
    if let Some(program) = TypeIdProgram::new(tcx, linkmap, ty) {
        return program.run();
    }
    match private_type_instance(tcx, linkmap, ty) {
        Some((name, found)) => match found {
            linkmap::TypeIdInstance::Exported { rlib, function } => {
                let mut externs = std::collections::BTreeMap::new();
                externs.insert(format!("rac_dep{rlib}"), linkmap.rlibs()[rlib].clone());
                TypeIdProgram {
                    probe: Probe::Instance(function),
                    externs,
                }
                .run()
            }
            linkmap::TypeIdInstance::NotExported { rlib } => bail!(
                "rustc-compiled code of {} computes the `TypeId` of `{name}`, a type no public path names, but only inlined (an optimized build): rac cannot learn rustc's id, and its own would differ; build that dependency with `opt-level = 0`",
                linkmap.rlibs()[rlib].display()
            ),
            linkmap::TypeIdInstance::None => own(),
            linkmap::TypeIdInstance::Unknown { .. } => {
                let mut w = UNKNOWN_IDS.lock().unwrap_or_else(|e| e.into_inner());
                w.insert(name);
                own()
            }
        },
        None => own(),
    }
}

/// Private types of dependencies built without debuginfo that got rac's own id since
/// the last `take_warnings`.
static UNKNOWN_IDS: std::sync::Mutex<std::collections::BTreeSet<String>> =
    std::sync::Mutex::new(std::collections::BTreeSet::new());

/// Warnings about ids rac could not check, since the last call (one line each).
pub fn take_warnings() -> Vec<String> {
    let names = std::mem::take(&mut *UNKNOWN_IDS.lock().unwrap_or_else(|e| e.into_inner()));
    if names.is_empty() {
        return Vec::new();
    }
    let shown: Vec<String> = names.iter().take(3).map(|n| format!("`{n}`")).collect();
    let more = names.len().saturating_sub(shown.len());
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    vec![format!(
        "rac gave its own `TypeId` to {} private type(s) of dependencies built without debuginfo ({}{more}): if such a dependency compares rustc's id of one with an id computed in code rac compiles (`downcast`, `Any`, `TypeId::of`), they differ; keep debuginfo on for dependencies (cargo's default `[profile.dev] debug`) so rac can find rustc's ids",
        names.len(),
        shown.join(", ")
    )]
}

/// For a type of dependencies that no public path names: its name as rustc's debuginfo
/// spells it, and where rustc-compiled code computes its id: in the crate that defines it
/// (dependencies are built with `opt-level = 0`, which exports generic instances).
fn private_type_instance<'db>(
    tcx: &crate::ty::TyCx<'db>,
    linkmap: &linkmap::LinkMap,
    ty: ra_ap_hir_ty::next_solver::Ty<'db>,
) -> Option<(String, linkmap::TypeIdInstance)> {
    let db = tcx.db;
    let name = crate::symbol_path::ty_path(tcx, ty)?;
    let mut crates = Vec::new();
    crate::instance::crates_of_ty(db, ty, &mut crates)?;
    crates.retain(|k| !k.data(db).origin.is_lang());
    let (first, rest) = crates.split_first()?;
    // Among the type's crates, those that depend on all the others; crates that depend
    // on them could instantiate it too (through their generic code), but reading every
    // dependent's debuginfo would cost seconds, and that is rare: a limit (README).
    let mut candidates = first.transitive_rev_deps(db).into_vec();
    for k in rest {
        let dependents = k.transitive_rev_deps(db);
        candidates.retain(|c| dependents.contains(c));
    }
    candidates.retain(|c| crates.contains(c));
    candidates.dedup();
    let rlibs: Vec<usize> = candidates
        .into_iter()
        .filter_map(|k| match crate::resolve::rlib_scope(db, linkmap, k) {
            crate::resolve::RlibScope::Rlib(i) => Some(i),
            _ => None,
        })
        .collect();
    Some((name.clone(), linkmap.type_id_instance(&name, rlibs)))
}

/// rac's own id of a type only rac code can name: FNV-1a over its printed path (unique per
/// type within a program).
fn own_id(s: &str) -> u128 {
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    for b in s.bytes() {
        h ^= b as u128;
        h = h.wrapping_mul(0x0000000001000000000000000000013B);
    }
    h
}

/// `ty` names an item (ADT, fn item, closure, trait of a trait object) of a crate that
/// rac compiles.
fn names_rac_item<'db>(
    tcx: &crate::ty::TyCx<'db>,
    linkmap: &linkmap::LinkMap,
    ty: ra_ap_hir_ty::next_solver::Ty<'db>,
) -> bool {
    use ra_ap_hir_def::{HasModule, Lookup};
    use ra_ap_hir_ty::next_solver::{GenericArgKind, TyKind};
    use ra_ap_rustc_type_ir::inherent::{BoundExistentialPredicates as _, IntoKind as _};
    let db = tcx.db;
    let mut crates = Vec::new();
    for t in ty.walk() {
        let GenericArgKind::Type(t) = t.kind() else {
            continue;
        };
        match t.kind() {
            TyKind::Dynamic(preds, _) => {
                let traits = preds
                    .principal_def_id()
                    .into_iter()
                    .chain(preds.auto_traits());
                crates.extend(traits.map(|t| t.0.lookup(db).container.krate(db)));
            }
            TyKind::Foreign(t) => crates.push(t.0.lookup(db).container.module(db).krate(db)),
            _ => {
                let mut out = Vec::new();
                if crate::instance::crates_of_ty(db, t, &mut out).is_some() {
                    crates.extend(out);
                }
            }
        }
    }
    crates
        .into_iter()
        .any(|k| crate::resolve::rlib_scope(db, linkmap, k) == crate::resolve::RlibScope::None)
}

/// A program rustc builds to print the `TypeId` of one type of std or dependencies.
struct TypeIdProgram {
    probe: Probe,
    /// `--extern` aliases of the dependency rlibs the program names.
    externs: std::collections::BTreeMap<String, PathBuf>,
}

/// How the program learns the id.
enum Probe {
    /// `TypeId::of::<T>()` with the type as source (a public path names it).
    Named(String),
    /// A call to a function of a dependency's rlib that computes the type's id (an
    /// instance of `TypeId::of`, or a `type_id` method it was inlined into), by its
    /// mangled symbol: for a type no public path names, whose id only its crate's code
    /// can compute.
    Instance(linkmap::debuginfo::TypeIdFn),
}

impl TypeIdProgram {
    fn new<'db>(
        tcx: &crate::ty::TyCx<'db>,
        linkmap: &linkmap::LinkMap,
        ty: ra_ap_hir_ty::next_solver::Ty<'db>,
    ) -> Option<TypeIdProgram> {
        let externs = std::cell::RefCell::new(std::collections::BTreeMap::new());
        let path_of = |item: ra_ap_hir_def::ModuleDefId| {
            let (path, rlib) = public_path(tcx, linkmap, item)?;
            if let Some(i) = rlib {
                externs
                    .borrow_mut()
                    .insert(format!("rac_dep{i}"), linkmap.rlibs()[i].clone());
            }
            Some(path)
        };
        let ty = crate::symbol_path::source_spelling(tcx, ty, &path_of)?;
        Some(TypeIdProgram {
            probe: Probe::Named(ty),
            externs: externs.into_inner(),
        })
    }

    /// The cache key: the type and the identity of each rlib (path, size, modification
    /// time): a rebuilt dependency may give its types other ids.
    fn key(&self) -> String {
        let mut key = match &self.probe {
            Probe::Named(ty) => ty.clone(),
            Probe::Instance(f) => format!("instance {}", f.symbol),
        };
        for (alias, rlib) in &self.externs {
            let stamp = std::fs::metadata(rlib)
                .ok()
                .map(|m| {
                    let t = m
                        .modified()
                        .ok()
                        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                        .map(|d| d.as_nanos())
                        .unwrap_or(0);
                    format!("{}:{t}", m.len())
                })
                .unwrap_or_default();
            key.push_str(&format!(" {alias}={}@{stamp}", rlib.display()));
        }
        key
    }

    fn run(&self) -> Result<u128> {
        static KNOWN: std::sync::Mutex<Option<HashMap<String, u128>>> = std::sync::Mutex::new(None);
        let (rac_dir, commit) = CACHE
            .get()
            .ok_or_else(|| anyhow!("rac's target directory is not known"))?;
        let cache = rac_dir.join(format!("type-ids-deps-{commit}.txt"));
        let key = self.key();
        // One program at a time: units compile in parallel and often need the same ids.
        let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
        let known = known.get_or_insert_with(|| {
            let text = std::fs::read_to_string(&cache).unwrap_or_default();
            text.lines()
                .filter_map(|l| {
                    let (k, hex) = l.rsplit_once('\t')?;
                    Some((
                        k.to_owned(),
                        u128::from_str_radix(hex.strip_prefix("0x")?, 16).ok()?,
                    ))
                })
                .collect()
        });
        if let Some(id) = known.get(&key) {
            return Ok(*id);
        }
        let id = self.ask_rustc(rac_dir)?;
        known.insert(key.clone(), id);
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&cache)
        {
            let _ = writeln!(f, "{key}\t0x{id:x}");
        }
        Ok(id)
    }

    fn ask_rustc(&self, rac_dir: &Path) -> Result<u128> {
        let src = match &self.probe {
            // `extern crate alloc`: paths found from `no_std` crates start with `alloc`.
            Probe::Named(ty) => format!(
                "extern crate alloc;\nfn main() {{\n    println!(\"{{:?}}\", std::any::TypeId::of::<{ty}>());\n}}\n"
            ),
            // `extern crate` links the rlib (and what it needs). The declaration has the
            // function's signature as far as the Rust ABI goes: `TypeId::of`'s, or a
            // `type_id` method's `&self` (zero-sized arguments are not passed). The
            // method does not read `self`: a reference to any aligned bytes will do.
            Probe::Instance(f) => {
                let crates: String = self
                    .externs
                    .keys()
                    .map(|a| format!("extern crate {a};\n"))
                    .collect();
                let (param, arg) = if f.receiver {
                    ("this: *const u8", "SELF.0.as_ptr()")
                } else {
                    ("", "")
                };
                format!(
                    "{crates}#[repr(align(64))]\nstruct Bytes([u8; 4096]);\nstatic SELF: Bytes = Bytes([0; 4096]);\nextern \"Rust\" {{\n    #[link_name = \"{}\"]\n    fn rac_type_id({param}) -> std::any::TypeId;\n}}\nfn main() {{\n    println!(\"{{:?}}\", unsafe {{ rac_type_id({arg}) }});\n}}\n",
                    f.symbol
                )
            }
        };
        let mut args = Vec::new();
        let mut dirs = Vec::new();
        for (alias, rlib) in &self.externs {
            args.push("--extern".to_owned());
            args.push(format!("{alias}={}", rlib.display()));
            if let Some(d) = rlib.parent()
                && !dirs.contains(&d)
            {
                dirs.push(d);
            }
        }
        for d in dirs {
            args.push("-L".to_owned());
            args.push(format!("dependency={}", d.display()));
        }
        let text =
            build_and_run(rac_dir, "dep_type_id", &src, &args).with_context(|| {
                match &self.probe {
                    Probe::Named(ty) => format!("`TypeId::of::<{ty}>()`"),
                    Probe::Instance(f) => format!("`{}`, which computes a `TypeId`", f.symbol),
                }
            })?;
        text.trim()
            .strip_prefix("TypeId(0x")
            .and_then(|h| h.strip_suffix(')'))
            .and_then(|h| u128::from_str_radix(h, 16).ok())
            .ok_or_else(|| anyhow!("cannot read the TypeId rustc's program printed: {text:?}"))
    }
}

/// A path that names `item` from a crate that depends on its crate, as source: `::std::..`
/// for std, `::rac_depN::..` for the rlib with index `N` in the link map (returned too).
fn public_path<'db>(
    tcx: &crate::ty::TyCx<'db>,
    linkmap: &linkmap::LinkMap,
    item: ra_ap_hir_def::ModuleDefId,
) -> Option<(String, Option<usize>)> {
    use ra_ap_hir_def::HasModule;
    use ra_ap_hir_def::find_path::{FindPathConfig, PrefixKind, find_path};
    use ra_ap_hir_expand::mod_path::PathKind;
    let db = tcx.db;
    let home = match item {
        ra_ap_hir_def::ModuleDefId::AdtId(a) => a.module(db).krate(db),
        ra_ap_hir_def::ModuleDefId::TraitId(t) => t.module(db).krate(db),
        _ => return None,
    };
    let home_is_sysroot = home.data(db).origin.is_lang();
    let cfg = FindPathConfig {
        prefer_no_std: false,
        prefer_prelude: false,
        prefer_absolute: false,
        allow_unstable: false,
    };
    // From the view crate first, then from every crate that depends on the item's.
    let all = ra_ap_base_db::all_crates(db);
    let dependents = all
        .iter()
        .copied()
        .filter(|k| k.data(db).dependencies.iter().any(|d| d.crate_id == home));
    for from in std::iter::once(tcx.krate).chain(dependents) {
        if from == home {
            continue;
        }
        let root = ra_ap_hir_def::nameres::crate_def_map(db, from).root_module_id();
        let Some(path) = find_path(
            db,
            ra_ap_hir_def::item_scope::ItemInNs::Types(item),
            root,
            PrefixKind::Plain,
            true,
            cfg,
        ) else {
            continue;
        };
        if !matches!(path.kind, PathKind::Plain | PathKind::Abs) {
            continue;
        }
        let segs: Vec<String> = path
            .segments()
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect();
        let Some(first) = segs.first() else {
            continue;
        };
        let dep = from
            .data(db)
            .dependencies
            .iter()
            .find(|d| d.name.as_str() == first.as_str());
        match dep {
            // A name of std's prelude (`String`, `Vec`): the program has the same prelude.
            None if segs.len() == 1 && home_is_sysroot => return Some((segs[0].clone(), None)),
            None => continue,
            Some(d) if d.crate_id.data(db).origin.is_lang() => {
                return Some((format!("::{}", segs.join("::")), None));
            }
            Some(d) => {
                let i = linkmap.crate_rlib(d.crate_id.data(db).root_file_id.index())?;
                let rest = segs[1..]
                    .iter()
                    .map(|s| format!("::{s}"))
                    .collect::<String>();
                return Some((format!("::rac_dep{i}{rest}"), Some(i)));
            }
        }
    }
    None
}
