// Builds libanswer.a in OUT_DIR and tells rustc only where to look: the library itself is
// named by `#[link]` in src/lib.rs.
use std::process::Command;

fn main() {
    let out = std::env::var("OUT_DIR").unwrap();
    let obj = format!("{out}/answer.o");
    let ok = Command::new("cc")
        .args(["-c", "-fPIC", "answer.c", "-o", &obj])
        .status()
        .unwrap();
    assert!(ok.success());
    let ok = Command::new("ar")
        .args(["rcs", &format!("{out}/libanswer.a"), &obj])
        .status()
        .unwrap();
    assert!(ok.success());
    println!("cargo:rustc-link-search=native={out}");
    println!("cargo:rerun-if-changed=answer.c");
}
