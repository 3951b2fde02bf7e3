//! Tier 3: std (and a few dependency) functions rust-analyzer cannot lower, and what rac
//! uses instead.
//!
//! The table maps a function (its crate and module path, `{impl}` for an impl method, and its
//! name) to a replacement rac generates. Replacements keep the replaced function's
//! signature, so callers are unaffected.
//!
//! | replaced | why | replacement |
//! |---|---|---|
//! | `core::sync::atomic::atomic_*`, `fence` | const-generic orderings fail to monomorphize | the operation, sequentially consistent |
//! | `alloc::vec::in_place_collect::{impl}::from_iter` | its `const { .. }` selector reads an associated const r-a cannot evaluate | `SpecFromIterNested::from_iter`, the non-in-place path (same result) |
//! | any function whose body is a `const_eval_select!` over exactly its parameters (`const_panic!`'s `do_panic`, `<TypeId as PartialEq>::eq`) | r-a does not resolve the macro 2.0's intrinsic call | a call of its `runtime` function with the same arguments |
//! | `concurrent_queue::full_fence` (a dependency: concurrent-queue 2.x, under async-channel, async-executor, smol) | inline assembly (`lock not`), which r-a does not lower; every `ConcurrentQueue::push` reaches it | a sequentially consistent fence, which its documentation says it is equivalent to |
//! | `core::str::pattern::simd_contains` | its portable-SIMD mask code (`Swizzle::concat_swizzle`) does not lower (`InaccessibleLocal`): every `str::contains(&str)` was refused | Rust source: `rac_shims::simd_contains`, `None` (its caller then uses the Two-Way searcher, as without SSE2) |
//!
//! Rows whose replacement is "Rust source" name a function of the shims crate
//! (`shims/src/lib.rs`), which the session loads beside the workspace; it is compiled
//! through Tier 1 with the replaced function's generic arguments. The others are
//! generated here as Cranelift IR, where that is simplest.

use anyhow::{Result, anyhow, bail};
use cranelift_codegen::ir::{AtomicRmwOp, InstBuilder, MemFlagsData, condcodes::IntCC};
use ra_ap_hir_def::{FunctionId, ItemContainerId, Lookup, signatures::FunctionSignature};
use ra_ap_hir_ty::next_solver::GenericArgs;

use crate::call::CallArg;
use crate::common::FunctionCx;
use crate::ty::TyCx;
use crate::value_and_place::{CPlace, CValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shim {
    AtomicLoad,
    AtomicStore,
    AtomicRmw(AtomicRmwOp),
    AtomicCompareExchange,
    Fence,
    InPlaceCollectFallback,
    /// A `const_panic!` helper (`do_panic`), whose body is
    /// `const_eval_select((args), compiletime, runtime)`: call `runtime(args)`.
    ConstEvalSelectRuntime(FunctionId),
    /// A function of the shims crate (`shims/src/lib.rs`), by name.
    Source(&'static str),
}

/// The function of the shims crate named `name`.
pub fn source_shim(tcx: &TyCx<'_>, name: &str) -> Option<FunctionId> {
    let db = tcx.db;
    let krate = ra_ap_base_db::all_crates(db).iter().copied().find(|k| {
        k.extra_data(db)
            .display_name
            .as_ref()
            .is_some_and(|n| n.crate_name().as_str() == "rac_shims")
    })?;
    let def_map = ra_ap_hir_def::nameres::crate_def_map(db, krate);
    let root = &def_map[def_map.root_module_id()];
    root.scope.declarations().find_map(|d| match d {
        ra_ap_hir_def::ModuleDefId::FunctionId(f)
            if FunctionSignature::of(db, f).name.as_str() == name =>
        {
            Some(f)
        }
        _ => None,
    })
}

/// The table key of a function: `krate::module::name` or `krate::module::{impl}::name`.
pub fn shim_key(tcx: &TyCx<'_>, f: FunctionId) -> Option<String> {
    let db = tcx.db;
    let name = FunctionSignature::of(db, f).name.as_str().to_owned();
    match f.lookup(db).container {
        ItemContainerId::ModuleId(m) => Some(format!(
            "{}::{name}",
            crate::symbol_path::module_path(db, m)?
        )),
        ItemContainerId::ImplId(imp) => {
            let m = ra_ap_hir_def::HasModule::module(&imp, db);
            Some(format!(
                "{}::{{impl}}::{name}",
                crate::symbol_path::module_path(db, m)?
            ))
        }
        _ => None,
    }
}

pub fn shim_for(tcx: &TyCx<'_>, f: FunctionId) -> Option<Shim> {
    if let Some(runtime) = const_eval_select_runtime(tcx, f) {
        return Some(Shim::ConstEvalSelectRuntime(runtime));
    }
    let key = shim_key(tcx, f)?;
    Some(match key.as_str() {
        "core::sync::atomic::atomic_load" => Shim::AtomicLoad,
        "core::sync::atomic::atomic_store" => Shim::AtomicStore,
        "core::sync::atomic::atomic_swap" => Shim::AtomicRmw(AtomicRmwOp::Xchg),
        "core::sync::atomic::atomic_add" => Shim::AtomicRmw(AtomicRmwOp::Add),
        "core::sync::atomic::atomic_sub" => Shim::AtomicRmw(AtomicRmwOp::Sub),
        "core::sync::atomic::atomic_and" => Shim::AtomicRmw(AtomicRmwOp::And),
        "core::sync::atomic::atomic_nand" => Shim::AtomicRmw(AtomicRmwOp::Nand),
        "core::sync::atomic::atomic_or" => Shim::AtomicRmw(AtomicRmwOp::Or),
        "core::sync::atomic::atomic_xor" => Shim::AtomicRmw(AtomicRmwOp::Xor),
        "core::sync::atomic::atomic_max" => Shim::AtomicRmw(AtomicRmwOp::Smax),
        "core::sync::atomic::atomic_min" => Shim::AtomicRmw(AtomicRmwOp::Smin),
        "core::sync::atomic::atomic_umax" => Shim::AtomicRmw(AtomicRmwOp::Umax),
        "core::sync::atomic::atomic_umin" => Shim::AtomicRmw(AtomicRmwOp::Umin),
        "core::sync::atomic::atomic_compare_exchange"
        | "core::sync::atomic::atomic_compare_exchange_weak" => Shim::AtomicCompareExchange,
        "core::sync::atomic::fence" | "core::sync::atomic::compiler_fence" => Shim::Fence,
        "concurrent_queue::full_fence" => Shim::Fence,
        "alloc::vec::in_place_collect::{impl}::from_iter" => Shim::InPlaceCollectFallback,
        "core::str::pattern::simd_contains" => Shim::Source("simd_contains"),
        _ => return None,
    })
}

/// The `runtime` function of a `const_eval_select!` in `f`'s body (`const_panic!`'s
/// `do_panic`, `<TypeId as PartialEq>::eq`): the macro is a macro 2.0 whose call of the
/// `const_eval_select` intrinsic r-a does not resolve, so `f` cannot be lowered. When the
/// macro captures exactly `f`'s parameters (same types, same order), calling `runtime`
/// with them is what `f` does at run time.
fn const_eval_select_runtime(tcx: &TyCx<'_>, f: FunctionId) -> Option<FunctionId> {
    use ra_ap_rustc_type_ir::inherent::GenericArgs as _;
    let db = tcx.db;
    if !FunctionSignature::of(db, f).has_body() {
        return None;
    }
    let body = ra_ap_hir_def::expr_store::Body::of(db, f.into());
    let mut runtime = None;
    let mut compiletime = false;
    for (_, def_map) in body.blocks(db) {
        let root = def_map.root_module_id();
        for decl in def_map[root].scope.declarations() {
            if let ra_ap_hir_def::ModuleDefId::FunctionId(g) = decl {
                match FunctionSignature::of(db, g).name.as_str() {
                    "runtime" => runtime = Some(g),
                    "compiletime" => compiletime = true,
                    _ => {}
                }
            }
        }
    }
    let runtime = runtime.filter(|_| compiletime)?;
    let identity = GenericArgs::identity_for_item(tcx.interner, f.into());
    let outer = db.callable_item_signature(f.into());
    let outer = tcx.erase_regions(tcx.instantiate(outer.skip_binder().skip_binder(), identity));
    let inner = db.callable_item_signature(runtime.into());
    let inner = tcx.erase_regions(inner.skip_binder().skip_binder());
    (outer.inputs().len() == inner.inputs().len()
        && outer
            .inputs()
            .iter()
            .zip(inner.inputs().iter())
            .all(|(a, b)| a == b)
        && outer.output() == inner.output())
    .then_some(runtime)
}

pub fn codegen_shim<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    shim: Shim,
    f: FunctionId,
    args_of_f: GenericArgs<'db>,
    args: Vec<CValue<'db>>,
    ret: &CPlace<'db>,
) -> Result<()> {
    // Orderings are ignored: every atomic is sequentially consistent, which is at least
    // as strong as what the program asked for.
    let flags = MemFlagsData::trusted();
    match shim {
        Shim::AtomicLoad => {
            let p = args[0].load_scalar(fx);
            let ty = crate::num::clif_int_type(&ret.layout);
            let v = fx.bcx.ins().atomic_load(ty, flags, p);
            ret.write(fx, CValue::by_val(v, ret.layout.clone()));
        }
        Shim::AtomicStore => {
            let p = args[0].load_scalar(fx);
            let v = args[1].load_scalar(fx);
            fx.bcx.ins().atomic_store(flags, v, p);
        }
        Shim::AtomicRmw(op) => {
            let p = args[0].load_scalar(fx);
            let v = args[1].load_scalar(fx);
            let ty = crate::num::clif_int_type(&ret.layout);
            let v = crate::num::int_cast(fx, v, ty, false);
            let r = fx.bcx.ins().atomic_rmw(ty, flags, op, p, v);
            ret.write(fx, CValue::by_val(r, ret.layout.clone()));
        }
        Shim::AtomicCompareExchange => {
            let p = args[0].load_scalar(fx);
            let old = args[1].load_scalar(fx);
            let new = args[2].load_scalar(fx);
            let prev = fx.bcx.ins().atomic_cas(flags, p, old, new);
            let ok = fx.bcx.ins().icmp(IntCC::Equal, prev, old);
            // Result<T, T>: Ok (variant 0) on success, Err (variant 1) otherwise; the
            // payload sits at the same offset in both.
            let vl = match &ret.layout.layout.variants {
                ra_ap_rustc_abi::Variants::Multiple { variants, .. } => {
                    variants[ra_ap_hir_ty::layout::RustcEnumVariantIdx(0)].clone()
                }
                _ => bail!("unexpected layout of compare_exchange's result"),
            };
            let off = vl.fields.offset(0).bytes();
            let pp = fx.offset_ptr(ret.ptr, off as i64);
            fx.bcx
                .ins()
                .store(crate::value_and_place::flags(), prev, pp, 0);
            let ok_b = fx.bcx.create_block();
            let err_b = fx.bcx.create_block();
            let done = fx.bcx.create_block();
            fx.bcx.ins().brif(ok, ok_b, &[], err_b, &[]);
            fx.bcx.switch_to_block(ok_b);
            fx.write_discriminant(ret, 0)?;
            fx.bcx.ins().jump(done, &[]);
            fx.bcx.switch_to_block(err_b);
            fx.write_discriminant(ret, 1)?;
            fx.bcx.ins().jump(done, &[]);
            fx.bcx.switch_to_block(done);
        }
        Shim::Fence => {
            fx.bcx.ins().fence();
        }
        Shim::ConstEvalSelectRuntime(runtime) => {
            let call_args = CallArg::copies(args);
            let no_args = GenericArgs::empty(fx.cx.tcx.interner);
            crate::call::call_fn_def(fx, runtime, no_args, call_args, ret, false, None)?;
        }
        Shim::Source(name) => bail!("the Rust-source shim `{name}` is compiled from source"),
        Shim::InPlaceCollectFallback => {
            // <Vec<T> as SpecFromIterNested<T, I>>::from_iter(iterator)
            let tcx = &fx.cx.tcx;
            let nested = find_trait_method(tcx, f, "SpecFromIterNested", "from_iter")?;
            // The impl's arguments are [T, I]; the trait's are [Self = Vec<T>, T, I].
            let vec_ty = ret.layout.ty;
            let targs = GenericArgs::new_from_iter(
                tcx.interner,
                [vec_ty.into()].into_iter().chain(args_of_f.iter()),
            );
            let call_args = args
                .into_iter()
                .map(|v| CallArg {
                    value: v,
                    owned_place: true,
                })
                .collect();
            crate::call::call_fn_def(fx, nested, targs, call_args, ret, false, None)?;
        }
    }
    Ok(())
}

/// A method of a trait defined next to `near`'s crate (`alloc::vec::...`), found by name.
fn find_trait_method(
    tcx: &TyCx<'_>,
    near: FunctionId,
    trait_name: &str,
    method: &str,
) -> Result<FunctionId> {
    let db = tcx.db;
    let krate = ra_ap_hir_def::HasModule::krate(&near, db);
    let def_map = ra_ap_hir_def::nameres::crate_def_map(db, krate);
    for (_, module) in def_map.modules() {
        for decl in module.scope.declarations() {
            if let ra_ap_hir_def::ModuleDefId::TraitId(t) = decl
                && ra_ap_hir_def::signatures::TraitSignature::of(db, t)
                    .name
                    .as_str()
                    == trait_name
            {
                if let Some(m) = crate::common::fn_named(&t.trait_items(db).items, method) {
                    return Ok(m);
                }
            }
        }
    }
    Err(anyhow!("`{trait_name}::{method}` not found"))
}
