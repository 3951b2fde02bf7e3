//! The call-resolution pipeline: how each call rac meets is satisfied.
//!
//! local → Tier 1; known shim → Tier 3; monomorphic external with a symbol in the link map →
//! Tier 2; anything else external → Tier 1 if rust-analyzer lowers it, else its shim, else a
//! refusal naming the function and rust-analyzer's reason. Trait methods are resolved to
//! their impl first; `dyn` calls, intrinsics, foreign functions and the compiler's own glue
//! (drop glue, closure and fn-pointer shims) have their own answers.

use either::Either;
use ra_ap_hir_def::{
    FunctionId, HasModule, ItemContainerId, Lookup,
    signatures::{FnFlags, FunctionSignature},
};
use ra_ap_hir_ty::next_solver::{GenericArgs, Ty, TyKind};
use ra_ap_rustc_type_ir::ClosureKind;
use ra_ap_rustc_type_ir::inherent::{GenericArgs as _, IntoKind, SliceLike};

use crate::instance::{Instance, InstanceKind};
use crate::ty::TyCx;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tier {
    /// Compiled by rac from rust-analyzer's MIR.
    Tier1,
    /// rustc's compiled code in an rlib, referenced by symbol.
    Tier2,
    /// A rac shim from `shims/` stands in for the real function.
    Tier3,
    /// Glue rac generates itself (drop glue, closure and fn-pointer shims, entry point).
    Generated,
}

/// Why a call went where it went (shown by `cargo rac explain`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Local,
    Generic,
    Inline,
    NoSymbol,
    /// Monomorphic, but its signature holds an async state machine, which rac lays out its
    /// own way (`coroutine.rs`): rac compiles it so that only rac code makes such values.
    AsyncState,
    MonomorphicExtern,
    Foreign,
    Shim,
    Glue,
    Virtual,
    Intrinsic,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Local => "local",
            Reason::Generic => "generic",
            Reason::Inline => "#[inline]",
            Reason::NoSymbol => "monomorphic, but no global symbol in the rlibs",
            Reason::AsyncState => "monomorphic, but its signature holds an async state machine",
            Reason::MonomorphicExtern => "monomorphic extern",
            Reason::Foreign => "foreign (extern block)",
            Reason::Shim => "shim",
            Reason::Glue => "compiler glue",
            Reason::Virtual => "dyn call through the vtable",
            Reason::Intrinsic => "intrinsic",
        }
    }
}

#[derive(Clone, Debug)]
pub enum CallResolution<'db> {
    /// rac defines this instance (Tier 1, Tier 3 or generated glue).
    Define {
        instance: Instance<'db>,
        tier: Tier,
        reason: Reason,
    },
    /// Tier 2 or a foreign function: an undefined symbol the linker resolves.
    Tier2Extern {
        instance: Instance<'db>,
        symbol: String,
        rlib: Option<std::path::PathBuf>,
        reason: Reason,
    },
    /// A call through the vtable of a `dyn Trait` receiver.
    Virtual {
        trait_method: FunctionId,
        args: GenericArgs<'db>,
    },
    /// `<Box<dyn FnOnce(..)> as FnOnce>::call_once`: std's body moves the unsized closure
    /// out of the box (`unsized_fn_params`), which r-a cannot lower. As rustc does, rac
    /// calls the vtable's `call_once` (a shim taking `*mut Self`) on the box's data, then
    /// frees the allocation with `<Box as Drop>::drop` (the closure itself was consumed).
    /// `args` are `FnOnce::call_once`'s with `Self` = the `dyn` type; `box_ty` the box.
    BoxedDynFnOnce {
        trait_method: FunctionId,
        args: GenericArgs<'db>,
        box_ty: Ty<'db>,
    },
    Intrinsic {
        name: String,
        function: FunctionId,
        args: GenericArgs<'db>,
    },
    /// rac cannot compile this call.
    Refused { function: String, reason: String },
}

fn boxed_dyn_fn_once<'db>(f: FunctionId, args: GenericArgs<'db>) -> Option<CallResolution<'db>> {
    let box_ty = args.type_at(0);
    let TyKind::Adt(def, bargs) = box_ty.kind() else {
        return None;
    };
    if !def.is_box() {
        return None;
    }
    let pointee = bargs.type_at(0);
    if !matches!(pointee.kind(), TyKind::Dynamic(..)) {
        return None;
    }
    let mut margs: Vec<_> = args.iter().collect();
    margs[0] = pointee.into();
    Some(CallResolution::BoxedDynFnOnce {
        trait_method: f,
        args: GenericArgs::new_from_slice(&margs),
        box_ty,
    })
}

pub fn resolve_fn<'db>(
    tcx: &TyCx<'db>,
    linkmap: &linkmap::LinkMap,
    f: FunctionId,
    args: GenericArgs<'db>,
) -> CallResolution<'db> {
    crate::phase::time(crate::phase::Phase::Resolve, || {
        resolve_fn_untimed(tcx, linkmap, f, args)
    })
}

fn resolve_fn_untimed<'db>(
    tcx: &TyCx<'db>,
    linkmap: &linkmap::LinkMap,
    f: FunctionId,
    args: GenericArgs<'db>,
) -> CallResolution<'db> {
    let db = tcx.db;
    let sig = FunctionSignature::of(db, f);
    let lang = tcx.interner.lang_items();

    if sig.flags.contains(FnFlags::RUSTC_INTRINSIC) {
        return CallResolution::Intrinsic {
            name: sig.name.as_str().to_owned(),
            function: f,
            args,
        };
    }
    if Some(f) == lang.DropInPlace {
        return CallResolution::Define {
            instance: Instance::drop_glue(tcx, args.type_at(0)),
            tier: Tier::Generated,
            reason: Reason::Glue,
        };
    }

    let container = f.lookup(db).container;
    if let ItemContainerId::ExternBlockId(_) = container {
        let attrs = crate::attrs::fn_attrs(db, f);
        let name = attrs
            .link_name
            .clone()
            .unwrap_or_else(|| sig.name.as_str().to_owned());
        // `extern "Rust" { #[lang = "panic_impl"] fn panic_impl(..); }` is the
        // `#[panic_handler]`, std's `rust_begin_unwind`.
        if lang.PanicImpl == Some(f) || attrs.lang.as_deref() == Some("panic_impl") {
            return match rustc_internal_symbol(linkmap, "rust_begin_unwind") {
                Some(symbol) => CallResolution::Tier2Extern {
                    instance: Instance::item(f, args),
                    symbol,
                    rlib: None,
                    reason: Reason::Foreign,
                },
                None => CallResolution::Refused {
                    function: name,
                    reason: "the panic handler `rust_begin_unwind` is not in the sysroot rlibs"
                        .into(),
                },
            };
        }
        // `#[link_name = "llvm.x86.sse2.pause"]` and friends are LLVM intrinsics, not
        // symbols: rac implements them or refuses, never references them.
        if name.starts_with("llvm.") {
            return CallResolution::Intrinsic {
                name,
                function: f,
                args,
            };
        }
        let symbol = if attrs.rustc_std_internal_symbol {
            match rustc_internal_symbol(linkmap, &name) {
                Some(s) => s,
                None => {
                    return CallResolution::Refused {
                        function: name,
                        reason: "std-internal symbol not found in the sysroot rlibs".into(),
                    };
                }
            }
        } else {
            name
        };
        return CallResolution::Tier2Extern {
            instance: Instance::item(f, args),
            symbol,
            rlib: None,
            reason: Reason::Foreign,
        };
    }

    if Some(f) == lang.FnOnce_call_once
        && let Some(r) = boxed_dyn_fn_once(f, args)
    {
        return r;
    }
    let (f, args) = match container {
        ItemContainerId::TraitId(_) => {
            if ra_ap_hir_ty::method_resolution::is_dyn_method(
                tcx.interner,
                tcx.env.param_env,
                f,
                args,
            )
            .is_some()
            {
                return CallResolution::Virtual {
                    trait_method: f,
                    args,
                };
            }
            if let Some(r) = resolve_builtin_trait_call(tcx, f, args) {
                return r;
            }
            match tcx.db.lookup_impl_method(tcx.env, f, args) {
                (Either::Left(g), gargs) => (g, tcx.mono(gargs)),
                (Either::Right((derive, method)), impl_args) => {
                    return resolve_derive(tcx, linkmap, f, args, derive, method, impl_args);
                }
            }
        }
        _ => (f, args),
    };
    if let ItemContainerId::TraitId(_) = f.lookup(db).container
        && !FunctionSignature::of(db, f)
            .flags
            .contains(FnFlags::HAS_BODY)
    {
        return CallResolution::Refused {
            function: crate::instance::describe_fn(tcx, f, args),
            reason: "no impl found for this trait method (a builtin impl rac does not implement)"
                .into(),
        };
    }
    classify_item(tcx, linkmap, f, args)
}

/// Whether a value of an async block's or `async fn`'s state machine crosses the
/// instance's signature (an `async fn` returns one). rustc lays these out its own way, so
/// rac never takes such values from rustc-built code.
fn holds_coroutine<'db>(tcx: &TyCx<'db>, instance: &Instance<'db>) -> bool {
    let sig = instance.sig(tcx);
    sig.inputs.iter().chain([&sig.output]).any(|t| {
        t.walk().any(|a| {
            ra_ap_rustc_type_ir::inherent::GenericArg::as_type(&a)
                .is_some_and(|t| matches!(t.kind(), TyKind::Coroutine(..)))
        })
    })
}

/// Tiers for a concrete function item with a body.
pub fn classify_item<'db>(
    tcx: &TyCx<'db>,
    linkmap: &linkmap::LinkMap,
    f: FunctionId,
    args: GenericArgs<'db>,
) -> CallResolution<'db> {
    let db = tcx.db;
    let instance = Instance::item(f, args);
    let krate = f.krate(db);
    let scope = rlib_scope(db, linkmap, krate);
    if krate.data(db).origin.is_local() && !scope.is_some() {
        return tier1(tcx, instance, Reason::Local);
    }
    if let Some(crate::shims::Shim::Source(name)) = crate::shims::shim_for(tcx, f) {
        return match crate::shims::source_shim(tcx, name) {
            Some(shim) => CallResolution::Define {
                instance: Instance::item(shim, args),
                tier: Tier::Tier3,
                reason: Reason::Shim,
            },
            None => CallResolution::Refused {
                function: instance.describe(tcx),
                reason: format!("the shim `rac_shims::{name}` is not loaded"),
            },
        };
    }
    if crate::shims::shim_for(tcx, f).is_some() {
        return CallResolution::Define {
            instance: Instance {
                kind: InstanceKind::Shim(f),
                args,
            },
            tier: Tier::Tier3,
            reason: Reason::Shim,
        };
    }
    let generic = args.types().next().is_some() || args.consts().next().is_some();
    if !generic && scope.is_some() && holds_coroutine(tcx, &instance) {
        return tier1(tcx, instance, Reason::AsyncState);
    }
    if !generic && scope.is_some() {
        let paths = [
            crate::symbol_path::fn_path(tcx, f, args),
            crate::symbol_path::legacy_inherent_fn_path(tcx, f),
        ];
        if let Some(sym) = paths
            .iter()
            .flatten()
            .filter_map(|path| lookup_in(linkmap, scope, path))
            .find(|sym| sym.kind == linkmap::SymbolKind::Function)
        {
            return CallResolution::Tier2Extern {
                instance,
                symbol: sym.mangled.clone(),
                rlib: Some(linkmap.rlib_of(sym).to_owned()),
                reason: Reason::MonomorphicExtern,
            };
        }
        let inline = crate::attrs::fn_attrs(db, f).inline;
        return tier1(
            tcx,
            instance,
            if inline {
                Reason::Inline
            } else {
                Reason::NoSymbol
            },
        );
    }
    tier1(tcx, instance, Reason::Generic)
}

/// Where a crate's compiled code is, for Tier 2.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RlibScope {
    /// A workspace crate, or a crate without an rlib: rac compiles its code.
    None,
    /// A sysroot crate: std's rlibs (looked up by path; the sysroot has one of each).
    Sysroot,
    /// A dependency built by cargo: its own rlib (index in the link map) and nothing
    /// else. A same-named crate elsewhere (std's own memchr, another version) is another
    /// crate with other layouts, whatever its paths say.
    Rlib(usize),
}

impl RlibScope {
    pub fn is_some(self) -> bool {
        self != RlibScope::None
    }
}

pub fn rlib_scope(
    db: &dyn ra_ap_hir_ty::db::HirDatabase,
    linkmap: &linkmap::LinkMap,
    krate: ra_ap_base_db::Crate,
) -> RlibScope {
    let data = krate.data(db);
    if data.origin.is_lang() {
        return RlibScope::Sysroot;
    }
    // Dependencies, and members marked `compile = "rustc"`, have an rlib; the other
    // members are rac's.
    match linkmap.crate_rlib(data.root_file_id.index()) {
        Some(i) => RlibScope::Rlib(i),
        None => RlibScope::None,
    }
}

/// The symbol for `path` in `scope`'s rlib(s), if exactly one.
pub fn lookup_in<'a>(
    linkmap: &'a linkmap::LinkMap,
    scope: RlibScope,
    path: &str,
) -> Option<&'a linkmap::Symbol> {
    match scope {
        RlibScope::None => None,
        RlibScope::Sysroot => match linkmap.lookup_path(path) {
            linkmap::Lookup::Unique(sym) => Some(sym),
            _ => None,
        },
        RlibScope::Rlib(i) => linkmap.lookup_path_in(path, i),
    }
}

fn tier1<'db>(tcx: &TyCx<'db>, instance: Instance<'db>, reason: Reason) -> CallResolution<'db> {
    match crate::mir::body_of(tcx, &instance) {
        Ok(_) => CallResolution::Define {
            instance,
            tier: Tier::Tier1,
            reason,
        },
        Err(e) => CallResolution::Refused {
            function: instance.describe(tcx),
            reason: e,
        },
    }
}

/// Calls whose impl the compiler provides: the `Fn*` traits on closures, function items and
/// function pointers, and `Clone` on tuples, arrays and closures.
fn resolve_builtin_trait_call<'db>(
    tcx: &TyCx<'db>,
    f: FunctionId,
    args: GenericArgs<'db>,
) -> Option<CallResolution<'db>> {
    let lang = tcx.interner.lang_items();
    let self_ty: Ty<'db> = args.type_at(0);
    let is_fn_trait_method =
        [lang.Fn_call, lang.FnMut_call_mut, lang.FnOnce_call_once].contains(&Some(f));
    // An `async` block's or `async fn`'s future: its `poll` is the coroutine's body.
    if Some(f) == lang.FuturePoll
        && let TyKind::Coroutine(c, cargs) = self_ty.kind()
    {
        let instance = Instance {
            kind: InstanceKind::Coroutine(c.0),
            args: cargs,
        };
        let reason = if instance.is_local(tcx) {
            Reason::Local
        } else {
            Reason::Generic
        };
        return Some(tier1(tcx, instance, reason));
    }
    if is_fn_trait_method {
        match self_ty.kind() {
            TyKind::Closure(c, cargs) => {
                let wants_once = Some(f) == lang.FnOnce_call_once;
                let kind = cargs.as_closure().kind();
                let k = if wants_once && kind != ClosureKind::FnOnce {
                    InstanceKind::ClosureOnceShim(c.0)
                } else {
                    InstanceKind::Closure(c.0)
                };
                let instance = Instance {
                    kind: k,
                    args: cargs,
                };
                if let InstanceKind::Closure(_) = k
                    && let Err(e) = crate::mir::body_of(tcx, &instance)
                {
                    return Some(CallResolution::Refused {
                        function: instance.describe(tcx),
                        reason: e,
                    });
                }
                let tier = if matches!(k, InstanceKind::Closure(_)) {
                    Tier::Tier1
                } else {
                    Tier::Generated
                };
                let reason =
                    if instance.is_local(tcx) || matches!(k, InstanceKind::ClosureOnceShim(_)) {
                        if tier == Tier::Tier1 {
                            Reason::Local
                        } else {
                            Reason::Glue
                        }
                    } else {
                        Reason::Generic
                    };
                return Some(CallResolution::Define {
                    instance,
                    tier,
                    reason,
                });
            }
            TyKind::FnDef(..) | TyKind::FnPtr(..) => {
                return Some(CallResolution::Define {
                    instance: Instance {
                        kind: InstanceKind::FnPtrShim(f),
                        args,
                    },
                    tier: Tier::Generated,
                    reason: Reason::Glue,
                });
            }
            _ => return None,
        }
    }
    // `FnPtr::addr` has only the compiler's builtin impl, for fn pointer types (rayon
    // compares job function pointers with `==`, which std implements through it).
    if Some(f) == lang.FnPtrAddr && matches!(self_ty.kind(), TyKind::FnPtr(..)) {
        return Some(CallResolution::Intrinsic {
            name: "rac_fn_ptr_addr".to_owned(),
            function: f,
            args,
        });
    }
    if let Some(clone) = lang.Clone
        && let ItemContainerId::TraitId(t) = f.lookup(tcx.db).container
        && t == clone
        && matches!(
            self_ty.kind(),
            TyKind::Tuple(_)
                | TyKind::Array(..)
                | TyKind::Closure(..)
                | TyKind::FnPtr(..)
                | TyKind::FnDef(..)
        )
        && let (Either::Left(g), _) = tcx.db.lookup_impl_method(tcx.env, f, args)
        && g == f
        // Only `clone` itself: `clone_from` keeps the trait's provided body (`*self =
        // source.clone()`), which calls the shim (indexmap's `Bucket<K, ()>::clone_from`).
        && ra_ap_hir_def::signatures::FunctionSignature::of(tcx.db, f)
            .name
            .as_str()
            == "clone"
    {
        return Some(CallResolution::Define {
            instance: Instance {
                kind: InstanceKind::CloneShim,
                args: GenericArgs::new_from_slice(&[self_ty.into()]),
            },
            tier: Tier::Generated,
            reason: Reason::Glue,
        });
    }
    None
}

/// `#[rustc_std_internal_symbol]` items (`__rust_alloc`, `__rdl_alloc`, ...) are mangled
/// under a pseudo-crate `__rustc`; their prefix is read off the sysroot's own symbols.
pub fn rustc_internal_symbol(linkmap: &linkmap::LinkMap, name: &str) -> Option<String> {
    let probe = "11___rdl_alloc";
    let sym = linkmap.find_by_suffix(probe).next()?;
    let prefix = sym.mangled.strip_suffix(probe)?;
    // v0 identifiers: `<len>[_]<ident>`, the `_` separating a leading `_` or digit.
    let sep = if name.starts_with(|c: char| c == '_' || c.is_ascii_digit()) {
        "_"
    } else {
        ""
    };
    Some(format!("{prefix}{}{sep}{name}", name.len()))
}

/// The self types a `Fn*` call may be made on, for `explain`.
pub fn is_closure_like(ty: Ty<'_>) -> bool {
    matches!(
        ty.kind(),
        TyKind::Closure(..) | TyKind::FnDef(..) | TyKind::FnPtr(..)
    )
}

pub fn tuple_len(ty: Ty<'_>) -> Option<usize> {
    match ty.kind() {
        TyKind::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

/// A method of a builtin `#[derive]` (r-a has no MIR for these): rustc's compiled code
/// when the type is a monomorphic external one, else a body rac generates.
fn resolve_derive<'db>(
    tcx: &TyCx<'db>,
    linkmap: &linkmap::LinkMap,
    trait_fn: FunctionId,
    args: GenericArgs<'db>,
    derive: ra_ap_hir_def::BuiltinDeriveImplId,
    method: ra_ap_hir_def::builtin_derive::BuiltinDeriveImplMethod,
    impl_args: GenericArgs<'db>,
) -> CallResolution<'db> {
    let db = tcx.db;
    let adt = derive.loc(db).adt;
    let instance = Instance {
        kind: InstanceKind::Derive(derive, method),
        args,
    };
    let krate = adt.module(db).krate(db);
    let local = krate.data(db).origin.is_local();
    let scope = rlib_scope(db, linkmap, krate);
    let generic = impl_args.types().next().is_some() || impl_args.consts().next().is_some();
    if scope.is_some() && !generic {
        if let Some(path) = crate::symbol_path::trait_method_path(tcx, trait_fn, args)
            && let Some(sym) = lookup_in(linkmap, scope, &path)
        {
            return CallResolution::Tier2Extern {
                instance: Instance::item(trait_fn, args),
                symbol: sym.mangled.clone(),
                rlib: Some(linkmap.rlib_of(sym).to_owned()),
                reason: Reason::MonomorphicExtern,
            };
        }
    }
    if crate::derive::is_supported(method) {
        return CallResolution::Define {
            instance,
            tier: Tier::Generated,
            reason: if local {
                Reason::Local
            } else {
                Reason::Generic
            },
        };
    }
    CallResolution::Refused {
        function: crate::instance::describe_fn(tcx, trait_fn, args),
        reason: format!(
            "rac does not generate `#[derive]` bodies for `{}` yet",
            method.name().as_str()
        ),
    }
}
