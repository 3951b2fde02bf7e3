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
    /// Wall time of compiling every reachable instance (translation and Cranelift, on
    /// `jobs` threads), and the units compiled.
    pub compile: Duration,
    pub functions: usize,
    /// CPU time inside `compile`, summed over threads: call resolution and MIR lowering
    /// (exclusive), translation to Cranelift IR (exclusive of those), and Cranelift.
    pub resolve: crate::phase::PhaseTotal,
    pub lower: crate::phase::PhaseTotal,
    pub translate: Duration,
    pub codegen: Duration,
    /// Functions whose machine code came from the on-disk cache.
    pub cache_hits: usize,
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
    for target in &req.targets {
        match build_target(&session, req, target, &mut report.timings) {
            Ok(r) => report.targets.push(r),
            Err(e) if req.keep_going => report.failed.push((target.name.clone(), e)),
            Err(e) => return Err(e),
        }
    }
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

pub(crate) fn find_main(
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

pub(crate) fn binary_crate(
    db: &ra_ap_ide_db::RootDatabase,
    vfs: &ra_ap_vfs::Vfs,
    target: &BinTarget,
) -> Option<hir::Crate> {
    find_crate(db, vfs, &target.src_path)
}

/// What every unit of one binary is compiled against.
#[derive(Clone)]
pub struct UnitConfig {
    /// The binary crate: its view of the world (it sees every impl).
    pub krate: ra_ap_base_db::Crate,
    pub isa: cranelift_codegen::isa::OwnedTargetIsa,
    pub linkmap: Arc<linkmap::LinkMap>,
    pub paths: crate::spans::PathDisplay,
    pub cache: Option<Arc<crate::stencil_cache::StencilCache>>,
}

/// The result of compiling one instance (or the entry glue), free of the database
/// lifetime so it can cross threads and be kept.
#[derive(Clone, Debug, Default)]
pub struct UnitOutput {
    /// `None` when translation failed (the reason is in `errors`).
    pub unit: Option<crate::unit::CompiledUnit>,
    /// Instances the unit refers to (to be compiled too), with their tier.
    pub references: Vec<(crate::instance::InstanceKey, crate::resolve::Tier)>,
    pub errors: Vec<crate::cx::UnitError>,
    pub tier2: usize,
    pub resolve: crate::phase::PhaseTotal,
    pub lower: crate::phase::PhaseTotal,
    pub translate: Duration,
    pub codegen: Duration,
}

fn new_cx<'db>(
    db: &'db dyn ra_ap_hir_ty::db::HirDatabase,
    config: &UnitConfig,
) -> Result<CodegenCx<'db>> {
    let mut tcx = crate::ty::TyCx::new(db, config.krate)?;
    tcx.paths = config.paths.clone();
    Ok(CodegenCx::new(
        tcx,
        config.isa.clone(),
        config.linkmap.clone(),
    ))
}

/// Turns a translated context into a unit: Cranelift compiles its functions.
fn finish_unit(mut cx: CodegenCx<'_>, config: &UnitConfig, out: &mut UnitOutput) {
    out.references = cx.references.iter().map(|(i, t)| (i.key(), *t)).collect();
    out.errors.append(&mut cx.errors);
    out.tier2 = cx.stats.tier2;
    if !out.errors.is_empty() {
        return;
    }
    let t = Instant::now();
    let funcs = std::mem::take(&mut cx.compiled);
    let module = std::mem::replace(
        &mut cx.module,
        crate::unit::RecordingModule::new(config.isa.clone()),
    );
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        module.finish(funcs, config.cache.as_deref())
    }));
    out.codegen = t.elapsed();
    match r {
        Ok(Ok(unit)) => out.unit = Some(unit),
        Ok(Err(e)) => out.errors.push(crate::cx::UnitError {
            function: cx.current.map(|i| i.describe(&cx.tcx)).unwrap_or_default(),
            reason: format!("{e:#}"),
        }),
        Err(_) => out.errors.push(crate::cx::UnitError {
            function: cx.current.map(|i| i.describe(&cx.tcx)).unwrap_or_default(),
            reason: "internal error: Cranelift panicked".into(),
        }),
    }
}

/// The entry glue of a binary: C `main` and the allocator shim.
pub fn compile_entry(
    db: &dyn ra_ap_hir_ty::db::HirDatabase,
    config: &UnitConfig,
    main: ra_ap_hir_def::FunctionId,
) -> Result<UnitOutput> {
    let mut cx = new_cx(db, config)?;
    crate::entry::define_c_main(&mut cx, main)?;
    crate::entry::define_allocator_shim(&mut cx)?;
    let mut out = UnitOutput::default();
    finish_unit(cx, config, &mut out);
    Ok(out)
}

/// Compiles one instance: translation to Cranelift IR, then machine code. A failure is
/// reported in `errors`, never as a partial unit.
pub fn compile_instance<'db>(
    db: &'db dyn ra_ap_hir_ty::db::HirDatabase,
    config: &UnitConfig,
    instance: Instance<'db>,
) -> UnitOutput {
    let mut out = UnitOutput::default();
    let mut cx = match new_cx(db, config) {
        Ok(cx) => cx,
        Err(e) => {
            out.errors.push(crate::cx::UnitError {
                function: String::new(),
                reason: format!("{e:#}"),
            });
            return out;
        }
    };
    let t = Instant::now();
    crate::phase::take();
    translate_instance(&mut cx, instance);
    let (resolve, lower) = crate::phase::take();
    out.translate = t.elapsed().saturating_sub(resolve.time + lower.time);
    out.resolve = resolve;
    out.lower = lower;
    finish_unit(cx, config, &mut out);
    out
}

/// Translates `instance` into `cx.compiled` (errors go to `cx.errors`).
pub(crate) fn translate_instance<'db>(cx: &mut CodegenCx<'db>, instance: Instance<'db>) {
    cx.current = Some(instance);
    let name = |cx: &CodegenCx<'db>| instance.describe(&cx.tcx);
    let sig = match cx.fn_abi(&instance) {
        Ok(abi) => abi.signature(),
        Err(e) => {
            let name = name(cx);
            cx.error(&instance, name, format!("{e:#}"));
            return;
        }
    };
    let symbol = crate::symbols::instance_symbol(&cx.tcx, &instance);
    let id = match cx
        .module
        .declare_function(&symbol, cranelift_module::Linkage::Local, &sig)
    {
        Ok(id) => id,
        Err(e) => {
            let name = name(cx);
            cx.error(&instance, name, format!("cannot declare {symbol}: {e}"));
            return;
        }
    };
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
            let name = name(cx);
            cx.error(&instance, name, format!("{e:#}"));
        }
        Err(panic) => {
            if panic.is::<ra_ap_base_db::salsa::Cancelled>() {
                std::panic::resume_unwind(panic);
            }
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            let name = name(cx);
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

/// Everything reachable from a binary's `main`, compiled.
pub struct Walk {
    pub units: Vec<crate::unit::CompiledUnit>,
    pub errors: Vec<BuildError>,
    pub stats: Stats,
}

/// Compiles the entry glue and every instance reachable from it, wave by wave, each wave
/// on `jobs` threads (the database takes concurrent readers; every thread has its own
/// handle). Call chains for errors follow the first unit that referred to an instance.
pub fn walk(
    db: &ra_ap_ide_db::RootDatabase,
    config: &UnitConfig,
    main: ra_ap_hir_def::FunctionId,
    jobs: usize,
    timings: &mut Timings,
) -> Result<Walk> {
    use crate::instance::InstanceKey;
    use rustc_hash::FxHashMap;

    let entry = ra_ap_hir_ty::attach_db(db, || compile_entry(db, config, main))?;
    let mut walk = Walk {
        units: Vec::new(),
        errors: Vec::new(),
        stats: Stats::default(),
    };
    // The first referrer of each instance (`None`: the entry glue).
    let mut parent: FxHashMap<InstanceKey, Option<InstanceKey>> = FxHashMap::default();
    let mut frontier: Vec<InstanceKey> = Vec::new();
    let absorb = |from: Option<&InstanceKey>,
                  out: UnitOutput,
                  walk: &mut Walk,
                  parent: &mut FxHashMap<InstanceKey, Option<InstanceKey>>,
                  frontier: &mut Vec<InstanceKey>,
                  timings: &mut Timings| {
        for (r, tier) in out.references {
            if let std::collections::hash_map::Entry::Vacant(v) = parent.entry(r.clone()) {
                v.insert(from.cloned());
                match tier {
                    crate::resolve::Tier::Tier1 => walk.stats.tier1 += 1,
                    crate::resolve::Tier::Tier3 => walk.stats.tier3 += 1,
                    crate::resolve::Tier::Generated => walk.stats.generated += 1,
                    crate::resolve::Tier::Tier2 => {}
                }
                frontier.push(r);
            }
        }
        walk.stats.tier2 += out.tier2;
        timings.resolve.time += out.resolve.time;
        timings.resolve.count += out.resolve.count;
        timings.lower.time += out.lower.time;
        timings.lower.count += out.lower.count;
        timings.translate += out.translate;
        timings.codegen += out.codegen;
        if let Some(u) = out.unit {
            timings.functions += u.functions.len();
            walk.units.push(u);
        }
        out.errors
    };
    let mut pending_errors: Vec<(Option<InstanceKey>, crate::cx::UnitError)> = Vec::new();
    for e in absorb(None, entry, &mut walk, &mut parent, &mut frontier, timings) {
        pending_errors.push((None, e));
    }
    // Workers take instances from a shared queue and add what each unit references, so a
    // slow unit never holds back the others (no waves).
    struct Shared {
        queue: Vec<InstanceKey>,
        busy: usize,
        done: Vec<(InstanceKey, UnitOutput)>,
        failed: Option<String>,
    }
    let shared = std::sync::Mutex::new(Shared {
        queue: std::mem::take(&mut frontier),
        busy: 0,
        done: Vec::new(),
        failed: None,
    });
    let wake = std::sync::Condvar::new();
    let jobs = jobs.max(1);
    let handles: Vec<ra_ap_ide_db::RootDatabase> = (0..jobs).map(|_| db.clone()).collect();
    std::thread::scope(|scope| {
        for handle in handles {
            let shared = &shared;
            let wake = &wake;
            scope.spawn(move || {
                let db = handle;
                loop {
                    let key = {
                        let mut s = shared.lock().unwrap();
                        loop {
                            if s.failed.is_some() {
                                return;
                            }
                            if let Some(k) = s.queue.pop() {
                                s.busy += 1;
                                break k;
                            }
                            // Only the coordinator knows when nothing more will come.
                            s = wake.wait(s).unwrap();
                        }
                    };
                    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        ra_ap_hir_ty::attach_db(&db, || {
                            let dbr: &dyn ra_ap_hir_ty::db::HirDatabase = &db;
                            compile_instance(dbr, config, key.instance())
                        })
                    }));
                    let mut s = shared.lock().unwrap();
                    s.busy -= 1;
                    match out {
                        Ok(out) => s.done.push((key, out)),
                        Err(_) => {
                            s.failed = Some("internal error: a compile worker panicked".into())
                        }
                    }
                    wake.notify_all();
                }
            });
        }
        // The coordinator: absorbs finished units and queues what they reference.
        let mut s = shared.lock().unwrap();
        loop {
            let done = std::mem::take(&mut s.done);
            if !done.is_empty() {
                drop(s);
                let mut next = Vec::new();
                for (key, out) in done {
                    for e in absorb(Some(&key), out, &mut walk, &mut parent, &mut next, timings) {
                        pending_errors.push((Some(key.clone()), e));
                    }
                }
                s = shared.lock().unwrap();
                s.queue.extend(next);
                wake.notify_all();
                continue;
            }
            if s.failed.is_some() || (s.queue.is_empty() && s.busy == 0) {
                s.failed.get_or_insert_with(String::new);
                wake.notify_all();
                break;
            }
            s = wake.wait(s).unwrap();
        }
    });
    let failed = shared.into_inner().unwrap().failed.unwrap_or_default();
    if !failed.is_empty() {
        return Err(anyhow!("{failed}"));
    }
    if !pending_errors.is_empty() {
        ra_ap_hir_ty::attach_db(db, || -> Result<()> {
            let tcx = crate::ty::TyCx::new(db, config.krate)?;
            for (at, e) in pending_errors {
                let mut chain = Vec::new();
                let mut cur = at;
                while let Some(k) = cur {
                    chain.push(k.instance().describe(&tcx));
                    cur = parent.get(&k).cloned().flatten();
                    if chain.len() > 64 {
                        break;
                    }
                }
                chain.reverse();
                if chain.last() != Some(&e.function) {
                    chain.push(e.function.clone());
                }
                walk.errors.push(BuildError {
                    function: e.function,
                    chain,
                    reason: e.reason,
                });
            }
            Ok(())
        })?;
    }
    Ok(walk)
}

fn build_target(
    session: &Session,
    req: &BuildRequest,
    target: &BinTarget,
    timings: &mut Timings,
) -> Result<TargetReport> {
    let db = &session.ws.db;
    let krate = find_crate(db, &session.ws.vfs, &target.src_path).ok_or_else(|| {
        anyhow!(
            "rust-analyzer did not load the crate of binary `{}` ({})",
            target.name,
            target.src_path.display()
        )
    })?;
    let main = find_main(db, krate)
        .ok_or_else(|| anyhow!("binary `{}` has no `main` function", target.name))?;
    let config = UnitConfig {
        krate: krate.into(),
        isa: crate::emit::build_isa()?,
        linkmap: session.linkmap.clone(),
        paths: path_display(req, &session.tc),
        cache: Some(Arc::new(crate::stencil_cache::StencilCache::new(
            &req.rac_dir.join("cache"),
        ))),
    };
    let t = Instant::now();
    let walk = walk(db, &config, main, req.jobs, timings)?;
    timings.compile += t.elapsed();
    if let Some(c) = &config.cache {
        timings.cache_hits += c.hits.load(std::sync::atomic::Ordering::Relaxed);
    }
    if !walk.errors.is_empty() {
        let mut errors = walk.errors;
        errors.sort_by(|a, b| a.function.cmp(&b.function));
        errors.dedup_by(|a, b| a.function == b.function && a.reason == b.reason);
        return Err(anyhow::Error::new(Refusal {
            target: target.name.clone(),
            errors,
        }));
    }
    let nfuncs = walk.units.iter().map(|u| u.functions.len()).sum();

    let t = Instant::now();
    let bytes = crate::emit::write_object(&config.isa, &target.name, &walk.units)?;
    std::fs::create_dir_all(&target.work_dir)
        .with_context(|| format!("cannot create {}", target.work_dir.display()))?;
    let obj = target.work_dir.join(format!("{}.o", target.name));
    std::fs::write(&obj, bytes).with_context(|| format!("cannot write {}", obj.display()))?;
    timings.object += t.elapsed();

    let t = Instant::now();
    let tmp_out = target.work_dir.join(&target.name);
    crate::link::link(&session.tc.sysroot, &[obj], &session.rlibs, &tmp_out)?;
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
        stats: walk.stats,
        functions: nfuncs,
    })
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
pub(crate) fn path_display(req: &BuildRequest, tc: &Toolchain) -> crate::spans::PathDisplay {
    crate::spans::PathDisplay {
        workspace_root: format!("{}/", req.workspace_root.display()),
        library_src: format!(
            "{}",
            tc.sysroot.join("lib/rustlib/src/rust/library").display()
        ),
        rustc_commit: tc.rustc_commit.clone(),
    }
}
