//! `cargo rac test` against `cargo test` on `testsuite/examples/unit_tests` (unit tests of
//! a library and of a binary, an integration test that fails on purpose): the test
//! binaries' output (stdout) and the exit code must be cargo's, with filters, `--lib`,
//! arguments after `--`, and after edits through the build server (a test added, a test
//! made to fail: never a stale harness).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const RAC: &str = env!("CARGO_BIN_EXE_cargo-rac");

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let name = e.file_name();
        if name == "target" || name == "Cargo.lock" {
            continue;
        }
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(&name));
        } else {
            std::fs::copy(e.path(), to.join(&name)).unwrap();
        }
    }
}

/// A fresh copy of the example, and a private directory for its server's socket.
fn workspace(test: &str) -> (PathBuf, PathBuf) {
    example_workspace("unit_tests", test)
}

fn example_workspace(example: &str, test: &str) -> (PathBuf, PathBuf) {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("test_command")
        .join(test);
    let _ = std::fs::remove_dir_all(&base);
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testsuite/examples")
        .join(example);
    let dir = base.join("ws");
    copy_dir(&src, &dir);
    let run = base.join("run");
    std::fs::create_dir_all(&run).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
    (dir, run)
}

fn rac(dir: &Path, run: &Path, args: &[&str]) -> Output {
    Command::new(RAC)
        .arg("rac")
        .args(args)
        .current_dir(dir)
        .env("XDG_RUNTIME_DIR", run)
        .env("RUST_BACKTRACE", "0")
        .env_remove("RAC_NO_SERVER")
        .stdin(Stdio::null())
        .output()
        .expect("running cargo-rac")
}

/// `cargo test` built by rustc (its own target directory; doc tests are not rac's).
fn cargo_test(dir: &Path, args: &[&str]) -> Output {
    Command::new("cargo")
        .args(["test", "--target-dir", "target-rustc"])
        .args(args)
        .current_dir(dir)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .output()
        .expect("running cargo test")
}

/// The test binaries' report, without what differs between two runs (thread ids, times).
fn report(o: &Output) -> String {
    let s = testsuite::normalize(&String::from_utf8_lossy(&o.stdout));
    s.lines()
        .map(|l| match l.find("; finished in ") {
            Some(i) => format!("{}; finished in T", &l[..i]),
            None => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn all(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Each case's `cargo rac test` against `cargo test` with cargo's flags for it: the same
/// report and exit code.
fn same_as_cargo_test(dir: &Path, run: &Path, cases: &[(&[&str], &[&str])]) {
    for (rac_args, cargo_args) in cases {
        let mut args = vec!["test"];
        args.extend_from_slice(rac_args);
        let ours = rac(dir, run, &args);
        let theirs = cargo_test(dir, cargo_args);
        assert_eq!(
            report(&ours),
            report(&theirs),
            "cargo rac {args:?}\nrac:\n{}\ncargo:\n{}",
            all(&ours),
            all(&theirs)
        );
        assert_eq!(
            ours.status.code(),
            theirs.status.code(),
            "exit code of cargo rac {args:?}: {}",
            all(&ours)
        );
    }
}

#[test]
fn cargo_rac_test_reports_as_cargo_test() {
    let (dir, run) = workspace("as_cargo");
    let cases: &[(&[&str], &[&str])] = &[
        // Every target, every failure reported (two targets fail: exit 101).
        (
            &["--no-fail-fast", "--", "--test-threads", "1"],
            &[
                "--lib",
                "--bins",
                "--tests",
                "--no-fail-fast",
                "--",
                "--test-threads",
                "1",
            ],
        ),
        // A filter and libtest's own flags.
        (
            &["--lib", "parse", "--", "--test-threads", "1"],
            &["--lib", "parse", "--", "--test-threads", "1"],
        ),
        (
            &["--lib", "--", "--ignored", "--nocapture"],
            &["--lib", "--", "--ignored", "--nocapture"],
        ),
        (&["--bin", "unit_tests"], &["--bin", "unit_tests"]),
        // Stops at the first failing target (the library's).
        (
            &["--", "--test-threads", "1"],
            &["--lib", "--bins", "--tests", "--", "--test-threads", "1"],
        ),
    ];
    same_as_cargo_test(&dir, &run, cases);
    // The list of tests comes from the harness rac generated: all of them ran.
    let full = report(&rac(
        &dir,
        &run,
        &["test", "--lib", "--", "--test-threads", "1"],
    ));
    assert!(full.contains("test tests::nested::deep ... ok"), "{full}");
    assert!(
        full.contains("test tests::overflows - should panic ... ok"),
        "{full}"
    );
    let _ = rac(&dir, &run, &["server", "stop"]);
}

/// Tests written with attribute macros from crates.io (`testsuite/examples/test_macros`):
/// rstest's cases, fixtures and value matrices, test-case's cases with results and
/// `should_panic`, mockall's mocks and sequences: the same tests, with the same names
/// and results, as under `cargo test`.
#[test]
fn test_attribute_macros_run_as_under_cargo_test() {
    let (dir, run) = example_workspace("test_macros", "macros");
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--no-fail-fast", "--", "--test-threads", "1"],
            &[
                "--lib",
                "--tests",
                "--no-fail-fast",
                "--",
                "--test-threads",
                "1",
            ],
        ),
        (&["--lib", "--", "--list"], &["--lib", "--", "--list"]),
        // One test thread: the report's order is fixed.
        (
            &[
                "--test",
                "integration",
                "--",
                "--include-ignored",
                "--test-threads",
                "1",
            ],
            &[
                "--test",
                "integration",
                "--",
                "--include-ignored",
                "--test-threads",
                "1",
            ],
        ),
    ];
    same_as_cargo_test(&dir, &run, cases);
    let full = report(&rac(
        &dir,
        &run,
        &["test", "--lib", "--", "--test-threads", "1"],
    ));
    assert!(full.contains("test result: ok. 18 passed"), "{full}");
    let _ = rac(&dir, &run, &["server", "stop"]);
}

#[test]
fn edited_tests_are_never_stale() {
    let (dir, run) = workspace("edits");
    let lib = dir.join("src/lib.rs");
    let original = std::fs::read_to_string(&lib).unwrap();
    let args = ["test", "--lib", "added", "--", "--test-threads", "1"];

    let before = rac(&dir, &run, &args);
    assert!(
        report(&before).contains("running 0 tests"),
        "{}",
        all(&before)
    );

    // A new test module in the root file: the harness is regenerated.
    let added = format!(
        "{original}\n#[cfg(test)]\nmod added {{\n    #[test]\n    fn added_test() {{ assert_eq!(super::add(1, 2), 3); }}\n}}\n"
    );
    std::fs::write(&lib, &added).unwrap();
    let passing = rac(&dir, &run, &args);
    assert!(
        report(&passing).contains("test added::added_test ... ok"),
        "{}",
        all(&passing)
    );
    assert_eq!(passing.status.code(), Some(0), "{}", all(&passing));

    // The same test made to fail, then the library function it calls changed back.
    std::fs::write(&lib, added.replace("add(1, 2), 3)", "add(1, 2), 4)")).unwrap();
    let failing = rac(&dir, &run, &args);
    assert!(
        report(&failing).contains("test added::added_test ... FAILED"),
        "{}",
        all(&failing)
    );
    assert_eq!(failing.status.code(), Some(101));
    std::fs::write(
        &lib,
        added
            .replace("add(1, 2), 3)", "add(1, 2), 4)")
            .replace("    a + b\n", "    a + b + 1\n"),
    )
    .unwrap();
    let fixed = rac(&dir, &run, &args);
    assert!(
        report(&fixed).contains("test added::added_test ... ok"),
        "{}",
        all(&fixed)
    );

    // Removed again: the harness no longer names it.
    std::fs::write(&lib, &original).unwrap();
    let removed = rac(&dir, &run, &args);
    assert!(
        report(&removed).contains("running 0 tests"),
        "{}",
        all(&removed)
    );
    assert_eq!(removed.status.code(), Some(0), "{}", all(&removed));
    let _ = rac(&dir, &run, &["server", "stop"]);
}

/// A `#![no_std]` library without `extern crate std`: its test harness runs on std, whose
/// `lang_start` is not among the library's own lang items (itoa's unit tests).
#[test]
fn no_std_library_tests_run_on_std() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("test_command")
        .join("no_std");
    let _ = std::fs::remove_dir_all(&base);
    let dir = base.join("ws");
    let run = base.join("run");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::create_dir_all(&run).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"bare\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("src/lib.rs"),
        "#![no_std]\npub fn add(a: u32, b: u32) -> u32 { a + b }\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds() { assert_eq!(super::add(1, 2), 3); }\n    #[test]\n    #[should_panic]\n    fn overflows() { super::add(u32::MAX, 1); }\n}\n",
    )
    .unwrap();
    let args = ["--lib", "--", "--test-threads", "1"];
    let ours = rac(&dir, &run, &[&["test", "--no-server"][..], &args].concat());
    let theirs = cargo_test(&dir, &args);
    assert_eq!(
        report(&ours),
        report(&theirs),
        "rac:\n{}\ncargo:\n{}",
        all(&ours),
        all(&theirs)
    );
    assert_eq!(ours.status.code(), Some(0), "{}", all(&ours));
    assert!(report(&ours).contains("test tests::overflows - should panic ... ok"));
}
