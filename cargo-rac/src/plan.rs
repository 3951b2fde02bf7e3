//! From command-line arguments to what to build: `cargo metadata` names the workspace, its
//! members and their binaries, and where cargo would put them.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::cli::BuildArgs;

#[derive(Clone)]
pub struct Plan {
    pub session: session::SessionConfig,
    pub request: session::BuildRequest,
    /// The files the plan was read from (manifests, lock file, cargo configs): while their
    /// stamps are unchanged, so is the plan.
    pub inputs: Vec<(PathBuf, Option<session::edits::Stamp>)>,
    /// What cargo discovers targets from besides manifests: whether `src/main.rs` and
    /// `src/lib.rs` exist, and the entries of `src/bin` (not their stamps: an editor's
    /// save renames files, which changes a directory's mtime).
    pub layout: Vec<(PathBuf, Vec<String>)>,
}

fn layout_of(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = ["src/main.rs", "src/lib.rs"]
        .iter()
        .filter(|f| dir.join(f).exists())
        .map(|f| f.to_string())
        .collect();
    if let Ok(entries) = std::fs::read_dir(dir.join("src/bin")) {
        let mut bins: Vec<String> = entries
            .flatten()
            .map(|e| format!("src/bin/{}", e.file_name().to_string_lossy()))
            .collect();
        bins.sort();
        v.extend(bins);
    }
    v
}

/// `plan`, reusing the last plan of the same arguments while its inputs are unchanged
/// (`cargo metadata` costs about as much as a whole no-change build).
#[derive(Default)]
pub struct PlanCache {
    last: Option<(String, Plan)>,
}

impl PlanCache {
    pub fn plan(&mut self, b: &BuildArgs, cwd: &Path) -> Result<Plan> {
        let key = format!("{cwd:?} {b:?}");
        if let Some((k, p)) = &self.last
            && *k == key
            && p.inputs.iter().all(|(f, s)| session::edits::stamp(f) == *s)
            && p.layout.iter().all(|(d, l)| layout_of(d) == *l)
        {
            return Ok(p.clone());
        }
        let p = plan(b, cwd)?;
        self.last = Some((key, p.clone()));
        Ok(p)
    }
}

pub fn plan(b: &BuildArgs, cwd: &Path) -> Result<Plan> {
    if b.release {
        bail!(
            "cargo rac builds debug binaries only; use `cargo build --release` for release builds"
        );
    }
    if !["human", "short", "json"].contains(&b.message_format.as_str()) {
        bail!(
            "invalid message format `{}` (expected human, short or json)",
            b.message_format
        );
    }
    let manifest_path = b.manifest_path.as_ref().map(|m| cwd.join(m));
    let mut cmd = cargo_metadata::MetadataCommand::new();
    cmd.no_deps().current_dir(cwd);
    if let Some(m) = &manifest_path {
        cmd.manifest_path(m);
    }
    let meta = cmd.exec().map_err(|e| match e {
        cargo_metadata::Error::CargoMetadata { stderr } => {
            anyhow::anyhow!(
                "{}",
                stderr
                    .trim()
                    .trim_start_matches("error: ")
                    .lines()
                    .next()
                    .unwrap_or("cargo metadata failed")
                    .to_owned()
            )
        }
        other => anyhow::anyhow!("cargo metadata failed: {other}"),
    })?;
    let target_dir = b
        .target_dir
        .clone()
        .unwrap_or_else(|| meta.target_directory.clone().into_std_path_buf());
    let target_dir = if target_dir.is_relative() {
        cwd.join(target_dir)
    } else {
        target_dir
    };
    let members: Vec<&cargo_metadata::Package> = meta.workspace_packages();
    let default_members: Vec<&cargo_metadata::Package> = if b.package.is_empty() {
        let defaults = &meta.workspace_default_members;
        let d: Vec<_> = members
            .iter()
            .copied()
            .filter(|p| defaults.contains(&p.id))
            .collect();
        if d.is_empty() { members.clone() } else { d }
    } else {
        for p in &b.package {
            if !members.iter().any(|m| m.name.as_str() == p) {
                bail!(
                    "package(s) `{p}` not found in workspace `{}`",
                    meta.workspace_root
                );
            }
        }
        members
            .iter()
            .copied()
            .filter(|m| b.package.iter().any(|p| p == m.name.as_str()))
            .collect()
    };
    let mut targets = Vec::new();
    for pkg in &default_members {
        for t in &pkg.targets {
            if !t.is_bin() {
                continue;
            }
            if !b.bin.is_empty() && !b.bin.iter().any(|n| n == &t.name) {
                continue;
            }
            targets.push(session::BinTarget {
                name: t.name.clone(),
                src_path: t.src_path.clone().into_std_path_buf(),
                out_path: target_dir.join("debug").join(&t.name),
                work_dir: target_dir.join("rac").join(&t.name),
            });
        }
    }
    for n in &b.bin {
        if !targets.iter().any(|t| &t.name == n) {
            bail!("no bin target named `{n}`");
        }
    }
    let manifest_dir = manifest_path
        .as_ref()
        .and_then(|m| m.parent().map(|p| p.to_path_buf()))
        .unwrap_or_else(|| meta.workspace_root.clone().into_std_path_buf());
    let manifest_dir = if manifest_dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        manifest_dir
    };
    let jobs = b.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut layout = Vec::new();
    for m in &members {
        let manifest = m.manifest_path.clone().into_std_path_buf();
        if let Some(dir) = manifest.parent() {
            layout.push((dir.to_path_buf(), layout_of(dir)));
        }
        inputs.push(manifest);
    }
    let root = meta.workspace_root.clone().into_std_path_buf();
    inputs.push(root.join("Cargo.toml"));
    inputs.push(root.join("Cargo.lock"));
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    for dir in cwd
        .ancestors()
        .chain(root.ancestors())
        .map(Path::to_path_buf)
        .chain(home)
    {
        inputs.push(dir.join(".cargo/config.toml"));
        inputs.push(dir.join(".cargo/config"));
        inputs.push(dir.join("config.toml"));
    }
    inputs.sort();
    inputs.dedup();
    let inputs = inputs
        .into_iter()
        .map(|f| {
            let s = session::edits::stamp(&f);
            (f, s)
        })
        .collect();
    Ok(Plan {
        inputs,
        layout,
        session: session::SessionConfig {
            manifest_dir,
            workspace_root: meta.workspace_root.clone().into_std_path_buf(),
            rac_dir: target_dir.join("rac"),
        },
        request: session::BuildRequest {
            targets,
            jobs,
            keep_going: b.keep_going,
        },
    })
}
