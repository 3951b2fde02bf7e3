//! Finding what changed on disk since the last build and applying it to the database, as
//! rust-analyzer's own server does: new contents into the VFS, then `apply_change`, so
//! salsa recomputes only what depends on the changed files.
//!
//! Invariant: a file saved before a build starts is in that build. Every local source file
//! (`.rs` under the workspace's editable roots) is stat'ed at the start of each build; a
//! file whose mtime or size differs from what was read last is read again and, if its
//! contents differ from the VFS's, applied. The stamp recorded is the one taken *before*
//! reading, so a write racing with the read is seen again by the next build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Result;
use ra_ap_base_db::salsa::Durability;
use ra_ap_ide_db::RootDatabase;
use ra_ap_paths::AbsPathBuf;
use ra_ap_vfs::{Change, Vfs, VfsPath};

/// What identifies a file's version cheaply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub mtime: Option<SystemTime>,
    pub len: u64,
    pub ino: u64,
}

pub fn stamp(path: &Path) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some(Stamp {
        mtime: m.modified().ok(),
        len: m.len(),
        ino: m.ino(),
    })
}

/// The stamps of the local source files and of the manifests, as of the last refresh.
#[derive(Default)]
pub struct FileIndex {
    /// The stamp each source file had when it was last read, and whether that stamp was
    /// too recent to trust (see `is_racy`).
    sources: HashMap<PathBuf, (Stamp, bool)>,
    manifests: HashMap<PathBuf, Option<Stamp>>,
    /// The files each source file names in `include_str!`/`include_bytes!` (see
    /// `included_paths`): rust-analyzer's loader reads only `.rs` files, and its
    /// `include_str!` of a file it does not have is an error (rac refuses the body), so
    /// these are read into the VFS like sources, and edits of them applied the same way.
    includes: HashMap<PathBuf, Vec<PathBuf>>,
    /// The stamp each included file had when it was last read (as `sources`).
    included: HashMap<PathBuf, (Stamp, bool)>,
    /// The files behind `deps::CargoInputs`, as cargo last saw them.
    cargo_inputs: (Vec<PathBuf>, HashMap<PathBuf, Option<Stamp>>),
}

/// What a refresh found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Refresh {
    /// Source files whose contents changed, appeared or disappeared (applied).
    pub changed: Vec<PathBuf>,
    /// A manifest changed: the crate graph may differ, the workspace must be reloaded.
    pub manifests_changed: bool,
}

impl FileIndex {
    /// Stamps everything as the workspace was just loaded.
    pub fn new(roots: &[(Vec<PathBuf>, Vec<PathBuf>)], manifests: &[PathBuf]) -> Self {
        let mut idx = FileIndex::default();
        for path in local_sources(roots) {
            if let Some(s) = stamp(&path) {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    idx.includes
                        .insert(path.clone(), included_paths(&path, &text));
                }
                idx.sources.insert(path, (s, is_racy(&s)));
            }
        }
        for m in manifests {
            idx.manifests.insert(m.clone(), stamp(m));
        }
        idx
    }

    /// Gives the workspace's files MEDIUM durability (rust-analyzer loads them LOW), so
    /// that an edit, which makes its file LOW, leaves everything that does not depend on
    /// an edited file unchecked: salsa skips a memo whose inputs are all more durable than
    /// the changes since it was verified. Done once, before any query runs.
    pub fn settle(&self, vfs: &Vfs, db: &mut RootDatabase) {
        use ra_ap_base_db::SourceDatabase;
        for path in self.sources.keys() {
            let Some((id, ra_ap_vfs::FileExcluded::No)) = vfs.file_id(&vfs_path(path)) else {
                continue;
            };
            let text = db.file_text(id).text(db).clone();
            db.set_file_text_with_durability(id, &text, Durability::MEDIUM);
        }
    }

    /// The source files of the workspace, as last seen.
    pub fn sources(&self) -> impl Iterator<Item = &PathBuf> {
        self.sources.keys()
    }

    /// Finds the changed files and applies them to `vfs` and `db`.
    pub fn refresh(
        &mut self,
        roots: &[(Vec<PathBuf>, Vec<PathBuf>)],
        vfs: &mut Vfs,
        db: &mut RootDatabase,
        folders: &ra_ap_load_cargo::ProjectFolders,
    ) -> Result<Refresh> {
        let mut out = Refresh::default();
        for (m, old) in &self.manifests {
            if stamp(m) != *old {
                out.manifests_changed = true;
                return Ok(out);
            }
        }
        let mut seen = std::collections::HashSet::new();
        for path in local_sources(roots) {
            let Some(now) = stamp(&path) else { continue };
            seen.insert(path.clone());
            if self.sources.get(&path) == Some(&(now, false)) {
                continue;
            }
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            self.sources.insert(path.clone(), (now, is_racy(&now)));
            let text = String::from_utf8_lossy(&bytes);
            self.includes
                .insert(path.clone(), included_paths(&path, &text));
            // The VFS compares with a hash of what it holds: `false` when the contents
            // did not change (a touch, an editor's save of the same text).
            if vfs.set_file_contents(vfs_path(&path), Some(bytes)) {
                out.changed.push(path);
            }
        }
        let gone: Vec<PathBuf> = self
            .sources
            .keys()
            .filter(|p| !seen.contains(*p))
            .cloned()
            .collect();
        for path in gone {
            self.sources.remove(&path);
            self.includes.remove(&path);
            vfs.set_file_contents(vfs_path(&path), None);
            out.changed.push(path);
        }
        self.refresh_included(roots, vfs, &mut out);
        if out.changed.is_empty() {
            return Ok(out);
        }
        let changes = vfs.take_changes();
        if changes.values().any(|f| f.is_created_or_deleted()) {
            let mut change = ra_ap_ide_db::ChangeWithProcMacros::default();
            change.set_roots(folders.source_root_config.partition(vfs));
            db.apply_change(change);
        }
        // An edited file becomes LOW durability (see `FileIndex::settle`); what depends
        // only on files not edited in this session stays valid without being checked.
        use ra_ap_base_db::SourceDatabase;
        for (_, file) in changes {
            let text = match file.change {
                Change::Create(bytes, _) | Change::Modify(bytes, _) => {
                    String::from_utf8(bytes).unwrap_or_default()
                }
                // r-a cannot remove a file: it becomes empty (and leaves its module).
                Change::Delete => String::new(),
            };
            db.set_file_text_with_durability(file.file_id, &text, Durability::LOW);
        }
        Ok(out)
    }
}

impl FileIndex {
    /// Reads the included files that are new or changed into `vfs` (as text; a file that
    /// is not UTF-8 as `BINARY_FILE_PREFIX` says, for `include_bytes!`) and drops those no
    /// longer named or gone. Only
    /// files inside the local roots: rust-analyzer resolves an include in its source root.
    fn refresh_included(
        &mut self,
        roots: &[(Vec<PathBuf>, Vec<PathBuf>)],
        vfs: &mut Vfs,
        out: &mut Refresh,
    ) {
        let in_roots = |p: &Path| {
            roots.iter().any(|(include, exclude)| {
                include.iter().any(|d| p.starts_with(d))
                    && !exclude.iter().any(|e| p.starts_with(e))
            })
        };
        let wanted: std::collections::BTreeSet<PathBuf> = self
            .includes
            .values()
            .flatten()
            .filter(|p| !self.sources.contains_key(*p) && in_roots(p))
            .cloned()
            .collect();
        for path in &wanted {
            let now = stamp(path);
            if let (Some(now), Some(old)) = (now, self.included.get(path))
                && *old == (now, false)
            {
                continue;
            }
            let contents = std::fs::read(path)
                .ok()
                .map(|b| match String::from_utf8(b) {
                    Ok(text) => text.into_bytes(),
                    Err(e) => {
                        let bytes = e.into_bytes();
                        let mut text =
                            String::from(ra_ap_hir_expand::builtin::rac::BINARY_FILE_PREFIX);
                        text.extend(bytes.iter().map(|&b| char::from(b)));
                        text.into_bytes()
                    }
                });
            match now {
                Some(now) if contents.is_some() => {
                    self.included.insert(path.clone(), (now, is_racy(&now)));
                }
                _ => {
                    self.included.remove(path);
                }
            }
            if vfs.set_file_contents(vfs_path(path), contents) {
                out.changed.push(path.clone());
            }
        }
        let dropped: Vec<PathBuf> = self
            .included
            .keys()
            .filter(|p| !wanted.contains(*p))
            .cloned()
            .collect();
        for path in dropped {
            self.included.remove(&path);
            if vfs.set_file_contents(vfs_path(&path), None) {
                out.changed.push(path);
            }
        }
    }
}

/// The files that `include_str!`/`include_bytes!` calls in `text` (the source file
/// `file`) name, as rustc resolves them: a string literal relative to the file's
/// directory, or `concat!` of string literals and `env!("CARGO_MANIFEST_DIR")` (the
/// package's directory). Other arguments (built by other macros, `OUT_DIR`) are not
/// seen: their expansion fails and rac refuses the body that uses them, with the reason.
/// A call in a comment adds a file that is read and never used, which costs nothing.
pub fn included_paths(file: &Path, text: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for name in ["include_str!", "include_bytes!"] {
        let mut rest = text;
        while let Some(i) = rest.find(name) {
            rest = &rest[i + name.len()..];
            let arg = rest.trim_start();
            let Some(arg) = arg.strip_prefix(['(', '[', '{']) else {
                continue;
            };
            if let Some(path) = include_argument(file, arg) {
                out.push(normalize(&path));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn include_argument(file: &Path, arg: &str) -> Option<PathBuf> {
    let arg = arg.trim_start();
    if let Some((lit, _)) = string_literal(arg) {
        return Some(file.parent()?.join(lit));
    }
    let inner = arg.strip_prefix("concat!")?.trim_start();
    let mut inner = inner.strip_prefix(['(', '[', '{'])?;
    let mut path = String::new();
    loop {
        inner = inner.trim_start();
        if let Some((lit, rest)) = string_literal(inner) {
            path.push_str(&lit);
            inner = rest;
        } else if let Some(rest) = inner.strip_prefix("env!") {
            let rest = rest
                .trim_start()
                .strip_prefix(['(', '[', '{'])?
                .trim_start();
            let (var, rest) = string_literal(rest)?;
            if var != "CARGO_MANIFEST_DIR" {
                return None;
            }
            let dir = file.ancestors().find(|d| d.join("Cargo.toml").is_file())?;
            path.push_str(dir.to_str()?);
            inner = rest.trim_start().strip_prefix([')', ']', '}'])?;
        } else {
            return None;
        }
        inner = inner.trim_start();
        if let Some(rest) = inner.strip_prefix(',') {
            inner = rest;
            continue;
        }
        break;
    }
    let path = PathBuf::from(path);
    Some(if path.is_absolute() {
        path
    } else {
        file.parent()?.join(path)
    })
}

/// A plain string literal at the start of `s` (escapes `\\`, `\"`, `\n`, `\t`; raw
/// strings without `#`), and what follows it.
fn string_literal(s: &str) -> Option<(String, &str)> {
    if let Some(body) = s.strip_prefix("r\"") {
        let end = body.find('"')?;
        return Some((body[..end].to_owned(), &body[end + 1..]));
    }
    let body = s.strip_prefix('"')?;
    let mut lit = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((lit, &body[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => lit.push('\n'),
                't' => lit.push('\t'),
                c @ ('\\' | '"' | '\'') => lit.push(c),
                _ => return None,
            },
            c => lit.push(c),
        }
    }
    None
}

/// `a/b/../c` as `a/c`, as rust-analyzer's VFS spells the paths it resolves.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

impl FileIndex {
    /// Records the files cargo's decisions depend on (`deps::CargoInputs`) as cargo saw
    /// them when it ran (from `started`): a file written since then (or just before, within
    /// the clock's resolution) is recorded as unknown, so the next build has cargo run again.
    pub fn set_cargo_inputs(&mut self, inputs: &crate::deps::CargoInputs, started: SystemTime) {
        let mut stamps = cargo_input_stamps(&inputs.paths);
        let since = started - std::time::Duration::from_secs(2);
        for s in stamps.values_mut() {
            if s.is_some_and(|s| s.mtime.is_none_or(|m| m >= since)) {
                *s = None;
            }
        }
        self.cargo_inputs = (inputs.paths.clone(), stamps);
    }

    /// Whether one of those files changed, appeared or disappeared since cargo ran: then
    /// cargo must run again before the build (a build script to rerun, a path dependency
    /// to rebuild).
    pub fn cargo_inputs_changed(&self) -> bool {
        let (paths, old) = &self.cargo_inputs;
        if paths.is_empty() {
            return false;
        }
        cargo_input_stamps(paths) != *old
    }
}

/// The stamps of the files under `paths` (a path that does not exist is recorded as
/// such: its creation is a change).
fn cargo_input_stamps(paths: &[PathBuf]) -> HashMap<PathBuf, Option<Stamp>> {
    let mut out = HashMap::new();
    for p in paths {
        if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &[], &mut files, 0, &|_| true);
            for f in files {
                let s = stamp(&f);
                out.insert(f, s);
            }
        } else {
            out.insert(p.clone(), stamp(p));
        }
    }
    out
}

/// A stamp taken within two seconds of the file's last write may not change on the next
/// write: file times advance in clock ticks, and an edit of the same size in the same tick
/// keeps mtime and size. Such files are read again (and compared by content) next time,
/// as git treats "racily clean" entries.
fn is_racy(s: &Stamp) -> bool {
    match s
        .mtime
        .and_then(|m| SystemTime::now().duration_since(m).ok())
    {
        Some(age) => age < std::time::Duration::from_secs(2),
        None => true,
    }
}

fn vfs_path(path: &Path) -> VfsPath {
    VfsPath::from(AbsPathBuf::assert_utf8(path.to_path_buf()))
}

/// Every `.rs` file under the roots' include directories, outside their excludes.
fn local_sources(roots: &[(Vec<PathBuf>, Vec<PathBuf>)]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for (include, exclude) in roots {
        for dir in include {
            walk(dir, exclude, &mut out, 0, &|p| {
                p.extension().is_some_and(|x| x == "rs")
            });
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The files below `dir` that `keep` accepts, outside `exclude`, `target/` and hidden
/// directories.
fn walk(
    dir: &Path,
    exclude: &[PathBuf],
    out: &mut Vec<PathBuf>,
    depth: usize,
    keep: &dyn Fn(&Path) -> bool,
) {
    if depth > 32 || exclude.iter().any(|e| dir.starts_with(e)) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            let name = e.file_name();
            // `target/` and hidden directories hold no sources of the workspace.
            if name == "target" || name.to_string_lossy().starts_with('.') {
                continue;
            }
            walk(&path, exclude, out, depth + 1, keep);
        } else if keep(&path) {
            out.push(path);
        }
    }
}
