//! The on-disk cache of compiled machine code (`target/rac/cache/`), below the build
//! server's in-memory reuse: it serves a fresh server, `--no-server` builds, and functions
//! whose translation ran again but produced the same Cranelift IR.
//!
//! Keys are Cranelift's own incremental-cache keys: a hash of the whole function (its IR,
//! signature and constants, with external names abstracted), of the ISA and its flags, and
//! of Cranelift's version. The IR is everything the machine code depends on, so a hit is
//! always the right code; names are re-applied from the function being compiled.
//!
//! Storage: pack files, each written whole by one build (to a temporary file, then
//! renamed) and never modified; a build appends a new pack, and many packs are merged
//! into one. Creating a file per function cost more than compiling it.
//!
//! Invariant: an entry is used only when its framing and checksum are intact; a corrupt
//! or truncated entry is skipped (its function is compiled again), a pack with a broken
//! header is ignored. Nothing read from the cache is trusted unchecked.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use cranelift_codegen::incremental_cache::CacheKvStore;
use sha2::Digest;

const MAGIC: &[u8; 8] = b"RACPACK1";
/// Above this many packs, the next flush merges them into one.
const MAX_PACKS: usize = 8;

type Entries = HashMap<Vec<u8>, Arc<Vec<u8>>>;

pub struct StencilCache {
    dir: PathBuf,
    /// Every valid entry of the packs on disk (read on first use) and of this process.
    entries: Mutex<Option<Entries>>,
    /// Entries added since the last flush.
    pending: Mutex<Vec<(Vec<u8>, Arc<Vec<u8>>)>>,
    pub hits: AtomicUsize,
    pub misses: AtomicUsize,
}

impl StencilCache {
    /// The cache under `dir` (read on first use, created on first flush).
    pub fn new(dir: &Path) -> Self {
        StencilCache {
            dir: dir.to_path_buf(),
            entries: Mutex::new(None),
            pending: Mutex::new(Vec::new()),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        }
    }

    pub fn store(&self) -> Store<'_> {
        Store(self)
    }

    fn packs(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "pack"))
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }

    fn with_entries<R>(&self, f: impl FnOnce(&mut Entries) -> R) -> R {
        let mut guard = self.entries.lock().unwrap();
        let entries = guard.get_or_insert_with(|| {
            let mut map = Entries::new();
            for pack in self.packs() {
                if let Ok(bytes) = std::fs::read(&pack) {
                    for (k, v) in decode_pack(&bytes) {
                        map.insert(k, Arc::new(v));
                    }
                }
            }
            map
        });
        f(entries)
    }

    fn get(&self, key: &[u8]) -> Option<Arc<Vec<u8>>> {
        self.with_entries(|e| e.get(key).cloned())
    }

    fn insert(&self, key: &[u8], payload: Vec<u8>) {
        let payload = Arc::new(payload);
        self.with_entries(|e| e.insert(key.to_vec(), payload.clone()));
        self.pending.lock().unwrap().push((key.to_vec(), payload));
    }

    /// Writes the entries added since the last flush as a new pack (or, when there are
    /// many packs, everything as one). A failure only costs later recompiles.
    pub fn flush(&self) {
        let pending = std::mem::take(&mut *self.pending.lock().unwrap());
        if pending.is_empty() || std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let old = self.packs();
        let merge = old.len() >= MAX_PACKS;
        let contents = if merge {
            self.with_entries(|e| encode_pack(e.iter().map(|(k, v)| (k.as_slice(), v.as_slice()))))
        } else {
            encode_pack(pending.iter().map(|(k, v)| (k.as_slice(), v.as_slice())))
        };
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let name = format!("{nanos:032}-{}.pack", std::process::id());
        let path = self.dir.join(&name);
        let tmp = self.dir.join(format!("{name}.tmp"));
        if std::fs::write(&tmp, contents).is_err() || std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
            return;
        }
        if merge {
            for p in old {
                let _ = std::fs::remove_file(p);
            }
        }
    }
}

/// A pack: magic, then entries of key length (u32 LE), key, payload length (u64 LE),
/// payload, and sha256(key ‖ payload)[..16].
fn encode_pack<'a>(entries: impl Iterator<Item = (&'a [u8], &'a [u8])>) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for (key, payload) in entries {
        out.extend_from_slice(&(key.len() as u32).to_le_bytes());
        out.extend_from_slice(key);
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(payload);
        out.extend_from_slice(&checksum(key, payload));
    }
    out
}

fn checksum(key: &[u8], payload: &[u8]) -> [u8; 16] {
    let mut h = sha2::Sha256::new();
    h.update(key);
    h.update(payload);
    h.finalize()[..16].try_into().unwrap()
}

/// The intact entries of a pack: an entry whose checksum fails is skipped; framing that
/// runs past the end (truncation, a damaged length) ends the pack.
fn decode_pack(data: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut out = Vec::new();
    let Some(mut rest) = data.strip_prefix(MAGIC) else {
        return out;
    };
    loop {
        let Some((klen, r)) = rest.split_at_checked(4) else {
            break;
        };
        let klen = u32::from_le_bytes(klen.try_into().unwrap()) as usize;
        let Some((key, r)) = r.split_at_checked(klen) else {
            break;
        };
        let Some((plen, r)) = r.split_at_checked(8) else {
            break;
        };
        let plen = u64::from_le_bytes(plen.try_into().unwrap());
        let Ok(plen) = usize::try_from(plen) else {
            break;
        };
        let Some((payload, r)) = r.split_at_checked(plen) else {
            break;
        };
        let Some((sum, r)) = r.split_at_checked(16) else {
            break;
        };
        if checksum(key, payload) == *sum {
            out.push((key.to_vec(), payload.to_vec()));
        }
        rest = r;
    }
    out
}

/// The `CacheKvStore` Cranelift's `compile_with_cache` reads and writes.
pub struct Store<'a>(&'a StencilCache);

impl CacheKvStore for Store<'_> {
    fn get(&self, key: &[u8]) -> Option<Cow<'_, [u8]>> {
        let v = self.0.get(key)?;
        self.0.hits.fetch_add(1, Ordering::Relaxed);
        Some(Cow::Owned(v.as_ref().clone()))
    }

    fn insert(&mut self, key: &[u8], val: Vec<u8>) {
        self.0.misses.fetch_add(1, Ordering::Relaxed);
        self.0.insert(key, val);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> Vec<u8> {
        encode_pack(
            [
                (&b"k1"[..], &b"first"[..]),
                (&b"k2"[..], &b"second"[..]),
                (&b"k3"[..], &b"third"[..]),
            ]
            .into_iter(),
        )
    }

    #[test]
    fn packs_round_trip() {
        let e = decode_pack(&pack());
        assert_eq!(e.len(), 3);
        assert_eq!(e[1], (b"k2".to_vec(), b"second".to_vec()));
    }

    #[test]
    fn a_damaged_entry_is_skipped_and_the_rest_kept() {
        let mut p = pack();
        // A byte of the second payload.
        let at = p.windows(6).position(|w| w == b"second").unwrap() + 2;
        p[at] ^= 1;
        let e = decode_pack(&p);
        assert_eq!(
            e.iter().map(|(k, _)| k.as_slice()).collect::<Vec<_>>(),
            [&b"k1"[..], &b"k3"[..]]
        );
    }

    #[test]
    fn truncated_and_foreign_packs_yield_only_intact_entries() {
        let p = pack();
        assert_eq!(decode_pack(&p[..p.len() - 3]).len(), 2);
        assert!(decode_pack(b"not a pack at all").is_empty());
        let mut wrong_len = p.clone();
        wrong_len[8] = 0xff; // the first key's length
        assert!(decode_pack(&wrong_len).is_empty());
    }

    #[test]
    fn flushed_entries_are_read_back_by_a_new_cache() {
        let dir = std::env::temp_dir().join(format!("rac-stencil-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let c = StencilCache::new(&dir);
        for i in 0..(MAX_PACKS + 2) {
            c.insert(format!("key{i}").as_bytes(), vec![i as u8; 10]);
            c.flush();
        }
        // Merged into fewer packs, nothing lost.
        assert!(c.packs().len() <= MAX_PACKS);
        let d = StencilCache::new(&dir);
        for i in 0..(MAX_PACKS + 2) {
            assert_eq!(
                d.get(format!("key{i}").as_bytes()).unwrap().as_slice(),
                &[i as u8; 10]
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
