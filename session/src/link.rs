//! Linking rac's object with the sysroot's rlibs the way rustc 1.95 links a binary on
//! x86_64 Linux: `cc` driving the sysroot's `rust-lld`, `-pie`, `--eh-frame-hdr`,
//! `--gc-sections`, and the system libraries std needs.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// rlibs of the sysroot that a std binary links, in rustc's order.
const STD_RLIBS: &[&str] = &[
    "std",
    "panic_unwind",
    "object",
    "memchr",
    "addr2line",
    "gimli",
    "cfg_if",
    "rustc_demangle",
    "std_detect",
    "hashbrown",
    "rustc_std_workspace_alloc",
    "miniz_oxide",
    "adler2",
    "unwind",
    "libc",
    "rustc_std_workspace_core",
    "alloc",
    "core",
    "compiler_builtins",
    // libtest, for the harness of `cargo rac test` (the linker takes nothing from these
    // archives for a program that does not call into them).
    "test",
    "getopts",
    // proc-macro2 and other crates that may call the compiler's proc_macro bridge when
    // they are ordinary dependencies (version-sync parses code with syn at run time).
    "proc_macro",
];

pub fn target_lib_dir(sysroot: &Path) -> PathBuf {
    sysroot.join("lib/rustlib/x86_64-unknown-linux-gnu/lib")
}

/// The sysroot rlibs a binary links; with `panic_abort` (the profile's `panic = "abort"`),
/// `panic_abort` in place of `panic_unwind`, as rustc chooses the panic runtime.
pub fn std_rlibs(sysroot: &Path, panic_abort: bool) -> Result<Vec<PathBuf>> {
    let dir = target_lib_dir(sysroot);
    let entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| {
            format!(
                "cannot read the sysroot library directory {}",
                dir.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let mut out = Vec::new();
    for &name in STD_RLIBS {
        let name = if panic_abort && name == "panic_unwind" {
            "panic_abort"
        } else {
            name
        };
        let prefix = format!("lib{name}-");
        let found = entries.iter().find(|p| {
            let f = p.file_name().and_then(|f| f.to_str()).unwrap_or("");
            f.starts_with(&prefix) && f.ends_with(".rlib")
        });
        match found {
            Some(p) => out.push(p.clone()),
            None => bail!(
                "the sysroot at {} has no lib{name}-*.rlib",
                sysroot.display()
            ),
        }
    }
    Ok(out)
}

/// Records in `linkmap` which rlib each dependency crate of the database is compiled into
/// (matched by the crate's root source file, as cargo reported it): Tier 2 references
/// into a dependency go to that rlib only.
pub fn map_crates_to_rlibs(
    ws: &crate::load::LoadedWorkspace,
    deps: &crate::deps::DepsBuild,
    linkmap: &mut linkmap::LinkMap,
) {
    let by_root: std::collections::HashMap<&Path, &Path> = deps
        .rlibs
        .iter()
        .map(|(src, rlib)| (src.as_path(), rlib.as_path()))
        .collect();
    for krate in ra_ap_base_db::all_crates(&ws.db).iter().copied() {
        let data = krate.data(&ws.db);
        // (Members too: those marked to be compiled by rustc have an rlib.)
        if data.origin.is_lang() {
            continue;
        }
        let root = data.root_file_id;
        let Some(path) = ws.vfs.file_path(root).as_path() else {
            continue;
        };
        let path: &Path = path.as_ref();
        if let Some(rlib) = by_root.get(path).and_then(|r| linkmap.rlib_index(r)) {
            linkmap.set_crate_rlib(root.index(), rlib);
        }
    }
}

/// Links `objects` with `rlibs` (the sysroot's, then the dependencies') and the build
/// scripts' `extra` linker arguments into `output`.
pub fn link(
    sysroot: &Path,
    objects: &[PathBuf],
    rlibs: &[PathBuf],
    extra: &[String],
    output: &Path,
) -> Result<()> {
    let bin = sysroot.join("lib/rustlib/x86_64-unknown-linux-gnu/bin");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let linker = std::env::var("RAC_LINKER").unwrap_or_else(|_| "cc".into());
    // An absolute program lets std spawn the linker with posix_spawn; a program looked up
    // in a changed PATH makes it fork, and forking a server that holds a large database
    // copies its page tables (tens of milliseconds per link).
    let program = find_program(&linker, &path);
    let mut cmd = Command::new(&program);
    cmd.env("PATH", path).env("LC_ALL", "C");
    cmd.arg("-m64");
    cmd.args(objects);
    cmd.args(["-Wl,--as-needed", "-Wl,-Bstatic"]);
    cmd.args(rlibs);
    // The dependencies' libraries (`deps::native_libraries`) are listed the way rustc lists
    // them, which starts from dynamic searching.
    cmd.arg("-Wl,-Bdynamic");
    cmd.args(extra);
    cmd.args([
        "-Wl,-Bdynamic",
        "-lgcc_s",
        "-lutil",
        "-lrt",
        "-lpthread",
        "-lm",
        "-ldl",
        "-lc",
    ]);
    cmd.arg(format!("-B{}", bin.join("gcc-ld").display()));
    cmd.args(["-fuse-ld=lld", "-Wl,--eh-frame-hdr", "-Wl,-z,noexecstack"]);
    cmd.arg("-L").arg(target_lib_dir(sysroot));
    cmd.arg("-o").arg(output);
    cmd.args([
        "-Wl,--gc-sections",
        "-pie",
        "-Wl,-z,relro,-z,now",
        "-nodefaultlibs",
    ]);
    let out = cmd.output().context("cannot run the linker `cc`")?;
    if !out.status.success() {
        bail!(
            "linking failed:\n{}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

/// `name` looked up in `path` (a `PATH` value), or `name` itself when it has a slash or is
/// not found (then spawning reports the error).
fn find_program(name: &str, path: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    if name.contains('/') {
        return PathBuf::from(name);
    }
    std::env::split_paths(path)
        .map(|d| d.join(name))
        .find(|p| {
            std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
        .unwrap_or_else(|| PathBuf::from(name))
}
