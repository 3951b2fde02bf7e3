//! `TypeId`s that must equal rustc's: std creates `Box<dyn Any>` values itself (panic
//! payloads are `&'static str` or `String`), and rac-compiled code downcasts them
//! (`payload.downcast_ref::<&str>()`). rustc's `TypeId` is a stable hash rac cannot
//! recompute, so rac asks rustc once per toolchain: it builds and runs a tiny program that
//! prints them, and caches the answer in `target/rac/type-ids-<rustc commit>.txt`. That
//! happens the first time a program needs one of those ids, not at start-up.
//!
//! Every other type gets rac's own id (a hash of its full path), which only ever meets ids
//! of the same rac-compiled program.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result, anyhow, bail};

/// The types whose ids must be rustc's, as rac prints them, and as Rust source.
const SHARED_TYPES: &[(&str, &str)] = &[("&str", "&'static str"), ("String", "String")];

/// Where to cache the ids: `target/rac` and the rustc commit.
static CACHE: OnceLock<(PathBuf, String)> = OnceLock::new();
static RUSTC_IDS: OnceLock<Result<HashMap<String, u128>, String>> = OnceLock::new();

/// rustc's `TypeId` for a type std shares with rac code (`None` for any other type).
pub fn rustc_type_id(printed: &str) -> Result<Option<u128>> {
    if !SHARED_TYPES.iter().any(|(n, _)| *n == printed) {
        return Ok(None);
    }
    let ids = RUSTC_IDS.get_or_init(|| {
        let (rac_dir, commit) = CACHE.get().ok_or("rac's target directory is not known")?;
        load(rac_dir, commit).map_err(|e| format!("{e:#}"))
    });
    match ids {
        Ok(ids) => Ok(ids.get(printed).copied()),
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
    SHARED_TYPES
        .iter()
        .all(|(n, _)| ids.contains_key(*n))
        .then_some(ids)
}

fn ask_rustc(rac_dir: &Path) -> Result<String> {
    let dir = rac_dir.join("type-ids");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut src = String::from("fn main() {\n");
    for (printed, rust) in SHARED_TYPES {
        src.push_str(&format!(
            "    println!(\"{{}}\\t{{:?}}\", {printed:?}, std::any::TypeId::of::<{rust}>());\n"
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
