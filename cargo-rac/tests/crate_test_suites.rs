//! Real crates' own test suites under `cargo rac test`, against `cargo test`: the crate's
//! published source (fetched by cargo from crates.io into its registry, copied, never
//! committed) becomes a workspace, and both runs must print the same report (one test
//! thread, so the order is fixed) and exit the same way.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const RAC: &str = env!("CARGO_BIN_EXE_cargo-rac");

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let name = e.file_name();
        if name == "target" {
            continue;
        }
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(&name));
        } else {
            std::fs::copy(e.path(), to.join(&name)).unwrap();
        }
    }
}

/// The published source of `name` `version` as a workspace of its own.
fn crate_workspace(name: &str, version: &str) -> PathBuf {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("crate_test_suites")
        .join(format!("{name}-{version}"));
    let _ = std::fs::remove_dir_all(&base);
    // A throwaway package depending on the crate makes cargo download it.
    let fetch = base.join("fetch");
    std::fs::create_dir_all(fetch.join("src")).unwrap();
    std::fs::write(
        fetch.join("Cargo.toml"),
        format!(
            "[package]\nname = \"fetch\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[dependencies]\n{name} = \"={version}\"\n\n[workspace]\n"
        ),
    )
    .unwrap();
    std::fs::write(fetch.join("src/lib.rs"), "").unwrap();
    let meta = Command::new("cargo")
        .args(["metadata", "--format-version", "1"])
        .current_dir(&fetch)
        .output()
        .unwrap();
    assert!(
        meta.status.success(),
        "{}",
        String::from_utf8_lossy(&meta.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&meta.stdout).unwrap();
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name && p["version"] == version)
        .and_then(|p| p["manifest_path"].as_str())
        .expect("the crate in cargo metadata")
        .to_owned();
    let src = Path::new(&manifest).parent().unwrap();
    let ws = base.join("ws");
    copy_dir(src, &ws);
    let toml = ws.join("Cargo.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("{text}\n[workspace]\n")).unwrap();
    ws
}

fn run(cmd: &mut Command) -> Output {
    cmd.env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .output()
        .unwrap()
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

fn same_report(name: &str, version: &str, args: &[&str]) {
    let ws = crate_workspace(name, version);
    let theirs = run(Command::new("cargo")
        .args(["test", "--target-dir", "target-rustc"])
        .args(args)
        .args(["--", "--test-threads", "1"])
        .current_dir(&ws));
    let ours = run(Command::new(RAC)
        .args(["rac", "test", "--no-server"])
        .args(args)
        .args(["--", "--test-threads", "1"])
        .current_dir(&ws));
    let all = |o: &Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    assert!(
        report(&theirs).contains("test result: ok."),
        "cargo test of {name}: {}",
        all(&theirs)
    );
    assert_eq!(
        report(&ours),
        report(&theirs),
        "{name} {version}: cargo rac test\n{}\ncargo test\n{}",
        all(&ours),
        all(&theirs)
    );
    assert_eq!(ours.status.code(), theirs.status.code(), "{}", all(&ours));
}

#[test]
fn regex_syntax_unit_tests() {
    // 147 unit tests of a #![no_std] crate (the harness names nothing from the prelude).
    same_report("regex-syntax", "0.8.5", &["--lib"]);
}

#[test]
fn smallvec_unit_and_integration_tests() {
    same_report("smallvec", "1.16.6", &["--lib", "--tests"]);
}

#[test]
fn either_unit_tests() {
    same_report("either", "1.15.0", &["--lib"]);
}

#[test]
fn semver_unit_and_integration_tests() {
    // Five test binaries, run in cargo's order (lib, then integration tests by name).
    same_report("semver", "1.0.23", &["--lib", "--tests"]);
}

#[test]
fn itoa_no_std_tests() {
    // A #![no_std] library without `extern crate std`: its harness still runs on std.
    same_report("itoa", "1.0.11", &["--lib", "--tests"]);
}

#[test]
fn indexmap_unit_and_integration_tests() {
    // `Bucket<K, ()>::clone_from`: `clone_from` of a compiler-provided `Clone` impl.
    same_report("indexmap", "2.6.0", &["--lib", "--tests"]);
}

#[test]
fn arrayvec_unit_and_integration_tests() {
    same_report("arrayvec", "0.7.6", &["--lib", "--tests"]);
}

#[test]
fn itertools_tests() {
    // criterion, a dev-dependency, brings serde_json's `PartialEq<Value> for i32`: the tests
    // never name it, so (as for rustc) its impls take no part in their inference.
    same_report("itertools", "0.13.0", &["--lib", "--tests"]);
}

#[test]
fn slotmap_unit_tests() {
    // fxhash 0.2.1, a dev-dependency, is edition 2015 with an anonymous trait method
    // parameter; an assertion prints `type_name::<fn(DefaultKey) -> DefaultKey>()`.
    same_report("slotmap", "1.1.1", &["--lib"]);
}

#[test]
fn bstr_unit_tests() {
    // The grapheme tables are regex-automata DFAs in statics of `&AlignAs<[u8], u32>`.
    same_report("bstr", "1.11.0", &["--lib"]);
}
