//! The link map index under `target/rac/`: built by the first build, reused by the next,
//! and rebuilt (never trusted) when damaged. The speed of a reused index against a fresh
//! read is asserted by `linkmap/tests/cache.rs` on the same sysroot rlibs.

use std::path::{Path, PathBuf};
use std::process::Command;

fn build(target_dir: &Path) -> String {
    let hello = testsuite::testsuite_dir().join("examples").join("hello");
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-rac"))
        .args(["rac", "build", "--timings", "--manifest-path"])
        .arg(hello.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir)
        .env("RUST_BACKTRACE", "0")
        .env("RAC_NO_SERVER", "1")
        .output()
        .expect("running cargo-rac");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "build failed:\n{stderr}");
    let bin = target_dir.join("debug").join("hello");
    let run = Command::new(&bin).output().expect("running hello");
    assert!(run.status.success(), "{} failed", bin.display());
    stderr
}

fn link_map_line(stderr: &str) -> &str {
    stderr
        .lines()
        .find(|l| l.trim_start().starts_with("link map"))
        .unwrap_or_else(|| panic!("no link map timing in:\n{stderr}"))
}

#[test]
fn link_map_index_is_reused_and_rebuilt_when_damaged() {
    let target_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("linkmap-cache");
    let _ = std::fs::remove_dir_all(&target_dir);
    let index = target_dir.join("rac").join("linkmap.idx");

    assert!(link_map_line(&build(&target_dir)).contains("index built"));
    assert!(index.exists(), "no index at {}", index.display());
    assert!(link_map_line(&build(&target_dir)).contains("index reused"));

    // One flipped byte in the middle: the checksum catches it.
    let mut bytes = std::fs::read(&index).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x5a;
    std::fs::write(&index, &bytes).unwrap();
    let line = build(&target_dir);
    assert!(link_map_line(&line).contains("index rebuilt"), "{line}");
    assert!(link_map_line(&build(&target_dir)).contains("index reused"));

    // Truncated to half.
    let bytes = std::fs::read(&index).unwrap();
    std::fs::write(&index, &bytes[..bytes.len() / 2]).unwrap();
    assert!(link_map_line(&build(&target_dir)).contains("index rebuilt"));
    assert!(link_map_line(&build(&target_dir)).contains("index reused"));
}

/// rac's own functions carry v0 names: `nm -C` prints their Rust paths.
#[test]
fn rac_functions_have_readable_v0_names() {
    let target_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("v0-names");
    build(&target_dir);
    let out = Command::new("nm")
        .arg("-C")
        .arg(target_dir.join("debug").join("hello"))
        .output()
        .expect("running nm");
    let syms = String::from_utf8_lossy(&out.stdout);
    for expected in [
        " hello::main",
        " hello::word_counts",
        " <alloc::collections::btree::map::BTreeMap<alloc::string::String, usize>>::entry",
    ] {
        assert!(
            syms.lines()
                .any(|l| l.ends_with(expected.trim()) || l.contains(expected)),
            "`nm -C` shows no `{expected}`"
        );
    }
    assert!(!syms.contains(" _rac"), "unmangled rac symbols left");
}
