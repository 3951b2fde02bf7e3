//! The link map: which symbols the rustc-built rlibs define, and under which Rust paths.
//!
//! rac only emits a Tier 2 reference (an undefined symbol resolved at link time) when this
//! index holds the symbol; the lookup key is the symbol's demangled path without crate
//! hashes (`rustc_demangle`'s alternate form), e.g. `std::io::stdio::_print` or
//! `<alloc::string::String as core::fmt::Write>::write_str`.
//!
//! Invariant: only *global, defined* symbols are indexed. Local symbols of an rlib cannot be
//! linked against, and undefined ones say nothing about what exists.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};
use object::{Object, ObjectSymbol};

mod cache;
pub mod debuginfo;
pub mod v0;

pub use cache::CacheOutcome;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Function,
    Data,
}

#[derive(Debug, Clone)]
pub struct Symbol {
    pub mangled: String,
    pub kind: SymbolKind,
    /// Index into [`LinkMap::rlibs`].
    pub rlib: usize,
}

#[derive(Default)]
pub struct LinkMap {
    rlibs: Vec<PathBuf>,
    /// In the order the rlibs define them; the first definition of a name wins.
    symbols: Vec<Symbol>,
    /// The distinct demangled paths, sorted, each with where its symbols start in
    /// `by_path`; they end where the next path's start. A sorted table rather than a hash
    /// map so that loading it from the cache is a plain sequential read.
    paths: Vec<(String, u32)>,
    /// Indices into `symbols`, grouped by path (in `paths` order), ascending in a group.
    by_path: Vec<u32>,
    /// Indices into `symbols` by mangled name, built on first use: only
    /// [`LinkMap::get_mangled`] needs it, and building it would dominate a cached load.
    by_mangled: OnceLock<HashMap<String, usize>>,
    /// Which rlib is a dependency crate's own, by a key the caller chooses (rac: the
    /// rust-analyzer file id of the crate's root file): Tier 2 references into a crate
    /// go to its rlib only, never to a same-named crate's (two versions of one crate).
    crate_rlibs: HashMap<u32, usize>,
    /// Per rlib, what its debuginfo says ([`LinkMap::lookup_declared_in`],
    /// [`LinkMap::type_id_instance`]), read on first use.
    debuginfo: std::sync::Mutex<HashMap<usize, std::sync::Arc<debuginfo::RlibDebuginfo>>>,
}

/// What [`LinkMap::type_id_instance`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum TypeIdInstance {
    /// The rlib with index `rlib` exports `function`, which computes the id.
    Exported {
        rlib: usize,
        function: debuginfo::TypeIdFn,
    },
    /// The rlib's code computes the id, but only inlined.
    NotExported { rlib: usize },
    /// No rlib's code computes the id.
    None,
    /// Not found, and these rlibs have no debuginfo to tell.
    Unknown { without_debuginfo: Vec<usize> },
}

/// What a demangled path resolves to.
pub enum Lookup<'a> {
    Missing,
    Unique(&'a Symbol),
    /// Several global symbols demangle to the same path (e.g. the same item in two crates
    /// of different versions); rac refuses to guess.
    Ambiguous(Vec<&'a Symbol>),
}

impl LinkMap {
    /// Indexes the given rlibs (or other `ar` archives of ELF objects).
    pub fn from_rlibs(paths: &[PathBuf]) -> Result<LinkMap> {
        let per_rlib: Vec<Result<Vec<(String, SymbolKind)>>> =
            paths.iter().map(|p| read_rlib_symbols(p)).collect();
        let mut map = LinkMap {
            rlibs: paths.to_vec(),
            ..LinkMap::default()
        };
        let mut seen = HashSet::new();
        let mut demangled = Vec::new();
        for (i, syms) in per_rlib.into_iter().enumerate() {
            for (mangled, kind) in syms? {
                if !seen.insert(mangled.clone()) {
                    continue;
                }
                if let Some(path) = demangled_path(&mangled) {
                    demangled.push((path, map.symbols.len() as u32));
                }
                map.symbols.push(Symbol {
                    mangled,
                    kind,
                    rlib: i,
                });
            }
        }
        demangled.sort_unstable();
        for (path, idx) in demangled {
            if map.paths.last().is_none_or(|(last, _)| *last != path) {
                map.paths.push((path, map.by_path.len() as u32));
            }
            map.by_path.push(idx);
        }
        Ok(map)
    }

    pub fn rlibs(&self) -> &[PathBuf] {
        &self.rlibs
    }

    /// The index of `path` in [`LinkMap::rlibs`].
    pub fn rlib_index(&self, path: &Path) -> Option<usize> {
        self.rlibs.iter().position(|p| p == path)
    }

    /// Records that the crate with key `krate` is compiled into the rlib at `rlib`.
    pub fn set_crate_rlib(&mut self, krate: u32, rlib: usize) {
        self.crate_rlibs.insert(krate, rlib);
    }

    /// The rlib of the crate with key `krate` (see [`LinkMap::set_crate_rlib`]).
    pub fn crate_rlib(&self, krate: u32) -> Option<usize> {
        self.crate_rlibs.get(&krate).copied()
    }

    /// The symbol of `demangled` that the rlib with index `rlib` defines, if exactly one.
    pub fn lookup_path_in(&self, demangled: &str, rlib: usize) -> Option<&Symbol> {
        let mut found = self.symbols_in(demangled, rlib);
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// The symbols of `demangled` that the rlib with index `rlib` defines.
    fn symbols_in(&self, demangled: &str, rlib: usize) -> impl Iterator<Item = &Symbol> {
        let found = self
            .paths
            .binary_search_by(|(path, _)| path.as_str().cmp(demangled))
            .map_or(&[][..], |i| self.path_symbols(i));
        found
            .iter()
            .map(|&s| &self.symbols[s as usize])
            .filter(move |s| s.rlib == rlib)
    }

    /// Among the symbols of `demangled` that the rlib with index `rlib` defines, the one
    /// its debuginfo declares at `line` of a file named `file_name`, if exactly one:
    /// legacy symbols of same-named items (the `static __CALLSITE` of each `tracing`
    /// macro call in one function) share a demangled path.
    pub fn lookup_declared_in(
        &self,
        demangled: &str,
        rlib: usize,
        file_name: &str,
        line: u64,
    ) -> Option<&Symbol> {
        // The debuginfo is read only for a path the rlib defines.
        self.symbols_in(demangled, rlib).next()?;
        // Without debuginfo nothing matches: the caller refuses as before.
        let info = self.debuginfo(rlib);
        let mut found = self.symbols_in(demangled, rlib).filter(|s| {
            info.variables
                .get(&s.mangled)
                .is_some_and(|d| d.line == line && d.file_name == file_name)
        });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// Where rustc-compiled code computes the `TypeId` of the type rustc's debuginfo
    /// names `type_name`: the instance of `core::any::TypeId::of` that the first of
    /// `rlibs` to have one exports (read from their debuginfo, so only rlibs built with it
    /// tell).
    pub fn type_id_instance(
        &self,
        type_name: &str,
        rlibs: impl IntoIterator<Item = usize>,
    ) -> TypeIdInstance {
        let mut without_debuginfo = Vec::new();
        for rlib in rlibs {
            let info = self.debuginfo(rlib);
            if !info.present {
                without_debuginfo.push(rlib);
                continue;
            }
            let Some(fns) = info.type_id_instances.get(type_name) else {
                continue;
            };
            // Only a symbol the rlib exports can be linked against: an optimized rlib
            // inlines the instance (and does not share generic instances).
            let exported = fns
                .iter()
                .find(|f| self.get_mangled(&f.symbol).is_some_and(|s| s.rlib == rlib));
            return match exported {
                Some(f) => TypeIdInstance::Exported {
                    rlib,
                    function: f.clone(),
                },
                None => TypeIdInstance::NotExported { rlib },
            };
        }
        if without_debuginfo.is_empty() {
            TypeIdInstance::None
        } else {
            TypeIdInstance::Unknown { without_debuginfo }
        }
    }

    /// The debuginfo of the rlib with index `rlib` (empty when it has none or is unreadable).
    fn debuginfo(&self, rlib: usize) -> std::sync::Arc<debuginfo::RlibDebuginfo> {
        let mut cache = self.debuginfo.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(rlib)
            .or_insert_with(|| {
                std::sync::Arc::new(debuginfo::read(&self.rlibs[rlib]).unwrap_or_default())
            })
            .clone()
    }

    pub fn rlib_of(&self, sym: &Symbol) -> &Path {
        &self.rlibs[sym.rlib]
    }

    pub fn len(&self) -> usize {
        self.symbols.len()
    }

    pub fn is_empty(&self) -> bool {
        self.symbols.is_empty()
    }

    pub fn lookup_path(&self, demangled: &str) -> Lookup<'_> {
        let Ok(i) = self
            .paths
            .binary_search_by(|(path, _)| path.as_str().cmp(demangled))
        else {
            return Lookup::Missing;
        };
        match self.path_symbols(i) {
            [] => Lookup::Missing,
            [one] => Lookup::Unique(&self.symbols[*one as usize]),
            many => Lookup::Ambiguous(many.iter().map(|&s| &self.symbols[s as usize]).collect()),
        }
    }

    /// The `symbols` indices of the `i`th path.
    fn path_symbols(&self, i: usize) -> &[u32] {
        let start = self.paths[i].1 as usize;
        let end = self
            .paths
            .get(i + 1)
            .map_or(self.by_path.len(), |(_, next)| *next as usize);
        &self.by_path[start..end]
    }

    pub fn get_mangled(&self, mangled: &str) -> Option<&Symbol> {
        let by_mangled = self.by_mangled.get_or_init(|| {
            let mut map = HashMap::with_capacity(self.symbols.len());
            for (i, sym) in self.symbols.iter().enumerate() {
                map.insert(sym.mangled.clone(), i);
            }
            map
        });
        by_mangled.get(mangled).map(|&i| &self.symbols[i])
    }

    /// All symbols whose mangled name ends with `suffix` (used to find the
    /// `__rustc`-prefixed runtime symbols such as `___rdl_alloc`), in the order the rlibs
    /// define them.
    pub fn find_by_suffix<'a>(&'a self, suffix: &'a str) -> impl Iterator<Item = &'a Symbol> + 'a {
        self.symbols
            .iter()
            .filter(move |s| s.mangled.ends_with(suffix))
    }

    /// Paths that share the last segment with `name`, for "did you mean" messages; sorted.
    pub fn paths_ending_with<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.paths
            .iter()
            .map(|(s, _)| s.as_str())
            .filter(move |p| p.ends_with(name))
    }
}

/// The demangled path of a Rust symbol (v0 or legacy) without crate hashes, or `None` for
/// symbols that are not Rust-mangled (C functions in `libc`, `compiler_builtins`, ...).
pub fn demangled_path(mangled: &str) -> Option<String> {
    let d = rustc_demangle::try_demangle(mangled).ok()?;
    Some(format!("{d:#}"))
}

fn read_rlib_symbols(path: &Path) -> Result<Vec<(String, SymbolKind)>> {
    let data = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut archive = ar::Archive::new(data.as_slice());
    let mut out = Vec::new();
    while let Some(entry) = archive.next_entry() {
        let mut entry = entry
            .with_context(|| format!("{} is not a valid rlib (ar archive)", path.display()))?;
        let name = String::from_utf8_lossy(entry.header().identifier()).into_owned();
        if !name.ends_with(".o") {
            continue; // lib.rmeta and the symbol table
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes)
            .with_context(|| format!("cannot read member {name} of {}", path.display()))?;
        let file = object::File::parse(bytes.as_slice()).map_err(|e| {
            anyhow::anyhow!(
                "member {name} of {} is not an object file: {e}",
                path.display()
            )
        })?;
        for sym in file.symbols() {
            if !sym.is_global() || sym.is_undefined() {
                continue;
            }
            let kind = match sym.kind() {
                object::SymbolKind::Text => SymbolKind::Function,
                object::SymbolKind::Data | object::SymbolKind::Tls => SymbolKind::Data,
                _ => continue,
            };
            let Ok(name) = sym.name() else { continue };
            out.push((name.to_owned(), kind));
        }
    }
    if out.is_empty() && !data.starts_with(b"!<arch>\n") {
        bail!("{} is not an ar archive", path.display());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_map_is_shareable_across_threads() {
        // The driver shares it through an `Arc` with parallel codegen; the lazily built
        // index must not take that away.
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<LinkMap>();
    }

    #[test]
    fn demangles_v0_without_hashes() {
        assert_eq!(
            demangled_path("_RNvNtNtCsjrHSEGnQ3l9_3std2io5stdio6__print").as_deref(),
            Some("std::io::stdio::_print")
        );
        assert_eq!(demangled_path("memcpy"), None);
    }
}
