//! Rust v0 symbol mangling, for the functions rac emits itself.
//!
//! The caller describes the item as a [`V0Path`] tree (crate roots, nested items, impls,
//! generic arguments, types) and [`mangle`] prints it as a `_R` symbol following
//! <https://doc.rust-lang.org/rustc/symbol-mangling/v0.html>. This module knows nothing of
//! rust-analyzer: building the tree from an item is the caller's job.
//!
//! Compression with backrefs (`B<pos>_`) follows rustc's policy: every path, non-basic type
//! and constant is remembered at its first position and printed as a backref when it comes
//! again, except `<T as Trait>` qualified paths (`Y`) and anything that refers to a
//! lifetime bound outside of it. A tree built the way rustc sees an item therefore mangles
//! to rustc's own symbol, which the tests check against the sysroot rlibs. (rustc's caches
//! are keyed by item identity, this one by structure; the two only differ when distinct
//! items print identically within one symbol, and both outputs are valid.)
//!
//! Not supported: identifiers outside `[A-Za-z0-9_]` (they need punycode; [`mangle`]
//! fails), the encoding-version prefix, vendor suffixes, and the unstable constant forms
//! (references, arrays, ADTs as const generic values).
//!
//! ```
//! use linkmap::v0::{V0Path, V0Type, mangle};
//!
//! let std = V0Path::crate_root("std", 0xe282_93b1_aa0f_68bd);
//! let print = std.ty("io").ty("stdio").value("_print");
//! assert_eq!(
//!     mangle(&print, None).unwrap(),
//!     "_RNvNtNtCsjrHSEGnQ3l9_3std2io5stdio6__print"
//! );
//!
//! let my_crate = V0Path::crate_root("my_crate", 0);
//! let fmt = V0Path::trait_impl(
//!     my_crate.clone(),
//!     0,
//!     V0Type::path(my_crate.ty("Point")),
//!     V0Path::crate_root("core", 0).ty("fmt").ty("Debug"),
//! )
//! .value("fmt");
//! assert_eq!(
//!     mangle(&fmt, None).unwrap(),
//!     "_RNvXC8my_crateNtB2_5PointNtNtC4core3fmt5Debug3fmt"
//! );
//! ```

use std::collections::HashMap;
use std::fmt::{self, Write};

/// A path: what `N`, `C`, `M`, `X`, `Y` and `I` encode.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum V0Path {
    /// `C`: a crate root. `disambiguator` is the crate's hash (rustc uses the
    /// `StableCrateId`, e.g. `std`'s in `Csjrh…_3std`); 0 prints none.
    Crate { name: String, disambiguator: u64 },
    /// `N`: `parent::name` in the namespace `ns`. `disambiguator` tells apart items of the
    /// same name and namespace in `parent`; for closures it is the closure's index.
    Nested {
        ns: Namespace,
        parent: Box<V0Path>,
        name: String,
        disambiguator: u64,
    },
    /// `M`: `<self_ty>`, an inherent impl. Its own path, which demanglers do not print, is
    /// `parent` (the enclosing module or item) and a `disambiguator` that tells apart the
    /// impls in `parent` (0 for the first).
    InherentImpl {
        parent: Box<V0Path>,
        disambiguator: u64,
        self_ty: Box<V0Type>,
    },
    /// `X`: `<self_ty as trait_path>`, a trait impl, with its own path as for `M`.
    TraitImpl {
        parent: Box<V0Path>,
        disambiguator: u64,
        self_ty: Box<V0Type>,
        trait_path: Box<V0Path>,
    },
    /// `Y`: `<self_ty as trait_path>` for items of the trait itself (e.g. a provided
    /// method used with that self type).
    TraitDef {
        self_ty: Box<V0Type>,
        trait_path: Box<V0Path>,
    },
    /// `I`: `path<args>`. Lifetime arguments are printed only if at least one is not
    /// erased (rustc's rule); an argument list that ends up empty prints just `path`.
    Generic {
        path: Box<V0Path>,
        args: Vec<V0GenericArg>,
    },
}

/// The namespace of a nested path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Namespace {
    /// `t`: modules, types, traits.
    Type,
    /// `v`: functions, statics, constants.
    Value,
    /// `C`: closures (printed `{closure#N}`, N being the disambiguator).
    Closure,
    /// `S`: compiler-generated shims (printed `{shim:name#N}`).
    Shim,
    /// Any other namespace letter: lowercase ones are implementation-internal and not
    /// printed by demanglers, uppercase ones are printed `{X:name#N}`.
    Other(char),
}

/// A generic argument of an `I` path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum V0GenericArg {
    Lifetime(Lifetime),
    Type(V0Type),
    /// `K`: a const generic argument.
    Const(V0Const),
}

/// A lifetime as v0 encodes it: 0 is an erased lifetime (`'_`), `n` ≥ 1 the `n`th most
/// recently bound lifetime of the enclosing `for<...>` binders (`1` is the innermost
/// binder's last lifetime).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lifetime(pub u64);

impl Lifetime {
    pub const ERASED: Lifetime = Lifetime(0);
}

/// A type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum V0Type {
    Basic(BasicType),
    /// A nominal type (struct, enum, union, foreign type, closure, fn item): its path,
    /// as [`V0Path::Generic`] when it has generic arguments.
    Path(V0Path),
    /// `A`: `[ty; len]`; the length is a `usize` constant.
    Array(Box<V0Type>, V0Const),
    /// `S`: `[ty]`.
    Slice(Box<V0Type>),
    /// `T…E`: a tuple. The empty tuple prints as the basic type `u`, as rustc does.
    Tuple(Vec<V0Type>),
    /// `R`: `&ty`, `Q`: `&mut ty`; an erased lifetime is omitted.
    Ref {
        mutable: bool,
        lifetime: Lifetime,
        ty: Box<V0Type>,
    },
    /// `P`: `*const ty`, `O`: `*mut ty`.
    RawPtr {
        mutable: bool,
        ty: Box<V0Type>,
    },
    /// `F`: a function pointer.
    FnPtr(Box<FnSig>),
    /// `D`: `dyn Trait + ... + 'lifetime`.
    Dyn {
        bounds: DynBounds,
        lifetime: Lifetime,
    },
}

/// The one-letter types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BasicType {
    I8,
    I16,
    I32,
    I64,
    I128,
    Isize,
    U8,
    U16,
    U32,
    U64,
    U128,
    Usize,
    /// Printed `C3f16` (a crate-root path), as rustc does until demanglers know the
    /// spec's `k`.
    F16,
    F32,
    F64,
    /// Printed `C4f128`, as rustc does until demanglers know the spec's `q`.
    F128,
    Bool,
    Char,
    Str,
    /// `()`.
    Unit,
    /// `!`.
    Never,
    /// `_`: a type placeholder (rustc uses it for unsubstituted parameters).
    Placeholder,
}

impl BasicType {
    /// The encoding: one letter, except for `f16` and `f128`.
    pub fn code(self) -> &'static str {
        match self {
            BasicType::I8 => "a",
            BasicType::I16 => "s",
            BasicType::I32 => "l",
            BasicType::I64 => "x",
            BasicType::I128 => "n",
            BasicType::Isize => "i",
            BasicType::U8 => "h",
            BasicType::U16 => "t",
            BasicType::U32 => "m",
            BasicType::U64 => "y",
            BasicType::U128 => "o",
            BasicType::Usize => "j",
            BasicType::F16 => "C3f16",
            BasicType::F32 => "f",
            BasicType::F64 => "d",
            BasicType::F128 => "C4f128",
            BasicType::Bool => "b",
            BasicType::Char => "c",
            BasicType::Str => "e",
            BasicType::Unit => "u",
            BasicType::Never => "z",
            BasicType::Placeholder => "p",
        }
    }

    fn is_signed_int(self) -> bool {
        use BasicType::*;
        matches!(self, I8 | I16 | I32 | I64 | I128 | Isize)
    }

    fn is_unsigned_int(self) -> bool {
        use BasicType::*;
        matches!(self, U8 | U16 | U32 | U64 | U128 | Usize)
    }
}

/// A function pointer type: `for<...> unsafe extern "abi" fn(inputs, ...) -> output`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FnSig {
    /// How many lifetimes the signature's `for<...>` binder introduces (0: none).
    pub bound_lifetimes: u64,
    pub is_unsafe: bool,
    /// `None` for the Rust ABI; `Some("C")` prints `KC`, others print as an identifier
    /// with `-` replaced by `_` (`"C-unwind"` → `K8C_unwind`).
    pub abi: Option<String>,
    pub inputs: Vec<V0Type>,
    pub c_variadic: bool,
    /// `()` for functions without a return type.
    pub output: V0Type,
}

/// The traits of a `dyn` type: `for<...> Trait<..., Assoc = T> + AutoTrait`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DynBounds {
    /// How many lifetimes the bounds' `for<...>` binder introduces (0: none).
    pub bound_lifetimes: u64,
    pub traits: Vec<DynTrait>,
}

/// One trait of a `dyn` type, e.g. `Fn<(i32,), Output = i32>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DynTrait {
    /// The trait with its generic arguments, without `Self`.
    pub path: V0Path,
    /// Associated type bindings (`Output = i32`), printed `p<name><type>`.
    pub assoc_bindings: Vec<(String, V0Type)>,
}

/// A const generic value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum V0Const {
    /// A value of a signed integer type (`I8` … `Isize`).
    Int(BasicType, i128),
    /// A value of an unsigned integer type (`U8` … `Usize`).
    Uint(BasicType, u128),
    Bool(bool),
    Char(char),
    /// `p`: a placeholder (printed `_`).
    Placeholder,
}

/// Why a tree cannot be mangled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MangleError(String);

impl fmt::Display for MangleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MangleError {}

/// The v0 symbol of `path`: `_R<path>[<instantiating crate>]`.
///
/// `instantiating_crate` is the root of the crate that instantiated a generic item
/// (rustc appends it to symbols of generic instances so that two crates' copies do not
/// clash); demanglers do not print it.
pub fn mangle(path: &V0Path, instantiating_crate: Option<&V0Path>) -> Result<String, MangleError> {
    let mut m = Mangler::default();
    m.out.push_str("_R");
    m.path(path)?;
    if let Some(krate) = instantiating_crate {
        m.path(krate)?;
    }
    Ok(m.out)
}

impl V0Path {
    /// A crate root, see [`V0Path::Crate`].
    pub fn crate_root(name: impl Into<String>, disambiguator: u64) -> V0Path {
        V0Path::Crate {
            name: name.into(),
            disambiguator,
        }
    }

    /// `self::name` in the namespace `ns`.
    pub fn nested(self, ns: Namespace, name: impl Into<String>, disambiguator: u64) -> V0Path {
        V0Path::Nested {
            ns,
            parent: Box::new(self),
            name: name.into(),
            disambiguator,
        }
    }

    /// `self::name` in the type namespace (modules, types, traits).
    pub fn ty(self, name: impl Into<String>) -> V0Path {
        self.nested(Namespace::Type, name, 0)
    }

    /// `self::name` in the value namespace (functions, statics, constants).
    pub fn value(self, name: impl Into<String>) -> V0Path {
        self.nested(Namespace::Value, name, 0)
    }

    /// `self::{closure#index}`.
    pub fn closure(self, index: u64) -> V0Path {
        self.nested(Namespace::Closure, "", index)
    }

    /// `self<args>`.
    pub fn with_args(self, args: Vec<V0GenericArg>) -> V0Path {
        V0Path::Generic {
            path: Box::new(self),
            args,
        }
    }

    /// `<self_ty>`: an inherent impl in the module `parent`.
    pub fn inherent_impl(parent: V0Path, disambiguator: u64, self_ty: V0Type) -> V0Path {
        V0Path::InherentImpl {
            parent: Box::new(parent),
            disambiguator,
            self_ty: Box::new(self_ty),
        }
    }

    /// `<self_ty as trait_path>`: a trait impl in the module `parent`.
    pub fn trait_impl(
        parent: V0Path,
        disambiguator: u64,
        self_ty: V0Type,
        trait_path: V0Path,
    ) -> V0Path {
        V0Path::TraitImpl {
            parent: Box::new(parent),
            disambiguator,
            self_ty: Box::new(self_ty),
            trait_path: Box::new(trait_path),
        }
    }
}

impl V0Type {
    pub fn path(path: V0Path) -> V0Type {
        V0Type::Path(path)
    }

    pub fn reference(mutable: bool, ty: V0Type) -> V0Type {
        V0Type::Ref {
            mutable,
            lifetime: Lifetime::ERASED,
            ty: Box::new(ty),
        }
    }

    pub fn raw_ptr(mutable: bool, ty: V0Type) -> V0Type {
        V0Type::RawPtr {
            mutable,
            ty: Box::new(ty),
        }
    }

    pub fn slice(ty: V0Type) -> V0Type {
        V0Type::Slice(Box::new(ty))
    }

    pub fn array(ty: V0Type, len: u64) -> V0Type {
        V0Type::Array(Box::new(ty), V0Const::Uint(BasicType::Usize, len.into()))
    }
}

impl From<BasicType> for V0Type {
    fn from(b: BasicType) -> V0Type {
        V0Type::Basic(b)
    }
}

/// Printing state: the output and, for backrefs, where each path, type and constant was
/// first printed. The printing methods return how far out the printed node's lifetimes refer:
/// 0 if none refers to a binder outside the node, which is when rustc caches it.
#[derive(Default)]
struct Mangler<'a> {
    out: String,
    paths: HashMap<&'a V0Path, usize>,
    types: HashMap<&'a V0Type, usize>,
    consts: HashMap<&'a V0Const, usize>,
}

type Escape = Result<u64, MangleError>;

impl<'a> Mangler<'a> {
    fn path(&mut self, p: &'a V0Path) -> Escape {
        if let Some(&pos) = self.paths.get(p) {
            self.backref(pos);
            return Ok(0);
        }
        let start = self.out.len();
        let escape = match p {
            V0Path::Crate {
                name,
                disambiguator,
            } => {
                self.out.push('C');
                self.ident(*disambiguator, name)?;
                0
            }
            V0Path::Nested {
                ns,
                parent,
                name,
                disambiguator,
            } => {
                self.out.push('N');
                self.out.push(match ns {
                    Namespace::Type => 't',
                    Namespace::Value => 'v',
                    Namespace::Closure => 'C',
                    Namespace::Shim => 'S',
                    Namespace::Other(c) if c.is_ascii_alphabetic() => *c,
                    Namespace::Other(c) => {
                        return Err(MangleError(format!("bad namespace {c:?}")));
                    }
                });
                let escape = self.path(parent)?;
                self.ident(*disambiguator, name)?;
                escape
            }
            V0Path::InherentImpl {
                parent,
                disambiguator,
                self_ty,
            } => {
                self.out.push('M');
                self.disambiguator(*disambiguator);
                self.path(parent)?.max(self.ty(self_ty)?)
            }
            V0Path::TraitImpl {
                parent,
                disambiguator,
                self_ty,
                trait_path,
            } => {
                self.out.push('X');
                self.disambiguator(*disambiguator);
                let escape = self.path(parent)?.max(self.ty(self_ty)?);
                escape.max(self.path(trait_path)?)
            }
            V0Path::TraitDef {
                self_ty,
                trait_path,
            } => {
                // Not cached: rustc prints these outside of its cached `print_def_path`.
                self.out.push('Y');
                return Ok(self.ty(self_ty)?.max(self.path(trait_path)?));
            }
            V0Path::Generic { path, args } => {
                let with_lifetimes = args
                    .iter()
                    .any(|a| matches!(a, V0GenericArg::Lifetime(l) if *l != Lifetime::ERASED));
                let printed =
                    |a: &V0GenericArg| with_lifetimes || !matches!(a, V0GenericArg::Lifetime(_));
                if !args.iter().any(printed) {
                    self.path(path)?
                } else {
                    self.out.push('I');
                    let mut escape = self.path(path)?;
                    for arg in args.iter().filter(|a| printed(a)) {
                        escape = escape.max(match arg {
                            V0GenericArg::Lifetime(l) => self.lifetime(*l),
                            V0GenericArg::Type(t) => self.ty(t)?,
                            V0GenericArg::Const(c) => {
                                self.out.push('K');
                                self.constant(c)?
                            }
                        });
                    }
                    self.out.push('E');
                    escape
                }
            }
        };
        if escape == 0 {
            self.paths.insert(p, start);
        }
        Ok(escape)
    }

    fn ty(&mut self, t: &'a V0Type) -> Escape {
        // Basic types are never cached (rustc's rule; most are one letter).
        match t {
            V0Type::Basic(b) => {
                self.out.push_str(b.code());
                return Ok(0);
            }
            V0Type::Tuple(elems) if elems.is_empty() => {
                self.out.push('u');
                return Ok(0);
            }
            _ => {}
        }
        if let Some(&pos) = self.types.get(t) {
            self.backref(pos);
            return Ok(0);
        }
        let start = self.out.len();
        let escape = match t {
            V0Type::Basic(_) => unreachable!(),
            V0Type::Path(p) => self.path(p)?,
            V0Type::Array(elem, len) => {
                self.out.push('A');
                self.ty(elem)?.max(self.constant(len)?)
            }
            V0Type::Slice(elem) => {
                self.out.push('S');
                self.ty(elem)?
            }
            V0Type::Tuple(elems) => {
                self.out.push('T');
                let mut escape = 0;
                for elem in elems {
                    escape = escape.max(self.ty(elem)?);
                }
                self.out.push('E');
                escape
            }
            V0Type::Ref {
                mutable,
                lifetime,
                ty,
            } => {
                self.out.push(if *mutable { 'Q' } else { 'R' });
                let escape = if *lifetime != Lifetime::ERASED {
                    self.lifetime(*lifetime)
                } else {
                    0
                };
                escape.max(self.ty(ty)?)
            }
            V0Type::RawPtr { mutable, ty } => {
                self.out.push(if *mutable { 'O' } else { 'P' });
                self.ty(ty)?
            }
            V0Type::FnPtr(sig) => {
                self.out.push('F');
                self.binder(sig.bound_lifetimes);
                if sig.is_unsafe {
                    self.out.push('U');
                }
                match sig.abi.as_deref() {
                    None => {}
                    Some("C") => self.out.push_str("KC"),
                    Some(abi) => {
                        self.out.push('K');
                        self.undisambiguated_ident(&abi.replace('-', "_"))?;
                    }
                }
                let mut escape = 0;
                for input in &sig.inputs {
                    escape = escape.max(self.ty(input)?);
                }
                if sig.c_variadic {
                    self.out.push('v');
                }
                self.out.push('E');
                escape = escape.max(self.ty(&sig.output)?);
                escape.saturating_sub(sig.bound_lifetimes)
            }
            V0Type::Dyn { bounds, lifetime } => {
                self.out.push('D');
                self.binder(bounds.bound_lifetimes);
                let mut escape = 0;
                for tr in &bounds.traits {
                    escape = escape.max(self.path(&tr.path)?);
                    for (name, ty) in &tr.assoc_bindings {
                        self.out.push('p');
                        self.undisambiguated_ident(name)?;
                        escape = escape.max(self.ty(ty)?);
                    }
                }
                self.out.push('E');
                // The object lifetime is outside the bounds' binder.
                let escape = escape.saturating_sub(bounds.bound_lifetimes);
                escape.max(self.lifetime(*lifetime))
            }
        };
        if escape == 0 {
            self.types.insert(t, start);
        }
        Ok(escape)
    }

    fn constant(&mut self, c: &'a V0Const) -> Escape {
        if *c == V0Const::Placeholder {
            self.out.push('p');
            return Ok(0);
        }
        if let Some(&pos) = self.consts.get(c) {
            self.backref(pos);
            return Ok(0);
        }
        let start = self.out.len();
        match c {
            V0Const::Int(ty, value) if ty.is_signed_int() => {
                self.out.push_str(ty.code());
                if *value < 0 {
                    self.out.push('n');
                }
                let _ = write!(self.out, "{:x}_", value.unsigned_abs());
            }
            V0Const::Uint(ty, value) if ty.is_unsigned_int() => {
                self.out.push_str(ty.code());
                let _ = write!(self.out, "{value:x}_");
            }
            V0Const::Int(ty, _) | V0Const::Uint(ty, _) => {
                return Err(MangleError(format!(
                    "{ty:?} is not the right integer type for {c:?}"
                )));
            }
            V0Const::Bool(b) => {
                let _ = write!(self.out, "b{:x}_", u8::from(*b));
            }
            V0Const::Char(ch) => {
                let _ = write!(self.out, "c{:x}_", u32::from(*ch));
            }
            V0Const::Placeholder => unreachable!(),
        }
        self.consts.insert(c, start);
        Ok(0)
    }

    /// `L<n>`; returns the lifetime itself as its escape (see [`Lifetime`]).
    fn lifetime(&mut self, l: Lifetime) -> u64 {
        self.out.push('L');
        self.integer_62(l.0);
        l.0
    }

    /// `G<n-1>` for a binder of `n` lifetimes, nothing for none.
    fn binder(&mut self, lifetimes: u64) {
        if lifetimes > 0 {
            self.out.push('G');
            self.integer_62(lifetimes - 1);
        }
    }

    fn backref(&mut self, pos: usize) {
        self.out.push('B');
        // Positions count from after the `_R` prefix.
        self.integer_62((pos - 2) as u64);
    }

    fn disambiguator(&mut self, d: u64) {
        if d > 0 {
            self.out.push('s');
            self.integer_62(d - 1);
        }
    }

    fn ident(&mut self, disambiguator: u64, name: &str) -> Result<(), MangleError> {
        self.disambiguator(disambiguator);
        self.undisambiguated_ident(name)
    }

    fn undisambiguated_ident(&mut self, name: &str) -> Result<(), MangleError> {
        if !name.bytes().all(|b| b == b'_' || b.is_ascii_alphanumeric()) {
            return Err(MangleError(format!(
                "identifier {name:?} is not ASCII alphanumeric (punycode is not supported)"
            )));
        }
        let _ = write!(self.out, "{}", name.len());
        // The length's digits must not run into a name that starts with a digit, and a
        // leading `_` would otherwise be taken for this separator.
        if name.starts_with(|c: char| c == '_' || c.is_ascii_digit()) {
            self.out.push('_');
        }
        self.out.push_str(name);
        Ok(())
    }

    /// `<base-62-number>`: 0 is `_`, n > 0 is n-1 in base 62 then `_`.
    fn integer_62(&mut self, x: u64) {
        if let Some(mut x) = x.checked_sub(1) {
            const DIGITS: &[u8; 62] =
                b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
            let mut buf = [0u8; 11];
            let mut i = buf.len();
            loop {
                i -= 1;
                buf[i] = DIGITS[(x % 62) as usize];
                x /= 62;
                if x == 0 {
                    break;
                }
            }
            self.out
                .push_str(std::str::from_utf8(&buf[i..]).expect("ASCII digits"));
        }
        self.out.push('_');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int62(x: u64) -> String {
        let mut m = Mangler::default();
        m.integer_62(x);
        m.out
    }

    #[test]
    fn base62_numbers() {
        assert_eq!(int62(0), "_");
        assert_eq!(int62(1), "0_");
        assert_eq!(int62(62), "Z_");
        assert_eq!(int62(63), "10_");
        assert_eq!(int62(u64::MAX), "lYGhA16ahye_");
    }

    #[test]
    fn identifiers() {
        let mut m = Mangler::default();
        m.ident(0, "_print").unwrap();
        m.ident(0, "main").unwrap();
        m.ident(0, "").unwrap();
        m.ident(2, "x1").unwrap();
        assert_eq!(m.out, "6__print4main0s0_2x1");
        assert!(m.ident(0, "größe").is_err());
        assert!(m.ident(0, "a-b").is_err());
    }
}
