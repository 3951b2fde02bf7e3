//! The link map: which symbols the rustc-built rlibs define, and under which Rust paths.
//!
//! rac only emits a Tier 2 reference (an undefined symbol resolved at link time) when this
//! index holds the symbol; the lookup key is the symbol's demangled path without crate
//! hashes (`rustc_demangle`'s alternate form), e.g. `std::io::stdio::_print` or
//! `<alloc::string::String as core::fmt::Write>::write_str`.
//!
//! Invariant: only *global, defined* symbols are indexed. Local symbols of an rlib cannot be
//! linked against, and undefined ones say nothing about what exists.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use object::{Object, ObjectSymbol};

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
    by_path: HashMap<String, Vec<Symbol>>,
    by_mangled: HashMap<String, usize>,
    symbols: Vec<Symbol>,
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
        let mut map = LinkMap::default();
        for (i, (path, syms)) in paths.iter().zip(per_rlib).enumerate() {
            map.rlibs.push(path.clone());
            for (mangled, kind) in syms? {
                map.insert(Symbol {
                    mangled,
                    kind,
                    rlib: i,
                });
            }
        }
        Ok(map)
    }

    fn insert(&mut self, sym: Symbol) {
        if self.by_mangled.contains_key(&sym.mangled) {
            return;
        }
        let idx = self.symbols.len();
        self.by_mangled.insert(sym.mangled.clone(), idx);
        if let Some(path) = demangled_path(&sym.mangled) {
            self.by_path.entry(path).or_default().push(sym.clone());
        }
        self.symbols.push(sym);
    }

    pub fn rlibs(&self) -> &[PathBuf] {
        &self.rlibs
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
        match self.by_path.get(demangled).map(|v| v.as_slice()) {
            None | Some([]) => Lookup::Missing,
            Some([one]) => Lookup::Unique(one),
            Some(many) => Lookup::Ambiguous(many.iter().collect()),
        }
    }

    pub fn get_mangled(&self, mangled: &str) -> Option<&Symbol> {
        self.by_mangled.get(mangled).map(|&i| &self.symbols[i])
    }

    /// All symbols whose mangled name ends with `suffix` (used to find the
    /// `__rustc`-prefixed runtime symbols such as `___rdl_alloc`).
    pub fn find_by_suffix<'a>(&'a self, suffix: &'a str) -> impl Iterator<Item = &'a Symbol> + 'a {
        self.symbols
            .iter()
            .filter(move |s| s.mangled.ends_with(suffix))
    }

    /// Paths that share the last segment with `name`, for "did you mean" messages.
    pub fn paths_ending_with<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.by_path
            .keys()
            .map(|s| s.as_str())
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
    fn demangles_v0_without_hashes() {
        assert_eq!(
            demangled_path("_RNvNtNtCsjrHSEGnQ3l9_3std2io5stdio6__print").as_deref(),
            Some("std::io::stdio::_print")
        );
        assert_eq!(demangled_path("memcpy"), None);
    }
}
