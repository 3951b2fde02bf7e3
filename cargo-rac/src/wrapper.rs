//! `cargo-rac` as cargo's `RUSTC_WORKSPACE_WRAPPER`, while rac has cargo build the
//! dependencies (`session::deps`): cargo then runs rustc itself for every package that is
//! not a workspace member, and runs us for the members' compilations.
//!
//! A member's library, binaries and tests are rac's to compile: the wrapper compiles
//! nothing for them and writes no output (cargo skips uplifting outputs that do not exist,
//! and a unit without dep-info is simply dirty the next time). It records the unit's
//! rustc command line, environment and directory instead: the session runs it again as
//! rustc's check of the member, for rustc's warnings and errors (`session/src/check.rs`). What cargo needs rustc for
//! even in a member is passed through: its queries (`-vV`, `--print`), build scripts
//! and proc-macro crates (which rustc must really build and cargo must really run).

use std::process::ExitCode;

/// Set in cargo's environment by `session::deps`; the wrapper is active only with it.
pub const ENV: &str = "RAC_WORKSPACE_WRAPPER";
/// Members left to rustc, comma-separated (set by `session::deps` too).
const RUSTC_MEMBERS_ENV: &str = "RAC_RUSTC_MEMBERS";
/// A directory for what the wrapper learns from the members' command lines (set by
/// `session::deps`).
const UNITS_ENV: &str = "RAC_WRAPPER_UNITS";

/// `-C panic=abort` (the profile's `panic = "abort"`).
fn panic_abort(args: &[String]) -> bool {
    args.iter().any(|a| a == "-Cpanic=abort")
        || args
            .windows(2)
            .any(|w| w[0] == "-C" && w[1] == "panic=abort")
}

/// `argv` is `[cargo-rac, rustc, args...]`.
pub fn main(argv: &[String]) -> ExitCode {
    let Some((rustc, args)) = argv[1..].split_first() else {
        eprintln!("error: {ENV} is set but no rustc command line was given");
        return ExitCode::from(101);
    };
    // A member marked `[package.metadata.rac] compile = "rustc"` is rustc's, like a
    // dependency (cargo tells rustc which package it compiles in `CARGO_PKG_NAME`).
    let rustc_member = std::env::var("CARGO_PKG_NAME").is_ok_and(|pkg| {
        std::env::var(RUSTC_MEMBERS_ENV)
            .unwrap_or_default()
            .split(',')
            .any(|m| m == pkg)
    });
    if !rustc_member && compiled_by_rac(args) {
        // What the profile decides that is not in cargo's messages: the panic strategy
        // (`session::deps` reads the marker; the debug-assertions and overflow-checks
        // settings are in the artifact messages).
        if let Some(dir) = std::env::var_os(UNITS_ENV) {
            let dir = std::path::Path::new(&dir);
            if panic_abort(args) {
                let _ = std::fs::write(dir.join("panic-abort"), "");
            }
            if let Err(e) = record_unit(dir, rustc, args) {
                eprintln!("error: cannot record the rustc command of a member: {e}");
                return ExitCode::from(101);
            }
        }
        return ExitCode::SUCCESS;
    }
    use std::os::unix::process::CommandExt;
    let e = std::process::Command::new(rustc).args(args).exec();
    eprintln!("error: cannot run `{rustc}`: {e}");
    ExitCode::from(101)
}

/// Writes `<dir>/unit-<n>.json`: `{"rustc", "args", "env", "cwd"}` (the format
/// `session::check::Unit::read` reads), one file per unit of this cargo run.
fn record_unit(dir: &std::path::Path, rustc: &str, args: &[String]) -> std::io::Result<()> {
    let env: serde_json::Map<String, serde_json::Value> = std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?.into())))
        .filter(|(k, _)| !k.starts_with("RAC_"))
        .collect();
    let cwd = std::env::current_dir()?;
    let unit = serde_json::json!({
        "rustc": rustc,
        "args": args,
        "env": env,
        "cwd": cwd,
    });
    // Units run concurrently: a unique name, written whole then renamed.
    let name = format!("unit-{}-{}", std::process::id(), unique());
    let tmp = dir.join(format!("{name}.tmp"));
    std::fs::write(&tmp, unit.to_string())?;
    std::fs::rename(&tmp, dir.join(format!("{name}.json")))
}

fn unique() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

fn compiled_by_rac(args: &[String]) -> bool {
    fn values<'a>(args: &'a [String], flag: &'a str) -> impl Iterator<Item = &'a str> {
        args.windows(2)
            .filter(move |w| w[0] == flag)
            .map(|w| w[1].as_str())
    }
    let Some(name) = values(args, "--crate-name").next() else {
        return false;
    };
    // cargo always asks rustc for JSON diagnostics; a command line without it is not
    // cargo's but, say, a build script's probe run through `RUSTC_WORKSPACE_WRAPPER`,
    // which must really compile. `___` is cargo asking about the target.
    args.iter().any(|a| a == "--error-format=json")
        && !(name == "___"
            || name.starts_with("build_script_")
            || values(args, "--crate-type").any(|t| t == "proc-macro")
            || args.iter().any(|a| a.starts_with("--print")))
}

#[cfg(test)]
mod tests {
    use super::compiled_by_rac;

    fn args(s: &str) -> Vec<String> {
        s.split(' ')
            .map(|a| if a == "J" { "--error-format=json" } else { a }.to_owned())
            .collect()
    }

    #[test]
    fn only_members_own_code_is_left_to_rac() {
        // (cargo's own command lines carry `--error-format=json`; `J` stands for it.)
        let cases = [
            ("-vV", false),
            (
                "- --crate-name ___ --print=file-names --crate-type bin J",
                false,
            ),
            (
                "--crate-name build_script_build build.rs --crate-type bin J",
                false,
            ),
            (
                "--crate-name my_derive src/lib.rs --crate-type proc-macro J",
                false,
            ),
            (
                "--crate-name app --edition=2024 src/main.rs --crate-type bin J",
                true,
            ),
            (
                "--crate-name mlib --edition=2024 src/lib.rs --crate-type lib J",
                true,
            ),
            ("--crate-name mlib --edition=2024 src/lib.rs --test J", true),
            // A build script's probe (anyhow's) through the wrapper: compiled for real.
            (
                "--crate-name anyhow_build_probe - --emit=dep-info,metadata",
                false,
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(compiled_by_rac(&args(line)), expected, "{line}");
        }
    }
}
