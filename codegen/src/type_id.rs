//! `TypeId`s that must equal rustc's: std creates `Box<dyn Any>` values itself (panic
//! payloads are `&'static str` or `String`), and rac-compiled code downcasts them
//! (`payload.downcast_ref::<&str>()`); rustc-compiled dependencies compare ids of std
//! types with ids computed in rac-compiled generic code (clap checks that an argument's
//! action and value parser agree on `TypeId::of::<u8>()`). rustc's `TypeId` is a stable
//! hash rac cannot recompute, so rac asks rustc once per toolchain: it builds and runs a
//! tiny program that prints `type_name` and `TypeId` of each type of `SHARED_TYPES`, and
//! caches the answer in `target/rac/type-ids-<rustc commit>.txt`. That happens the first
//! time a program needs one of those ids, not at start-up.
//!
//! Every other type gets rac's own id (a hash of its full path). That is right for types
//! of the workspace (only rac-compiled code can name them) and for compositions rustc
//! code does not compute; a std or dependency type outside the list whose id rustc code
//! also computes would not match (README, Status and limits).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result, anyhow, bail};

/// The types whose ids are rustc's, as Rust source: primitives, and the std types that
/// appear as values of `dyn Any` or in `TypeId` comparisons across crates.
const SHARED_TYPES: &[&str] = &[
    "&'static str",
    "String",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "f32",
    "f64",
    "bool",
    "char",
    "()",
    "str",
    "std::ffi::OsString",
    "std::path::PathBuf",
    "Vec<u8>",
    "Vec<String>",
    "Option<String>",
    "Box<str>",
    "&'static [u8]",
    "std::io::Error",
    "std::num::ParseIntError",
    "std::num::ParseFloatError",
    "std::fmt::Error",
    "std::str::Utf8Error",
    "std::string::FromUtf8Error",
    "std::time::Duration",
    "std::ffi::CString",
    "std::net::IpAddr",
    "std::net::SocketAddr",
];

/// Where to cache the ids: `target/rac` and the rustc commit.
static CACHE: OnceLock<(PathBuf, String)> = OnceLock::new();
static RUSTC_IDS: OnceLock<Result<HashMap<String, u128>, String>> = OnceLock::new();

/// rustc's `TypeId` for a type of `SHARED_TYPES`, given as rustc's `type_name` spells it
/// (`alloc::string::String`); `None` for any other type.
pub fn rustc_type_id(type_name: &str) -> Result<Option<u128>> {
    let ids = RUSTC_IDS.get_or_init(|| {
        let (rac_dir, commit) = CACHE.get().ok_or("rac's target directory is not known")?;
        load(rac_dir, commit).map_err(|e| format!("{e:#}"))
    });
    match ids {
        Ok(ids) => Ok(ids.get(type_name).copied()),
        Err(e) => Err(anyhow!("cannot learn rustc's TypeIds: {e}")),
    }
}

pub fn init(rac_dir: &Path, rustc_commit: &str) {
    let _ = CACHE.set((rac_dir.to_owned(), rustc_commit.to_owned()));
}

fn load(rac_dir: &Path, rustc_commit: &str) -> Result<HashMap<String, u128>> {
    let cache = rac_dir.join(format!("type-ids-{rustc_commit}.txt"));
    if let Some(ids) = std::fs::read_to_string(&cache).ok().and_then(|t| parse(&t)) {
        return Ok(ids);
    }
    let text = ask_rustc(rac_dir)?;
    let ids = parse(&text).context("cannot read the TypeIds rustc printed")?;
    let _ = std::fs::write(&cache, &text);
    Ok(ids)
}

/// `<printed type>\t0x<hex>` per line; `None` unless every shared type is there.
fn parse(text: &str) -> Option<HashMap<String, u128>> {
    let mut ids = HashMap::new();
    for line in text.lines() {
        let (name, hex) = line.split_once('\t')?;
        let hex = hex.trim().strip_prefix("TypeId(0x")?.strip_suffix(')')?;
        ids.insert(name.to_owned(), u128::from_str_radix(hex, 16).ok()?);
    }
    (ids.len() == SHARED_TYPES.len()).then_some(ids)
}

fn ask_rustc(rac_dir: &Path) -> Result<String> {
    let dir = rac_dir.join("type-ids");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut src = String::from("fn main() {\n");
    for rust in SHARED_TYPES {
        src.push_str(&format!(
            "    println!(\"{{}}\\t{{:?}}\", std::any::type_name::<{rust}>(), std::any::TypeId::of::<{rust}>());\n"
        ));
    }
    src.push_str("}\n");
    let src_path = dir.join("type_ids.rs");
    let exe = dir.join("type_ids");
    std::fs::write(&src_path, src)?;
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let status = std::process::Command::new(&rustc)
        .arg("--edition=2021")
        .arg("-o")
        .arg(&exe)
        .arg(&src_path)
        .status()
        .context("cannot run rustc to learn its TypeIds")?;
    if !status.success() {
        bail!("rustc failed to build {}", src_path.display());
    }
    let out = std::process::Command::new(&exe)
        .output()
        .with_context(|| format!("cannot run {}", exe.display()))?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
