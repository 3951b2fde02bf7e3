//! The on-disk cache of compiled machine code (`target/rac/cache/`), below the build
//! server's in-memory reuse: it serves a fresh server, `--no-server` builds, and functions
//! whose translation ran again but produced the same Cranelift IR.
//!
//! Keys are Cranelift's own incremental-cache keys: a hash of the whole function (its IR,
//! signature and constants, with external names abstracted), of the ISA and its flags, and
//! of Cranelift's version. The IR is everything the machine code depends on, so a hit is
//! always the right code; names are re-applied from the function being compiled.
//!
//! Invariant: an entry is used only when its header, key and checksum match what is
//! expected; a corrupt, truncated or foreign entry is a miss (and is rewritten), never an
//! error and never trusted. Entries are written to a temporary file and renamed.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use cranelift_codegen::incremental_cache::CacheKvStore;
use sha2::Digest;

const MAGIC: &[u8; 8] = b"RACSTNC1";

pub struct StencilCache {
    dir: PathBuf,
    pub hits: AtomicUsize,
    pub misses: AtomicUsize,
}

impl StencilCache {
    /// The cache under `dir` (created on first write).
    pub fn new(dir: &Path) -> Self {
        StencilCache {
            dir: dir.to_path_buf(),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        }
    }

    pub fn store(&self) -> Store<'_> {
        Store(self)
    }

    fn path(&self, key: &[u8]) -> PathBuf {
        let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(&hex[..2]).join(&hex[2..])
    }

    fn read(&self, key: &[u8]) -> Option<Vec<u8>> {
        let data = std::fs::read(self.path(key)).ok()?;
        decode(key, &data)
    }

    fn write(&self, key: &[u8], payload: &[u8]) {
        let path = self.path(key);
        let Some(dir) = path.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        // A failed write only costs a later recompile.
        if std::fs::write(&tmp, encode(key, payload)).is_ok()
            && std::fs::rename(&tmp, &path).is_err()
        {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

/// header: magic, key (32 bytes), payload length (u64 LE), payload, sha256(payload)[..16].
fn encode(key: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 64 + key.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(key.len() as u32).to_le_bytes());
    out.extend_from_slice(key);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&sha2::Sha256::digest(payload)[..16]);
    out
}

fn decode(key: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    let rest = data.strip_prefix(MAGIC)?;
    let (klen, rest) = rest.split_at_checked(4)?;
    let klen = u32::from_le_bytes(klen.try_into().ok()?) as usize;
    let (k, rest) = rest.split_at_checked(klen)?;
    if k != key {
        return None;
    }
    let (plen, rest) = rest.split_at_checked(8)?;
    let plen = u64::from_le_bytes(plen.try_into().ok()?) as usize;
    let (payload, sum) = rest.split_at_checked(plen)?;
    if sum.len() != 16 || sha2::Sha256::digest(payload)[..16] != *sum {
        return None;
    }
    Some(payload.to_vec())
}

/// The `CacheKvStore` Cranelift's `compile_with_cache` reads and writes.
pub struct Store<'a>(&'a StencilCache);

impl CacheKvStore for Store<'_> {
    fn get(&self, key: &[u8]) -> Option<Cow<'_, [u8]>> {
        match self.0.read(key) {
            Some(v) => {
                self.0.hits.fetch_add(1, Ordering::Relaxed);
                Some(Cow::Owned(v))
            }
            None => None,
        }
    }

    fn insert(&mut self, key: &[u8], val: Vec<u8>) {
        self.0.misses.fetch_add(1, Ordering::Relaxed);
        self.0.write(key, &val);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_damage_is_a_miss() {
        let key = [7u8; 32];
        let enc = encode(&key, b"machine code");
        assert_eq!(decode(&key, &enc).as_deref(), Some(&b"machine code"[..]));
        // Another key, a flipped payload byte, a truncation, a foreign file: all misses.
        assert!(decode(&[8u8; 32], &enc).is_none());
        let mut flipped = enc.clone();
        let n = flipped.len();
        flipped[n - 20] ^= 1;
        assert!(decode(&key, &flipped).is_none());
        assert!(decode(&key, &enc[..enc.len() - 3]).is_none());
        assert!(decode(&key, b"not a cache entry").is_none());
    }
}
