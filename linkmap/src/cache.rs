//! An on-disk cache of the link map, so that a rac run does not re-read and re-demangle the
//! sysroot rlibs when they have not changed.
//!
//! The cache is keyed by every rlib's path, size and modification time (in nanoseconds),
//! in order, plus a fingerprint of the demangler's output (the stored paths are
//! `rustc_demangle` output, so a different demangler version must not reuse them).
//!
//! File layout (all integers little-endian):
//!
//! ```text
//! header   magic "RACLMAP\0" (8) | format version u32 | payload length u64 | FNV-1a 64 of payload u64
//! payload  demangler fingerprint u64
//!          rlib count u32,   per rlib:   path bytes | size u64 | mtime ns i128
//!          symbol count u32, per symbol: mangled str | kind u8 | rlib index u32
//!          path count u32,   per path:   demangled path str | start in the groups u32
//!          group count u32,  per entry:  symbol index u32
//! ```
//!
//! Strings and byte strings are a u32 length followed by the bytes. The last three
//! sections are [`LinkMap`]'s own tables (symbols, sorted paths, symbols grouped by path),
//! so loading is one sequential pass with no demangling, sorting or hashing.
//!
//! A file that fails any check (magic, version, length, checksum, structure) is never
//! trusted: the map is rebuilt from the rlibs and the file overwritten. Writes go to a
//! temporary file in the same directory that is renamed over the cache, so readers only
//! ever see a complete file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use anyhow::{Context, Result};

use crate::{LinkMap, Symbol, SymbolKind};

const MAGIC: &[u8; 8] = b"RACLMAP\0";
/// Bump whenever the layout or the meaning of what is stored changes (e.g. which symbols
/// `read_rlib_symbols` keeps), so that old files are rebuilt instead of misread.
const FORMAT_VERSION: u32 = 1;
const HEADER_LEN: usize = 8 + 4 + 8 + 8;

/// How [`LinkMap::load_cached`] obtained the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheOutcome {
    /// The cache file was valid and its keys matched the rlibs; nothing was re-read.
    Hit,
    /// There was no cache file, or it was valid but for other rlibs (paths, sizes,
    /// modification times) or another demangler; the rlibs were read.
    Miss,
    /// The cache file existed but could not be trusted (unreadable, truncated, wrong magic
    /// or version, checksum mismatch, malformed); the rlibs were read.
    Rebuilt { reason: String },
}

/// What identifies one input rlib's contents without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RlibKey {
    path: Vec<u8>,
    size: u64,
    mtime_ns: i128,
}

impl RlibKey {
    /// `Ok(None)` when the file system has no modification times: such inputs cannot be
    /// validated, so the cache is bypassed.
    fn of(path: &Path) -> Result<Option<RlibKey>> {
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        let Ok(mtime) = meta.modified() else {
            return Ok(None);
        };
        let mtime_ns = match mtime.duration_since(SystemTime::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(before) => -(before.duration().as_nanos() as i128),
        };
        Ok(Some(RlibKey {
            path: path.as_os_str().as_encoded_bytes().to_vec(),
            size: meta.len(),
            mtime_ns,
        }))
    }
}

impl LinkMap {
    /// Like [`LinkMap::from_rlibs`], but reuses `cache_file` when it was written for the
    /// same rlibs (same paths in the same order, sizes and modification times), and
    /// otherwise reads the rlibs and (re)writes `cache_file`.
    ///
    /// Failing to write the cache (read-only directory, full disk, ...) is not an error:
    /// the cache only saves time, so the freshly read map is returned regardless. The
    /// parent directory of `cache_file` is created if missing.
    pub fn load_cached(rlibs: &[PathBuf], cache_file: &Path) -> Result<(LinkMap, CacheOutcome)> {
        // Keys are taken before the rlibs are read: if an rlib changes in between, the
        // stored key is the old one and the next load re-reads it.
        let mut keys = Vec::with_capacity(rlibs.len());
        for path in rlibs {
            match RlibKey::of(path)? {
                Some(key) => keys.push(key),
                None => return Ok((LinkMap::from_rlibs(rlibs)?, CacheOutcome::Miss)),
            }
        }
        let fingerprint = demangler_fingerprint();

        let outcome = match std::fs::read(cache_file) {
            // NotADirectory: a path component is a file, so there is no cache either.
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                CacheOutcome::Miss
            }
            Err(e) => CacheOutcome::Rebuilt {
                reason: format!("cannot read {}: {e}", cache_file.display()),
            },
            Ok(bytes) => match decode(&bytes, &keys, fingerprint, rlibs) {
                Ok(Some(map)) => return Ok((map, CacheOutcome::Hit)),
                Ok(None) => CacheOutcome::Miss,
                Err(reason) => CacheOutcome::Rebuilt { reason },
            },
        };

        let map = LinkMap::from_rlibs(rlibs)?;
        // Ignored on purpose, see the doc comment.
        let _ = write_atomically(cache_file, &encode(&map, &keys, fingerprint));
        Ok((map, outcome))
    }
}

/// FNV-1a, 64 bit. Implemented here because the cache must be readable by any later build
/// of rac, and std's hashers are not stable across Rust versions.
fn fnv1a64(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    // Unrolled by hand over fixed-size chunks: this crate is built unoptimized in the dev
    // profile, where the plain byte loop is 4x slower and would dominate a cached load.
    let (chunks, rest) = bytes.as_chunks::<8>();
    for c in chunks {
        hash = (hash ^ u64::from(c[0])).wrapping_mul(PRIME);
        hash = (hash ^ u64::from(c[1])).wrapping_mul(PRIME);
        hash = (hash ^ u64::from(c[2])).wrapping_mul(PRIME);
        hash = (hash ^ u64::from(c[3])).wrapping_mul(PRIME);
        hash = (hash ^ u64::from(c[4])).wrapping_mul(PRIME);
        hash = (hash ^ u64::from(c[5])).wrapping_mul(PRIME);
        hash = (hash ^ u64::from(c[6])).wrapping_mul(PRIME);
        hash = (hash ^ u64::from(c[7])).wrapping_mul(PRIME);
    }
    for &b in rest {
        hash = (hash ^ u64::from(b)).wrapping_mul(PRIME);
    }
    hash
}

/// Hash of the demangled form of a few symbols that exercise the v0 and legacy printers
/// (generics, closures, trait impls, backrefs). A `rustc-demangle` update that changes
/// how paths print changes this, which turns old caches into misses.
fn demangler_fingerprint() -> u64 {
    const PROBES: &[&str] = &[
        "_RNvNtNtCsjrHSEGnQ3l9_3std2io5stdio6__print",
        "_RNvXNvNtCsgEmfK2I1SDS_4core4hint20select_unpredictableINtB2_11DropOnPanicjENtNtNtB6_3ops4drop4Drop4dropCs4X4t9plMPHF_9addr2line",
        "_RINvNvMs2_NtCslNYArtu3iFV_5alloc7raw_vecINtB8_11RawVecInnerpE7reserve21do_reserve_and_handleNtNtBa_5alloc6GlobalECs4X4t9plMPHF_9addr2line",
        "_RNCNvCs1234_7mycrate4main0B3_",
        "_RINvCs1234_7mycrate1fAhj4_Kc61_Kb1_Kan5_FG_RL0_hEuDNtNtCs1234_4core3fmt5DebugEL_E",
        "_ZN3std2io5stdio6_print17h0123456789abcdefE",
    ];
    let mut all = String::new();
    for probe in PROBES {
        all.push_str(&crate::demangled_path(probe).unwrap_or_default());
        all.push('\n');
    }
    fnv1a64(all.as_bytes())
}

fn encode(map: &LinkMap, keys: &[RlibKey], fingerprint: u64) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(160 * map.symbols.len()));
    w.u64(fingerprint);
    w.u32(keys.len() as u32);
    for key in keys {
        w.bytes(&key.path);
        w.u64(key.size);
        w.0.extend_from_slice(&key.mtime_ns.to_le_bytes());
    }
    w.u32(map.symbols.len() as u32);
    for sym in &map.symbols {
        w.bytes(sym.mangled.as_bytes());
        w.0.push(match sym.kind {
            SymbolKind::Function => 0,
            SymbolKind::Data => 1,
        });
        w.u32(sym.rlib as u32);
    }
    w.u32(map.paths.len() as u32);
    for (path, start) in &map.paths {
        w.bytes(path.as_bytes());
        w.u32(*start);
    }
    w.u32(map.by_path.len() as u32);
    for &idx in &map.by_path {
        w.u32(idx);
    }
    let payload = w.0;

    let mut file = Vec::with_capacity(HEADER_LEN + payload.len());
    file.extend_from_slice(MAGIC);
    file.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    file.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    file.extend_from_slice(&fnv1a64(&payload).to_le_bytes());
    file.extend_from_slice(&payload);
    file
}

/// `Ok(Some)`: a hit. `Ok(None)`: a valid file for other inputs. `Err`: why the file cannot
/// be trusted.
fn decode(
    file: &[u8],
    keys: &[RlibKey],
    fingerprint: u64,
    rlibs: &[PathBuf],
) -> Result<Option<LinkMap>, String> {
    if file.len() < HEADER_LEN {
        return Err(format!("truncated header ({} bytes)", file.len()));
    }
    let (header, payload) = file.split_at(HEADER_LEN);
    if &header[..8] != MAGIC {
        return Err("not a rac link map cache (bad magic)".to_owned());
    }
    let version = u32::from_le_bytes(header[8..12].try_into().unwrap());
    if version != FORMAT_VERSION {
        return Err(format!(
            "format version {version}, expected {FORMAT_VERSION}"
        ));
    }
    let len = u64::from_le_bytes(header[12..20].try_into().unwrap());
    if len != payload.len() as u64 {
        return Err(format!(
            "payload is {} bytes, header says {len} (truncated or appended to)",
            payload.len()
        ));
    }
    let checksum = u64::from_le_bytes(header[20..28].try_into().unwrap());
    if fnv1a64(payload) != checksum {
        return Err("checksum mismatch".to_owned());
    }

    let mut r = Reader {
        buf: payload,
        pos: 0,
    };
    if r.u64()? != fingerprint {
        return Ok(None);
    }
    let rlib_count = r.u32()? as usize;
    if rlib_count != keys.len() {
        return Ok(None);
    }
    for key in keys {
        let path = r.bytes()?;
        let size = r.u64()?;
        let mtime_ns = i128::from_le_bytes(r.take(16)?.try_into().unwrap());
        if path != key.path.as_slice() || size != key.size || mtime_ns != key.mtime_ns {
            return Ok(None);
        }
    }

    // The checksum rules out damage; these checks uphold `LinkMap`'s invariants (which
    // its lookups index with) even against a file written by a buggy rac.
    let symbol_count = r.count(4 + 1 + 4)?;
    let mut symbols = Vec::with_capacity(symbol_count);
    for _ in 0..symbol_count {
        let mangled = r.str()?.to_owned();
        let kind = match r.take(1)?[0] {
            0 => SymbolKind::Function,
            1 => SymbolKind::Data,
            other => return Err(format!("bad symbol kind {other}")),
        };
        let rlib = r.u32()? as usize;
        if rlib >= rlibs.len() {
            return Err(format!("rlib index {rlib} out of range"));
        }
        symbols.push(Symbol {
            mangled,
            kind,
            rlib,
        });
    }

    let path_count = r.count(4 + 4)?;
    let mut paths: Vec<(String, u32)> = Vec::with_capacity(path_count);
    for _ in 0..path_count {
        let path = r.str()?;
        let start = r.u32()?;
        if let Some((prev, prev_start)) = paths.last() {
            if prev.as_str() >= path || *prev_start >= start {
                return Err("path table out of order".to_owned());
            }
        } else if start != 0 {
            return Err("path table does not start at 0".to_owned());
        }
        paths.push((path.to_owned(), start));
    }

    let group_count = r.count(4)?;
    if paths
        .last()
        .is_some_and(|(_, start)| *start as usize >= group_count)
    {
        return Err("path table points past the groups".to_owned());
    }
    let mut by_path = Vec::with_capacity(group_count);
    for _ in 0..group_count {
        let idx = r.u32()?;
        if idx as usize >= symbols.len() {
            return Err(format!("symbol index {idx} out of range"));
        }
        by_path.push(idx);
    }
    if r.pos != payload.len() {
        return Err("trailing bytes after the tables".to_owned());
    }

    Ok(Some(LinkMap {
        rlibs: rlibs.to_vec(),
        symbols,
        paths,
        by_path,
        by_mangled: Default::default(),
        crate_rlibs: Default::default(),
        debuginfo: Default::default(),
    }))
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.0.extend_from_slice(b);
    }
}

/// Reads the payload; every method fails instead of panicking on a short or bad buffer,
/// although the checksum already makes that unlikely.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.buf.len())
            .ok_or_else(|| format!("payload ends early at byte {}", self.pos))?;
        let out = &self.buf[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }

    fn bytes(&mut self) -> Result<&'a [u8], String> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    fn str(&mut self) -> Result<&'a str, String> {
        let at = self.pos;
        std::str::from_utf8(self.bytes()?).map_err(|_| format!("invalid UTF-8 at byte {at}"))
    }

    /// An element count, checked against the bytes left (each element takes at least
    /// `min_size` bytes) so that a bad count cannot cause a huge allocation.
    fn count(&mut self, min_size: usize) -> Result<usize, String> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size) > self.buf.len() - self.pos {
            return Err(format!("count {n} exceeds the payload"));
        }
        Ok(n)
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename,
/// so that a crash or a concurrent reader never sees a partial cache.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // Distinguishes temporary files of concurrent writers (threads or processes).
    static COUNTER: AtomicU64 = AtomicU64::new(0);

    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let _ = std::fs::create_dir_all(dir);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        // Without this, a crash after the rename could leave an empty or partial file
        // under the final name on some file systems.
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_known_values() {
        // Reference values of the FNV-1a 64 specification.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn demangler_probes_demangle() {
        // A probe that fails to demangle would make the fingerprint insensitive to the
        // printer it was meant to cover.
        assert_eq!(
            crate::demangled_path("_RNCNvCs1234_7mycrate4main0B3_").as_deref(),
            Some("mycrate::main::{closure#0}")
        );
        assert_eq!(
            crate::demangled_path(
                "_RINvCs1234_7mycrate1fAhj4_Kc61_Kb1_Kan5_FG_RL0_hEuDNtNtCs1234_4core3fmt5DebugEL_E"
            )
            .as_deref(),
            Some("mycrate::f::<[u8; 4], 'a', true, -5, for<'a> fn(&'a u8), dyn core::fmt::Debug>")
        );
    }
}
