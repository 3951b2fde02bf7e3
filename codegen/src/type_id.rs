//! `TypeId`s that must equal rustc's: std creates `Box<dyn Any>` values itself (panic
//! payloads are `&'static str` or `String`), and rac-compiled code downcasts them
//! (`payload.downcast_ref::<&str>()`). rustc's `TypeId` is a stable hash rac cannot
//! recompute, so rac asks rustc once per toolchain: it builds and runs a tiny program that
//! prints them, and caches the answer in `target/rac/type-ids-<rustc commit>.txt`.
//!
//! Every other type gets rac's own id (a hash of its full path), which only ever meets ids
//! of the same rac-compiled program.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};

/// The types whose ids must be rustc's, as rac prints them, and as Rust source.
const SHARED_TYPES: &[(&str, &str)] = &[("&str", "&'static str"), ("String", "String")];

static RUSTC_IDS: OnceLock<HashMap<String, u128>> = OnceLock::new();

pub fn rustc_type_id(printed: &str) -> Option<u128> {
    RUSTC_IDS.get()?.get(printed).copied()
}

pub fn init(rac_dir: &Path, rustc_commit: &str) -> Result<()> {
    if RUSTC_IDS.get().is_some() {
        return Ok(());
    }
    let cache = rac_dir.join(format!("type-ids-{rustc_commit}.txt"));
    let text = match std::fs::read_to_string(&cache)
        .ok()
        .filter(|t| parse(t).is_some())
    {
        Some(t) => t,
        None => {
            let t = ask_rustc(rac_dir)?;
            let _ = std::fs::write(&cache, &t);
            t
        }
    };
    let ids = parse(&text).context("cannot read the TypeIds rustc printed")?;
    let _ = RUSTC_IDS.set(ids);
    Ok(())
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
