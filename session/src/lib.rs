//! A rac session: one cargo workspace loaded into rust-analyzer, kept across builds.
//!
//! The session owns the database, the VFS, the link map and the codegen input. Each build
//! first applies the edits made since the last one (`edits.rs`), then walks every binary
//! from its entry glue (`walk.rs`), reusing each compiled unit whose database reads are
//! unchanged (`codegen::query::compiled_unit`), writes the object and links (`link.rs`).
//! The build server keeps one session per workspace; `--no-server` opens one per command.
//!
//! Invariants:
//! - a build sees every source file as it was when the build started (edits are applied
//!   first, and a changed manifest makes the caller reload the session);
//! - a binary is written to a temporary file and renamed into place, never written in
//!   place; a build that fails leaves the previous binary untouched;
//! - a binary is "fresh" (not rebuilt) only when no source file changed since it was
//!   built by this session, its request is the same, and the file on disk is the one this
//!   session wrote (same size, mtime and inode).

pub mod check;
pub mod deps;
pub mod edits;
pub mod explain;
mod harness;
pub mod link;
pub mod load;
mod walk;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use codegen::cx::{BuildError, Stats};
use ra_ap_hir as hir;

pub use walk::Walk;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BinTarget {
    pub name: String,
    pub src_path: PathBuf,
    /// Where the binary lands (`target/debug/<name>`).
    pub out_path: PathBuf,
    /// Intermediates (`target/rac/<name>/`).
    pub work_dir: PathBuf,
    /// A test target: its entry is the generated libtest harness, not `main`.
    pub harness: Option<Harness>,
    /// Its package as cargo names it in `Compiling` lines: `app v0.1.0 (/path/to/app)`.
    pub package: String,
}

/// What a build reports while it runs (for cargo's `Compiling` lines and progress bar).
#[derive(Debug)]
pub enum BuildEvent<'a> {
    /// `target` is not fresh: it is being compiled.
    Compiling(&'a BinTarget),
    /// The walk of `target` has compiled or reused `done` of the `found` instances it has
    /// found so far (reported a few times a second).
    Units {
        target: &'a BinTarget,
        done: usize,
        found: usize,
    },
}

/// How the harness of a test target describes its tests (see `harness.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Harness {
    /// The root file as rustc names it in test descriptions (`src/lib.rs`).
    pub source_file: String,
    /// A `tests/` target (rustc's `TestType::IntegrationTest`).
    pub integration: bool,
}

/// Where a session's workspace is and where its intermediates go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionConfig {
    pub manifest_dir: PathBuf,
    pub workspace_root: PathBuf,
    /// `target/rac`: intermediates and caches (link map index, machine code cache).
    pub rac_dir: PathBuf,
    /// cargo's target directory (where cargo builds build scripts and proc macros).
    pub target_dir: PathBuf,
    pub cargo: CargoOptions,
}

/// The cargo options a workspace is loaded with: they decide which code exists (features)
/// and how cargo may resolve (`--locked`, `--offline`, `--frozen`), so a change reloads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CargoOptions {
    /// `--features`, split and sorted (`feat` or `package/feat`).
    pub features: Vec<String>,
    pub all_features: bool,
    pub no_default_features: bool,
    /// `--locked`, `--offline`, `--frozen`: passed to every cargo command rac runs.
    pub flags: Vec<String>,
    /// Package selection as given (`-p`, `--workspace`, `--exclude`) and target selection
    /// (`--bin`, `--bins`, `--example`, `--examples`): what cargo builds, and so which
    /// dependencies and how their features unify.
    pub packages: Vec<String>,
    pub targets: Vec<String>,
    /// Workspace members marked `[package.metadata.rac] compile = "rustc"`: name and
    /// package directory. cargo builds them with rustc like dependencies; rac calls their
    /// monomorphic functions through Tier 2.
    pub rustc_members: Vec<(String, PathBuf)>,
    /// `cargo rac test`: members are loaded with `cfg(test)` and the dependencies are
    /// built for tests (dev-dependencies too).
    pub test: bool,
}

impl CargoOptions {
    /// The arguments of a cargo command that builds what these options select.
    pub fn command_line(&self) -> Vec<String> {
        let mut v = self.packages.clone();
        v.extend(self.targets.iter().cloned());
        v.extend(self.feature_args());
        v.extend(self.flags.iter().cloned());
        v
    }

    /// The same without the target selection (for a command that picks its own targets).
    pub fn package_command_line(&self) -> Vec<String> {
        let mut v = self.packages.clone();
        v.extend(self.feature_args());
        v.extend(self.flags.iter().cloned());
        v
    }

    fn feature_args(&self) -> Vec<String> {
        let mut v = Vec::new();
        if !self.features.is_empty() {
            v.push(format!("--features={}", self.features.join(",")));
        }
        if self.all_features {
            v.push("--all-features".to_owned());
        }
        if self.no_default_features {
            v.push("--no-default-features".to_owned());
        }
        v
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildRequest {
    pub targets: Vec<BinTarget>,
    pub jobs: usize,
    /// Build every target even when one fails (`--keep-going`).
    pub keep_going: bool,
    /// The environment of the command, when it is not this process's own (a build
    /// server's command): rustc's checks read it (`check::run`).
    pub env: Option<HashMap<String, String>>,
}

#[derive(Debug, Default, Clone)]
pub struct Timings {
    /// Reading the workspace's layout (`cargo metadata`, unless cached).
    pub plan: Duration,
    /// Applying the edits found since the last build, and the files changed.
    pub refresh: Duration,
    pub changed_files: usize,
    pub load: Duration,
    pub linkmap: Duration,
    /// The crate def maps (name resolution and macro expansion) of the local crates and
    /// their dependencies, and the number of local crates.
    pub name_resolution: Duration,
    pub crates: usize,
    /// Wall time of compiling every reachable instance (translation and Cranelift, on
    /// `jobs` threads), and the functions in the binary.
    pub compile: Duration,
    pub functions: usize,
    /// Units compiled in this build, and units reused from an earlier one.
    pub compiled: usize,
    pub reused: usize,
    /// CPU time inside `compile`, summed over threads: call resolution and MIR lowering
    /// (exclusive), translation to Cranelift IR (exclusive of those), and Cranelift.
    pub resolve: codegen::phase::PhaseTotal,
    pub lower: codegen::phase::PhaseTotal,
    pub translate: Duration,
    pub codegen: Duration,
    /// Functions whose machine code came from the on-disk cache.
    pub cache_hits: usize,
    pub object: Duration,
    /// Object files written (the others were kept from an earlier build).
    pub objects_written: usize,
    pub link: Duration,
    /// How the link map was obtained from its on-disk index.
    pub linkmap_cache: Option<linkmap::CacheOutcome>,
}

#[derive(Debug, Default, Clone)]
pub struct TargetReport {
    pub name: String,
    pub stats: Stats,
    pub functions: usize,
    /// Not rebuilt: nothing it depends on changed since this session built it.
    pub fresh: bool,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub targets: Vec<TargetReport>,
    /// Targets that failed (only with `keep_going`): name and the error.
    pub failed: Vec<(String, anyhow::Error)>,
    pub timings: Timings,
    /// rustc's checks of the members: their warnings, and errors if rustc rejects the
    /// code (then no binary was written: the targets failed with `check::CheckFailed`).
    pub check: Option<Result<check::CheckReport>>,
    /// rac's own warnings about the binaries it built (one line each, without `warning: `).
    pub warnings: Vec<String>,
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
                "  help: move this code behind a non-generic function in a crate that rustc compiles: a dependency, or a workspace member with `[package.metadata.rac]` `compile = \"rustc\"` in its Cargo.toml; then call that function instead"
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

/// Source files of the workspace that rust-analyzer's parser rejects although rustc's check
/// accepted them (when rustc rejects them too, its errors are shown instead): the parser
/// recovers from errors, so the build must not go on with what it recovered.
#[derive(Debug)]
pub struct SyntaxErrors {
    /// `(file:line:col, message)`.
    pub errors: Vec<(String, String)>,
}

impl std::fmt::Display for SyntaxErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (at, message) in &self.errors {
            writeln!(f, "error: {message}\n  --> {at}")?;
        }
        write!(
            f,
            "error: rust-analyzer's parser rejects this code, which rustc accepts, so rac cannot compile it (a rac bug: please report it); `cargo build` builds it"
        )
    }
}

impl std::error::Error for SyntaxErrors {}

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

/// What the session remembers of a binary it built, to tell whether it is still fresh.
struct Built {
    target: BinTarget,
    /// The session's edit generation the binary was built at.
    generation: u64,
    out: edits::Stamp,
}

pub struct Session {
    pub config: SessionConfig,
    pub tc: Toolchain,
    pub rlibs: Vec<PathBuf>,
    pub linkmap: Arc<linkmap::LinkMap>,
    pub ws: load::LoadedWorkspace,
    input: codegen::query::CodegenInput,
    isa: cranelift_codegen::isa::OwnedTargetIsa,
    files: edits::FileIndex,
    /// Bumped whenever edits are applied.
    generation: u64,
    built: HashMap<String, Built>,
    /// The module path of every file, for `module_path!()` (see `refresh`).
    file_modules: HashMap<ra_ap_vfs::FileId, String>,
    /// What opening the workspace took (reported by the session's first build).
    pub open_timings: Timings,
    /// The object files this session wrote, by (binary, part): signature and stamp.
    objects: HashMap<(String, usize), (u64, edits::Stamp)>,
    /// The crate graph as views need it (`codegen::compile::UnitConfig::view_of`).
    views: Arc<codegen::compile::CrateViews>,
    /// Every unit this session compiled, with the crate whose view it was compiled from.
    /// A unit reads nothing outside its view's dependency closure, so it stays valid
    /// until a file of one of those crates changes (`refresh` drops it then; salsa decides
    /// what of it to recompute). The walk uses these without asking salsa.
    units:
        HashMap<codegen::instance::InstanceKey, (ra_ap_base_db::Crate, Arc<codegen::UnitOutput>)>,
    /// rustc's checks of the members (`check.rs`), run beside each build, and the edit
    /// generation and command environment they were started for.
    check: CheckRun,
    check_for: Option<(u64, Option<HashMap<String, String>>)>,
}

/// Where the checks of the current build are.
enum CheckRun {
    Idle(check::CheckState),
    Running(std::thread::JoinHandle<(check::CheckState, Result<check::CheckReport>)>),
    Done(check::CheckState, Arc<Result<check::CheckReport>>),
}

/// This process's environment variables that are UTF-8.
pub(crate) fn exec_env() -> HashMap<String, String> {
    std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .collect()
}

/// The environment `env!`/`option_env!` read what cargo does not set from, and whether a
/// new command's environment differs in a variable they read.
pub use ra_ap_hir_expand::builtin::rac::{build_env_differs, set_build_env};

/// Where the checks' state is kept between processes (in `target/rac`).
const CHECK_STATE: &str = "check-state.json";

/// How many object files a binary is split into (see `Session::write_objects`).
const OBJECT_PARTS: usize = 16;

impl Session {
    /// Loads the workspace and the sysroot, and resolves the local crates' names.
    /// `env`: the environment of the command being served, when it is not this process's.
    pub fn open(config: &SessionConfig, env: Option<HashMap<String, String>>) -> Result<Session> {
        codegen::compile::install_panic_hook();
        let mut timings = Timings::default();
        let tc = toolchain()?;
        crate::load::check_rust_src(&tc.sysroot)?;
        codegen::type_id::init(&config.rac_dir, &tc.rustc_commit);

        let paths = path_display(config, &tc);
        codegen::spans::install_macro_hooks(paths.clone());
        let t = Instant::now();
        let ws = crate::load::load(&crate::load::LoadConfig {
            manifest_dir: &config.manifest_dir,
            sysroot: &tc.sysroot,
            rac_dir: &config.rac_dir,
            target_dir: &config.target_dir,
            cargo: &config.cargo,
        })?;
        timings.load = t.elapsed();

        let t = Instant::now();
        // Tests unwind whatever the profile says (cargo builds them so).
        let panic_abort = ws.deps.as_ref().is_some_and(|d| d.panic_abort) && !config.cargo.test;
        let mut rlibs = crate::link::std_rlibs(&tc.sysroot, panic_abort)?;
        if let Some(deps) = &ws.deps {
            rlibs.extend(deps.rlibs.iter().map(|(_, rlib)| rlib.clone()));
        }
        // An unchanged toolchain is not re-read: the index is keyed by each rlib's path,
        // size and mtime, and checksummed (a damaged index is rebuilt, never trusted).
        let (mut linkmap, outcome) =
            linkmap::LinkMap::load_cached(&rlibs, &config.rac_dir.join("linkmap.idx"))?;
        if let Some(deps) = &ws.deps {
            crate::link::map_crates_to_rlibs(&ws, deps, &mut linkmap);
        }
        let linkmap = Arc::new(linkmap);
        timings.linkmap = t.elapsed();
        timings.linkmap_cache = Some(outcome);
        let isa = codegen::emit::build_isa()?;
        let input = codegen::query::CodegenInput::new(
            &ws.db,
            Arc::new(codegen::query::SharedConfig {
                isa: isa.clone(),
                linkmap: linkmap.clone(),
                paths,
                cache: Some(Arc::new(codegen::stencil_cache::StencilCache::new(
                    &config.rac_dir.join("cache"),
                ))),
            }),
        );
        let mut ws = ws;
        let mut files = edits::FileIndex::new(&ws.local_roots, &ws.manifests);
        if let Some(deps) = &ws.deps {
            files.set_cargo_inputs(&deps.inputs, deps.started);
        }
        // The files that `include_str!`/`include_bytes!` name, which the loader (`.rs`
        // only) did not read; and any edit made since the load.
        files.refresh(&ws.local_roots, &mut ws.vfs, &mut ws.db, &ws.folders)?;
        files.settle(&ws.vfs, &mut ws.db);
        let mut session = Session {
            config: config.clone(),
            tc,
            rlibs,
            linkmap,
            ws,
            input,
            isa,
            files,
            generation: 0,
            built: HashMap::new(),
            file_modules: HashMap::new(),
            open_timings: Timings::default(),
            objects: HashMap::new(),
            units: HashMap::new(),
            views: Arc::new(codegen::compile::CrateViews::default()),
            check: CheckRun::Idle(check::CheckState::load(&config.rac_dir.join(CHECK_STATE))),
            check_for: None,
        };
        // rustc's checks need only cargo's run: they start now, beside name resolution.
        session.start_check(env);
        session.views = Arc::new(ra_ap_hir_ty::attach_db(&session.ws.db, || {
            codegen::compile::CrateViews::new(&session.ws.db)
        }));
        // Walking the local crates' modules computes their def maps, and with them the
        // def maps (name resolution, macro expansion) of std, core and alloc.
        let t = Instant::now();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let prefetch = load::prefetch_item_trees(&session.ws.db, stop.clone());
        let (modules, crates) = session.file_modules();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = prefetch.join();
        session.file_modules = modules;
        timings.crates = crates;
        timings.name_resolution = t.elapsed();
        session.open_timings = timings;
        Ok(session)
    }

    /// The module path of every file-level module of the local crates (recorded for the
    /// `module_path!()` hook).
    fn file_modules(&self) -> (HashMap<ra_ap_vfs::FileId, String>, usize) {
        let db = &self.ws.db;
        let mut crates = 0;
        for krate in hir::Crate::all(db) {
            if krate.origin(db).is_local() {
                codegen::spans::record_file_modules(db, krate);
                crates += 1;
            }
        }
        (codegen::spans::file_modules(), crates)
    }

    /// Applies the edits made since the last build. `Ok(false)`: the workspace must be
    /// reloaded (a manifest changed, or a file moved to another module, which the macro
    /// expansions already computed would not see).
    pub fn refresh(&mut self, timings: &mut Timings) -> Result<bool> {
        let t = Instant::now();
        if self.files.cargo_inputs_changed() && !self.rerun_cargo()? {
            return Ok(false);
        }
        let ws = &mut self.ws;
        let r = self
            .files
            .refresh(&ws.local_roots, &mut ws.vfs, &mut ws.db, &ws.folders)?;
        if r.manifests_changed {
            return Ok(false);
        }
        timings.changed_files = r.changed.len();
        // A member now naming a dependency pruned at load needs it back in the graph.
        if r.changed
            .iter()
            .any(|f| load::needs_pruned_dependency(f, &self.ws.pruned_dependencies))
        {
            return Ok(false);
        }
        if !r.changed.is_empty() {
            self.generation += 1;
            self.drop_units_of(&r.changed);
            let before = std::mem::take(&mut self.file_modules);
            let (after, _) = self.file_modules();
            let moved = before
                .iter()
                .any(|(file, path)| after.get(file).is_some_and(|p| p != path));
            self.file_modules = after;
            if moved {
                return Ok(false);
            }
        }
        timings.refresh = t.elapsed();
        Ok(true)
    }

    /// Has cargo run again after a file it watches changed (a build script's input, a
    /// path dependency's source). `Ok(false)`: what rust-analyzer was given changed (a
    /// build script's cfgs or env, a rebuilt rlib), the workspace must be reloaded;
    /// changed files in `OUT_DIR` are picked up by the refresh that follows, as sources.
    fn rerun_cargo(&mut self) -> Result<bool> {
        let Some(old) = &self.ws.deps else {
            return Ok(false);
        };
        let config = &self.config;
        let mut new = crate::deps::run_cargo(
            &config.manifest_dir.join("Cargo.toml"),
            &config.cargo,
            &config.target_dir,
            &config.rac_dir,
            &self.ws.rac_members,
        )?;
        if new.rebuilt || new.outcome != old.outcome {
            return Ok(false);
        }
        new.link_args = old.link_args.clone();
        // The same outcome, the same rlibs: those the members link (`deps::build`).
        new.rlibs = old.rlibs.clone();
        new.profiles = old.profiles.clone();
        self.files.set_cargo_inputs(&new.inputs, new.started);
        // cargo recorded the members' rustc commands again: the checks start over.
        self.generation += 1;
        self.ws.deps = Some(new);
        Ok(true)
    }

    /// Drops the units whose view depends on a crate of one of `files` (all of them if a
    /// file belongs to no crate: a new file, say, whose module is not known yet).
    fn drop_units_of(&mut self, files: &[PathBuf]) {
        use ra_ap_base_db::SourceDatabase;
        let db = &self.ws.db;
        let mut changed = rustc_hash::FxHashSet::default();
        for f in files {
            let path = ra_ap_vfs::VfsPath::from(ra_ap_paths::AbsPathBuf::assert_utf8(f.clone()));
            let crates = self
                .ws
                .vfs
                .file_id(&path)
                .map(|(id, _)| {
                    ra_ap_base_db::relevant_crates(db as &dyn SourceDatabase, id).to_vec()
                })
                .unwrap_or_default();
            if crates.is_empty() {
                self.units.clear();
                return;
            }
            changed.extend(crates);
        }
        let views = &self.views;
        self.units.retain(|_, (view, _)| {
            views
                .deps
                .get(view)
                .is_some_and(|deps| deps.iter().all(|d| !changed.contains(d)))
        });
    }

    /// Builds the requested binaries (after `refresh`), telling `events` what it is
    /// doing as it goes.
    pub fn build(
        &mut self,
        req: &BuildRequest,
        timings: &mut Timings,
        events: &mut dyn FnMut(BuildEvent),
    ) -> BuildReport {
        let mut report = BuildReport::default();
        codegen::query::start_build();
        codegen::type_id::take_warnings();
        self.start_check(req.env.clone());
        let syntax = self.syntax_errors();
        if !syntax.is_empty() {
            // rustc's own errors say it best, when it sees them (it parses differently).
            if self.check_failed() {
                for t in &req.targets {
                    report
                        .failed
                        .push((t.name.clone(), anyhow::Error::new(check::CheckFailed)));
                }
                report.check = self.take_check();
                return report;
            }
            for t in &req.targets {
                report.failed.push((
                    t.name.clone(),
                    anyhow::Error::new(SyntaxErrors {
                        errors: syntax.clone(),
                    }),
                ));
            }
            return report;
        }
        for target in &req.targets {
            if let Some(fresh) = self.fresh(target) {
                report.targets.push(fresh);
                continue;
            }
            events(BuildEvent::Compiling(target));
            match self.build_target(req, target, timings, events) {
                Ok(r) => report.targets.push(r),
                Err(e) => {
                    // What rac refuses in code rustc rejects is rustc's error to report.
                    let e = if self.check_blocks(target) {
                        anyhow::Error::new(check::CheckFailed)
                    } else {
                        e
                    };
                    report.failed.push((target.name.clone(), e));
                    if !req.keep_going {
                        break;
                    }
                }
            }
        }
        report.check = self.take_check();
        report.warnings = codegen::type_id::take_warnings();
        report
    }

    /// Starts rustc's checks of the members' units of cargo's last run, unless those of
    /// this edit generation and environment are already running or done.
    fn start_check(&mut self, env: Option<HashMap<String, String>>) {
        let key = (self.generation, env);
        if self.check_for.as_ref() == Some(&key) {
            return;
        }
        let env = key.1.clone();
        self.check_for = Some(key);
        self.join_check();
        let (CheckRun::Done(state, _) | CheckRun::Idle(state)) =
            std::mem::replace(&mut self.check, CheckRun::Idle(Default::default()))
        else {
            unreachable!("joined above")
        };
        let dir = deps::units_dir(&self.config.rac_dir);
        let saved = self.config.rac_dir.join(CHECK_STATE);
        self.check = CheckRun::Running(std::thread::spawn(move || {
            let mut state = state;
            let report = check::Unit::read_all(&dir)
                .and_then(|units| check::run(&units, &mut state, env.as_ref()));
            // For the next process (`--no-server`, a new server): losing it costs checks.
            if report.as_ref().is_ok_and(|r| r.ran > 0) {
                let _ = state.save(&saved);
            }
            (state, report)
        }));
    }

    fn join_check(&mut self) {
        if matches!(self.check, CheckRun::Running(_)) {
            let CheckRun::Running(h) =
                std::mem::replace(&mut self.check, CheckRun::Idle(Default::default()))
            else {
                unreachable!()
            };
            self.check = match h.join() {
                Ok((state, report)) => CheckRun::Done(state, Arc::new(report)),
                Err(_) => CheckRun::Done(
                    Default::default(),
                    Arc::new(Err(anyhow!("rustc's check of the members panicked"))),
                ),
            };
        }
    }

    /// Waits for the checks: whether rustc rejects the code, or the checks could not run.
    fn check_failed(&mut self) -> bool {
        self.join_check();
        match &self.check {
            CheckRun::Done(_, r) => r.as_ref().as_ref().map_or(true, |r| r.failed()),
            _ => false,
        }
    }

    /// Waits for the checks: whether rustc rejects the code of `target`, or the checks
    /// could not run.
    fn check_blocks(&mut self, target: &BinTarget) -> bool {
        self.join_check();
        match &self.check {
            CheckRun::Done(_, r) => r.as_ref().as_ref().map_or(true, |r| {
                r.blocks(&target.src_path, target.harness.is_some())
            }),
            _ => false,
        }
    }

    fn take_check(&mut self) -> Option<Result<check::CheckReport>> {
        self.join_check();
        match &self.check {
            CheckRun::Done(_, r) => Some(match r.as_ref() {
                Ok(r) => Ok(r.clone()),
                Err(e) => Err(anyhow!("{e:#}")),
            }),
            _ => None,
        }
    }

    /// The syntax errors of the workspace's source files (`(file:line:col, message)`).
    /// Parses are memoized: after the first build this costs a lookup per file.
    fn syntax_errors(&self) -> Vec<(String, String)> {
        use ra_ap_base_db::SourceDatabase;
        let db = &self.ws.db;
        let mut out = Vec::new();
        ra_ap_hir_ty::attach_db(db, || {
            for path in self.files.sources() {
                let vpath =
                    ra_ap_vfs::VfsPath::from(ra_ap_paths::AbsPathBuf::assert_utf8(path.clone()));
                let Some((id, ra_ap_vfs::FileExcluded::No)) = self.ws.vfs.file_id(&vpath) else {
                    continue;
                };
                let crates = ra_ap_base_db::relevant_crates(db as &dyn SourceDatabase, id);
                let Some(krate) = crates.first() else {
                    // Not part of any crate (no `mod` names it): rustc never reads it.
                    continue;
                };
                let edition = krate.data(db).edition;
                let file = ra_ap_base_db::EditionedFileId::new(db, id, edition);
                // `parse_errors` is memoized; `Parse::errors` would validate the whole
                // tree again on every build (16 ms of a no-change build on regex-syntax).
                if let Some(e) = file.parse_errors(db).and_then(|e| e.first()) {
                    let text = db.file_text(id).text(db);
                    if parses_as_expression(text, edition) {
                        continue;
                    }
                    let offset = usize::from(e.range().start()).min(text.len());
                    let before = &text[..offset];
                    let line = before.matches('\n').count() + 1;
                    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                    out.push((format!("{}:{line}:{col}", path.display()), e.to_string()));
                }
            }
        });
        out
    }

    /// The report of a binary that needs no rebuild, if it is fresh.
    fn fresh(&self, target: &BinTarget) -> Option<TargetReport> {
        let b = self.built.get(&target.name)?;
        (b.target == *target
            && b.generation == self.generation
            && edits::stamp(&target.out_path) == Some(b.out))
        .then(|| TargetReport {
            name: target.name.clone(),
            fresh: true,
            ..Default::default()
        })
    }

    fn build_target(
        &mut self,
        req: &BuildRequest,
        target: &BinTarget,
        timings: &mut Timings,
        events: &mut dyn FnMut(BuildEvent),
    ) -> Result<TargetReport> {
        self.built.remove(&target.name);
        let krate = self.binary_crate(target)?;
        let main = match &target.harness {
            Some(h) => harness::prepare(&mut self.ws.db, krate, &h.source_file, h.integration)?,
            None => find_main(&self.ws.db, krate)
                .ok_or_else(|| anyhow!("binary `{}` has no `main` function", target.name))?,
        };
        let db = &self.ws.db;
        let shared = self.input.config(db).clone();
        let config = codegen::UnitConfig {
            krate: krate.into(),
            views: Some(self.views.clone()),
            isa: self.isa.clone(),
            linkmap: shared.linkmap.clone(),
            paths: shared.paths.clone(),
            cache: shared.cache.clone(),
        };
        let hits_before = config
            .cache
            .as_ref()
            .map_or(0, |c| c.hits.load(std::sync::atomic::Ordering::Relaxed));
        let t = Instant::now();
        let walk = walk::walk(
            db,
            &config,
            Some(self.input),
            main,
            req.jobs,
            timings,
            &mut self.units,
            &mut |done, found| {
                events(BuildEvent::Units {
                    target,
                    done,
                    found,
                })
            },
        )?;
        timings.compile += t.elapsed();
        if let Some(c) = &config.cache {
            timings.cache_hits += c.hits.load(std::sync::atomic::Ordering::Relaxed) - hits_before;
            c.flush();
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
        std::fs::create_dir_all(&target.work_dir)
            .with_context(|| format!("cannot create {}", target.work_dir.display()))?;
        let objects = self.write_objects(target, &walk.units, timings)?;
        timings.object += t.elapsed();

        let t = Instant::now();
        let linked = target.work_dir.join(format!("{}.linked", target.name));
        let extra: &[String] = self.ws.deps.as_ref().map_or(&[], |d| &d.link_args);
        crate::link::link(&self.tc.sysroot, &objects, &self.rlibs, extra, &linked)?;
        // Never a binary of code rustc rejects.
        if self.check_blocks(target) {
            let _ = std::fs::remove_file(&linked);
            return Err(anyhow::Error::new(check::CheckFailed));
        }
        if let Some(dir) = target.out_path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        // Replace the file by a rename: never write through a hard link cargo may have
        // made, and never leave a half-written binary.
        std::fs::rename(&linked, &target.out_path)
            .with_context(|| format!("cannot write {}", target.out_path.display()))?;
        timings.link += t.elapsed();
        if let Some(out) = edits::stamp(&target.out_path) {
            self.built.insert(
                target.name.clone(),
                Built {
                    target: target.clone(),
                    generation: self.generation,
                    out,
                },
            );
        }
        Ok(TargetReport {
            name: target.name.clone(),
            stats: Stats {
                tier2: walk.imports.len(),
                ..walk.stats
            },
            functions: nfuncs,
            fresh: false,
        })
    }

    /// Writes the binary's object files: its units split into `OBJECT_PARTS` objects by
    /// a hash of their first symbol, so an edit rewrites only the objects whose units
    /// changed (an object whose units' fingerprints and file are as this session left
    /// them is kept).
    fn write_objects(
        &mut self,
        target: &BinTarget,
        units: &[Arc<codegen::unit::CompiledUnit>],
        timings: &mut Timings,
    ) -> Result<Vec<PathBuf>> {
        use std::hash::{Hash, Hasher};
        let part_of = |name: &str| (codegen::symbols::fnv1a(name) % OBJECT_PARTS as u64) as usize;
        let mut parts: Vec<codegen::emit::ObjectPart> = (0..OBJECT_PARTS)
            .map(|_| codegen::emit::ObjectPart {
                units: Vec::new(),
                statics: Vec::new(),
            })
            .collect();
        for u in units {
            let Some(first) = u.functions.first() else {
                continue;
            };
            parts[part_of(&first.name)].units.push(u);
        }
        // Each static is defined once, in the object its name hashes to.
        let mut statics: std::collections::BTreeMap<
            &str,
            (&codegen::unit::CompiledUnit, &codegen::unit::DataObject),
        > = Default::default();
        // (From the unit that comes first by symbol, not by the walk's order: the object
        // must not depend on which thread finished first.)
        let mut by_name: Vec<&Arc<codegen::unit::CompiledUnit>> =
            units.iter().filter(|u| !u.functions.is_empty()).collect();
        by_name.sort_by(|a, b| a.functions[0].name.cmp(&b.functions[0].name));
        for u in by_name {
            for d in &u.data {
                if codegen::emit::is_static(&d.name) {
                    statics.entry(&d.name).or_insert((u, d));
                }
            }
        }
        for (name, (u, d)) in statics {
            parts[part_of(name)].statics.push((u, d));
        }
        let mut paths = Vec::new();
        for (i, part) in parts.iter_mut().enumerate() {
            if part.units.is_empty() && part.statics.is_empty() {
                continue;
            }
            // Deterministic contents: units in symbol order.
            part.units
                .sort_by(|a, b| a.functions[0].name.cmp(&b.functions[0].name));
            let mut h = std::hash::DefaultHasher::new();
            for u in &part.units {
                u.fingerprint.hash(&mut h);
            }
            for (u, d) in &part.statics {
                (u.fingerprint, &d.name).hash(&mut h);
            }
            let sig = h.finish();
            let path = target.work_dir.join(format!("{}.{i}.o", target.name));
            let key = (target.name.clone(), i);
            if let Some((old, stamp)) = self.objects.get(&key)
                && *old == sig
                && edits::stamp(&path) == Some(*stamp)
            {
                paths.push(path);
                continue;
            }
            let bytes = codegen::emit::write_object(&self.isa, &target.name, part)?;
            write_atomically(&path, &bytes)?;
            timings.objects_written += 1;
            if let Some(stamp) = edits::stamp(&path) {
                self.objects.insert(key, (sig, stamp));
            }
            paths.push(path);
        }
        Ok(paths)
    }

    pub fn binary_crate(&self, target: &BinTarget) -> Result<hir::Crate> {
        let test = target.harness.is_some();
        find_crate(&self.ws.db, &self.ws.vfs, &target.src_path, test).ok_or_else(|| {
            anyhow!(
                "rust-analyzer did not load the crate of binary `{}` ({})",
                target.name,
                target.src_path.display()
            )
        })
    }

    pub fn path_display(&self) -> codegen::spans::PathDisplay {
        path_display(&self.config, &self.tc)
    }
}

/// Writes `bytes` to a temporary file beside `path` and renames it into place.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
}

/// The local crate whose root is `src`: of the twins a test session has, the one with
/// `cfg(test)` for a test target (`test`) and the one without for a binary; a crate
/// without a twin in any case.
fn find_crate(
    db: &ra_ap_ide_db::RootDatabase,
    vfs: &ra_ap_vfs::Vfs,
    src: &std::path::Path,
    test: bool,
) -> Option<hir::Crate> {
    let src = std::fs::canonicalize(src).ok()?;
    let test_atom = ra_ap_cfg::CfgAtom::Flag(ra_ap_intern::Symbol::intern("test"));
    let candidates: Vec<hir::Crate> = hir::Crate::all(db)
        .into_iter()
        .filter(|k| {
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
        .collect();
    let has_test = |k: &hir::Crate| {
        let id: ra_ap_base_db::Crate = (*k).into();
        id.cfg_options(db).check_atom(&test_atom)
    };
    candidates
        .iter()
        .find(|k| has_test(k) == test)
        .or(candidates.first())
        .copied()
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

/// How rustc names source files (panic locations, `file!()`): see `spans::PathDisplay`.
fn path_display(config: &SessionConfig, tc: &Toolchain) -> codegen::spans::PathDisplay {
    codegen::spans::PathDisplay {
        workspace_root: format!("{}/", config.workspace_root.display()),
        library_src: format!(
            "{}",
            tc.sysroot.join("lib/rustlib/src/rust/library").display()
        ),
        rustc_commit: tc.rustc_commit.clone(),
    }
}

/// Whether a file that does not parse as items is an expression: an `include!` in
/// expression position (selectors' generated `{ static SET: phf::Set<..> = ..; SET }`),
/// which rust-analyzer parses as such where it expands the macro.
fn parses_as_expression(text: &str, edition: ra_ap_syntax::Edition) -> bool {
    let wrapped = format!("const _: () = {{\n{text}\n}};");
    ra_ap_syntax::SourceFile::parse(&wrapped, edition)
        .errors()
        .is_empty()
}
