//! cargo's flags with cargo's meaning: each case builds the same workspace with
//! `cargo rac build <flags>` and `cargo build <flags>` (rustc, its own target directory),
//! runs what both built and compares. Also `--fallback=rustc` and the refused flags.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const RAC: &str = env!("CARGO_BIN_EXE_cargo-rac");

/// A workspace with features, a binary that requires one, and an example.
fn workspace(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cargo-flags")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for d in ["src/bin", "examples"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    let files = [
        (
            "Cargo.toml",
            r#"[package]
name = "flags"
version = "0.1.0"
edition = "2021"

[workspace]

[features]
default = ["hello"]
hello = []
extra = ["loud"]
loud = []

[[bin]]
name = "needs_extra"
path = "src/bin/needs_extra.rs"
required-features = ["extra"]
"#,
        ),
        (
            "src/main.rs",
            r#"fn main() {
    #[cfg(feature = "hello")]
    println!("hello is on");
    #[cfg(feature = "loud")]
    println!("loud is on (implied by extra)");
    #[cfg(not(any(feature = "hello", feature = "loud")))]
    println!("no features");
}
"#,
        ),
        (
            "src/bin/needs_extra.rs",
            "fn main() { println!(\"needs_extra runs\"); }\n",
        ),
        (
            "examples/demo.rs",
            "fn main() { println!(\"example {}\", 6 * 7); }\n",
        ),
    ];
    for (path, text) in files {
        std::fs::write(dir.join(path), text).unwrap();
    }
    dir
}

fn rac(dir: &Path, args: &[&str]) -> Output {
    Command::new(RAC)
        .arg("rac")
        .args(args)
        .current_dir(dir)
        .env("RAC_NO_SERVER", "1")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .output()
        .expect("running cargo-rac")
}

fn cargo(dir: &Path, args: &[&str]) -> Output {
    Command::new("cargo")
        .args(args)
        .args(["--target-dir", "target-rustc"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("running cargo")
}

fn run(bin: &Path) -> Option<String> {
    let out = Command::new(bin).output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn features_and_target_selection_match_cargo() {
    let dir = workspace("features");
    let cases: &[&[&str]] = &[
        &["build"],
        &["build", "--features", "extra"],
        &["build", "-F", "flags/extra", "--no-default-features"],
        &[
            "build",
            "--no-default-features",
            "-q",
            "--locked",
            "--offline",
        ],
        &["build", "--all-features", "--frozen", "--color", "never"],
        &["build", "--example", "demo", "--profile", "dev"],
        &["build", "--bins", "--examples", "--workspace"],
    ];
    let outputs = [
        "target/debug/flags",
        "target/debug/needs_extra",
        "target/debug/examples/demo",
    ];
    for args in cases {
        for dir_name in ["target", "target-rustc"] {
            let _ = std::fs::remove_dir_all(dir.join(dir_name));
        }
        let r = rac(&dir, args);
        let c = cargo(&dir, args);
        assert_eq!(
            r.status.code(),
            c.status.code(),
            "`{}`: exit codes differ\nrac: {}\ncargo: {}",
            args.join(" "),
            text(&r),
            text(&c)
        );
        for out in outputs {
            let theirs = out.replacen("target/", "target-rustc/", 1);
            assert_eq!(
                run(&dir.join(out)),
                run(&dir.join(&theirs)),
                "`{}`: {out} differs from cargo's (or one of them is missing)",
                args.join(" ")
            );
        }
        if args.contains(&"-q") {
            assert_eq!(
                String::from_utf8_lossy(&r.stderr),
                "",
                "-q printed something"
            );
        }
    }
    // A target asked for by name whose required features are off: cargo's error.
    let r = rac(&dir, &["build", "--bin", "needs_extra"]);
    assert_eq!(r.status.code(), Some(101));
    assert!(
        text(&r).contains("requires the features: `extra`"),
        "{}",
        text(&r)
    );
    // Profiles other than dev are cargo's, not rac's.
    let r = rac(&dir, &["build", "--profile", "release"]);
    assert_eq!(r.status.code(), Some(101));
    assert!(text(&r).contains("`dev` profile only"), "{}", text(&r));
}

#[test]
fn fallback_builds_a_refused_binary_with_rustc() {
    let dir = workspace("fallback");
    // Inline assembly: rac refuses it.
    std::fs::write(
        dir.join("src/main.rs"),
        "fn main() { unsafe { std::arch::asm!(\"nop\"); } println!(\"after asm\"); }\n",
    )
    .unwrap();
    let refused = rac(&dir, &["build", "--bin", "flags"]);
    assert_eq!(refused.status.code(), Some(101), "{}", text(&refused));
    assert!(!dir.join("target/debug/flags").exists());
    let r = rac(&dir, &["build", "--bin", "flags", "--fallback=rustc"]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r));
    let said: Vec<&str> = std::str::from_utf8(&r.stderr)
        .unwrap()
        .lines()
        .filter(|l| l.contains("building it with rustc"))
        .collect();
    assert_eq!(
        said.len(),
        1,
        "one line per binary built by rustc: {}",
        text(&r)
    );
    assert_eq!(
        run(&dir.join("target/debug/flags")).as_deref(),
        Some("after asm\n")
    );
    let bad = rac(&dir, &["build", "--fallback=gcc"]);
    assert_eq!(
        bad.status.code(),
        Some(1),
        "clap rejects an unknown fallback"
    );
}
