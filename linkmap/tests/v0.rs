//! v0 mangling: readable round trips through rustc-demangle, and byte-for-byte equality
//! with the symbols rustc wrote into the sysroot rlibs.

mod common;

use common::sysroot_rlibs;
use linkmap::LinkMap;
use linkmap::v0::{
    BasicType, DynBounds, DynTrait, FnSig, Lifetime, Namespace, V0Const, V0GenericArg, V0Path,
    V0Type, mangle,
};

/// The crate disambiguator printed as `s<digits>_` in real symbols (`Cs<digits>_3std`).
fn crate_hash(digits: &str) -> u64 {
    let value = digits.bytes().fold(0u64, |acc, b| {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'z' => b - b'a' + 10,
            b'A'..=b'Z' => b - b'A' + 36,
            _ => panic!("not base 62: {digits}"),
        };
        acc * 62 + u64::from(d)
    });
    value + 2
}

fn std_crate() -> V0Path {
    V0Path::crate_root("std", crate_hash("jrHSEGnQ3l9"))
}
fn core_crate() -> V0Path {
    V0Path::crate_root("core", crate_hash("gEmfK2I1SDS"))
}
fn alloc_crate() -> V0Path {
    V0Path::crate_root("alloc", crate_hash("lNYArtu3iFV"))
}
fn my_crate() -> V0Path {
    V0Path::crate_root("my_crate", 0x1234_5678_9abc_def0)
}
fn point() -> V0Type {
    V0Type::path(my_crate().ty("Point"))
}

fn ty_arg(t: impl Into<V0Type>) -> V0GenericArg {
    V0GenericArg::Type(t.into())
}

/// Mangles, checks the character set, and returns the demangled path without hashes.
fn demangled(path: &V0Path, instantiating_crate: Option<&V0Path>) -> String {
    let sym = mangle(path, instantiating_crate).unwrap();
    assert!(sym.starts_with("_R"), "{sym}");
    assert!(
        sym.bytes().all(|b| b == b'_' || b.is_ascii_alphanumeric()),
        "{sym}"
    );
    let d =
        rustc_demangle::try_demangle(&sym).unwrap_or_else(|_| panic!("{sym} does not demangle"));
    format!("{d:#}")
}

#[test]
fn readable_paths() {
    let main = my_crate().value("main");
    assert_eq!(demangled(&main, None), "my_crate::main");
    assert_eq!(
        demangled(&main.clone().closure(0), None),
        "my_crate::main::{closure#0}"
    );
    assert_eq!(
        demangled(&main.clone().closure(3).closure(0), None),
        "my_crate::main::{closure#3}::{closure#0}"
    );
    assert_eq!(
        demangled(
            &my_crate()
                .ty("geometry")
                .nested(Namespace::Value, "area", 1),
            None
        ),
        "my_crate::geometry::area"
    );
    assert_eq!(
        demangled(&V0Path::crate_root("_9lives", 7).value("_start"), None),
        "_9lives::_start"
    );

    let vec = alloc_crate()
        .ty("vec")
        .ty("Vec")
        .with_args(vec![ty_arg(point())]);
    let push =
        V0Path::inherent_impl(alloc_crate().ty("vec"), 1, V0Type::path(vec.clone())).value("push");
    assert_eq!(
        demangled(&push, Some(&my_crate())),
        "<alloc::vec::Vec<my_crate::Point>>::push"
    );

    let debug = core_crate().ty("fmt").ty("Debug");
    let fmt = V0Path::trait_impl(my_crate(), 0, point(), debug.clone()).value("fmt");
    assert_eq!(
        demangled(&fmt, None),
        "<my_crate::Point as core::fmt::Debug>::fmt"
    );

    let len = V0Path::inherent_impl(
        core_crate().ty("slice"),
        0,
        V0Type::slice(BasicType::U8.into()),
    )
    .value("len");
    assert_eq!(demangled(&len, None), "<[u8]>::len");

    let provided = V0Path::TraitDef {
        self_ty: Box::new(point()),
        trait_path: Box::new(core_crate().ty("iter").ty("Iterator")),
    }
    .value("count");
    assert_eq!(
        demangled(&provided, None),
        "<my_crate::Point as core::iter::Iterator>::count"
    );

    // A generic function in value position prints `::<...>`.
    let drop_vec = core_crate()
        .ty("ptr")
        .value("drop_in_place")
        .with_args(vec![ty_arg(V0Type::path(vec.clone()))]);
    assert_eq!(
        demangled(&drop_vec, Some(&my_crate())),
        "core::ptr::drop_in_place::<alloc::vec::Vec<my_crate::Point>>"
    );
    // Vec appears twice: the second time as a backref.
    let vec_of_vec = alloc_crate()
        .ty("vec")
        .ty("Vec")
        .with_args(vec![ty_arg(V0Type::path(vec.clone()))]);
    let swap = my_crate().value("swap").with_args(vec![
        ty_arg(V0Type::path(vec_of_vec)),
        ty_arg(V0Type::path(vec)),
    ]);
    let sym = mangle(&swap, None).unwrap();
    assert!(sym.contains('B'), "no backref in {sym}");
    assert_eq!(
        demangled(&swap, None),
        "my_crate::swap::<alloc::vec::Vec<alloc::vec::Vec<my_crate::Point>>, alloc::vec::Vec<my_crate::Point>>"
    );
}

#[test]
fn readable_types() {
    let fn_trait = core_crate().ty("ops").ty("function").ty("Fn");
    let dyn_fn = V0Type::Dyn {
        bounds: DynBounds {
            bound_lifetimes: 0,
            traits: vec![DynTrait {
                path: fn_trait.with_args(vec![ty_arg(V0Type::Tuple(vec![BasicType::I32.into()]))]),
                assoc_bindings: vec![("Output".into(), BasicType::I32.into())],
            }],
        },
        lifetime: Lifetime::ERASED,
    };
    let send = core_crate().ty("marker").ty("Send");
    let dyn_debug_send = V0Type::Dyn {
        bounds: DynBounds {
            bound_lifetimes: 0,
            traits: vec![
                DynTrait {
                    path: core_crate().ty("fmt").ty("Debug"),
                    assoc_bindings: vec![],
                },
                DynTrait {
                    path: send,
                    assoc_bindings: vec![],
                },
            ],
        },
        lifetime: Lifetime::ERASED,
    };
    let hr_fn = V0Type::FnPtr(Box::new(FnSig {
        bound_lifetimes: 1,
        is_unsafe: false,
        abi: None,
        inputs: vec![V0Type::Ref {
            mutable: false,
            lifetime: Lifetime(1),
            ty: Box::new(BasicType::U8.into()),
        }],
        c_variadic: false,
        output: BasicType::Unit.into(),
    }));
    let c_fn = V0Type::FnPtr(Box::new(FnSig {
        bound_lifetimes: 0,
        is_unsafe: true,
        abi: Some("C".into()),
        inputs: vec![V0Type::raw_ptr(false, BasicType::I8.into())],
        c_variadic: true,
        output: BasicType::I32.into(),
    }));
    let unwind_fn = V0Type::FnPtr(Box::new(FnSig {
        bound_lifetimes: 0,
        is_unsafe: false,
        abi: Some("C-unwind".into()),
        inputs: vec![],
        c_variadic: false,
        output: BasicType::Never.into(),
    }));

    let cases: Vec<(V0Type, &str)> = vec![
        (
            V0Type::reference(false, dyn_fn),
            "&dyn core::ops::function::Fn<(i32,), Output = i32>",
        ),
        (
            V0Type::reference(true, dyn_debug_send),
            "&mut dyn core::fmt::Debug + core::marker::Send",
        ),
        (hr_fn, "for<'a> fn(&'a u8)"),
        (c_fn, "unsafe extern \"C\" fn(*const i8, ...) -> i32"),
        (unwind_fn, "extern \"C-unwind\" fn() -> !"),
        (V0Type::array(BasicType::F64.into(), 16), "[f64; 16]"),
        (
            V0Type::Tuple(vec![
                BasicType::Bool.into(),
                BasicType::Char.into(),
                V0Type::reference(false, BasicType::Str.into()),
                V0Type::Tuple(vec![]),
            ]),
            "(bool, char, &str, ())",
        ),
        (
            V0Type::raw_ptr(true, V0Type::slice(BasicType::U128.into())),
            "*mut [u128]",
        ),
        (
            V0Type::Tuple(vec![
                BasicType::I8.into(),
                BasicType::I16.into(),
                BasicType::I64.into(),
                BasicType::I128.into(),
                BasicType::Isize.into(),
                BasicType::U16.into(),
                BasicType::U32.into(),
                BasicType::U64.into(),
                BasicType::Usize.into(),
                BasicType::F32.into(),
                BasicType::F16.into(),
                BasicType::F128.into(),
                BasicType::Placeholder.into(),
            ]),
            "(i8, i16, i64, i128, isize, u16, u32, u64, usize, f32, f16, f128, _)",
        ),
    ];
    for (ty, expected) in cases {
        // As the self type of an inherent impl, which prints `<ty>`.
        let path = V0Path::inherent_impl(my_crate(), 0, ty).value("f");
        assert_eq!(demangled(&path, None), format!("<{expected}>::f"));
    }
}

#[test]
fn bound_lifetimes_are_not_backrefs() {
    // `&'a u8` means something else under another binder, so rustc never backrefs a type
    // that uses a lifetime bound outside of it; the whole `for<'a> fn` can be, though.
    let a_u8 = || V0Type::Ref {
        mutable: false,
        lifetime: Lifetime(1),
        ty: Box::new(BasicType::U8.into()),
    };
    let f = V0Type::FnPtr(Box::new(FnSig {
        bound_lifetimes: 1,
        is_unsafe: false,
        abi: None,
        inputs: vec![a_u8(), a_u8()],
        c_variadic: false,
        output: a_u8(),
    }));
    // A crate without disambiguator keeps the expected string readable.
    let path = V0Path::crate_root("my_crate", 0)
        .value("g")
        .with_args(vec![ty_arg(f.clone()), ty_arg(f)]);
    assert_eq!(
        mangle(&path, None).unwrap(),
        "_RINvC8my_crate1gFG_RL0_hRL0_hERL0_hBe_E"
    );
    assert_eq!(
        demangled(&path, None),
        "my_crate::g::<for<'a> fn(&'a u8, &'a u8) -> &'a u8, for<'a> fn(&'a u8, &'a u8) -> &'a u8>"
    );

    // Lifetime arguments are printed when one of them is not erased.
    let s = my_crate().ty("S").with_args(vec![
        V0GenericArg::Lifetime(Lifetime(1)),
        ty_arg(BasicType::U8),
    ]);
    let hr = V0Type::FnPtr(Box::new(FnSig {
        bound_lifetimes: 1,
        is_unsafe: false,
        abi: None,
        inputs: vec![V0Type::path(s)],
        c_variadic: false,
        output: BasicType::Unit.into(),
    }));
    let path = V0Path::inherent_impl(my_crate(), 0, hr).value("h");
    assert_eq!(
        demangled(&path, None),
        "<for<'a> fn(my_crate::S<'a, u8>)>::h"
    );
}

#[test]
fn const_generics() {
    let f = my_crate().value("f").with_args(vec![
        V0GenericArg::Const(V0Const::Uint(BasicType::Usize, 0)),
        V0GenericArg::Const(V0Const::Uint(BasicType::U8, 255)),
        V0GenericArg::Const(V0Const::Int(BasicType::I32, -1)),
        V0GenericArg::Const(V0Const::Int(BasicType::I64, 42)),
        V0GenericArg::Const(V0Const::Bool(true)),
        V0GenericArg::Const(V0Const::Char('x')),
        V0GenericArg::Const(V0Const::Placeholder),
        // Lifetimes are dropped when all are erased.
        V0GenericArg::Lifetime(Lifetime::ERASED),
    ]);
    assert_eq!(
        demangled(&f, None),
        "my_crate::f::<0, 255, -1, 42, true, 'x', _>"
    );
    assert!(
        mangle(&f, None).unwrap().starts_with("_RINvCs"),
        "generic args are an I path"
    );

    let bad = my_crate()
        .value("f")
        .with_args(vec![V0GenericArg::Const(V0Const::Uint(BasicType::I32, 1))]);
    assert!(mangle(&bad, None).is_err());
    assert!(mangle(&my_crate().value("ünïcode"), None).is_err());
}

#[test]
fn exact_sysroot_symbols() {
    assert_eq!(
        mangle(&std_crate().ty("io").ty("stdio").value("_print"), None).unwrap(),
        "_RNvNtNtCsjrHSEGnQ3l9_3std2io5stdio6__print"
    );

    // `<addr2line::line::Lines>::find_location`: the impl is the 2nd in `line`, and the
    // self type's crate is a backref.
    let addr2line = V0Path::crate_root("addr2line", crate_hash("4X4t9plMPHF"));
    let line = addr2line.clone().ty("line");
    let lines = V0Type::path(line.clone().ty("Lines"));
    assert_eq!(
        mangle(
            &V0Path::inherent_impl(line, 1, lines).value("find_location"),
            None
        )
        .unwrap(),
        "_RNvMs_NtCs4X4t9plMPHF_9addr2line4lineNtB4_5Lines13find_location"
    );

    // `<core::hint::select_unpredictable::DropOnPanic<usize> as Drop>::drop`, instantiated
    // in addr2line: an impl inside a function, generic args, backrefs to a path and a crate.
    let select = core_crate().ty("hint").value("select_unpredictable");
    let drop_on_panic = select
        .clone()
        .ty("DropOnPanic")
        .with_args(vec![ty_arg(BasicType::Usize)]);
    let drop_trait = core_crate().ty("ops").ty("drop").ty("Drop");
    let drop = V0Path::trait_impl(select, 0, V0Type::path(drop_on_panic), drop_trait).value("drop");
    assert_eq!(
        mangle(&drop, Some(&addr2line)).unwrap(),
        "_RNvXNvNtCsgEmfK2I1SDS_4core4hint20select_unpredictableINtB2_11DropOnPanicjENtNtNtB6_3ops4drop4Drop4dropCs4X4t9plMPHF_9addr2line"
    );
}

/// Every v0 symbol the sysroot rlibs define, parsed back into a tree (backrefs expanded)
/// and mangled again, is the same string: the printing and rustc's backref policy agree.
#[test]
fn sysroot_symbols_round_trip() {
    let map = LinkMap::from_rlibs(&sysroot_rlibs()).unwrap();
    let mut checked = 0;
    let mut unsupported = Vec::new();
    let mut mismatches = Vec::new();
    for sym in map.find_by_suffix("") {
        if !sym.mangled.starts_with("_R") {
            continue;
        }
        // LLVM's `.llvm.<hash>` suffixes are not part of the mangling.
        let mangled = sym.mangled.split('.').next().unwrap();
        let Some((path, krate)) = parse::symbol(mangled) else {
            unsupported.push(sym.mangled.clone());
            continue;
        };
        let again = mangle(&path, krate.as_ref()).unwrap();
        if again != mangled {
            mismatches.push(format!("{}\n  -> {again}", sym.mangled));
        }
        checked += 1;
    }
    println!(
        "{checked} v0 symbols re-mangled, {} not parsed by the test parser: {:?}",
        unsupported.len(),
        &unsupported[..unsupported.len().min(5)]
    );
    assert!(checked > 1000, "only {checked} v0 symbols");
    assert!(unsupported.is_empty(), "{unsupported:?}");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

/// A v0 parser into the `V0Path` tree, for the round-trip test only. Backrefs are expanded
/// into copies of what they point at. `None` for anything the tree cannot express
/// (punycode, encoding versions, vendor suffixes, unstable const forms).
mod parse {
    use super::*;

    pub fn symbol(sym: &str) -> Option<(V0Path, Option<V0Path>)> {
        let mut p = Parser {
            s: sym.as_bytes(),
            pos: 0,
        };
        if !p.eat(b'_') || !p.eat(b'R') || p.peek()?.is_ascii_digit() {
            return None;
        }
        let path = p.path()?;
        let krate = if p.pos < p.s.len() {
            Some(p.path()?)
        } else {
            None
        };
        (p.pos == p.s.len()).then_some((path, krate))
    }

    struct Parser<'s> {
        s: &'s [u8],
        pos: usize,
    }

    impl<'s> Parser<'s> {
        fn peek(&self) -> Option<u8> {
            self.s.get(self.pos).copied()
        }

        fn next(&mut self) -> Option<u8> {
            let b = self.peek()?;
            self.pos += 1;
            Some(b)
        }

        fn eat(&mut self, b: u8) -> bool {
            let hit = self.peek() == Some(b);
            if hit {
                self.pos += 1;
            }
            hit
        }

        fn integer_62(&mut self) -> Option<u64> {
            if self.eat(b'_') {
                return Some(0);
            }
            let mut x: u64 = 0;
            loop {
                let d = match self.next()? {
                    b @ b'0'..=b'9' => b - b'0',
                    b @ b'a'..=b'z' => b - b'a' + 10,
                    b @ b'A'..=b'Z' => b - b'A' + 36,
                    b'_' => return x.checked_add(1),
                    _ => return None,
                };
                x = x.checked_mul(62)?.checked_add(u64::from(d))?;
            }
        }

        fn opt_integer_62(&mut self, tag: u8) -> Option<u64> {
            if self.eat(tag) {
                self.integer_62()?.checked_add(1)
            } else {
                Some(0)
            }
        }

        fn ident(&mut self) -> Option<String> {
            if self.peek() == Some(b'u') {
                return None; // punycode
            }
            // `<decimal-number>` is `0` or digits without a leading zero: an empty
            // identifier's `0` can be followed by the next identifier's length.
            let mut len = 0usize;
            if !self.eat(b'0') {
                while let Some(b @ b'0'..=b'9') = self.peek() {
                    len = len * 10 + usize::from(b - b'0');
                    self.pos += 1;
                }
            }
            self.eat(b'_');
            let bytes = self.s.get(self.pos..self.pos + len)?;
            self.pos += len;
            String::from_utf8(bytes.to_vec()).ok()
        }

        fn backref(&mut self) -> Option<Parser<'s>> {
            let target = 2 + usize::try_from(self.integer_62()?).ok()?;
            (target < self.pos).then_some(Parser {
                s: self.s,
                pos: target,
            })
        }

        fn path(&mut self) -> Option<V0Path> {
            Some(match self.next()? {
                b'C' => {
                    let disambiguator = self.opt_integer_62(b's')?;
                    V0Path::crate_root(self.ident()?, disambiguator)
                }
                b'N' => {
                    let ns = match self.next()? {
                        b't' => Namespace::Type,
                        b'v' => Namespace::Value,
                        b'C' => Namespace::Closure,
                        b'S' => Namespace::Shim,
                        c => Namespace::Other(char::from(c)),
                    };
                    let parent = self.path()?;
                    let disambiguator = self.opt_integer_62(b's')?;
                    parent.nested(ns, self.ident()?, disambiguator)
                }
                b'M' => {
                    let disambiguator = self.opt_integer_62(b's')?;
                    let parent = self.path()?;
                    V0Path::inherent_impl(parent, disambiguator, self.ty()?)
                }
                b'X' => {
                    let disambiguator = self.opt_integer_62(b's')?;
                    let parent = self.path()?;
                    let self_ty = self.ty()?;
                    V0Path::trait_impl(parent, disambiguator, self_ty, self.path()?)
                }
                b'Y' => V0Path::TraitDef {
                    self_ty: Box::new(self.ty()?),
                    trait_path: Box::new(self.path()?),
                },
                b'I' => {
                    let path = self.path()?;
                    let mut args = Vec::new();
                    while !self.eat(b'E') {
                        args.push(self.generic_arg()?);
                    }
                    path.with_args(args)
                }
                b'B' => self.backref()?.path()?,
                _ => return None,
            })
        }

        fn generic_arg(&mut self) -> Option<V0GenericArg> {
            Some(if self.eat(b'L') {
                V0GenericArg::Lifetime(Lifetime(self.integer_62()?))
            } else if self.eat(b'K') {
                V0GenericArg::Const(self.constant()?)
            } else {
                V0GenericArg::Type(self.ty()?)
            })
        }

        fn basic(tag: u8) -> Option<BasicType> {
            use BasicType::*;
            Some(match tag {
                b'a' => I8,
                b's' => I16,
                b'l' => I32,
                b'x' => I64,
                b'n' => I128,
                b'i' => Isize,
                b'h' => U8,
                b't' => U16,
                b'm' => U32,
                b'y' => U64,
                b'o' => U128,
                b'j' => Usize,
                b'f' => F32,
                b'd' => F64,
                b'b' => Bool,
                b'c' => Char,
                b'e' => Str,
                b'u' => Unit,
                b'z' => Never,
                b'p' => Placeholder,
                _ => return None,
            })
        }

        fn ty(&mut self) -> Option<V0Type> {
            // rustc's spelling of these two, see `BasicType::F16`.
            for (code, basic) in [("C3f16", BasicType::F16), ("C4f128", BasicType::F128)] {
                if self.s[self.pos..].starts_with(code.as_bytes()) {
                    self.pos += code.len();
                    return Some(V0Type::Basic(basic));
                }
            }
            let tag = self.peek()?;
            if let Some(b) = Self::basic(tag) {
                self.pos += 1;
                return Some(V0Type::Basic(b));
            }
            self.pos += 1;
            Some(match tag {
                b'A' => {
                    let elem = self.ty()?;
                    V0Type::Array(Box::new(elem), self.constant()?)
                }
                b'S' => V0Type::slice(self.ty()?),
                b'T' => {
                    let mut elems = Vec::new();
                    while !self.eat(b'E') {
                        elems.push(self.ty()?);
                    }
                    V0Type::Tuple(elems)
                }
                b'R' | b'Q' => {
                    let lifetime = if self.eat(b'L') {
                        Lifetime(self.integer_62()?)
                    } else {
                        Lifetime::ERASED
                    };
                    V0Type::Ref {
                        mutable: tag == b'Q',
                        lifetime,
                        ty: Box::new(self.ty()?),
                    }
                }
                b'P' | b'O' => V0Type::raw_ptr(tag == b'O', self.ty()?),
                b'F' => {
                    let bound_lifetimes = self.opt_integer_62(b'G')?;
                    let is_unsafe = self.eat(b'U');
                    let abi = if self.eat(b'K') {
                        Some(if self.eat(b'C') {
                            "C".to_owned()
                        } else {
                            self.ident()?
                        })
                    } else {
                        None
                    };
                    let mut inputs = Vec::new();
                    let mut c_variadic = false;
                    while !self.eat(b'E') {
                        if self.eat(b'v') {
                            c_variadic = true;
                        } else {
                            inputs.push(self.ty()?);
                        }
                    }
                    let output = self.ty()?;
                    V0Type::FnPtr(Box::new(FnSig {
                        bound_lifetimes,
                        is_unsafe,
                        abi,
                        inputs,
                        c_variadic,
                        output,
                    }))
                }
                b'D' => {
                    let bound_lifetimes = self.opt_integer_62(b'G')?;
                    let mut traits = Vec::new();
                    while !self.eat(b'E') {
                        let path = self.path()?;
                        let mut assoc_bindings = Vec::new();
                        while self.eat(b'p') {
                            let name = self.ident()?;
                            assoc_bindings.push((name, self.ty()?));
                        }
                        traits.push(DynTrait {
                            path,
                            assoc_bindings,
                        });
                    }
                    if !self.eat(b'L') {
                        return None;
                    }
                    V0Type::Dyn {
                        bounds: DynBounds {
                            bound_lifetimes,
                            traits,
                        },
                        lifetime: Lifetime(self.integer_62()?),
                    }
                }
                b'B' => self.backref()?.ty()?,
                _ => {
                    self.pos -= 1;
                    V0Type::Path(self.path()?)
                }
            })
        }

        fn constant(&mut self) -> Option<V0Const> {
            match self.next()? {
                b'p' => return Some(V0Const::Placeholder),
                b'B' => return self.backref()?.constant(),
                _ => self.pos -= 1,
            }
            let ty = Self::basic(self.next()?)?;
            let negative = self.eat(b'n');
            let mut value: u128 = 0;
            loop {
                match self.next()? {
                    b'_' => break,
                    b => value = value.checked_mul(16)? + u128::from((b as char).to_digit(16)?),
                }
            }
            Some(match ty {
                BasicType::Bool => V0Const::Bool(value == 1),
                BasicType::Char => V0Const::Char(char::from_u32(u32::try_from(value).ok()?)?),
                t if negative => V0Const::Int(t, -i128::try_from(value).ok()?),
                BasicType::I8
                | BasicType::I16
                | BasicType::I32
                | BasicType::I64
                | BasicType::I128
                | BasicType::Isize => V0Const::Int(ty, i128::try_from(value).ok()?),
                _ => V0Const::Uint(ty, value),
            })
        }
    }
}
