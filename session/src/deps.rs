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
                // The libraries themselves (`linked_libs`) are recorded in the crate's
                // rlib like `#[link]` attributes: `native_libraries` reads them all.
            }
            _ => {}
        }
    }
    let search: Vec<String> = link_args.clone();
    link_args.extend(native_libraries(&rlibs, &search, rac_dir)?);
    Ok(DepsBuild {
        rlibs,
        link_args,
        messages,
    })
}

/// The native libraries the dependencies link (`#[link]` attributes and build scripts'
/// `rustc-link-lib`, both recorded in their rlibs' metadata), as linker arguments in the
/// order rustc would pass them: rustc itself is asked, by linking an empty program that
/// uses every dependency rlib with `--print link-args` and `true` as the linker.
fn native_libraries(rlibs: &[(PathBuf, PathBuf)], search: &[String], rac_dir: &Path) -> Result<Vec<String>> {
    if rlibs.is_empty() {
        return Ok(Vec::new());
    }
    let dir = rac_dir.join("link-probe");
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create {}", dir.display()))?;
    let mut source = String::new();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let mut cmd = Command::new(&rustc);
    cmd.args(["--edition", "2021", "--crate-type", "bin", "--crate-name", "rac_link_probe"]);
    cmd.args(["-C", "linker=true", "--print", "link-args", "--cap-lints", "allow"]);
    let mut dep_dirs: Vec<&Path> = Vec::new();
    for (i, (_, rlib)) in rlibs.iter().enumerate() {
        source.push_str(&format!("extern crate d{i};\n"));
        cmd.arg("--extern").arg(format!("d{i}={}", rlib.display()));
        if let Some(d) = rlib.parent()
            && !dep_dirs.contains(&d)
        {
            dep_dirs.push(d);
        }
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
    let out = cmd
        .output()
        .with_context(|| format!("cannot run `{rustc}` to list the dependencies' native libraries"))?;
    if !out.status.success() {
        bail!(
            "rustc could not list the native libraries of the dependencies (`{rustc} --print link-args` \
             over their rlibs):\n{}",
            String::from_utf8_lossy(&out.stderr).trim_end()
        );
    }
    Ok(library_args(&String::from_utf8_lossy(&out.stdout)))
}

/// The library arguments of a linker command line printed by `rustc --print link-args`
/// (arguments in double quotes, `\` escaping): `-l...` and the `-Wl,` switches that change
/// how the following libraries are searched.
fn library_args(printed: &str) -> Vec<String> {
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
