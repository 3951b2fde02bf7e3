//! Helpers shared by the link map's integration tests.

use std::path::{Path, PathBuf};

/// The rlibs of the active toolchain's sysroot, sorted.
pub fn sysroot_rlibs() -> Vec<PathBuf> {
    let out = std::process::Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .expect("rustc --print sysroot");
    let sysroot = String::from_utf8(out.stdout).unwrap();
    let dir = Path::new(sysroot.trim()).join("lib/rustlib/x86_64-unknown-linux-gnu/lib");
    let mut rlibs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rlib"))
        .collect();
    rlibs.sort();
    assert!(!rlibs.is_empty(), "no rlibs in {}", dir.display());
    rlibs
}
