//! The build driver: load the workspace, compile each binary's reachable instances into one
//! object, and link it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use cranelift_codegen::ir::{Function, UserFuncName};
use cranelift_module::Module;
use ra_ap_hir as hir;

use crate::cx::{BuildError, CodegenCx, Stats};
use crate::instance::{Instance, InstanceKind};

#[derive(Debug, Clone)]
pub struct BinTarget {
    pub name: String,
    pub src_path: PathBuf,
    /// Where the binary lands (`target/debug/<name>`).
    pub out_path: PathBuf,
    /// Intermediates (`target/rac/<name>/`).
    pub work_dir: PathBuf,
}

#[derive(Debug, Clone)]
pub struct BuildRequest {
    pub manifest_dir: PathBuf,
    pub workspace_root: PathBuf,
    pub targets: Vec<BinTarget>,
    pub jobs: usize,
    /// Build every target even when one fails (`--keep-going`).
    pub keep_going: bool,
    /// `target/rac`: intermediates and caches (the link map index).
    pub rac_dir: PathBuf,
}

#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub load: Duration,
    pub linkmap: Duration,
    /// The crate def maps (name resolution and macro expansion) of the local crates and
    /// their dependencies, and the number of local crates.
    pub name_resolution: Duration,
    pub crates: usize,
    /// Call resolution (exclusive of the MIR lowering it triggers) and its count of calls.
    pub resolve: crate::phase::PhaseTotal,
    /// rust-analyzer's MIR lowering and monomorphization, and the bodies lowered.
    pub lower: crate::phase::PhaseTotal,
    /// MIR → Cranelift IR, exclusive of the two above; `functions` translated.
    pub translate: Duration,
    pub functions: usize,
    pub codegen: Duration,
    pub object: Duration,
    pub link: Duration,
    /// How the link map was obtained from its on-disk index.
    pub linkmap_cache: Option<linkmap::CacheOutcome>,
}

#[derive(Debug, Default, Clone)]
pub struct TargetReport {
    pub name: String,
    pub stats: Stats,
    pub functions: usize,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub targets: Vec<TargetReport>,
    /// Targets that failed (only with `keep_going`): name and the error.
    pub failed: Vec<(String, anyhow::Error)>,
    pub timings: Timings,
}

/// A build that failed because some functions cannot be compiled by rac.
#[derive(Debug)]
pub struct Refusal {
    pub target: String,
    pub errors: Vec<BuildError>,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for e in &self.errors {
            writeln!(f, "error: rac cannot compile `{}`", e.function)?;
            writeln!(f, "  reason: {}", e.reason)?;
            writeln!(f, "  call chain: {}", e.chain.join(" -> "))?;
            writeln!(
                f,
                "  help: move this code behind a non-generic function in a crate that rustc compiles (a dependency), and call that instead"
            )?;
        }
        write!(
            f,
            "error: could not compile binary `{}` with rac ({} function(s) refused)",
            self.target,
            self.errors.len()
        )
    }
}

impl std::error::Error for Refusal {}

pub struct Toolchain {
    pub sysroot: PathBuf,
    pub rustc_commit: String,
}

pub fn toolchain() -> Result<Toolchain> {
    let sysroot = crate::load::sysroot()?;
    let out = std::process::Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("-vV")
        .output()
        .context("cannot run `rustc -vV`")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let rustc_commit = text
        .lines()
        .find_map(|l| l.strip_prefix("commit-hash: "))
        .unwrap_or("unknown")
        .trim()
        .to_owned();
    Ok(Toolchain {
        sysroot,
        rustc_commit,
    })
}

/// What every command needs before it looks at a function: the toolchain, the link map
/// of the sysroot rlibs and the workspace loaded into rust-analyzer.
pub struct Session {
    pub tc: Toolchain,
    pub rlibs: Vec<PathBuf>,
    pub linkmap: Arc<linkmap::LinkMap>,
    pub ws: crate::load::LoadedWorkspace,
}

pub fn open_session(req: &BuildRequest, timings: &mut Timings) -> Result<Session> {
    install_panic_hook();
    let tc = toolchain()?;
    crate::load::check_rust_src(&tc.sysroot)?;
    crate::type_id::init(&req.rac_dir, &tc.rustc_commit);

    let t = Instant::now();
    let rlibs = crate::link::std_rlibs(&tc.sysroot)?;
    // An unchanged toolchain is not re-read: the index is keyed by each rlib's path, size
    // and mtime, and checksummed (a damaged index is rebuilt, never trusted).
    let (linkmap, outcome) =
        linkmap::LinkMap::load_cached(&rlibs, &req.rac_dir.join("linkmap.idx"))?;
    let linkmap = Arc::new(linkmap);
    timings.linkmap = t.elapsed();
    timings.linkmap_cache = Some(outcome);

    crate::spans::install_macro_hooks(path_display(req, &tc));
    let t = Instant::now();
    let ws = crate::load::load(&req.manifest_dir, &tc.sysroot)?;
    timings.load = t.elapsed();
    // Walking the local crates' modules computes their def maps, and with them the def
    // maps (name resolution, macro expansion) of std, core and alloc.
    let t = Instant::now();
    for krate in hir::Crate::all(&ws.db) {
        if krate.origin(&ws.db).is_local() {
            crate::spans::record_file_modules(&ws.db, krate);
            timings.crates += 1;
        }
    }
    timings.name_resolution = t.elapsed();
    Ok(Session {
        tc,
        rlibs,
        linkmap,
        ws,
    })
}

pub fn build(req: &BuildRequest) -> Result<BuildReport> {
    let mut report = BuildReport::default();
    let session = open_session(req, &mut report.timings)?;
    let Session {
        tc,
        rlibs,
        linkmap,
        ws,
    } = &session;
    let db = &ws.db;
    let vfs = &ws.vfs;
    ra_ap_hir_ty::attach_db(db, || -> Result<()> {
        for target in &req.targets {
            let r = build_target(
                db,
                vfs,
                tc,
                req,
                target,
                linkmap.clone(),
                rlibs,
                &mut report.timings,
            );
            match r {
                Ok(r) => report.targets.push(r),
                Err(e) if req.keep_going => report.failed.push((target.name.clone(), e)),
                Err(e) => return Err(e),
            }
        }
        Ok(())
    })?;
    // Tearing down rust-analyzer's database takes seconds and the process is about to
    // exit (rust-analyzer's own CLI does the same).
    std::mem::forget(session);
    Ok(report)
}

fn find_crate(
    db: &ra_ap_ide_db::RootDatabase,
    vfs: &ra_ap_vfs::Vfs,
    src: &Path,
) -> Option<hir::Crate> {
    let src = std::fs::canonicalize(src).ok()?;
    hir::Crate::all(db).into_iter().find(|k| {
        if !k.origin(db).is_local() {
            return false;
        }
        let file = k.root_file(db);
        let path = vfs.file_path(file);
        path.as_path()
            .and_then(|p| std::fs::canonicalize(p.as_str()).ok())
            .as_deref()
            == Some(src.as_path())
    })
}

fn find_main(
    db: &ra_ap_ide_db::RootDatabase,
    krate: hir::Crate,
) -> Option<ra_ap_hir_def::FunctionId> {
    krate
        .root_module(db)
        .declarations(db)
        .into_iter()
        .find_map(|d| match d {
            hir::ModuleDef::Function(f) if f.name(db).as_str() == "main" => {
                ra_ap_hir_def::FunctionId::try_from(f).ok()
            }
            _ => None,
        })
}

#[allow(clippy::too_many_arguments)]
fn build_target(
    db: &ra_ap_ide_db::RootDatabase,
    vfs: &ra_ap_vfs::Vfs,
    tc: &Toolchain,
    req: &BuildRequest,
    target: &BinTarget,
    linkmap: Arc<linkmap::LinkMap>,
    rlibs: &[PathBuf],
    timings: &mut Timings,
) -> Result<TargetReport> {
    let t = Instant::now();
    crate::phase::take();
    let translated = translate_target(db, vfs, tc, req, target, linkmap, false);
    let (resolve, lower) = crate::phase::take();
    timings.translate += t.elapsed().saturating_sub(resolve.time + lower.time);
    timings.resolve.time += resolve.time;
    timings.resolve.count += resolve.count;
    timings.lower.time += lower.time;
    timings.lower.count += lower.count;
    let (mut cx, isa) = translated?;
    timings.functions += cx.compiled.len();
    if !cx.errors.is_empty() {
        let mut errors = std::mem::take(&mut cx.errors);
        errors.dedup_by(|a, b| a.function == b.function && a.reason == b.reason);
        return Err(anyhow::Error::new(Refusal {
            target: target.name.clone(),
            errors,
        }));
    }

    let t = Instant::now();
    let funcs = std::mem::take(&mut cx.compiled);
    let nfuncs = funcs.len();
    let compiled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::emit::compile_all(&isa, funcs, req.jobs)
    }))
    .map_err(|_| {
        anyhow!(
            "internal error: Cranelift panicked while compiling `{}`",
            target.name
        )
    })??;
    timings.codegen += t.elapsed();

    let t = Instant::now();
    let mut eh = crate::emit::EhFrameBuilder::new(isa.as_ref())?;
    for c in compiled {
        cx.module
            .define_function_bytes(c.id, c.alignment, &c.bytes, &c.relocs)
            .map_err(|e| anyhow!("defining a function: {e}"))?;
        if let Some(u) = c.unwind {
            eh.add_function(&mut cx.module, c.id, u, c.lsda)?;
        }
    }
    let stats = cx.stats.clone();
    let CodegenCx { module, .. } = cx;
    let mut product = module.finish();
    eh.emit(&mut product)?;
    let bytes = product
        .emit()
        .map_err(|e| anyhow!("writing the object file: {e}"))?;
    std::fs::create_dir_all(&target.work_dir)
        .with_context(|| format!("cannot create {}", target.work_dir.display()))?;
    let obj = target.work_dir.join(format!("{}.o", target.name));
    std::fs::write(&obj, bytes).with_context(|| format!("cannot write {}", obj.display()))?;
    timings.object += t.elapsed();

    let t = Instant::now();
    let tmp_out = target.work_dir.join(&target.name);
    crate::link::link(&tc.sysroot, &[obj], rlibs, &tmp_out)?;
    if let Some(dir) = target.out_path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    // Replace the file: never write through a hard link cargo may have made.
    let staged = target.out_path.with_extension("rac-tmp");
    std::fs::copy(&tmp_out, &staged)
        .with_context(|| format!("cannot write {}", staged.display()))?;
    std::fs::rename(&staged, &target.out_path)
        .with_context(|| format!("cannot write {}", target.out_path.display()))?;
    timings.link += t.elapsed();
    Ok(TargetReport {
        name: target.name.clone(),
        stats,
        functions: nfuncs,
    })
}

/// Translates everything reachable from the binary's `main` into Cranelift IR (errors are
/// collected in `cx.errors`, not returned). With `explain`, call sites are recorded too.
pub(crate) fn translate_target<'db>(
    db: &'db ra_ap_ide_db::RootDatabase,
    vfs: &ra_ap_vfs::Vfs,
    tc: &Toolchain,
    req: &BuildRequest,
    target: &BinTarget,
    linkmap: Arc<linkmap::LinkMap>,
    explain: bool,
) -> Result<(CodegenCx<'db>, cranelift_codegen::isa::OwnedTargetIsa)> {
    let krate = find_crate(db, vfs, &target.src_path).ok_or_else(|| {
        anyhow!(
            "rust-analyzer did not load the crate of binary `{}` ({})",
            target.name,
            target.src_path.display()
        )
    })?;
    let main = find_main(db, krate)
        .ok_or_else(|| anyhow!("binary `{}` has no `main` function", target.name))?;
    let mut tcx = crate::ty::TyCx::new(db, krate.into())?;
    tcx.paths = path_display(req, tc);
    let isa = crate::emit::build_isa()?;
    let module = crate::emit::new_module(isa.clone(), &target.name)?;
    let mut cx = CodegenCx::new(tcx, module, isa.clone(), linkmap);
    if explain {
        cx.explain = Some(Vec::new());
    }
    crate::entry::define_c_main(&mut cx, main)?;
    crate::entry::define_allocator_shim(&mut cx)?;
    drain_queue(&mut cx);
    Ok((cx, isa))
}

pub(crate) fn drain_queue(cx: &mut CodegenCx<'_>) {
    while let Some(instance) = cx.queue.pop_front() {
        translate_instance(cx, instance);
    }
}

pub(crate) fn binary_crate(
    db: &ra_ap_ide_db::RootDatabase,
    vfs: &ra_ap_vfs::Vfs,
    target: &BinTarget,
) -> Option<hir::Crate> {
    find_crate(db, vfs, &target.src_path)
}

fn translate_instance<'db>(cx: &mut CodegenCx<'db>, instance: Instance<'db>) {
    let Some(id) = cx.func_id(&instance) else {
        return;
    };
    let sig = match cx.fn_abi(&instance) {
        Ok(abi) => abi.signature(),
        Err(e) => {
            let name = instance.describe(&cx.tcx);
            cx.error(&instance, name, format!("{e:#}"));
            return;
        }
    };
    cx.current = Some(instance);
    if let Ok(filter) = std::env::var("RAC_DUMP_MIR")
        && instance.describe(&cx.tcx).contains(&filter)
        && let Ok(body) = crate::mir::body_of(&cx.tcx, &instance)
    {
        let text = crate::mir::dump(&cx.tcx, body);
        eprintln!("; MIR of {}\n{text}", instance.describe(&cx.tcx));
    }
    let mut func = Function::with_name_signature(UserFuncName::user(0, id.as_u32()), sig);

    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match instance.kind {
        InstanceKind::Item(_) | InstanceKind::Closure(_) => {
            crate::base::codegen_mir_instance(cx, instance, &mut func)
        }
        _ => crate::glue::codegen_glue_instance(cx, instance, &mut func),
    }));
    if let Ok(filter) = std::env::var("RAC_DUMP_CLIF")
        && instance.describe(&cx.tcx).contains(&filter)
    {
        eprintln!("; {}\n{}", instance.describe(&cx.tcx), func.display());
    }
    match result {
        Ok(Ok(())) => cx.compiled.push((id, func)),
        Ok(Err(e)) => {
            let name = instance.describe(&cx.tcx);
            cx.error(&instance, name, format!("{e:#}"));
        }
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            let name = instance.describe(&cx.tcx);
            let at = LAST_PANIC_LOCATION
                .with(|l| l.borrow().clone())
                .unwrap_or_default();
            cx.error(
                &instance,
                name,
                format!("internal error while compiling: {msg} ({at})"),
            );
        }
    }
}

pub fn ensure(cond: bool, msg: &str) -> Result<()> {
    if !cond {
        bail!("{msg}");
    }
    Ok(())
}

thread_local! {
    static LAST_PANIC_LOCATION: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Internal errors (panics inside rust-analyzer or rac while compiling one function) are
/// reported as that function's refusal; the hook keeps where they happened for the report
/// and keeps the default hook's message off the user's terminal.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let loc = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()));
            LAST_PANIC_LOCATION.with(|l| *l.borrow_mut() = loc);
            if std::env::var_os("RAC_PANIC_TRACE").is_some() {
                default(info);
            }
        }));
    });
}

/// How rustc names source files (panic locations, `file!()`): see `spans::PathDisplay`.
fn path_display(req: &BuildRequest, tc: &Toolchain) -> crate::spans::PathDisplay {
    crate::spans::PathDisplay {
        workspace_root: format!("{}/", req.workspace_root.display()),
        library_src: format!(
            "{}",
            tc.sysroot.join("lib/rustlib/src/rust/library").display()
        ),
        rustc_commit: tc.rustc_commit.clone(),
    }
}
