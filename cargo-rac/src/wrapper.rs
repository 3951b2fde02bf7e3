//! `cargo-rac` as cargo's `RUSTC_WORKSPACE_WRAPPER`, while rac has cargo build the
//! dependencies (`session::deps`): cargo then runs rustc itself for every package that is
//! not a workspace member, and runs us for the members' compilations.
//!
//! A member's library, binaries and tests are rac's to compile: the wrapper compiles
//! nothing for them and writes no file (cargo skips uplifting outputs that do not exist,
//! and a unit without dep-info is simply dirty the next time). What cargo needs rustc for
//! even in a member is passed through: its queries (`-vV`, `--print`), build scripts
//! and proc-macro crates (which rustc must really build and cargo must really run).

use std::process::ExitCode;

/// Set in cargo's environment by `session::deps`; the wrapper is active only with it.
pub const ENV: &str = "RAC_WORKSPACE_WRAPPER";

/// `argv` is `[cargo-rac, rustc, args...]`.
pub fn main(argv: &[String]) -> ExitCode {
    let Some((rustc, args)) = argv[1..].split_first() else {
        eprintln!("error: {ENV} is set but no rustc command line was given");
        return ExitCode::from(101);
    };
    if compiled_by_rac(args) {
        return ExitCode::SUCCESS;
    }
    use std::os::unix::process::CommandExt;
    let e = std::process::Command::new(rustc).args(args).exec();
    eprintln!("error: cannot run `{rustc}`: {e}");
    ExitCode::from(101)
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
    // `___` is cargo asking rustc about the target (`--print=file-names`).
    !(name == "___"
        || name.starts_with("build_script_")
        || values(args, "--crate-type").any(|t| t == "proc-macro")
        || args.iter().any(|a| a.starts_with("--print")))
}

#[cfg(test)]
mod tests {
    use super::compiled_by_rac;

    fn args(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn only_members_own_code_is_left_to_rac() {
        let cases = [
            ("-vV", false),
            (
                "- --crate-name ___ --print=file-names --crate-type bin",
                false,
            ),
            (
                "--crate-name build_script_build --edition=2021 build.rs --crate-type bin",
                false,
            ),
            (
                "--crate-name my_derive --edition=2021 src/lib.rs --crate-type proc-macro",
                false,
            ),
            (
                "--crate-name app --edition=2024 src/main.rs --crate-type bin",
                true,
            ),
            (
                "--crate-name mlib --edition=2024 src/lib.rs --crate-type lib",
                true,
            ),
            ("--crate-name mlib --edition=2024 src/lib.rs --test", true),
        ];
        for (line, expected) in cases {
            assert_eq!(compiled_by_rac(&args(line)), expected, "{line}");
        }
    }
}
