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
            vfs.set_file_contents(vfs_path(&path), None);
            out.changed.push(path);
        }
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
            walk(dir, exclude, &mut out, 0);
        }
    }
    out.sort();
    out.dedup();
    out
}

fn walk(dir: &Path, exclude: &[PathBuf], out: &mut Vec<PathBuf>, depth: usize) {
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
            walk(&path, exclude, out, depth + 1);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}
