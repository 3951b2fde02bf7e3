//! What rustc-built rlibs' debuginfo tells the link map: which exported instance of
//! `TypeId::of` computes rustc's id of a private type, under the profiles cargo may use.

use std::path::{Path, PathBuf};

use linkmap::{LinkMap, TypeIdInstance};

/// A crate whose code computes the `TypeId`s of its private `Secret` (by `TypeId::of` and
/// `Any`) and `Failure` (only by `Error::type_id`, into which rustc inlines `TypeId::of`).
const LIB: &str = r#"
mod inner {
    pub(crate) struct Secret(pub(crate) u8);
    #[derive(Debug)]
    pub(crate) struct Failure;
    impl std::fmt::Display for Failure {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("failure")
        }
    }
    impl std::error::Error for Failure {}
}
pub fn fail() -> Box<dyn std::error::Error> {
    Box::new(inner::Failure)
}
pub fn store() -> Box<dyn std::any::Any> {
    Box::new(inner::Secret(7))
}
pub fn is_secret(v: &dyn std::any::Any) -> bool {
    v.type_id() == std::any::TypeId::of::<inner::Secret>()
}
"#;

/// Builds `LIB` as an rlib with `flags` into a fresh directory under `target/tmp`.
fn rlib(tag: &str, flags: &[&str]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("linkmap-debuginfo-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("lib.rs");
    std::fs::write(&src, LIB).unwrap();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = std::process::Command::new(rustc)
        .args([
            "--crate-type=rlib",
            "--crate-name=secrets",
            "--edition=2021",
        ])
        .args(flags)
        .arg("--out-dir")
        .arg(&dir)
        .arg(&src)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.join("libsecrets.rlib")
}

#[test]
fn type_id_instances_by_profile() {
    // (profile flags, what the link map must find for the private types)
    let cases: &[(&str, &[&str], fn(&TypeIdInstance) -> bool)] = &[
        // cargo's dev profile: generic instances are shared, and debuginfo names them.
        ("dev", &["-Copt-level=0", "-Cdebuginfo=2"], |f| {
            matches!(f, TypeIdInstance::Exported { rlib: 0, .. })
        }),
        // Without debuginfo nothing tells which instance is which.
        ("nodebug", &["-Copt-level=0", "-Cdebuginfo=0"], |f| {
            *f == TypeIdInstance::Unknown {
                without_debuginfo: vec![0],
            }
        }),
        // Optimized: the instance is inlined, none is exported.
        ("opt", &["-Copt-level=2", "-Cdebuginfo=2"], |f| {
            *f == TypeIdInstance::NotExported { rlib: 0 }
        }),
    ];
    for (tag, flags, expected) in cases {
        let map = LinkMap::from_rlibs(&[rlib(tag, flags)]).unwrap();
        for ty in ["secrets::inner::Secret", "secrets::inner::Failure"] {
            let found = map.type_id_instance(ty, [0]);
            assert!(expected(&found), "{tag}: {ty}: {found:?}");
            if *tag == "dev" {
                // `Failure`'s id is computed only where `TypeId::of` was inlined.
                let receiver = ty.ends_with("Failure");
                assert!(
                    matches!(&found, TypeIdInstance::Exported { function, .. } if function.receiver == receiver),
                    "{ty}: {found:?}"
                );
            }
        }
        // A type the crate's code never computes the id of has no instance.
        let other = map.type_id_instance("secrets::inner::Other", [0]);
        assert!(
            matches!(other, TypeIdInstance::None | TypeIdInstance::Unknown { .. }),
            "{tag}: {other:?}"
        );
    }
}
