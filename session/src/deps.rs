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
    /// Linker arguments from build scripts (`cargo:rustc-link-lib`, `-search`).
    pub link_args: Vec<String>,
    /// cargo's JSON messages of the build, for rust-analyzer.
    pub messages: PathBuf,
}

/// The environment variable the wrapper recognizes (`cargo-rac/src/wrapper.rs`).
const WRAPPER_ENV: &str = "RAC_WORKSPACE_WRAPPER";
/// The members the wrapper leaves to rustc (`[package.metadata.rac] compile = "rustc"`),
/// comma-separated package names.
const RUSTC_MEMBERS_ENV: &str = "RAC_RUSTC_MEMBERS";

pub fn build(
    manifest: &Path,
    cargo: &CargoOptions,
    target_dir: &Path,
    rac_dir: &Path,
) -> Result<DepsBuild> {
    let exe = std::env::current_exe().context("cannot find the cargo-rac executable")?;
    let program = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(program);
    cmd.args(["build", "--message-format=json-render-diagnostics"])
        .arg("--manifest-path")
        .arg(manifest)
        .arg("--target-dir")
        .arg(target_dir)
        .args(cargo.command_line())
        .env("RUSTC_WORKSPACE_WRAPPER", &exe)
        .env(WRAPPER_ENV, "1")
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
    for m in cargo_metadata::Message::parse_stream(&out.stdout[..]) {
        match m.context("cannot read cargo's JSON messages")? {
            cargo_metadata::Message::CompilerArtifact(a) => {
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
                for p in &b.linked_paths {
                    // `KIND=path` or `path`; the linker only needs the path.
                    let p = p.as_str();
                    let path = p.split_once('=').map_or(p, |(_, path)| path);
                    link_args.push(format!("-L{path}"));
                }
                for l in &b.linked_libs {
                    let l = l.as_str();
                    let (kind, name) = l.split_once('=').unwrap_or(("", l));
                    let name = name.split_once(':').map_or(name, |(_, n)| n);
                    if kind.starts_with("static") {
                        link_args.push(format!("-Wl,-Bstatic,-l{name},-Bdynamic"));
                    } else {
                        link_args.push(format!("-l{name}"));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(DepsBuild {
        rlibs,
        link_args,
        messages,
    })
}
