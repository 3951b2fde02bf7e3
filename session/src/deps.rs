//! Dependencies built by rustc, through cargo.
//!
//! Every package that is not a workspace member is built by `cargo build` exactly as a
//! plain `cargo build` with the same options builds it (features, profile, build scripts
//! and proc macros, the same rlibs in the same `target/debug/deps`): cargo runs rustc for
//! them and runs `cargo-rac` as `RUSTC_WORKSPACE_WRAPPER` for the members, which compiles
//! nothing (rac compiles members itself; see `cargo-rac/src/wrapper.rs`).
//!
//! What comes out: each dependency library's rlib (for Tier 2 and the link), the native
//! libraries the build scripts asked for, and cargo's JSON messages, which rust-analyzer
//! reads for the build scripts' cfgs, env and `OUT_DIR` and for the proc-macro dylibs.
//!
//! Invariant: a dependency that fails to build fails the load with cargo's own messages;
//! rac never goes on with some dependencies missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::CargoOptions;

pub struct DepsBuild {
    /// Each dependency library's root source file and its rlib.
    pub rlibs: Vec<(PathBuf, PathBuf)>,
    /// Linker arguments: build scripts' search paths, then the native libraries of the
    /// dependencies as rustc lists them (`native_libraries`).
    pub link_args: Vec<String>,
    /// cargo's JSON messages of the build, for rust-analyzer.
    pub messages: PathBuf,
    /// What would make cargo do something again (see `CargoInputs`).
    pub inputs: CargoInputs,
    /// What rust-analyzer was given from this build: every build script's results (cfgs,
    /// env, `OUT_DIR`, libraries) as cargo printed them, and the rlibs. Two builds with the
    /// same outcome need no reload; the contents of `OUT_DIR` files are source files the
    /// session watches like any other.
    pub outcome: Vec<String>,
    /// A package rustc compiles was compiled again by this build (not "fresh").
    pub rebuilt: bool,
    /// When cargo started: a file of `inputs` written after that may not be in its results.
    pub started: std::time::SystemTime,
    /// The profile's settings for each target cargo built, by the target's root source
    /// file (members included: their units are the wrapper's, with the same profile).
    pub profiles: Vec<TargetProfile>,
    /// The profile says `panic = "abort"` (seen by the wrapper on the members' units).
    pub panic_abort: bool,
}

/// What a profile decides about a target's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetProfile {
    pub src_path: PathBuf,
    pub manifest_dir: PathBuf,
    pub debug_assertions: bool,
    pub overflow_checks: bool,
    /// The package's features in this build, as cargo compiled it, and those its build
    /// script sets (`cargo:rustc-cfg=feature="x"`): `cargo metadata` (what rust-analyzer
    /// reads) unifies features over every platform, so its set may be larger (simdutf8's
    /// `std`, enabled only by a Windows dependency).
    pub features: Vec<String>,
    /// The rlib cargo built with these settings, if any.
    pub rlib: Option<PathBuf>,
}

/// The files whose change would make cargo rerun a build script or rebuild a package
/// that rustc compiles, as cargo decides it: for a path package rustc compiles (a path
/// dependency, a member marked for rustc), every file of the package; for a member's
/// build script, the script itself and the paths of its `rerun-if-changed` lines, or every
/// file of the package when it printed no `rerun-if` line. Registry and git packages do
/// not change. The build server re-stamps these before each build and has cargo run again
/// when one changed, so that a build script's output is never stale.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CargoInputs {
    /// Files and directories (walked, without `target/` and hidden directories).
    pub paths: Vec<PathBuf>,
}

/// The environment variable the wrapper recognizes (`cargo-rac/src/wrapper.rs`).
const WRAPPER_ENV: &str = "RAC_WORKSPACE_WRAPPER";
/// The members the wrapper leaves to rustc (`[package.metadata.rac] compile = "rustc"`),
/// comma-separated package names.
const RUSTC_MEMBERS_ENV: &str = "RAC_RUSTC_MEMBERS";
/// Where the wrapper records what it learns from the members' command lines.
const UNITS_ENV: &str = "RAC_WRAPPER_UNITS";

/// Where the wrapper records the members' rustc commands of the last cargo run.
pub fn units_dir(rac_dir: &Path) -> PathBuf {
    rac_dir.join("wrapper-units")
}

/// Has cargo build the dependencies. `rac_members`: the manifests of the members rac
/// compiles (their units are the wrapper's, never "fresh", and not rustc's).
pub fn build(
    manifest: &Path,
    cargo: &CargoOptions,
    target_dir: &Path,
    rac_dir: &Path,
    rac_members: &[PathBuf],
) -> Result<DepsBuild> {
    let mut deps = run_cargo(manifest, cargo, target_dir, rac_dir, rac_members)?;
    let search: Vec<String> = deps.link_args.clone();
    // The members' dependencies for the target: a crate built twice (once for build
    // scripts and proc macros, with other features) has two rlibs; only the one the
    // members' rustc command lines lead to may be linked or referenced.
    let known: std::collections::HashSet<&Path> =
        deps.rlibs.iter().map(|(_, r)| r.as_path()).collect();
    let mut roots: Vec<PathBuf> = crate::check::Unit::read_all(&units_dir(rac_dir))?
        .iter()
        .flat_map(|u| u.target_externs())
        .filter(|r| known.contains(r.as_path()))
        .collect();
    roots.sort();
    roots.dedup();
    let probe = link_probe(&deps.rlibs, &roots, &search, rac_dir)?;
    deps.link_args.extend(probe.libraries);
    if !roots.is_empty() {
        let linked_rlib = |r: &Path| {
            probe
                .rlibs
                .contains(&std::fs::canonicalize(r).unwrap_or_else(|_| r.into()))
        };
        deps.rlibs.retain(|(_, r)| linked_rlib(r));
        // The settings rust-analyzer sees for such a crate are its target build's.
        let linked = |p: &TargetProfile| p.rlib.as_deref().is_some_and(linked_rlib);
        let target_srcs: std::collections::HashSet<PathBuf> = deps
            .profiles
            .iter()
            .filter(|p| linked(p))
            .map(|p| p.src_path.clone())
            .collect();
        deps.profiles
            .retain(|p| linked(p) || !target_srcs.contains(&p.src_path));
    }
    Ok(deps)
}

/// Runs cargo and reads what it built; `link_args` holds only the build scripts' search
/// paths (`build` adds the libraries).
pub fn run_cargo(
    manifest: &Path,
    cargo: &CargoOptions,
    target_dir: &Path,
    rac_dir: &Path,
    rac_members: &[PathBuf],
) -> Result<DepsBuild> {
    let started = std::time::SystemTime::now();
    let exe = std::env::current_exe().context("cannot find the cargo-rac executable")?;
    let program = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let units = units_dir(rac_dir);
    let _ = std::fs::remove_dir_all(&units);
    std::fs::create_dir_all(&units)
        .with_context(|| format!("cannot create {}", units.display()))?;
    let mut cmd = Command::new(program);
    // For tests, `cargo test --no-run` with the same target flags: `cargo build --lib`
    // builds the library without its dev-dependencies, while its unit tests need them
    // (cargo builds the library's test unit, as for `cargo test --lib`).
    if cargo.test {
        cmd.args(["test", "--no-run"]);
    } else {
        cmd.arg("build");
    }
    cmd.arg("--message-format=json-render-diagnostics")
        .arg("--manifest-path")
        .arg(manifest)
        .arg("--target-dir")
        .arg(target_dir)
        .args(cargo.command_line())
        .env("RUSTC_WORKSPACE_WRAPPER", &exe)
        .env(WRAPPER_ENV, "1")
        .env(UNITS_ENV, &units)
        .env(
            RUSTC_MEMBERS_ENV,
            cargo
                .rustc_members
                .iter()
                .map(|(name, _)| name.as_str())
                .collect::<Vec<_>>()
                .join(","),
        )
        .stdin(std::process::Stdio::null());
    let out = cmd.output().context("cannot run cargo")?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        bail!(
            "cargo could not build the dependencies:\n{}",
            stderr.trim_end()
        );
    }
    std::fs::create_dir_all(rac_dir)
        .with_context(|| format!("cannot create {}", rac_dir.display()))?;
    let messages = rac_dir.join("deps-build.json");
    crate::write_atomically(&messages, &out.stdout)?;
    let mut rlibs = Vec::new();
    let mut link_args = Vec::new();
    let mut outcome = Vec::new();
    let mut rebuilt = false;
    let mut inputs = CargoInputs::default();
    // Package ids to manifests (build-script-executed messages name only the id).
    let mut manifests: std::collections::HashMap<String, PathBuf> = Default::default();
    let mut scripts = Vec::new();
    let mut profiles = Vec::new();
    // `cargo:rustc-cfg=feature="x"` lines of build scripts (ahash's `folded_multiply`), by
    // package id: features of the compiled code as much as the manifest's.
    let mut script_features: std::collections::HashMap<String, Vec<String>> = Default::default();
    for m in cargo_metadata::Message::parse_stream(&out.stdout[..]) {
        match m.context("cannot read cargo's JSON messages")? {
            cargo_metadata::Message::CompilerArtifact(a) => {
                let manifest = a.manifest_path.clone().into_std_path_buf();
                let is_path_package = a.package_id.repr.starts_with("path+");
                let rac_member = rac_members.contains(&manifest);
                let is_script = a.target.is_custom_build();
                if is_script && is_path_package {
                    // The script's own source: cargo compiles it again when it changes.
                    inputs
                        .paths
                        .push(a.target.src_path.clone().into_std_path_buf());
                }
                if !rac_member {
                    rebuilt |= !a.fresh;
                    if is_path_package && !is_script {
                        if let Some(dir) = manifest.parent() {
                            inputs.paths.push(dir.to_path_buf());
                        }
                    }
                }
                if !is_script && let Some(dir) = manifest.parent() {
                    profiles.push(TargetProfile {
                        src_path: a.target.src_path.clone().into_std_path_buf(),
                        manifest_dir: dir.to_path_buf(),
                        debug_assertions: a.profile.debug_assertions,
                        overflow_checks: a.profile.overflow_checks,
                        features: a
                            .features
                            .iter()
                            .chain(
                                script_features
                                    .get(&a.package_id.repr)
                                    .into_iter()
                                    .flatten(),
                            )
                            .cloned()
                            .collect(),
                        rlib: a
                            .filenames
                            .iter()
                            .find(|f| f.extension() == Some("rlib"))
                            .map(|f| f.clone().into_std_path_buf()),
                    });
                }
                manifests.insert(a.package_id.repr.clone(), manifest);
                for f in &a.filenames {
                    if f.extension() == Some("rlib") {
                        rlibs.push((
                            a.target.src_path.clone().into_std_path_buf(),
                            f.clone().into_std_path_buf(),
                        ));
                    }
                }
            }
            cargo_metadata::Message::BuildScriptExecuted(b) => {
                outcome.push(format!("{b:?}"));
                let features = b.cfgs.iter().filter_map(|c| {
                    let f = c.strip_prefix("feature=\"")?.strip_suffix('"')?;
                    Some(f.to_owned())
                });
                script_features
                    .entry(b.package_id.repr.clone())
                    .or_default()
                    .extend(features);
                if b.package_id.repr.starts_with("path+") {
                    scripts.push((
                        b.package_id.repr.clone(),
                        b.out_dir.clone().into_std_path_buf(),
                    ));
                }
                for p in &b.linked_paths {
                    // `KIND=path` or `path`; the linker only needs the path.
                    let p = p.as_str();
                    let path = p.split_once('=').map_or(p, |(_, path)| path);
                    link_args.push(format!("-L{path}"));
                }
                // The libraries themselves (`linked_libs`) are recorded in the crate's
                // rlib like `#[link]` attributes: `native_libraries` reads them all.
            }
            _ => {}
        }
    }
    for (id, out_dir) in scripts {
        let Some(dir) = manifests.get(&id).and_then(|m| m.parent()) else {
            continue;
        };
        match rerun_if_changed(&out_dir) {
            Some(paths) => inputs.paths.extend(paths.into_iter().map(|p| dir.join(p))),
            None => inputs.paths.push(dir.to_path_buf()),
        }
    }
    inputs.paths.sort();
    inputs.paths.dedup();
    for (_, rlib) in &rlibs {
        outcome.push(rlib.display().to_string());
    }
    outcome.sort();
    Ok(DepsBuild {
        rlibs,
        link_args,
        messages,
        inputs,
        outcome,
        rebuilt,
        started,
        profiles,
        panic_abort: units.join("panic-abort").exists(),
    })
}

/// The `rerun-if-changed` paths a build script printed (in `OUT_DIR/../output`, cargo's
/// record of its last run), relative to its package; `None` when it printed no `rerun-if`
/// line at all (cargo then reruns it when any file of the package changes). A script
/// that printed only `rerun-if-env-changed` lines watches no file.
fn rerun_if_changed(out_dir: &Path) -> Option<Vec<PathBuf>> {
    let output = std::fs::read_to_string(out_dir.parent()?.join("output")).ok()?;
    let mut any = false;
    let mut paths = Vec::new();
    for line in output.lines() {
        let Some(directive) = line
            .strip_prefix("cargo::")
            .or_else(|| line.strip_prefix("cargo:"))
        else {
            continue;
        };
        if let Some(path) = directive.strip_prefix("rerun-if-changed=") {
            any = true;
            paths.push(PathBuf::from(path));
        } else if directive.starts_with("rerun-if-env-changed=") {
            any = true;
        }
    }
    any.then_some(paths)
}

/// What rustc links for the members' dependencies.
struct LinkProbe {
    /// The native libraries the dependencies link (`#[link]` attributes and build
    /// scripts' `rustc-link-lib`, both recorded in their rlibs' metadata), as linker
    /// arguments in the order rustc would pass them.
    libraries: Vec<String>,
    /// The rlibs rustc links, canonical: the roots and every crate they depend on, each
    /// resolved as rustc resolves it (by the hash the depending rlib recorded).
    rlibs: std::collections::HashSet<PathBuf>,
}

/// Asks rustc what a program over the dependencies links: an empty program that uses
/// each of `roots` (the rlibs the members name with `--extern`; every rlib when there are
/// none), linked with `--print link-args` and `true` as the linker.
fn link_probe(
    rlibs: &[(PathBuf, PathBuf)],
    roots: &[PathBuf],
    search: &[String],
    rac_dir: &Path,
) -> Result<LinkProbe> {
    if rlibs.is_empty() {
        return Ok(LinkProbe {
            libraries: Vec::new(),
            rlibs: Default::default(),
        });
    }
    let used: Vec<&PathBuf> = if roots.is_empty() {
        rlibs.iter().map(|(_, r)| r).collect()
    } else {
        roots.iter().collect()
    };
    let dir = rac_dir.join("link-probe");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut source = String::new();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let mut cmd = Command::new(&rustc);
    cmd.args([
        "--edition",
        "2021",
        "--crate-type",
        "bin",
        "--crate-name",
        "rac_link_probe",
    ]);
    cmd.args([
        "-C",
        "linker=true",
        "--print",
        "link-args",
        "--cap-lints",
        "allow",
    ]);
    let mut dep_dirs: Vec<&Path> = Vec::new();
    for (_, rlib) in rlibs {
        if let Some(d) = rlib.parent()
            && !dep_dirs.contains(&d)
        {
            dep_dirs.push(d);
        }
    }
    for (i, rlib) in used.into_iter().enumerate() {
        source.push_str(&format!("extern crate d{i};\n"));
        cmd.arg("--extern").arg(format!("d{i}={}", rlib.display()));
    }
    source.push_str("fn main() {}\n");
    for d in dep_dirs {
        cmd.arg("-L").arg(format!("dependency={}", d.display()));
    }
    for s in search {
        if let Some(p) = s.strip_prefix("-L") {
            cmd.arg("-L").arg(format!("native={p}"));
        }
    }
    let main = dir.join("main.rs");
    crate::write_atomically(&main, source.as_bytes())?;
    cmd.arg(&main).arg("-o").arg(dir.join("probe"));
    cmd.stdin(std::process::Stdio::null());
    let out = cmd.output().with_context(|| {
        format!("cannot run `{rustc}` to list the dependencies' native libraries")
    })?;
    if !out.status.success() {
        bail!(
            "rustc could not list the native libraries of the dependencies (`{rustc} --print link-args` \
             over their rlibs):\n{}",
            String::from_utf8_lossy(&out.stderr).trim_end()
        );
    }
    let printed = String::from_utf8_lossy(&out.stdout);
    Ok(LinkProbe {
        libraries: library_args(&printed),
        // rustc prints some paths resolved (`--extern`'s) and others as found: compare
        // them resolved.
        rlibs: printed_args(&printed)
            .into_iter()
            .filter(|a| a.ends_with(".rlib"))
            .map(|a| std::fs::canonicalize(&a).unwrap_or_else(|_| PathBuf::from(a)))
            .collect(),
    })
}

/// The library arguments of a linker command line printed by `rustc --print link-args`
/// (arguments in double quotes, `\` escaping): `-l...` and the `-Wl,` switches that change
/// how the following libraries are searched.
fn library_args(printed: &str) -> Vec<String> {
    let mut args = Vec::new();
    for arg in printed_args(printed) {
        let is_switch = matches!(
            arg.as_str(),
            "-Wl,-Bstatic"
                | "-Wl,-Bdynamic"
                | "-Wl,--whole-archive"
                | "-Wl,--no-whole-archive"
                | "-Wl,--as-needed"
                | "-Wl,--no-as-needed"
        );
        if arg.starts_with("-l") || is_switch {
            args.push(arg);
        }
    }
    args
}

/// The arguments of a command line printed by `rustc --print link-args`: each in double
/// quotes, `\` escaping.
fn printed_args(printed: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut chars = printed.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut arg = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => arg.extend(chars.next()),
                '"' => break,
                c => arg.push(c),
            }
        }
        args.push(arg);
    }
    args
}

#[cfg(test)]
mod tests {
    #[test]
    fn library_args_keep_libraries_and_their_switches_in_order() {
        let printed = r#"LC_ALL="C" PATH="/a:/b" VSLANG="1033" "true" "-m64" "/tmp/x/a.o" "-Wl,--as-needed" "-Wl,-Bstatic" "/t/libd.rlib" "-lanswer" "-Wl,-Bdynamic" "-lz" "-Wl,--whole-archive" "-l:lib\"q\".a" "-Wl,--no-whole-archive" "-L" "/s" "-o" "/tmp/p" "-nodefaultlibs""#;
        assert_eq!(
            super::library_args(printed),
            [
                "-Wl,--as-needed",
                "-Wl,-Bstatic",
                "-lanswer",
                "-Wl,-Bdynamic",
                "-lz",
                "-Wl,--whole-archive",
                "-l:lib\"q\".a",
                "-Wl,--no-whole-archive"
            ]
        );
    }
}
