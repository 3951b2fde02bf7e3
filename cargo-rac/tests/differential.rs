//! The differential tests `cargo test` runs: every program in `testsuite/programs` built
//! with rustc and with rac must behave identically when it is in `testsuite/ratchet.txt`,
//! every program in `testsuite/crates` (small programs over crates.io crates, fetched by
//! cargo) must too, and every program in `testsuite/refused` must be refused with the
//! expected error.

use std::path::PathBuf;
use std::time::Duration;

fn harness() -> testsuite::Harness {
    harness_in("rac-testsuite")
}

fn harness_in(dir: &str) -> testsuite::Harness {
    testsuite::Harness {
        cargo_rac: PathBuf::from(env!("CARGO_BIN_EXE_cargo-rac")),
        work_dir: PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(dir),
        timeout: Duration::from_secs(30),
        jobs: None,
        full_debuginfo: false,
    }
}

#[test]
fn testsuite_programs_match_rustc() {
    let dir = testsuite::testsuite_dir();
    let programs = testsuite::programs_in(&dir.join("programs"), "2021").unwrap();
    let ratchet = testsuite::read_ratchet(&dir.join("ratchet.txt")).unwrap();
    let results = harness().run(&programs).unwrap();
    let (report, ok) = testsuite::check_ratchet(&results, &ratchet);
    println!("{report}");
    assert!(ok, "programs in the ratchet failed:\n{report}");
}

#[test]
fn programs_over_crates_io_crates_match_rustc() {
    let dir = testsuite::testsuite_dir();
    let programs = testsuite::programs_in(&dir.join("crates"), "2021").unwrap();
    assert!(!programs.is_empty());
    let every_one: Vec<String> = programs.iter().map(|p| p.name.clone()).collect();
    let results = harness_in("rac-testsuite-crates").run(&programs).unwrap();
    let (report, ok) = testsuite::check_ratchet(&results, &every_one);
    println!("{report}");
    assert!(ok, "programs over crates.io crates failed:\n{report}");
}

#[test]
fn rustc_warnings_and_errors_read_as_with_cargo_build() {
    let dir = testsuite::testsuite_dir();
    let programs = testsuite::programs_in(&dir.join("diagnostics"), "2021").unwrap();
    assert!(!programs.is_empty());
    let h = harness();
    let mut failures = Vec::new();
    for p in &programs {
        if let Some(why) = h.check_diagnostics(p).unwrap() {
            failures.push(format!("{}: {why}", p.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn unsupported_code_is_refused_with_a_clear_error() {
    let dir = testsuite::testsuite_dir();
    let cases = testsuite::refusal_cases(&dir.join("refused")).unwrap();
    assert!(!cases.is_empty());
    let h = harness();
    let mut failures = Vec::new();
    for case in &cases {
        if let Some(why) = h.check_refusal(case).unwrap() {
            failures.push(format!("{}: {why}", case.program.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
