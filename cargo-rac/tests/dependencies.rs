//! Dependencies built by rustc through cargo: the escape hatch (a member marked
//! `compile = "rustc"`, `testsuite/examples/escape_hatch`), edits to such a member through
//! the build server, and a dependency that does not compile. Programs over crates.io
//! crates (derives, build scripts, two versions of one crate) are `testsuite/crates`.

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

/// A copy of `testsuite/examples/<name>` in a fresh directory, with its own server dir.
fn example(name: &str, test: &str) -> (PathBuf, PathBuf) {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("dependencies")
        .join(test);
    let _ = std::fs::remove_dir_all(&base);
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testsuite/examples")
        .join(name);
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

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn stdout_of(bin: &Path) -> String {
    let out = Command::new(bin).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What rustc's build of the workspace prints (cargo, its own target directory).
fn rustc_output(dir: &Path) -> String {
    let ok = Command::new("cargo")
        .args(["build", "-q", "--target-dir", "target-rustc"])
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(ok.success());
    stdout_of(&dir.join("target-rustc/debug/app"))
}

#[test]
fn escape_hatch_member_compiled_by_rustc_matches_rustc() {
    let (dir, run) = example("escape_hatch", "escape_hatch");
    let helper_toml = dir.join("helper/Cargo.toml");
    let marked = std::fs::read_to_string(&helper_toml).unwrap();
    let unmarked = marked.split("# rac:").next().unwrap().to_owned();

    // Unmarked, rac refuses the assembly and names the escape hatch.
    std::fs::write(&helper_toml, &unmarked).unwrap();
    let refused = rac(&dir, &run, &["build", "--no-server"]);
    assert_eq!(refused.status.code(), Some(101), "{}", text(&refused));
    assert!(text(&refused).contains("rac cannot compile `helper::forty_two_plus`"));
    assert!(
        text(&refused).contains("[package.metadata.rac]"),
        "the refusal names the escape hatch: {}",
        text(&refused)
    );

    // Marked: built by rustc, called through Tier 2; the same output as rustc's build.
    std::fs::write(&helper_toml, &marked).unwrap();
    let built = rac(&dir, &run, &["build"]);
    assert_eq!(built.status.code(), Some(0), "{}", text(&built));
    let expected = rustc_output(&dir);
    assert_eq!(stdout_of(&dir.join("target/debug/app")), expected);
    assert!(
        expected.contains("calls 11 11"),
        "the static is shared: {expected}"
    );
    let explain = rac(&dir, &run, &["explain", "main"]);
    assert!(
        text(&explain).contains("helper::forty_two_plus  ->  Tier 2")
            && text(&explain).contains("<Adder>::add  ->  Tier 2"),
        "{}",
        text(&explain)
    );

    // An edit to the rustc-compiled member (through the server): cargo builds it again.
    let lib = dir.join("helper/src/lib.rs");
    let mut current = 42;
    for n in [43, 44, 42] {
        let src = std::fs::read_to_string(&lib).unwrap();
        let edited = src.replace(&format!("mov {{r}}, {current}"), &format!("mov {{r}}, {n}"));
        assert_ne!(src, edited);
        std::fs::write(&lib, edited).unwrap();
        current = n;
        let b = rac(&dir, &run, &["build"]);
        assert_eq!(b.status.code(), Some(0), "{}", text(&b));
        let out = stdout_of(&dir.join("target/debug/app"));
        assert_eq!(
            out.lines().next(),
            Some(format!("{}", n + 8).as_str()),
            "after editing helper to {n}"
        );
    }
    let _ = rac(&dir, &run, &["server", "stop"]);
}

#[test]
fn a_dependency_that_does_not_compile_gives_cargos_error() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("dependencies")
        .join("broken_dep");
    let _ = std::fs::remove_dir_all(&base);
    let (ws, dep) = (base.join("ws"), base.join("dep"));
    std::fs::create_dir_all(ws.join("src")).unwrap();
    std::fs::create_dir_all(dep.join("src")).unwrap();
    std::fs::write(
        dep.join("Cargo.toml"),
        "[package]\nname = \"dep\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    )
    .unwrap();
    std::fs::write(
        dep.join("src/lib.rs"),
        "pub fn f() -> u32 { \"not a number\" }\n",
    )
    .unwrap();
    std::fs::write(
        ws.join("Cargo.toml"),
        "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\ndep = { path = \"../dep\" }\n\n[workspace]\n",
    )
    .unwrap();
    std::fs::write(
        ws.join("src/main.rs"),
        "fn main() { println!(\"{}\", dep::f()); }\n",
    )
    .unwrap();
    let run = base.join("run");
    std::fs::create_dir_all(&run).unwrap();
    let out = rac(&ws, &run, &["build", "--no-server"]);
    assert_eq!(out.status.code(), Some(101), "{}", text(&out));
    let t = text(&out);
    assert!(
        t.contains("error[E0308]: mismatched types"),
        "cargo's own error: {t}"
    );
    assert!(t.contains("dep/src/lib.rs:1:"), "with its location: {t}");
    assert!(!t.contains("panicked"), "{t}");
    assert!(!ws.join("target/debug/app").exists());
}

/// A proc-macro member: cargo builds it with rustc, the toolchain's proc-macro server
/// expands its derive for rust-analyzer, rac compiles the rest; the same output as rustc's.
/// Without the server (a sysroot lacking `libexec`), rac names what is missing and exits
/// non-zero instead of failing later on an unexpanded derive.
#[test]
fn a_proc_macro_member_is_expanded_and_a_missing_server_is_named() {
    let (dir, run) = example("local_derive", "local_derive");
    let built = rac(&dir, &run, &["build", "--no-server"]);
    assert_eq!(built.status.code(), Some(0), "{}", text(&built));
    let expected = rustc_output(&dir);
    assert!(expected.contains("Point { x=3, y=-4 }"), "{expected}");
    assert_eq!(stdout_of(&dir.join("target/debug/app")), expected);

    // A sysroot without the proc-macro server: the toolchain's std behind a `--sysroot`
    // that has no `libexec`.
    let real = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .unwrap();
    let real = PathBuf::from(String::from_utf8(real.stdout).unwrap().trim());
    let fake = dir.parent().unwrap().join("sysroot-without-server");
    std::fs::create_dir_all(&fake).unwrap();
    std::os::unix::fs::symlink(real.join("lib"), fake.join("lib")).unwrap();
    let rustc = dir.parent().unwrap().join("rustc");
    std::fs::write(
        &rustc,
        format!(
            "#!/bin/sh\nexec {} --sysroot {} \"$@\"\n",
            real.join("bin/rustc").display(),
            fake.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&rustc, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = Command::new(RAC)
        .args([
            "rac",
            "build",
            "--no-server",
            "--target-dir",
            "target-no-server",
        ])
        .current_dir(&dir)
        .env("RUSTC", &rustc)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let t = text(&out);
    assert_eq!(out.status.code(), Some(101), "{t}");
    assert!(
        t.contains("the proc-macro crate `describe` needs the toolchain's proc-macro server")
            && t.contains("rust-analyzer-proc-macro-srv")
            && t.contains("rustup's `rustc` component"),
        "{t}"
    );
    assert!(!t.contains("panicked"), "{t}");
    assert!(!dir.join("target-no-server/debug/app").exists());
}

/// A dependency names its native library with `#[link]` (its build script only says where
/// the library is): rac links it as rustc does, both from the dependency's rlib (Tier 2)
/// and from generic code rac compiled into the binary.
#[test]
fn native_libraries_named_by_link_attributes_are_linked() {
    example_prints_as_with_rustc("native_link", "42\n[42, 84, 126]\n");
}

/// rac compiles a dependency's generic code with the features cargo built the dependency
/// with (its build script's included), not with the larger set `cargo metadata` reports
/// (it unifies over platforms).
#[test]
fn dependencies_have_the_features_cargo_built_them_with() {
    example_prints_as_with_rustc("platform_features", "plain+script plain+script\n");
}

#[test]
fn a_global_allocator_of_a_crate_rustc_compiles_is_used() {
    example_prints_as_with_rustc("dep_global_allocator", "[1, 2, 3] 3\n");
}

/// `testsuite/examples/<name>` built in-process by rac: its `app` prints what rustc's
/// build of it prints, which is `expected`.
fn example_prints_as_with_rustc(name: &str, expected: &str) {
    let (dir, run) = example(name, name);
    let built = rac(&dir, &run, &["build", "--no-server"]);
    assert_eq!(built.status.code(), Some(0), "{}", text(&built));
    let rustc = rustc_output(&dir);
    assert_eq!(rustc, expected);
    assert_eq!(stdout_of(&dir.join("target/debug/app")), rustc);
}

/// A dependency's build script writes files it `include!`s as expressions: rac's check of
/// the sources reads them as expressions, and the generic function including one compiles.
#[test]
fn files_included_as_expressions_are_not_syntax_errors() {
    example_prints_as_with_rustc("generated_expression", "true false 84\n");
}

/// A dependency the program never names does not take part in inference (its impls are
/// not rustc's to see): `v == Vec::new()` with an unused crate implementing
/// `PartialEq<Extra> for i32` (serde_json's `Value` impls through criterion).
#[test]
fn impls_of_unused_dependencies_are_not_seen() {
    example_prints_as_with_rustc("unused_dependency_impls", "true true\n");
}

/// Through the build server: a dependency pruned at load because nothing named it comes
/// back when an edit names it (the workspace reloads), and the binary is rustc's.
#[test]
fn an_edit_naming_a_pruned_dependency_brings_it_back() {
    let (dir, run) = example("unused_dependency_impls", "pruned_then_named");
    let built = rac(&dir, &run, &["build"]);
    assert_eq!(built.status.code(), Some(0), "{}", text(&built));
    assert_eq!(stdout_of(&dir.join("target/debug/app")), "true true\n");
    let main = dir.join("app/src/main.rs");
    let source = std::fs::read_to_string(&main).unwrap();
    std::fs::write(
        &main,
        // Naming `extra` makes its impls rustc's too: `Vec::new()` needs its type now.
        source
            .replace(
                "fn main() {",
                "fn main() {\n    println!(\"{}\", 5 == extra::Extra(5));",
            )
            .replace("v == Vec::new()", "v == Vec::<i32>::new()"),
    )
    .unwrap();
    let rebuilt = rac(&dir, &run, &["build"]);
    assert_eq!(rebuilt.status.code(), Some(0), "{}", text(&rebuilt));
    let rustc = rustc_output(&dir);
    assert_eq!(rustc, "true\ntrue true\n");
    assert_eq!(stdout_of(&dir.join("target/debug/app")), rustc);
    let _ = rac(&dir, &run, &["server", "stop"]);
}
