//! From command-line arguments to what to build: `cargo metadata` names the workspace, its
//! members and their binaries, and where cargo would put them.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::cli::{BuildArgs, TestArgs};

#[derive(Clone)]
pub struct Plan {
    pub session: session::SessionConfig,
    pub request: session::BuildRequest,
    /// The files the plan was read from (manifests, lock file, cargo configs): while their
    /// stamps are unchanged, so is the plan.
    pub inputs: Vec<(PathBuf, Option<session::edits::Stamp>)>,
    /// What cargo discovers targets from besides manifests: whether `src/main.rs` and
    /// `src/lib.rs` exist, and the entries of `src/bin` (not their stamps: an editor's
    /// save renames files, which changes a directory's mtime).
    pub layout: Vec<(PathBuf, Vec<String>)>,
}

fn layout_of(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = ["src/main.rs", "src/lib.rs"]
        .iter()
        .filter(|f| dir.join(f).exists())
        .map(|f| f.to_string())
        .collect();
    if let Ok(entries) = std::fs::read_dir(dir.join("src/bin")) {
        let mut bins: Vec<String> = entries
            .flatten()
            .map(|e| format!("src/bin/{}", e.file_name().to_string_lossy()))
            .collect();
        bins.sort();
        v.extend(bins);
    }
    v
}

/// `plan`, reusing the last plan of the same arguments while its inputs are unchanged
/// (`cargo metadata` costs about as much as a whole no-change build).
#[derive(Default)]
pub struct PlanCache {
    last: Option<(String, Plan)>,
}

impl PlanCache {
    pub fn plan(&mut self, b: &BuildArgs, cwd: &Path) -> Result<Plan> {
        self.plan_for(b, None, cwd)
    }

    /// The plan of `cargo rac test` (`test`) or of a build (`None`).
    pub fn plan_for(&mut self, b: &BuildArgs, test: Option<&TestArgs>, cwd: &Path) -> Result<Plan> {
        let key = format!("{cwd:?} {b:?} {test:?}");
        if let Some((k, p)) = &self.last
            && *k == key
            && p.inputs.iter().all(|(f, s)| session::edits::stamp(f) == *s)
            && p.layout.iter().all(|(d, l)| layout_of(d) == *l)
        {
            return Ok(p.clone());
        }
        let p = plan(b, test, cwd)?;
        self.last = Some((key, p.clone()));
        Ok(p)
    }
}

pub fn plan(b: &BuildArgs, test: Option<&TestArgs>, cwd: &Path) -> Result<Plan> {
    if b.release {
        bail!(
            "cargo rac builds debug binaries only; use `cargo build --release` for release builds"
        );
    }
    if !["human", "short", "json"].contains(&b.message_format.as_str()) {
        bail!(
            "invalid message format `{}` (expected human, short or json)",
            b.message_format
        );
    }
    if let Some(p) = &b.profile
        && p != "dev"
    {
        bail!(
            "cargo rac builds the `dev` profile only (asked for `{p}`); use `cargo build --profile {p}` for it"
        );
    }
    if let Some(c) = &b.color
        && !["auto", "always", "never"].contains(&c.as_str())
    {
        bail!("argument for --color must be auto, always, or never, but found `{c}`");
    }
    let mut cargo = cargo_options(b);
    if let Some(t) = test {
        cargo.test = true;
        cargo.targets = test_target_flags(b, t);
    }
    let manifest_path = b.manifest_path.as_ref().map(|m| cwd.join(m));
    let mut cmd = cargo_metadata::MetadataCommand::new();
    cmd.no_deps().current_dir(cwd);
    cmd.other_options(cargo.flags.clone());
    if let Some(m) = &manifest_path {
        cmd.manifest_path(m);
    }
    let meta = cmd.exec().map_err(|e| match e {
        cargo_metadata::Error::CargoMetadata { stderr } => {
            anyhow::anyhow!(
                "{}",
                stderr
                    .trim()
                    .trim_start_matches("error: ")
                    .lines()
                    .next()
                    .unwrap_or("cargo metadata failed")
                    .to_owned()
            )
        }
        other => anyhow::anyhow!("cargo metadata failed: {other}"),
    })?;
    let target_dir = b
        .target_dir
        .clone()
        .unwrap_or_else(|| meta.target_directory.clone().into_std_path_buf());
    let target_dir = if target_dir.is_relative() {
        cwd.join(target_dir)
    } else {
        target_dir
    };
    let members: Vec<&cargo_metadata::Package> = meta.workspace_packages();
    for m in &members {
        match m.metadata.pointer("/rac/compile") {
            None => {}
            Some(v) if v == "rustc" => {
                let dir = m
                    .manifest_path
                    .parent()
                    .map(|d| d.to_path_buf().into_std_path_buf());
                cargo
                    .rustc_members
                    .push((m.name.to_string(), dir.unwrap_or_default()));
            }
            Some(v) => bail!(
                "invalid `package.metadata.rac.compile` in {}: {v} (the one value is \"rustc\")",
                m.manifest_path
            ),
        }
    }
    for p in &b.exclude {
        if !b.workspace {
            bail!("--exclude can only be used together with --workspace");
        }
        if !members.iter().any(|m| m.name.as_str() == p) {
            bail!(
                "excluded package(s) `{p}` not found in workspace `{}`",
                meta.workspace_root
            );
        }
    }
    let default_members: Vec<&cargo_metadata::Package> = if b.workspace {
        members
            .iter()
            .copied()
            .filter(|m| !b.exclude.iter().any(|p| p == m.name.as_str()))
            .collect()
    } else if b.package.is_empty() {
        let defaults = &meta.workspace_default_members;
        let d: Vec<_> = members
            .iter()
            .copied()
            .filter(|p| defaults.contains(&p.id))
            .collect();
        if d.is_empty() { members.clone() } else { d }
    } else {
        for p in &b.package {
            if !members.iter().any(|m| m.name.as_str() == p) {
                bail!(
                    "package(s) `{p}` not found in workspace `{}`",
                    meta.workspace_root
                );
            }
        }
        members
            .iter()
            .copied()
            .filter(|m| b.package.iter().any(|p| p == m.name.as_str()))
            .collect()
    };
    if let Some(t) = test {
        let targets = test_targets(b, t, &default_members, &meta, &target_dir, &cargo)?;
        return finish_plan(
            b,
            cwd,
            &meta,
            &members,
            manifest_path,
            target_dir,
            cargo,
            targets,
        );
    }
    // Which kinds of targets, as cargo selects them: no selection flag means every binary.
    let named = !b.bin.is_empty() || !b.example.is_empty();
    let all_bins = b.bins || b.all_targets || !(named || b.examples);
    let all_examples = b.examples || b.all_targets;
    let mut targets = Vec::new();
    for pkg in &default_members {
        let enabled = enabled_features(pkg, &cargo);
        for t in &pkg.targets {
            let example = t.is_example() && t.crate_types.iter().any(|c| c.to_string() == "bin");
            let (explicit, wanted) = if t.is_bin() {
                let explicit = b.bin.iter().any(|n| n == &t.name);
                (explicit, explicit || all_bins)
            } else if example {
                let explicit = b.example.iter().any(|n| n == &t.name);
                (explicit, explicit || all_examples)
            } else {
                continue;
            };
            if !wanted {
                continue;
            }
            let missing: Vec<&String> = t
                .required_features
                .iter()
                .filter(|f| !enabled.contains(f.as_str()))
                .collect();
            if !missing.is_empty() {
                // cargo skips such targets, unless they were asked for by name.
                if explicit {
                    bail!(
                        "target `{}` in package `{}` requires the features: {}\nConsider enabling them by passing, e.g., `--features=\"{}\"`",
                        t.name,
                        pkg.name,
                        missing
                            .iter()
                            .map(|f| format!("`{f}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        missing
                            .iter()
                            .map(|f| f.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    );
                }
                continue;
            }
            let (out_path, work_dir) = if example {
                (
                    target_dir.join("debug/examples").join(&t.name),
                    target_dir.join("rac/examples").join(&t.name),
                )
            } else {
                (
                    target_dir.join("debug").join(&t.name),
                    target_dir.join("rac").join(&t.name),
                )
            };
            targets.push(session::BinTarget {
                name: t.name.clone(),
                src_path: t.src_path.clone().into_std_path_buf(),
                out_path,
                work_dir,
                harness: None,
                package: package_display(pkg),
            });
        }
    }
    for n in &b.bin {
        if !targets.iter().any(|t| &t.name == n) {
            bail!("no bin target named `{n}`");
        }
    }
    for n in &b.example {
        if !targets.iter().any(|t| &t.name == n) {
            bail!("no example target named `{n}`");
        }
    }
    finish_plan(
        b,
        cwd,
        &meta,
        &members,
        manifest_path,
        target_dir,
        cargo,
        targets,
    )
}

#[allow(clippy::too_many_arguments)]
fn finish_plan(
    b: &BuildArgs,
    cwd: &Path,
    meta: &cargo_metadata::Metadata,
    members: &[&cargo_metadata::Package],
    manifest_path: Option<PathBuf>,
    target_dir: PathBuf,
    cargo: session::CargoOptions,
    targets: Vec<session::BinTarget>,
) -> Result<Plan> {
    let manifest_dir = manifest_path
        .as_ref()
        .and_then(|m| m.parent().map(|p| p.to_path_buf()))
        .unwrap_or_else(|| meta.workspace_root.clone().into_std_path_buf());
    let manifest_dir = if manifest_dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        manifest_dir
    };
    let jobs = b.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut layout = Vec::new();
    for m in members {
        let manifest = m.manifest_path.clone().into_std_path_buf();
        if let Some(dir) = manifest.parent() {
            layout.push((dir.to_path_buf(), layout_of(dir)));
        }
        inputs.push(manifest);
    }
    let root = meta.workspace_root.clone().into_std_path_buf();
    inputs.push(root.join("Cargo.toml"));
    inputs.push(root.join("Cargo.lock"));
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    for dir in cwd
        .ancestors()
        .chain(root.ancestors())
        .map(Path::to_path_buf)
        .chain(home)
    {
        inputs.push(dir.join(".cargo/config.toml"));
        inputs.push(dir.join(".cargo/config"));
        inputs.push(dir.join("config.toml"));
    }
    inputs.sort();
    inputs.dedup();
    let inputs = inputs
        .into_iter()
        .map(|f| {
            let s = session::edits::stamp(&f);
            (f, s)
        })
        .collect();
    Ok(Plan {
        inputs,
        layout,
        session: session::SessionConfig {
            manifest_dir,
            workspace_root: meta.workspace_root.clone().into_std_path_buf(),
            rac_dir: target_dir.join("rac"),
            target_dir: target_dir.clone(),
            cargo,
        },
        request: session::BuildRequest {
            targets,
            jobs,
            keep_going: b.keep_going,
            env: None,
        },
    })
}

/// What of the command line reaches cargo (and, through it, rust-analyzer): features
/// decide which code exists, `--locked`/`--offline`/`--frozen` how cargo may resolve.
pub fn cargo_options(b: &BuildArgs) -> session::CargoOptions {
    let mut features: Vec<String> = b
        .features
        .iter()
        .flat_map(|f| f.split([' ', ',']))
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect();
    features.sort();
    features.dedup();
    let mut flags = Vec::new();
    for (on, flag) in [
        (b.locked, "--locked"),
        (b.offline, "--offline"),
        (b.frozen, "--frozen"),
    ] {
        if on {
            flags.push(flag.to_owned());
        }
    }
    let mut packages = Vec::new();
    for p in &b.package {
        packages.push(format!("--package={p}"));
    }
    if b.workspace {
        packages.push("--workspace".to_owned());
    }
    for p in &b.exclude {
        packages.push(format!("--exclude={p}"));
    }
    let mut targets = Vec::new();
    for n in &b.bin {
        targets.push(format!("--bin={n}"));
    }
    for n in &b.example {
        targets.push(format!("--example={n}"));
    }
    if b.bins || b.all_targets {
        targets.push("--bins".to_owned());
    }
    if b.examples || b.all_targets {
        targets.push("--examples".to_owned());
    }
    session::CargoOptions {
        features,
        all_features: b.all_features,
        no_default_features: b.no_default_features,
        flags,
        packages,
        targets,
        rustc_members: Vec::new(),
        test: false,
    }
}

/// A package as cargo's `Compiling` line names it: `app v0.1.0 (/path/to/app)`.
fn package_display(pkg: &cargo_metadata::Package) -> String {
    let dir = pkg
        .manifest_path
        .parent()
        .map(|d| d.to_string())
        .unwrap_or_default();
    format!("{} v{} ({dir})", pkg.name, pkg.version)
}

/// What `cargo build` must build for `cargo rac test` (the dependencies of the tests,
/// dev-dependencies included): cargo's own target flags.
fn test_target_flags(b: &BuildArgs, t: &TestArgs) -> Vec<String> {
    let mut v = Vec::new();
    if t.lib {
        v.push("--lib".to_owned());
    }
    for n in &b.bin {
        v.push(format!("--bin={n}"));
    }
    if b.bins {
        v.push("--bins".to_owned());
    }
    for n in &t.test {
        v.push(format!("--test={n}"));
    }
    if v.is_empty() || t.tests {
        v.push("--tests".to_owned());
    }
    v
}

/// The test targets `cargo test` would run with these flags: by default every library,
/// binary and `tests/` target with `test = true`.
fn test_targets(
    b: &BuildArgs,
    t: &TestArgs,
    packages: &[&cargo_metadata::Package],
    meta: &cargo_metadata::Metadata,
    target_dir: &Path,
    cargo: &session::CargoOptions,
) -> Result<Vec<session::BinTarget>> {
    let selected = t.lib || t.tests || !t.test.is_empty() || !b.bin.is_empty() || b.bins;
    let root = meta.workspace_root.clone().into_std_path_buf();
    let mut targets = Vec::new();
    for pkg in packages {
        for tg in &pkg.targets {
            let kind = if tg.is_lib() || tg.is_rlib() {
                "lib"
            } else if tg.is_bin() {
                "bin"
            } else if tg.is_test() {
                "test"
            } else {
                continue;
            };
            let wanted = match kind {
                "lib" => t.lib || t.tests || (!selected && tg.test),
                "bin" => {
                    b.bin.iter().any(|n| n == &tg.name)
                        || b.bins
                        || ((t.tests || !selected) && tg.test)
                }
                _ => t.test.iter().any(|n| n == &tg.name) || ((t.tests || !selected) && tg.test),
            };
            if !wanted {
                continue;
            }
            let src_path = tg.src_path.clone().into_std_path_buf();
            let source_file = src_path
                .strip_prefix(&root)
                .unwrap_or(&src_path)
                .to_string_lossy()
                .into_owned();
            let crate_name = tg.name.replace('-', "_");
            let (name, file) = match kind {
                "lib" => (
                    format!("{} (lib test)", tg.name),
                    format!("{crate_name}-rac-lib"),
                ),
                "bin" => (
                    format!("{} (bin test)", tg.name),
                    format!("{crate_name}-rac-bin"),
                ),
                _ => (
                    format!("{} (test)", tg.name),
                    format!("{crate_name}-rac-test"),
                ),
            };
            targets.push(session::BinTarget {
                name,
                src_path,
                out_path: target_dir.join("debug/deps").join(&file),
                work_dir: target_dir.join("rac/tests").join(&file),
                harness: Some(session::Harness {
                    source_file,
                    integration: kind == "test",
                }),
                package: package_display(pkg),
            });
        }
    }
    // The binaries of a package whose integration tests are built: cargo builds them for
    // the tests to run (`CARGO_BIN_EXE_<name>`), in `target/debug`.
    for pkg in packages {
        let integration = targets.iter().any(|x| {
            x.harness.as_ref().is_some_and(|h| h.integration) && x.package == package_display(pkg)
        });
        if !integration {
            continue;
        }
        let enabled = enabled_features(pkg, cargo);
        for tg in pkg.targets.iter().filter(|tg| tg.is_bin()) {
            if tg
                .required_features
                .iter()
                .any(|f| !enabled.contains(f.as_str()))
            {
                continue;
            }
            targets.push(session::BinTarget {
                name: tg.name.clone(),
                src_path: tg.src_path.clone().into_std_path_buf(),
                out_path: target_dir.join("debug").join(&tg.name),
                work_dir: target_dir.join("rac").join(&tg.name),
                harness: None,
                package: package_display(pkg),
            });
        }
    }
    for n in &t.test {
        if !targets.iter().any(|x| x.name == format!("{n} (test)")) {
            bail!("no test target named `{n}`");
        }
    }
    for n in &b.bin {
        if !targets.iter().any(|x| x.name == format!("{n} (bin test)")) {
            bail!("no bin target named `{n}`");
        }
    }
    if t.lib && !targets.iter().any(|x| x.name.ends_with(" (lib test)")) {
        bail!("no library targets found in package(s)");
    }
    Ok(targets)
}

/// The features of a workspace member that `cargo build` with these options enables
/// (the closure of the asked ones over the package's `[features]` table), to select its
/// targets by `required-features` as cargo does.
fn enabled_features(
    pkg: &cargo_metadata::Package,
    cargo: &session::CargoOptions,
) -> std::collections::HashSet<String> {
    let mut on = std::collections::HashSet::new();
    if cargo.all_features {
        on.extend(pkg.features.keys().cloned());
        return on;
    }
    let mut todo: Vec<String> = cargo
        .features
        .iter()
        .filter_map(|f| match f.split_once('/') {
            Some((p, f)) => (p == pkg.name.as_str()).then(|| f.to_owned()),
            None => Some(f.clone()),
        })
        .collect();
    if !cargo.no_default_features {
        todo.push("default".to_owned());
    }
    while let Some(f) = todo.pop() {
        if !on.insert(f.clone()) {
            continue;
        }
        for implied in pkg.features.get(&f).into_iter().flatten() {
            // `dep:x` and `x/y` enable dependencies or their features, not ours.
            if !implied.starts_with("dep:") && !implied.contains('/') {
                todo.push(implied.clone());
            }
        }
    }
    on
}
