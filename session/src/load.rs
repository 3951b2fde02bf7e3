//! Loading the user's cargo workspace (and std from `rust-src`) into rust-analyzer.
//!
//! Invariant established here: before any query runs, sysroot crates carry the cfgs the
//! shipped std was built with. rust-analyzer enables `debug_assertions`, `miri` and
//! `bootstrap` on sysroot crates for the IDE's sake; code and layouts reached under those
//! cfgs do not exist in the rlibs we link against.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use ra_ap_cfg::{CfgAtom, CfgDiff};
use ra_ap_ide_db::RootDatabase;
use ra_ap_intern::Symbol;
use ra_ap_load_cargo::{LoadCargoConfig, ProcMacroServerChoice, ProjectFolders, load_workspace};
use ra_ap_paths::AbsPathBuf;
use ra_ap_paths::Utf8PathBuf;
use ra_ap_project_model::{
    CargoConfig, CargoFeatures, ProjectManifest, ProjectWorkspace, ProjectWorkspaceKind,
    RustLibSource, TargetDirectoryConfig, TargetKind,
};

pub struct LoadedWorkspace {
    pub db: RootDatabase,
    pub vfs: ra_ap_vfs::Vfs,
    /// How files map to source roots (re-partitioned when files appear or disappear).
    pub folders: ProjectFolders,
    /// The editable part of the workspace: directories whose `.rs` files are watched for
    /// edits (include, exclude), and the manifests whose change reloads everything.
    pub local_roots: Vec<(Vec<PathBuf>, Vec<PathBuf>)>,
    pub manifests: Vec<PathBuf>,
    /// The dependencies cargo built (none when the workspace has none).
    pub deps: Option<crate::deps::DepsBuild>,
    /// The manifests of the members rac compiles (see `deps::build`).
    pub rac_members: Vec<PathBuf>,
    /// Per member crate (by root file), the dependencies `prune_unused_dependencies`
    /// dropped: an edit of one of its files that names one (or adds an `include!` or a
    /// `#[path]`) reloads the workspace (`needs_pruned_dependency`).
    pub pruned_dependencies: Vec<(PathBuf, Vec<String>)>,
}

/// The sysroot of the active toolchain (`rustc --print sysroot`).
pub fn sysroot() -> Result<PathBuf> {
    let out = std::process::Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .args(["--print", "sysroot"])
        .output()
        .context("cannot run `rustc --print sysroot`")?;
    if !out.status.success() {
        bail!(
            "`rustc --print sysroot` failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(PathBuf::from(String::from_utf8(out.stdout)?.trim()))
}

/// rust-analyzer needs std's source; without it nothing can be lowered.
pub fn check_rust_src(sysroot: &Path) -> Result<()> {
    let core = sysroot.join("lib/rustlib/src/rust/library/core/src/lib.rs");
    if !core.exists() {
        bail!(
            "the rust-src component is missing from {} (rac compiles std's generic code from source): run `rustup component add rust-src`",
            sysroot.display()
        );
    }
    Ok(())
}

/// Where and how to load a workspace.
pub struct LoadConfig<'a> {
    pub manifest_dir: &'a Path,
    pub sysroot: &'a Path,
    /// `target/rac`: the shims crate's source is written below it, and cargo's messages of
    /// the dependency build.
    pub rac_dir: &'a Path,
    /// cargo's target directory (dependencies, build scripts and proc macros).
    pub target_dir: &'a Path,
    pub cargo: &'a crate::CargoOptions,
}

/// Loads the workspace at `dir` with the active toolchain's sysroot, the shims unpacked
/// in the system temp dir: for the exploration examples (`session/examples`).
pub fn load_for_tools(dir: &Path) -> Result<LoadedWorkspace> {
    let sysroot = sysroot()?;
    load(&LoadConfig {
        manifest_dir: dir,
        sysroot: &sysroot,
        rac_dir: &std::env::temp_dir().join("rac-example"),
        target_dir: &dir.join("target"),
        cargo: &crate::CargoOptions::default(),
    })
}

/// Loads the workspace: its dependencies built by cargo (when it has any), then the crate
/// graph (with the build scripts' outputs and proc macros) into rust-analyzer, and the
/// shims crate.
pub fn load(config: &LoadConfig<'_>) -> Result<LoadedWorkspace> {
    let LoadConfig {
        manifest_dir,
        sysroot,
        rac_dir,
        target_dir,
        cargo,
    } = *config;
    let shims_dir = &rac_dir.join("shims");
    check_rust_src(sysroot)?;
    let features = if cargo.all_features {
        CargoFeatures::All
    } else {
        CargoFeatures::Selected {
            features: cargo.features.clone(),
            no_default_features: cargo.no_default_features,
        }
    };
    let cargo_config = CargoConfig {
        sysroot: Some(RustLibSource::Discover),
        all_targets: false,
        set_test: cargo.test,
        features,
        extra_args: cargo.flags.clone(),
        metadata_extra_args: cargo.flags.clone(),
        target_dir_config: TargetDirectoryConfig::Directory(
            Utf8PathBuf::from_path_buf(target_dir.to_path_buf())
                .map_err(|p| anyhow::anyhow!("target directory {} is not UTF-8", p.display()))?,
        ),
        ..Default::default()
    };
    let load_config = LoadCargoConfig {
        load_out_dirs_from_check: false,
        with_proc_macro_server: ProcMacroServerChoice::Sysroot,
        prefill_caches: false,
        num_worker_threads: 1,
        proc_macro_processes: 1,
    };
    let err = |e: anyhow::Error| {
        anyhow::anyhow!(
            "cannot load the cargo workspace at {}: {e:#}",
            manifest_dir.display()
        )
    };
    let root = std::env::current_dir()?.join(manifest_dir);
    let root = AbsPathBuf::assert_utf8(root);
    let manifest = ProjectManifest::discover_single(&root).map_err(err)?;
    let mut workspace = ProjectWorkspace::load(manifest, &cargo_config, &|_| {}).map_err(err)?;
    let rac_members = rac_members(&workspace, cargo);
    // cargo runs always: it also says what the profile decides (debug assertions,
    // overflow checks, panic strategy; `apply_profiles`). Its build scripts' outputs and
    // proc macros are needed before rust-analyzer loads the crate graph; a workspace
    // without any has cargo run on a second thread meanwhile.
    let run_cargo = {
        let manifest = manifest_dir.join("Cargo.toml");
        let (cargo, target_dir, rac_dir, rac_members) = (
            cargo.clone(),
            target_dir.to_path_buf(),
            rac_dir.to_path_buf(),
            rac_members.clone(),
        );
        move || crate::deps::build(&manifest, &cargo, &target_dir, &rac_dir, &rac_members)
    };
    let needed_before_load = has_dependencies(&workspace) || !cargo.rustc_members.is_empty();
    let (mut deps, background) = if needed_before_load {
        (Some(run_cargo()?), None)
    } else {
        (None, Some(std::thread::spawn(run_cargo)))
    };
    if let Some(deps) = &deps {
        // Build scripts' cfgs, env and OUT_DIR, and proc-macro dylibs (for the toolchain's
        // proc-macro server), as rust-analyzer reads them from cargo's messages: those of
        // the build that just ran, replayed.
        let replay = CargoConfig {
            run_build_script_command: Some(vec![
                "cat".to_owned(),
                deps.messages.to_string_lossy().into_owned(),
            ]),
            ..cargo_config.clone()
        };
        let scripts = workspace
            .run_build_scripts(&replay, &|_| {})
            .map_err(|e| anyhow::anyhow!("cannot read the build scripts' outputs: {e}"))?;
        if let Some(e) = scripts.error() {
            bail!("cannot read the build scripts' outputs:\n{}", e.trim_end());
        }
        workspace.set_build_scripts(scripts);
    }
    check_proc_macro_server(&workspace)?;
    let folders = ProjectFolders::new(std::slice::from_ref(&workspace), &[], None);
    let mut local_roots = Vec::new();
    let mut manifests = Vec::new();
    let ws_root = PathBuf::from(workspace.workspace_root().as_str());
    manifests.push(ws_root.join("Cargo.toml"));
    manifests.push(ws_root.join("Cargo.lock"));
    // cargo's configuration (profiles, `[env]`), where cargo looks for it.
    for dir in ws_root.ancestors() {
        manifests.push(dir.join(".cargo/config.toml"));
        manifests.push(dir.join(".cargo/config"));
    }
    for r in workspace.to_roots() {
        if !r.is_local {
            continue;
        }
        let include: Vec<PathBuf> = r
            .include
            .iter()
            .map(|p| PathBuf::from(p.as_str()))
            .collect();
        let exclude: Vec<PathBuf> = r
            .exclude
            .iter()
            .map(|p| PathBuf::from(p.as_str()))
            .collect();
        for dir in &include {
            manifests.push(dir.join("Cargo.toml"));
        }
        if cargo
            .rustc_members
            .iter()
            .any(|(_, d)| include.iter().any(|i| i == d))
        {
            // rustc compiles this member: a change to its sources means cargo must build
            // it again, so its files reload the workspace like manifests do.
            for dir in &include {
                rust_files(&dir.join("src"), &mut manifests);
            }
            continue;
        }
        local_roots.push((include, exclude));
    }
    manifests.sort();
    manifests.dedup();
    let (mut db, mut vfs, _proc_macro) =
        load_workspace(workspace, &cargo_config.extra_env, &load_config).map_err(err)?;
    if let Some(background) = background {
        deps = Some(
            background
                .join()
                .map_err(|_| anyhow::anyhow!("cargo's build panicked"))??,
        );
    }
    add_shims_crate(&mut db, &mut vfs, &folders, shims_dir)?;
    sysroot_as_built(&mut db);
    if let Some(deps) = &deps {
        apply_profiles(&mut db, &vfs, deps, cargo.test);
    }
    if cargo.test {
        split_test_cfg(&mut db);
        let units = crate::check::Unit::read_all(&crate::deps::units_dir(rac_dir))?;
        binaries_for_tests(&mut db, &vfs, &units);
    }
    let pruned_dependencies = prune_unused_dependencies(&mut db, &vfs);
    Ok(LoadedWorkspace {
        db,
        vfs,
        folders,
        local_roots,
        manifests,
        deps,
        rac_members,
        pruned_dependencies,
    })
}

/// The sysroot's crates as std was built: without the cfgs rust-analyzer adds for an IDE
/// (`debug_assertions`, `miri`, `bootstrap`), and with what std's build script sets.
fn sysroot_as_built(db: &mut RootDatabase) {
    use ra_ap_base_db::all_crates;
    let crates = all_crates(db);
    for krate in crates.iter().copied() {
        if !krate.data(db).origin.is_lang() {
            continue;
        }
        if krate
            .extra_data(db)
            .display_name
            .as_ref()
            .is_some_and(|n| n.to_string() == "std")
        {
            // std's build script sets it (`std::env::consts::ARCH`); rust-analyzer does not
            // run the sysroot's build scripts.
            use ra_ap_base_db::salsa::Setter;
            let mut env = krate.env(db).clone();
            env.set("STD_ENV_ARCH", std::env::consts::ARCH);
            krate.set_env(db).to(env);
        }
        let mut cfg = krate.cfg_options(db).clone();
        let remove = ["debug_assertions", "miri", "bootstrap"]
            .into_iter()
            .map(|s| CfgAtom::Flag(Symbol::intern(s)))
            .filter(|a| cfg.check_atom(a))
            .collect::<Vec<_>>();
        if remove.is_empty() {
            continue;
        }
        cfg.apply_diff(CfgDiff::new(vec![], remove));
        use ra_ap_base_db::salsa::Setter;
        krate.set_cfg_options(db).to(cfg);
    }
}

/// What the profile decides about each crate's code, as cargo reported it:
/// `debug_assertions` as its cfg, overflow checks as the cfg `overflow_checks` (rustc's own
/// name for it, which `codegen::instance::Instance::overflow_checks` reads), and
/// `panic = "abort"` as `cfg(panic = "abort")` (not for tests: cargo builds them with
/// unwinding). A crate cargo did not report (a test target, an example) takes its
/// package's settings; the sysroot keeps its own.
fn apply_profiles(
    db: &mut RootDatabase,
    vfs: &ra_ap_vfs::Vfs,
    deps: &crate::deps::DepsBuild,
    test: bool,
) {
    use ra_ap_base_db::all_crates;
    use ra_ap_base_db::salsa::Setter;
    let flag = |s: &str| CfgAtom::Flag(Symbol::intern(s));
    let panic = |s: &str| CfgAtom::KeyValue {
        key: Symbol::intern("panic"),
        value: Symbol::intern(s),
    };
    for krate in all_crates(db).iter().copied() {
        let data = krate.data(db);
        if data.origin.is_lang() {
            continue;
        }
        let Some(root) = vfs
            .file_path(data.root_file_id)
            .as_path()
            .map(|p| PathBuf::from(p.as_str()))
        else {
            continue;
        };
        let profile = deps
            .profiles
            .iter()
            .find(|p| p.src_path == root)
            .or_else(|| {
                deps.profiles
                    .iter()
                    .filter(|p| root.starts_with(&p.manifest_dir))
                    .max_by_key(|p| p.manifest_dir.as_os_str().len())
            });
        let (debug_assertions, overflow_checks) = match profile {
            Some(p) => (p.debug_assertions, p.overflow_checks),
            None => (true, true),
        };
        let mut cfg = krate.cfg_options(db).clone();
        let mut enable = Vec::new();
        let mut disable = Vec::new();
        for (atom, on) in [
            (flag("debug_assertions"), debug_assertions),
            (flag("overflow_checks"), overflow_checks),
        ] {
            match (cfg.check_atom(&atom), on) {
                (false, true) => enable.push(atom),
                (true, false) => disable.push(atom),
                _ => {}
            }
        }
        // cargo passes the strategy to every crate it builds, dependencies too.
        if deps.panic_abort && !test && profile.is_some() && cfg.check_atom(&panic("unwind")) {
            disable.push(panic("unwind"));
            enable.push(panic("abort"));
        }
        // The features cargo compiled the package with, not those of `cargo metadata`:
        // code rac compiles from a dependency's source must be the code of its rlib.
        // A package cargo built twice has its target build's (`deps::build` keeps only
        // that profile); one built only for build scripts and proc macros, the union.
        if let Some(p) = profile {
            let mut features: Vec<&str> = deps
                .profiles
                .iter()
                .filter(|q| q.src_path == p.src_path)
                .flat_map(|q| q.features.iter().map(String::as_str))
                .collect();
            features.extend(p.features.iter().map(String::as_str));
            let feature = |f: &str| CfgAtom::KeyValue {
                key: Symbol::intern("feature"),
                value: Symbol::intern(f),
            };
            for f in cfg.get_cfg_values("feature") {
                if !features.contains(&f.as_str()) {
                    disable.push(feature(f.as_str()));
                }
            }
            for f in features {
                if !cfg.check_atom(&feature(f)) && !enable.contains(&feature(f)) {
                    enable.push(feature(f));
                }
            }
        }
        if enable.is_empty() && disable.is_empty() {
            continue;
        }
        cfg.apply_diff(CfgDiff::new(enable, disable));
        krate.set_cfg_options(db).to(cfg);
    }
}

/// rustc compiles only the crate under test with `cfg(test)`: the library an integration
/// test (or a binary's unit tests) links is compiled without it. rust-analyzer's
/// `set_test` gives `cfg(test)` to every workspace crate, so each workspace crate that
/// another workspace crate depends on gets a twin without `cfg(test)` (same files,
/// appended after the originals so that the originals stay the roots of test binaries),
/// and every dependency edge between workspace crates goes to the twin.
fn split_test_cfg(db: &mut RootDatabase) {
    use ra_ap_base_db::salsa::{Durability, Setter};
    use ra_ap_base_db::{Crate, all_crates, set_all_crates_with_durability};
    let test = CfgAtom::Flag(Symbol::intern("test"));
    let crates: Vec<Crate> = all_crates(db).iter().copied().collect();
    let is_test_crate = |db: &RootDatabase, k: Crate| {
        k.data(db).origin.is_local() && k.cfg_options(db).check_atom(&test)
    };
    let mut depended: Vec<Crate> = Vec::new();
    for &k in &crates {
        if !k.data(db).origin.is_local() {
            continue;
        }
        for d in &k.data(db).dependencies {
            if is_test_crate(db, d.crate_id) && !depended.contains(&d.crate_id) {
                depended.push(d.crate_id);
            }
        }
    }
    if depended.is_empty() {
        return;
    }
    let mut twins: rustc_hash::FxHashMap<Crate, Crate> = rustc_hash::FxHashMap::default();
    for &k in &depended {
        let mut cfg = k.cfg_options(db).clone();
        cfg.apply_diff(CfgDiff::new(vec![], vec![test.clone()]));
        let twin = Crate::new(
            db,
            k.data(db).clone(),
            k.extra_data(db).clone(),
            k.workspace_data(db).clone(),
            cfg,
            k.env(db).clone(),
        );
        twins.insert(k, twin);
    }
    let mut all = crates.clone();
    all.extend(depended.iter().map(|k| twins[k]));
    for &k in &all {
        if !k.data(db).origin.is_local() {
            continue;
        }
        let mut data = k.data(db).clone();
        let mut changed = false;
        for d in &mut data.dependencies {
            if let Some(&twin) = twins.get(&d.crate_id) {
                d.crate_id = twin;
                changed = true;
            }
        }
        if changed {
            k.set_data(db).to(data);
        }
    }
    set_all_crates_with_durability(db, all, Durability::MEDIUM);
}

/// In a test session every member crate has `cfg(test)`; cargo also builds the binaries
/// of a package with integration tests, which run them: those binaries get twins without
/// `cfg(test)` (what `find_crate` picks for a binary that is not a test), and the
/// integration tests' crates get the variables cargo gave their compilation
/// (`CARGO_BIN_EXE_<name>`, read by `env!`). `units`: cargo's member units, as recorded.
fn binaries_for_tests(db: &mut RootDatabase, vfs: &ra_ap_vfs::Vfs, units: &[crate::check::Unit]) {
    use ra_ap_base_db::salsa::{Durability, Setter};
    use ra_ap_base_db::{Crate, all_crates, set_all_crates_with_durability};
    let test = CfgAtom::Flag(Symbol::intern("test"));
    let canonical = |p: &Path| std::fs::canonicalize(p).ok();
    let root_of = |db: &RootDatabase, k: Crate| {
        vfs.file_path(k.data(db).root_file_id)
            .as_path()
            .and_then(|p| canonical(Path::new(p.as_str())))
    };
    let bins: Vec<PathBuf> = units
        .iter()
        .filter(|u| u.is_plain_bin())
        .filter_map(|u| canonical(&u.root_file()?))
        .collect();
    let crates: Vec<Crate> = all_crates(db).iter().copied().collect();
    let mut all = crates.clone();
    for &k in &crates {
        if !k.data(db).origin.is_local() || !k.cfg_options(db).check_atom(&test) {
            continue;
        }
        let Some(root) = root_of(db, k) else { continue };
        if bins.contains(&root) {
            let mut cfg = k.cfg_options(db).clone();
            cfg.apply_diff(CfgDiff::new(vec![], vec![test.clone()]));
            all.push(Crate::new(
                db,
                k.data(db).clone(),
                k.extra_data(db).clone(),
                k.workspace_data(db).clone(),
                cfg,
                k.env(db).clone(),
            ));
        }
        let exes: Vec<(String, String)> = units
            .iter()
            .filter(|u| u.root_file().and_then(|r| canonical(&r)).as_ref() == Some(&root))
            .flat_map(|u| u.bin_exe_env().map(|(k, v)| (k.to_owned(), v.to_owned())))
            .collect();
        if !exes.is_empty() {
            let mut env = k.env(db).clone();
            for (name, value) in exes {
                env.set(&name, value);
            }
            k.set_env(db).to(env);
        }
    }
    if all.len() > crates.len() {
        set_all_crates_with_durability(db, all, Durability::MEDIUM);
    }
}

/// Works ahead on a second thread while the main thread resolves names (def maps, crate
/// after crate, in dependency order, core taking most of the time): first the item trees
/// (parse + lowering) of core's files, from the other end of its file list; then those of
/// std and alloc; then the def maps of the other crates the local crates depend on (libc,
/// hashbrown, ..., the largest first, as the main thread meets them in dependency order);
/// then the item trees of the rest. salsa shares the results; a query both threads want
/// is computed once (the later one waits). Stops when `stop` is set.
pub fn prefetch_item_trees(
    db: &RootDatabase,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> std::thread::JoinHandle<()> {
    use ra_ap_base_db::SourceDatabase;
    let db = db.clone();
    std::thread::spawn(move || {
        ra_ap_hir_ty::attach_db(&db, || {
            let dbr: &dyn SourceDatabase = &db;
            let stopped = || stop.load(std::sync::atomic::Ordering::Relaxed);
            let all: Vec<ra_ap_base_db::Crate> = ra_ap_base_db::all_crates(dbr).to_vec();
            let name_of = |krate: ra_ap_base_db::Crate| {
                krate
                    .extra_data(dbr)
                    .display_name
                    .as_ref()
                    .map(|n| n.crate_name().as_str().to_owned())
                    .unwrap_or_default()
            };
            let mut crates: Vec<(u8, ra_ap_base_db::Crate)> = Vec::new();
            for &krate in &all {
                let data = krate.data(dbr);
                let rank = match (data.origin.is_lang(), name_of(krate).as_str()) {
                    (true, "core") => 0,
                    (true, "alloc") => 1,
                    (true, "std") => 2,
                    (true, _) => continue,
                    (false, _) if data.origin.is_local() => 4,
                    (false, _) => 3,
                };
                crates.push((rank, krate));
            }
            crates.sort_by_key(|(r, _)| *r);
            let item_trees = |krate: ra_ap_base_db::Crate| {
                let data = krate.data(dbr);
                let root = dbr.file_source_root(data.root_file_id).source_root_id(dbr);
                let root = dbr.source_root(root).source_root(dbr);
                let Some(dirs) = crate_dirs(root.path_for_file(&data.root_file_id)) else {
                    return;
                };
                let mut files: Vec<ra_ap_vfs::FileId> = root
                    .iter()
                    .filter(|f| {
                        root.path_for_file(f).is_some_and(|p| {
                            let p = p.to_string();
                            p.ends_with(".rs") && dirs.iter().any(|d| p.starts_with(d.as_str()))
                        })
                    })
                    .collect();
                files.reverse();
                for file in files {
                    if stopped() {
                        return;
                    }
                    let f = ra_ap_base_db::EditionedFileId::new(dbr, file, data.edition);
                    let _ = ra_ap_hir_def::item_tree::file_item_tree(dbr, f.into(), krate);
                }
            };
            let Some(&(_, core)) = crates.first() else {
                return;
            };
            item_trees(core);
            // std and alloc next: after core, the largest the main thread meets.
            for (_, krate) in crates.iter().skip(1).filter(|(r, _)| *r <= 2).rev() {
                item_trees(*krate);
            }
            // The side crates: what the local crates depend on, transitively, besides
            // core, alloc and std (whose def maps the main thread computes in turn).
            let mut needed: Vec<ra_ap_base_db::Crate> = Vec::new();
            let mut todo: Vec<ra_ap_base_db::Crate> = all
                .iter()
                .copied()
                .filter(|k| k.data(dbr).origin.is_local())
                .collect();
            while let Some(k) = todo.pop() {
                for dep in k.data(dbr).dependencies.iter() {
                    if !needed.contains(&dep.crate_id) {
                        needed.push(dep.crate_id);
                        todo.push(dep.crate_id);
                    }
                }
            }
            let files_of = |k: ra_ap_base_db::Crate| {
                let root = dbr
                    .file_source_root(k.data(dbr).root_file_id)
                    .source_root_id(dbr);
                dbr.source_root(root).source_root(dbr).iter().count()
            };
            let mut side: Vec<(usize, ra_ap_base_db::Crate)> = all
                .iter()
                .copied()
                .filter(|&k| {
                    needed.contains(&k)
                        && !k.data(dbr).origin.is_local()
                        && !matches!(name_of(k).as_str(), "core" | "alloc" | "std")
                })
                .map(|k| (files_of(k), k))
                .collect();
            // The largest first: the main thread meets them in dependency order, and
            // waits for one this thread is computing rather than computing it again.
            side.sort_by_key(|&(files, _)| std::cmp::Reverse(files));
            for (_, krate) in side {
                if stopped() {
                    return;
                }
                let _ = ra_ap_hir_def::nameres::crate_def_map(dbr, krate);
            }
            for (_, krate) in crates.into_iter().filter(|(r, _)| *r > 2) {
                item_trees(krate);
            }
        })
    })
}

/// The directories whose files a crate's module tree most likely reads: its root file's
/// directory, and for core the parts of stdarch and portable-simd it includes by
/// `#[path]` for this target. (The sysroot is one source root of ~2000 files: most of
/// them are tests, other crates and other targets' intrinsics, not worth parsing ahead.)
/// Only a guess for working ahead: name resolution reads what it needs regardless.
fn crate_dirs(root_file: Option<&ra_ap_vfs::VfsPath>) -> Option<Vec<String>> {
    let root_file = root_file?.to_string();
    let dir = root_file.rsplit_once('/')?.0;
    let mut dirs = vec![format!("{dir}/")];
    if let Some(library) = dir.strip_suffix("/core/src") {
        let arch = std::env::consts::ARCH;
        let core_arch = format!("{library}/stdarch/crates/core_arch/src");
        dirs.push(format!("{core_arch}/{arch}/"));
        if arch == "x86_64" {
            dirs.push(format!("{core_arch}/x86/"));
        }
        dirs.push(format!("{core_arch}/simd.rs"));
        dirs.push(format!("{core_arch}/mod.rs"));
        dirs.push(format!("{core_arch}/macros.rs"));
        dirs.push(format!("{library}/portable-simd/crates/core_simd/src/"));
    }
    Some(dirs)
}

/// The Rust-source shims (`shims/src/lib.rs`, Tier 3), compiled into rac.
pub const SHIMS_SOURCE: &str = include_str!("../../shims/src/lib.rs");
/// The crate name the shims have in rust-analyzer's crate graph.
pub const SHIMS_CRATE: &str = "rac_shims";

/// Adds the shims crate to the database: its source written under `dir`, depending on the
/// same sysroot crates as the workspace (so its types and traits are std's own), a
/// library (not the user's code: no overflow checks, not watched for edits).
pub fn add_shims_crate(
    db: &mut RootDatabase,
    vfs: &mut ra_ap_vfs::Vfs,
    folders: &ProjectFolders,
    dir: &Path,
) -> Result<()> {
    use ra_ap_base_db::{
        BuiltCrateData, Crate, CrateDisplayName, CrateOrigin, ExtraCrateData, all_crates,
        salsa::Durability, set_all_crates_with_durability,
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join("lib.rs");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(SHIMS_SOURCE) {
        std::fs::write(&path, SHIMS_SOURCE)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let path = std::fs::canonicalize(&path)?;
    let vpath = ra_ap_vfs::VfsPath::from(AbsPathBuf::assert_utf8(path));
    vfs.set_file_contents(vpath.clone(), Some(SHIMS_SOURCE.as_bytes().to_vec()));
    let Some((file_id, _)) = vfs.file_id(&vpath) else {
        bail!("the shims source could not be loaded");
    };
    let mut change = ra_ap_ide_db::ChangeWithProcMacros::default();
    change.change_file(file_id, Some(SHIMS_SOURCE.to_owned()));
    change.set_roots(folders.source_root_config.partition(vfs));
    db.apply_change(change);

    let crates = all_crates(db);
    let name_of = |k: &Crate| {
        k.extra_data(db)
            .display_name
            .as_ref()
            .map(|n| n.crate_name().as_str().to_owned())
    };
    let std = crates
        .iter()
        .find(|k| k.data(db).origin.is_lang() && name_of(k).as_deref() == Some("std"))
        .copied()
        .ok_or_else(|| anyhow::anyhow!("rust-analyzer did not load std"))?;
    // A workspace crate's dependencies on the sysroot (core, alloc, std, with their
    // prelude flags) are exactly what the shims need.
    let deps: Vec<_> = crates
        .iter()
        .find(|k| k.data(db).origin.is_local())
        .map(|k| {
            k.data(db)
                .dependencies
                .iter()
                .filter(|d| d.crate_id.data(db).origin.is_lang())
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let std_data = std.data(db);
    let data = BuiltCrateData {
        root_file_id: file_id,
        edition: ra_ap_span::Edition::Edition2021,
        dependencies: deps,
        origin: CrateOrigin::Library {
            repo: None,
            name: Symbol::intern(SHIMS_CRATE),
        },
        crate_attrs: Box::new([]),
        is_proc_macro: false,
        proc_macro_cwd: std_data.proc_macro_cwd.clone(),
    };
    let extra = ExtraCrateData {
        version: None,
        display_name: Some(CrateDisplayName::from_canonical_name(SHIMS_CRATE)),
        potential_cfg_options: None,
    };
    let krate = Crate::new(
        db,
        data,
        extra,
        std.workspace_data(db).clone(),
        std.cfg_options(db).clone(),
        std.env(db).clone(),
    );
    let mut all: Vec<Crate> = crates.iter().copied().collect();
    all.push(krate);
    set_all_crates_with_durability(db, all, Durability::MEDIUM);
    Ok(())
}

/// A workspace whose graph has proc-macro crates needs the toolchain's proc-macro server to
/// expand them: without it rust-analyzer would leave the derives unexpanded and rac would
/// fail later with a confusing unresolved name, so say what is missing before loading.
fn check_proc_macro_server(ws: &ProjectWorkspace) -> Result<()> {
    let ProjectWorkspaceKind::Cargo { cargo, .. } = &ws.kind else {
        return Ok(());
    };
    let Some(user) = cargo.packages().find(|&p| {
        cargo[p].targets.iter().any(|&t| {
            matches!(
                cargo[t].kind,
                TargetKind::Lib {
                    is_proc_macro: true
                }
            )
        })
    }) else {
        return Ok(());
    };
    let why = match ws.find_sysroot_proc_macro_srv() {
        Some(Ok(_)) => return Ok(()),
        Some(Err(e)) => format!("{e:#}"),
        None => "the toolchain has no sysroot".to_owned(),
    };
    bail!(
        "the proc-macro crate `{}` needs the toolchain's proc-macro server, which is missing: \
         {why}\n\
         note: rac expands procedural macros with `rust-analyzer-proc-macro-srv` from the \
         sysroot's `libexec` (`rustc --print sysroot`), shipped in rustup's `rustc` component; \
         reinstalling the toolchain restores it (`rustup toolchain uninstall <toolchain> && \
         rustup toolchain install <toolchain>`, `<toolchain>` from `rustup show active-toolchain`)",
        cargo[user].name
    )
}

/// Whether the graph has anything for cargo to build: a package that is not a member (a
/// dependency), or a build script or proc macro of a member.
/// The manifests of the workspace members rac compiles (those not marked for rustc).
pub(crate) fn rac_members(ws: &ProjectWorkspace, cargo: &crate::CargoOptions) -> Vec<PathBuf> {
    let ProjectWorkspaceKind::Cargo {
        cargo: packages, ..
    } = &ws.kind
    else {
        return Vec::new();
    };
    packages
        .packages()
        .filter(|&p| packages[p].is_member)
        .map(|p| PathBuf::from(packages[p].manifest.as_str()))
        .filter(|m| {
            !cargo
                .rustc_members
                .iter()
                .any(|(_, dir)| m.parent() == Some(dir.as_path()))
        })
        .collect()
}

/// Whether cargo's build must come before rust-analyzer loads the workspace: there are
/// dependencies, build scripts or proc macros, whose outputs it needs.
fn has_dependencies(ws: &ProjectWorkspace) -> bool {
    let ProjectWorkspaceKind::Cargo { cargo, .. } = &ws.kind else {
        return false;
    };
    cargo.packages().any(|p| {
        !cargo[p].is_member
            || cargo[p].targets.iter().any(|&t| {
                matches!(
                    cargo[t].kind,
                    TargetKind::BuildScript
                        | TargetKind::Lib {
                            is_proc_macro: true
                        }
                )
            })
    })
}

/// The `.rs` files below `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// rustc loads a crate named by `--extern` only when the code names it; the impls of a
/// dependency that is never named (nor reachable from one that is) are not visible.
/// rust-analyzer's trait solver sees the impls of every crate in the dependency graph, so
/// an unused dependency can make inference ambiguous where rustc's is not (serde_json's
/// `impl PartialEq<Value> for i32`, through criterion, a dev-dependency of itertools, left
/// `vec == Vec::new()` unresolved). A member's direct dependency is dropped when its name
/// appears nowhere in the crate's sources, it is not a proc macro, and no kept dependency
/// depends on it (transitively: then its impls are visible to rustc too, and a derive of
/// the kept one may name it, as frunk's derives name frunk_core). Crates whose sources
/// `include!` generated code or use `#[path]` keep all their dependencies.
fn prune_unused_dependencies(
    db: &mut RootDatabase,
    vfs: &ra_ap_vfs::Vfs,
) -> Vec<(PathBuf, Vec<String>)> {
    use ra_ap_base_db::all_crates;
    // Each member's sources are read once: the passes below only revisit the graph.
    let members: Vec<(ra_ap_base_db::Crate, PathBuf, String)> = all_crates(db)
        .iter()
        .copied()
        .filter(|k| k.data(db).origin.is_local())
        .filter_map(|k| {
            let root = PathBuf::from(vfs.file_path(k.data(db).root_file_id).as_path()?.as_str());
            let text = crate_source_text(&root)?;
            (!keeps_all_dependencies(&text)).then_some((k, root, text))
        })
        .collect();
    let mut pruned: Vec<(PathBuf, Vec<String>)> = Vec::new();
    // A member's library carries the package's dev-dependencies in rust-analyzer's graph:
    // once it is pruned, what its dependents reach shrinks; again until nothing changes.
    let mut changed = true;
    let mut passes = 0;
    while changed && passes < 4 {
        changed = false;
        passes += 1;
        for (k, root, text) in &members {
            if let Some(names) = prune_crate(db, *k, text) {
                changed = true;
                match pruned.iter_mut().find(|(r, _)| r == root) {
                    Some((_, n)) => n.extend(names),
                    None => pruned.push((root.clone(), names)),
                }
            }
        }
    }
    pruned
}

/// Sources that `include!` files or use `#[path]` may name crates the scanned files do not
/// show: such a crate keeps all its dependencies.
fn keeps_all_dependencies(text: &str) -> bool {
    text.contains("include!") || text.contains("#[path")
}

/// Whether the edited `file` could need a dependency pruned at load from a crate it
/// belongs to: it names one, or it has an `include!` or a `#[path]`.
pub fn needs_pruned_dependency(file: &Path, pruned: &[(PathBuf, Vec<String>)]) -> bool {
    let mut text = None;
    pruned.iter().any(|(root, names)| {
        if !crate_files(root).is_some_and(|fs| fs.iter().any(|f| f == file)) {
            return false;
        }
        let Some(text) = text.get_or_insert_with(|| std::fs::read_to_string(file).ok()) else {
            return false;
        };
        keeps_all_dependencies(text) || names.iter().any(|n| names_identifier(text, n))
    })
}

/// Drops the dependencies of member `k` (whose sources are `text`) that
/// `prune_unused_dependencies` finds unused; their names, if it dropped any.
fn prune_crate(db: &mut RootDatabase, k: ra_ap_base_db::Crate, text: &str) -> Option<Vec<String>> {
    use ra_ap_base_db::Crate;
    use ra_ap_base_db::salsa::Setter;
    let deps = k.data(db).dependencies.clone();
    let mut kept: Vec<bool> = deps
        .iter()
        .map(|d| {
            d.is_sysroot()
                || d.crate_id.data(db).is_proc_macro
                || names_identifier(text, d.name.as_str())
        })
        .collect();
    // Keep what a kept dependency reaches.
    let mut reachable: rustc_hash::FxHashSet<Crate> = rustc_hash::FxHashSet::default();
    let mut stack: Vec<Crate> = deps
        .iter()
        .zip(&kept)
        .filter(|(_, k)| **k)
        .map(|(d, _)| d.crate_id)
        .collect();
    while let Some(c) = stack.pop() {
        for d in &c.data(db).dependencies {
            if reachable.insert(d.crate_id) {
                stack.push(d.crate_id);
            }
        }
    }
    for (i, d) in deps.iter().enumerate() {
        if reachable.contains(&d.crate_id) {
            kept[i] = true;
        }
    }
    if kept.iter().all(|k| *k) {
        return None;
    }
    let (kept_deps, dropped): (Vec<_>, Vec<_>) = deps.into_iter().zip(kept).partition(|(_, k)| *k);
    let mut data = k.data(db).clone();
    data.dependencies = kept_deps.into_iter().map(|(d, _)| d).collect();
    k.set_data(db).to(data);
    Some(
        dropped
            .into_iter()
            .map(|(d, _)| d.name.as_str().to_owned())
            .collect(),
    )
}

/// The text of the files a crate rooted at `root` can consist of (a superset): `src/`
/// without `src/bin/` for `src/lib.rs` and `src/main.rs`, a binary's own file and
/// directory under `src/bin/`, else the root's whole directory. `None` if one cannot be read.
fn crate_source_text(root: &Path) -> Option<String> {
    let mut text = String::new();
    for f in crate_files(root)? {
        text.push_str(&std::fs::read_to_string(f).ok()?);
        text.push('\n');
    }
    Some(text)
}

/// The files of `crate_source_text`.
fn crate_files(root: &Path) -> Option<Vec<PathBuf>> {
    let dir = root.parent()?;
    let mut files = Vec::new();
    if dir.file_name().is_some_and(|n| n == "bin") && dir.parent()?.file_name()? == "src" {
        files.push(root.to_path_buf());
        rust_files(&dir.join(root.file_stem()?), &mut files);
    } else if dir.file_name().is_some_and(|n| n == "src")
        && matches!(root.file_name()?.to_str()?, "lib.rs" | "main.rs")
    {
        let mut all = Vec::new();
        rust_files(dir, &mut all);
        let bin = dir.join("bin");
        files.extend(all.into_iter().filter(|f| !f.starts_with(&bin)));
    } else {
        rust_files(dir, &mut files);
    }
    Some(files)
}

/// Whether `name` occurs in `text` as a whole identifier.
fn names_identifier(text: &str, name: &str) -> bool {
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let bytes = text.as_bytes();
    text.match_indices(name).any(|(i, _)| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + name.len()).copied();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}
