//! The on-disk link map cache: hits, misses, rebuilds of damaged files, and speed.

mod common;
use common::sysroot_rlibs;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use linkmap::{CacheOutcome, LinkMap, Lookup};

/// The tests read the whole sysroot and one of them measures time; running them one at a
/// time keeps the measurement from competing with the others for the (few) cores.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir = std::env::temp_dir().join(format!(
            "linkmap-cache-test-{tag}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn lookup_names(map: &LinkMap, path: &str) -> Vec<String> {
    match map.lookup_path(path) {
        Lookup::Missing => vec![],
        Lookup::Unique(s) => vec![s.mangled.clone()],
        Lookup::Ambiguous(v) => v.iter().map(|s| s.mangled.clone()).collect(),
    }
}

/// Everything the public API can observe is the same.
fn assert_same_map(a: &LinkMap, b: &LinkMap) {
    assert_eq!(a.len(), b.len());
    assert_eq!(a.rlibs(), b.rlibs());
    let a_syms: Vec<_> = a.find_by_suffix("").collect();
    let b_syms: Vec<_> = b.find_by_suffix("").collect();
    for (x, y) in a_syms.iter().zip(&b_syms) {
        assert_eq!(x.mangled, y.mangled, "symbol order differs");
        assert_eq!(x.kind, y.kind, "{}", x.mangled);
        assert_eq!(x.rlib, y.rlib, "{}", x.mangled);
        let y2 = b.get_mangled(&x.mangled).expect("get_mangled");
        assert_eq!(y2.rlib, x.rlib);
    }
    let a_paths: BTreeSet<&str> = a.paths_ending_with("").collect();
    let b_paths: BTreeSet<&str> = b.paths_ending_with("").collect();
    assert_eq!(a_paths, b_paths);
    for path in a_paths {
        assert_eq!(lookup_names(a, path), lookup_names(b, path), "{path}");
    }
}

fn print_mangled(map: &LinkMap) -> String {
    match map.lookup_path("std::io::stdio::_print") {
        Lookup::Unique(s) => s.mangled.clone(),
        _ => panic!("std::io::stdio::_print is not unique in the link map"),
    }
}

#[test]
fn sysroot_second_load_is_a_fast_hit() {
    let _guard = serial();
    let rlibs = sysroot_rlibs();
    let dir = TempDir::new("speed");
    let cache = dir.join("linkmap.cache");

    // Cold: no cache file, so this reads every rlib (and writes the cache).
    let t = Instant::now();
    let (cold, outcome) = LinkMap::load_cached(&rlibs, &cache).unwrap();
    let cold_time = t.elapsed();
    assert_eq!(outcome, CacheOutcome::Miss);
    assert!(cache.exists());

    // Warm: the best of a few loads, so that one descheduling does not fail the test.
    let mut warm_time = Duration::MAX;
    let mut warm = None;
    for _ in 0..5 {
        let t = Instant::now();
        let (map, outcome) = LinkMap::load_cached(&rlibs, &cache).unwrap();
        warm_time = warm_time.min(t.elapsed());
        assert_eq!(outcome, CacheOutcome::Hit);
        warm = Some(map);
    }
    let warm = warm.unwrap();

    let ratio = cold_time.as_secs_f64() / warm_time.as_secs_f64();
    println!(
        "{} rlibs, {} symbols, cache {} bytes: cold {cold_time:?}, warm {warm_time:?}, ratio {ratio:.1}x",
        rlibs.len(),
        cold.len(),
        std::fs::metadata(&cache).unwrap().len()
    );
    assert!(ratio >= 10.0, "warm load only {ratio:.1}x faster");

    assert_eq!(cold.len(), warm.len());
    assert_eq!(print_mangled(&cold), print_mangled(&warm));
    assert_same_map(&cold, &warm);
    // For the record: the uncached read alone, without writing the cache.
    let t = Instant::now();
    let uncached = LinkMap::from_rlibs(&rlibs).unwrap();
    println!("from_rlibs alone: {:?}", t.elapsed());
    assert_same_map(&cold, &uncached);
}

#[test]
fn damaged_cache_is_rebuilt() {
    let _guard = serial();
    let rlibs = sysroot_rlibs();
    let reference = LinkMap::from_rlibs(&rlibs).unwrap();
    let dir = TempDir::new("damaged");
    let cache = dir.join("linkmap.cache");

    let (_, outcome) = LinkMap::load_cached(&rlibs, &cache).unwrap();
    assert_eq!(outcome, CacheOutcome::Miss);
    let good = std::fs::read(&cache).unwrap();

    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 0x40;
    let mut wrong_magic = good.clone();
    wrong_magic[0] = b'X';
    let mut wrong_version = good.clone();
    wrong_version[8] = wrong_version[8].wrapping_add(1);
    let mut appended = good.clone();
    appended.extend_from_slice(b"junk");
    let damages: [(&str, Vec<u8>, &str); 6] = [
        ("flipped byte", flipped, "checksum"),
        (
            "truncated to half",
            good[..good.len() / 2].to_vec(),
            "truncated",
        ),
        ("truncated header", good[..10].to_vec(), "truncated"),
        ("empty", vec![], "truncated"),
        ("wrong magic", wrong_magic, "magic"),
        ("wrong version", wrong_version, "version"),
    ];
    for (what, bytes, expected_reason) in
        damages
            .into_iter()
            .chain([("appended bytes", appended, "appended")])
    {
        std::fs::write(&cache, &bytes).unwrap();
        let (map, outcome) = LinkMap::load_cached(&rlibs, &cache).unwrap();
        match &outcome {
            CacheOutcome::Rebuilt { reason } => {
                println!("{what}: {reason}");
                assert!(reason.contains(expected_reason), "{what}: {reason}");
            }
            other => panic!("{what}: expected Rebuilt, got {other:?}"),
        }
        assert_same_map(&map, &reference);

        let (map, outcome) = LinkMap::load_cached(&rlibs, &cache).unwrap();
        assert_eq!(outcome, CacheOutcome::Hit, "{what}: not rewritten");
        assert_same_map(&map, &reference);
    }
}

/// The smallest sysroot rlib that defines global symbols, so a change to it is visible.
fn small_rlib(rlibs: &[PathBuf]) -> PathBuf {
    let mut by_size: Vec<&PathBuf> = rlibs.iter().collect();
    by_size.sort_by_key(|p| std::fs::metadata(p).unwrap().len());
    by_size
        .into_iter()
        .find(|p| {
            !LinkMap::from_rlibs(std::slice::from_ref(*p))
                .unwrap()
                .is_empty()
        })
        .expect("an rlib with global symbols")
        .clone()
}

fn set_mtime(path: &Path, time: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

#[test]
fn changed_inputs_miss() {
    let _guard = serial();
    let sysroot = sysroot_rlibs();
    let dir = TempDir::new("inputs");
    let cache = dir.join("sub/dir/linkmap.cache");
    let rlib = dir.join("libsmall.rlib");
    std::fs::copy(small_rlib(&sysroot), &rlib).unwrap();
    // A fixed, distinct mtime: a real "touch" in the same clock tick as the copy could
    // leave the mtime unchanged on coarse file systems.
    let base = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    set_mtime(&rlib, base);
    let inputs = vec![rlib.clone()];

    let load = |inputs: &[PathBuf]| LinkMap::load_cached(inputs, &cache).unwrap();
    assert_eq!(load(&inputs).1, CacheOutcome::Miss, "first load");
    assert_eq!(load(&inputs).1, CacheOutcome::Hit);

    // Same bytes rewritten, only the modification time differs (by one nanosecond).
    std::fs::write(&rlib, std::fs::read(&rlib).unwrap()).unwrap();
    set_mtime(&rlib, base + Duration::from_nanos(1));
    assert_eq!(load(&inputs).1, CacheOutcome::Miss, "mtime changed");
    assert_eq!(load(&inputs).1, CacheOutcome::Hit);

    // Other contents of another size, with the old mtime: the size gives it away.
    let other = sysroot
        .iter()
        .find(|p| std::fs::metadata(p).unwrap().len() != std::fs::metadata(&rlib).unwrap().len())
        .unwrap();
    std::fs::copy(other, &rlib).unwrap();
    set_mtime(&rlib, base + Duration::from_nanos(1));
    let (map, outcome) = load(&inputs);
    assert_eq!(outcome, CacheOutcome::Miss, "size changed");
    assert_same_map(&map, &LinkMap::from_rlibs(&inputs).unwrap());

    // The set and the order of the rlibs are part of the key.
    let second = dir.join("libsecond.rlib");
    std::fs::copy(&sysroot[0], &second).unwrap();
    let two = vec![rlib.clone(), second.clone()];
    assert_eq!(load(&two).1, CacheOutcome::Miss, "rlib added");
    assert_eq!(load(&two).1, CacheOutcome::Hit);
    let swapped = vec![second, rlib];
    let (map, outcome) = load(&swapped);
    assert_eq!(outcome, CacheOutcome::Miss, "rlibs reordered");
    assert_same_map(&map, &LinkMap::from_rlibs(&swapped).unwrap());

    // No temporary files are left behind next to the cache.
    let leftovers: Vec<_> = std::fs::read_dir(cache.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "linkmap.cache")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn unwritable_cache_location_still_loads() {
    let _guard = serial();
    let sysroot = sysroot_rlibs();
    let inputs = vec![small_rlib(&sysroot)];
    let dir = TempDir::new("unwritable");
    // A regular file where the cache's directory should be: neither creating the
    // directory nor the file can succeed, even for root (unlike a read-only directory).
    let blocker = dir.join("not-a-dir");
    std::fs::write(&blocker, b"").unwrap();
    let cache = blocker.join("linkmap.cache");

    for _ in 0..2 {
        let (map, outcome) = LinkMap::load_cached(&inputs, &cache).unwrap();
        assert_eq!(outcome, CacheOutcome::Miss);
        assert_same_map(&map, &LinkMap::from_rlibs(&inputs).unwrap());
    }
}

#[test]
fn missing_rlib_is_an_error() {
    let dir = TempDir::new("missing");
    let inputs = vec![dir.join("libnope.rlib")];
    assert!(LinkMap::load_cached(&inputs, &dir.join("linkmap.cache")).is_err());
}
