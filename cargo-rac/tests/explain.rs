//! Golden tests of `cargo rac explain` on `testsuite/explain/demo`: each
//! `testsuite/explain/golden/<case>.args` holds the arguments after `explain`, and
//! `<case>.out` the expected exit code, stdout and stderr. `RAC_BLESS=1 cargo test --test
//! explain` rewrites the `.out` files (review the diff).

use std::path::{Path, PathBuf};
use std::process::Command;

fn run_case(cargo_rac: &Path, demo: &Path, target_dir: &Path, args: &str) -> String {
    let out = Command::new(cargo_rac)
        .arg("rac")
        .arg("explain")
        .args(args.split_whitespace())
        .arg("--manifest-path")
        .arg(demo.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir)
        .current_dir(demo)
        .env("RUST_BACKTRACE", "0")
        .env("RAC_NO_SERVER", "1")
        .output()
        .expect("running cargo-rac");
    let text = format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().map_or("signal".into(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The rlib paths are absolute: the golden files name the sysroot `<sysroot>`.
    text.replace(&sysroot(), "<sysroot>")
}

fn sysroot() -> String {
    let out = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .expect("running rustc");
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn explain_matches_golden_output() {
    let explain_dir = testsuite::testsuite_dir().join("explain");
    let demo = explain_dir.join("demo");
    let golden = explain_dir.join("golden");
    let target_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("explain-demo");
    let cargo_rac = PathBuf::from(env!("CARGO_BIN_EXE_cargo-rac"));
    let bless = std::env::var_os("RAC_BLESS").is_some();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&golden)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "args"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 6,
        "golden cases missing in {}",
        golden.display()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let args = std::fs::read_to_string(case).unwrap();
        let actual = run_case(&cargo_rac, &demo, &target_dir, args.trim());
        let expected_path = case.with_extension("out");
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "{}: `cargo rac explain {}` differs\n--- expected\n{expected}--- actual\n{actual}",
                case.display(),
                args.trim()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
