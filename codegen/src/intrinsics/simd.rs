//! SIMD: the generic `simd_*` intrinsics (`core::intrinsics::simd`), compiled lane by lane.
//!
//! Like rustc_codegen_cranelift, rac scalarizes: a `#[repr(simd)]` value always lives in
//! memory (its layout is rustc's: a `BackendRepr::SimdVector`, passed indirectly in the Rust
//! ABI, see `abi/`), and every intrinsic loads each lane as a Cranelift scalar, computes,
//! and stores the lane of the result. Results are built in a fresh stack slot and copied to
//! the destination last, since the destination may be one of the operands.
//!
//! Invariant: an intrinsic this module does not implement, or one applied to lane types it
//! does not handle, returns `Ok(None)`/an error and is refused by the caller with its
//! name; nothing is approximated. In particular floating-point reductions in unspecified
//! order (`simd_reduce_{add,mul}_unordered` on floats) are refused: LLVM reassociates them
//! and rac could not reproduce its rounding.

use anyhow::{Result, anyhow, bail};
use cranelift_codegen::ir::{
    InstBuilder, Type, Value,
    condcodes::{FloatCC, IntCC},
    types,
};
use ra_ap_hir_def::AdtId;
use ra_ap_hir_ty::mir::CastKind;
use ra_ap_hir_ty::next_solver::{Ty, TyKind};
use ra_ap_rustc_abi::BackendRepr;
use ra_ap_rustc_type_ir::inherent::IntoKind;
use ra_ap_rustc_type_ir::{FloatTy, UintTy};

use crate::call::CallArg;
use crate::common::FunctionCx;
use crate::num::{iconst_u128, int_cast};
use crate::ty::TyAndLayout;
use crate::value_and_place::{CPlace, CValue, PTR, flags};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneKind {
    Int { signed: bool },
    Float,
}

/// A vector type: its lane count and the layout of one lane.
#[derive(Clone)]
pub struct Lanes<'db> {
    pub count: u64,
    pub lane: TyAndLayout<'db>,
    pub kind: LaneKind,
}

impl Lanes<'_> {
    pub fn clif(&self) -> Type {
        match self.lane.layout.backend_repr {
            BackendRepr::Scalar(s) => crate::abi::scalar_type(s),
            _ => unreachable!("checked by `simd_lanes`"),
        }
    }
    fn size(&self) -> u64 {
        self.lane.size()
    }
}

/// The loop of every lane-wise intrinsic: lane `i` of the output vector at `out` is `f` of
/// lane `i` of each input vector (given by its address and lanes).
fn map_lanes<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    inputs: &[(Value, &Lanes<'db>)],
    out: (Value, &Lanes<'db>),
    mut f: impl FnMut(&mut FunctionCx<'_, 'db>, u64, &[Value]) -> Result<Value>,
) -> Result<()> {
    let (out_ptr, out_lanes) = out;
    for i in 0..out_lanes.count {
        let lanes: Vec<Value> = inputs
            .iter()
            .map(|&(ptr, l)| load_lane(fx, ptr, l, i))
            .collect();
        let r = f(fx, i, &lanes)?;
        store_lane(fx, out_ptr, out_lanes, i, r);
    }
    Ok(())
}

/// Whether `ty` is a `#[repr(simd)]` type.
pub fn is_simd<'db>(fx: &FunctionCx<'_, 'db>, ty: Ty<'db>) -> bool {
    match ty.kind() {
        TyKind::Adt(def, _) => match def.def_id() {
            AdtId::StructId(s) => ra_ap_hir_def::attrs::AttrFlags::repr(fx.cx.tcx.db, s.into())
                .unwrap_or_default()
                .simd(),
            _ => false,
        },
        _ => false,
    }
}

/// The lanes of a `#[repr(simd)] struct S([T; N])` with integer or float `T`.
pub fn simd_lanes<'db>(fx: &FunctionCx<'_, 'db>, ty: Ty<'db>) -> Result<Lanes<'db>> {
    let tcx = &fx.cx.tcx;
    let not_vector = || anyhow!("`{}` is not a SIMD vector type", tcx.display(ty));
    let TyKind::Adt(def, args) = ty.kind() else {
        return Err(not_vector());
    };
    let AdtId::StructId(s) = def.def_id() else {
        return Err(not_vector());
    };
    if !is_simd(fx, ty) {
        return Err(not_vector());
    }
    let layout = tcx.layout_of(ty)?;
    let BackendRepr::SimdVector { count, .. } = layout.layout.backend_repr else {
        return Err(not_vector());
    };
    let fields = tcx.db.field_types(s.into());
    let (_, f) = fields.iter().next().ok_or_else(not_vector)?;
    let field_ty = tcx.instantiate(f.ty().skip_binder(), args);
    let TyKind::Array(elem, _) = field_ty.kind() else {
        return Err(not_vector());
    };
    let kind = match elem.kind() {
        TyKind::Int(_) => LaneKind::Int { signed: true },
        TyKind::Uint(_) => LaneKind::Int { signed: false },
        TyKind::Float(FloatTy::F32 | FloatTy::F64) => LaneKind::Float,
        _ => bail!(
            "SIMD vectors of `{}` lanes are not supported by rac",
            tcx.display(elem)
        ),
    };
    let lane = tcx.layout_of(elem)?;
    Ok(Lanes { count, lane, kind })
}

pub(crate) fn load_lane(fx: &mut FunctionCx<'_, '_>, base: Value, l: &Lanes<'_>, i: u64) -> Value {
    let off = (i * l.size()) as i32;
    fx.bcx.ins().load(l.clif(), flags(), base, off)
}

pub(crate) fn store_lane(
    fx: &mut FunctionCx<'_, '_>,
    base: Value,
    l: &Lanes<'_>,
    i: u64,
    v: Value,
) {
    let off = (i * l.size()) as i32;
    fx.bcx.ins().store(flags(), v, base, off);
}

/// The address of lane `idx` (a run-time `u32`).
fn dyn_lane_addr(fx: &mut FunctionCx<'_, '_>, base: Value, l: &Lanes<'_>, idx: Value) -> Value {
    let idx = int_cast(fx, idx, PTR, false);
    let off = fx.bcx.ins().imul_imm_u(idx, l.size() as i64);
    fx.bcx.ins().iadd(base, off)
}

/// A lane as a value of its own type, for reusing the scalar intrinsics.
fn lane_arg<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    base: Value,
    l: &Lanes<'db>,
    i: u64,
) -> CallArg<'db> {
    let p = fx.offset_ptr(base, (i * l.size()) as i64);
    CallArg {
        value: CValue::by_ref(p, l.lane.clone()),
        owned_place: false,
    }
}

fn mask_of(fx: &mut FunctionCx<'_, '_>, cond: Value, ty: Type) -> Value {
    // 0 / 1 → 0 / !0
    let v = int_cast(fx, cond, ty, false);
    fx.bcx.ins().ineg(v)
}

/// IEEE-754 `minNum`/`maxNum`: a NaN operand yields the other operand.
fn float_min_max(fx: &mut FunctionCx<'_, '_>, x: Value, y: Value, max: bool) -> Value {
    let r = if max {
        fx.bcx.ins().fmax(x, y)
    } else {
        fx.bcx.ins().fmin(x, y)
    };
    let x_nan = fx.bcx.ins().fcmp(FloatCC::Unordered, x, x);
    let y_nan = fx.bcx.ins().fcmp(FloatCC::Unordered, y, y);
    let r = fx.bcx.ins().select(x_nan, y, r);
    fx.bcx.ins().select(y_nan, x, r)
}

fn float_suffix(l: &Lanes<'_>) -> &'static str {
    if l.clif() == types::F32 { "f32" } else { "f64" }
}

/// Compiles the SIMD intrinsic `name`; `Ok(false)` when rac does not implement it.
pub fn codegen_simd_intrinsic<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    name: &str,
    args: &[CallArg<'db>],
    dest: &CPlace<'db>,
) -> Result<bool> {
    let out = dest.layout.clone();
    let arg = |i: usize| args[i].value.clone();
    // The result is computed into `tmp`, then copied to `dest`.
    let finish = |fx: &mut FunctionCx<'_, 'db>, tmp: &CPlace<'db>| {
        dest.write(fx, tmp.to_cvalue());
    };
    let check_same = |fx: &FunctionCx<'_, 'db>, a: &Lanes<'db>, b: &Lanes<'db>| -> Result<()> {
        if a.count != b.count {
            bail!(
                "`{name}`: lane counts differ ({} in `{}`, {} in `{}`)",
                a.count,
                fx.cx.tcx.display(a.lane.ty),
                b.count,
                fx.cx.tcx.display(b.lane.ty)
            );
        }
        Ok(())
    };
    match name {
        "simd_eq" | "simd_ne" | "simd_lt" | "simd_le" | "simd_gt" | "simd_ge" => {
            let l = simd_lanes(fx, arg(0).layout.ty)?;
            let o = simd_lanes(fx, out.ty)?;
            check_same(fx, &l, &o)?;
            let LaneKind::Int { .. } = o.kind else {
                bail!("`{name}` with a non-integer result vector")
            };
            let (a, _) = arg(0).force_stack(fx);
            let (b, _) = arg(1).force_stack(fx);
            let tmp = fx.alloc_stack(out.clone());
            map_lanes(fx, &[(a, &l), (b, &l)], (tmp.ptr, &o), |fx, _, xy| {
                let (x, y) = (xy[0], xy[1]);
                let c = match l.kind {
                    LaneKind::Int { signed } => {
                        let cc = match (name, signed) {
                            ("simd_eq", _) => IntCC::Equal,
                            ("simd_ne", _) => IntCC::NotEqual,
                            ("simd_lt", true) => IntCC::SignedLessThan,
                            ("simd_le", true) => IntCC::SignedLessThanOrEqual,
                            ("simd_gt", true) => IntCC::SignedGreaterThan,
                            ("simd_ge", true) => IntCC::SignedGreaterThanOrEqual,
                            ("simd_lt", false) => IntCC::UnsignedLessThan,
                            ("simd_le", false) => IntCC::UnsignedLessThanOrEqual,
                            ("simd_gt", false) => IntCC::UnsignedGreaterThan,
                            _ => IntCC::UnsignedGreaterThanOrEqual,
                        };
                        fx.bcx.ins().icmp(cc, x, y)
                    }
                    LaneKind::Float => {
                        let cc = match name {
                            "simd_eq" => FloatCC::Equal,
                            "simd_ne" => FloatCC::NotEqual,
                            "simd_lt" => FloatCC::LessThan,
                            "simd_le" => FloatCC::LessThanOrEqual,
                            "simd_gt" => FloatCC::GreaterThan,
                            _ => FloatCC::GreaterThanOrEqual,
                        };
                        fx.bcx.ins().fcmp(cc, x, y)
                    }
                };
                Ok(mask_of(fx, c, o.clif()))
            })?;
            finish(fx, &tmp);
        }
        "simd_add" | "simd_sub" | "simd_mul" | "simd_div" | "simd_rem" | "simd_shl"
        | "simd_shr" | "simd_and" | "simd_or" | "simd_xor" | "simd_fmin" | "simd_fmax" => {
            let l = simd_lanes(fx, arg(0).layout.ty)?;
            let (a, _) = arg(0).force_stack(fx);
            let (b, _) = arg(1).force_stack(fx);
            let tmp = fx.alloc_stack(out.clone());
            map_lanes(fx, &[(a, &l), (b, &l)], (tmp.ptr, &l), |fx, _, xy| {
                let (x, y) = (xy[0], xy[1]);
                let ins = fx.bcx.ins();
                Ok(match (name, l.kind) {
                    ("simd_add", LaneKind::Int { .. }) => ins.iadd(x, y),
                    ("simd_sub", LaneKind::Int { .. }) => ins.isub(x, y),
                    ("simd_mul", LaneKind::Int { .. }) => ins.imul(x, y),
                    ("simd_div", LaneKind::Int { signed: true }) => ins.sdiv(x, y),
                    ("simd_div", LaneKind::Int { signed: false }) => ins.udiv(x, y),
                    ("simd_rem", LaneKind::Int { signed: true }) => ins.srem(x, y),
                    ("simd_rem", LaneKind::Int { signed: false }) => ins.urem(x, y),
                    ("simd_shl", LaneKind::Int { .. }) => ins.ishl(x, y),
                    ("simd_shr", LaneKind::Int { signed: true }) => ins.sshr(x, y),
                    ("simd_shr", LaneKind::Int { signed: false }) => ins.ushr(x, y),
                    ("simd_and", LaneKind::Int { .. }) => ins.band(x, y),
                    ("simd_or", LaneKind::Int { .. }) => ins.bor(x, y),
                    ("simd_xor", LaneKind::Int { .. }) => ins.bxor(x, y),
                    ("simd_add", LaneKind::Float) => ins.fadd(x, y),
                    ("simd_sub", LaneKind::Float) => ins.fsub(x, y),
                    ("simd_mul", LaneKind::Float) => ins.fmul(x, y),
                    ("simd_div", LaneKind::Float) => ins.fdiv(x, y),
                    ("simd_rem", LaneKind::Float) => {
                        let t = l.clif();
                        let f = if t == types::F32 { "fmodf" } else { "fmod" };
                        fx.call_libfunc(f, &[x, y], &[t, t], &[t])?[0]
                    }
                    ("simd_fmin", LaneKind::Float) => float_min_max(fx, x, y, false),
                    ("simd_fmax", LaneKind::Float) => float_min_max(fx, x, y, true),
                    _ => bail!("`{name}` on vectors of `{}`", fx.cx.tcx.display(l.lane.ty)),
                })
            })?;
            finish(fx, &tmp);
        }
        "simd_saturating_add"
        | "simd_saturating_sub"
        | "simd_bswap"
        | "simd_bitreverse"
        | "simd_ctlz"
        | "simd_cttz"
        | "simd_ctpop" => {
            let l = simd_lanes(fx, arg(0).layout.ty)?;
            if l.kind == LaneKind::Float {
                bail!("`{name}` on a float vector");
            }
            let scalar = &name["simd_".len()..];
            let (a, _) = arg(0).force_stack(fx);
            let b = if args.len() > 1 {
                Some(arg(1).force_stack(fx).0)
            } else {
                None
            };
            let tmp = fx.alloc_stack(out.clone());
            for i in 0..l.count {
                let mut lane_args = vec![lane_arg(fx, a, &l, i)];
                if let Some(b) = b {
                    lane_args.push(lane_arg(fx, b, &l, i));
                }
                let r = crate::intrinsics::int_intrinsic_value(fx, scalar, &lane_args, &l.lane)?;
                // The counting intrinsics return `u32`; their SIMD forms return the lane type.
                let r = int_cast(fx, r, l.clif(), false);
                store_lane(fx, tmp.ptr, &l, i, r);
            }
            finish(fx, &tmp);
        }
        "simd_neg"
        | "simd_fabs"
        | "simd_fsqrt"
        | "simd_ceil"
        | "simd_floor"
        | "simd_round"
        | "simd_round_ties_even"
        | "simd_trunc"
        | "simd_fsin"
        | "simd_fcos"
        | "simd_fexp"
        | "simd_fexp2"
        | "simd_flog"
        | "simd_flog2"
        | "simd_flog10"
        | "simd_fma"
        | "simd_relaxed_fma" => {
            let l = simd_lanes(fx, arg(0).layout.ty)?;
            let ptrs: Vec<Value> = (0..args.len()).map(|i| arg(i).force_stack(fx).0).collect();
            let tmp = fx.alloc_stack(out.clone());
            for i in 0..l.count {
                let r = match (name, l.kind) {
                    ("simd_neg", LaneKind::Int { .. }) => {
                        let x = load_lane(fx, ptrs[0], &l, i);
                        fx.bcx.ins().ineg(x)
                    }
                    ("simd_neg", LaneKind::Float) => {
                        let x = load_lane(fx, ptrs[0], &l, i);
                        fx.bcx.ins().fneg(x)
                    }
                    (_, LaneKind::Float) => {
                        let scalar = match name {
                            "simd_fabs" => "fabs",
                            "simd_fsqrt" => "sqrt",
                            "simd_ceil" => "ceil",
                            "simd_floor" => "floor",
                            "simd_round" => "round",
                            "simd_round_ties_even" => "round_ties_even",
                            "simd_trunc" => "trunc",
                            "simd_fsin" => "sin",
                            "simd_fcos" => "cos",
                            "simd_fexp" => "exp",
                            "simd_fexp2" => "exp2",
                            "simd_flog" => "log",
                            "simd_flog2" => "log2",
                            "simd_flog10" => "log10",
                            "simd_fma" => "fma",
                            // `simd_relaxed_fma` fuses or not as the target prefers: refused.
                            _ => return Ok(false),
                        };
                        let scalar = format!("{scalar}{}", float_suffix(&l));
                        let lane_args: Vec<CallArg<'db>> =
                            ptrs.iter().map(|&p| lane_arg(fx, p, &l, i)).collect();
                        crate::intrinsics::float_intrinsic_value(fx, &scalar, &lane_args)?
                            .ok_or_else(|| anyhow!("`{name}` is not supported by rac"))?
                    }
                    _ => bail!("`{name}` on an integer vector"),
                };
                store_lane(fx, tmp.ptr, &l, i, r);
            }
            finish(fx, &tmp);
        }
        "simd_splat" => {
            let l = simd_lanes(fx, out.ty)?;
            if arg(0).layout.ty != l.lane.ty {
                bail!("`simd_splat` of a value that is not the lane type");
            }
            let v = arg(0).load_scalar(fx);
            let tmp = fx.alloc_stack(out.clone());
            for i in 0..l.count {
                store_lane(fx, tmp.ptr, &l, i, v);
            }
            finish(fx, &tmp);
        }
        "simd_extract" | "simd_extract_dyn" => {
            let l = simd_lanes(fx, arg(0).layout.ty)?;
            if out.ty != l.lane.ty {
                bail!("`{name}` into a type that is not the lane type");
            }
            let (a, _) = arg(0).force_stack(fx);
            let idx = arg(1).load_scalar(fx);
            let p = dyn_lane_addr(fx, a, &l, idx);
            let v = fx.bcx.ins().load(l.clif(), flags(), p, 0);
            dest.write(fx, CValue::by_val(v, out));
        }
        "simd_insert" | "simd_insert_dyn" => {
            let l = simd_lanes(fx, arg(0).layout.ty)?;
            if arg(2).layout.ty != l.lane.ty {
                bail!("`{name}` of a value that is not the lane type");
            }
            let v = arg(2).load_scalar(fx);
            let idx = arg(1).load_scalar(fx);
            let tmp = fx.alloc_stack(out.clone());
            tmp.write(fx, arg(0));
            let p = dyn_lane_addr(fx, tmp.ptr, &l, idx);
            fx.bcx.ins().store(flags(), v, p, 0);
            finish(fx, &tmp);
        }
        "simd_bitmask" => {
            let l = simd_lanes(fx, arg(0).layout.ty)?;
            let LaneKind::Int { .. } = l.kind else {
                bail!("`simd_bitmask` of a float vector")
            };
            let bits = l.count.max(8);
            let bytes = bits.div_ceil(8);
            let ok = match out.ty.kind() {
                TyKind::Uint(_) => out.size() * 8 == bits,
                TyKind::Array(e, _) => {
                    matches!(e.kind(), TyKind::Uint(UintTy::U8)) && out.size() == bytes
                }
                _ => false,
            };
            if !ok || bytes > 16 {
                bail!(
                    "`simd_bitmask` of {} lanes into `{}`",
                    l.count,
                    fx.cx.tcx.display(out.ty)
                );
            }
            let rty = Type::int_with_byte_size(bytes.next_power_of_two() as u16)
                .ok_or_else(|| anyhow!("bitmask of {bytes} bytes"))?;
            let (a, _) = arg(0).force_stack(fx);
            let mut res = iconst_u128(fx, rty, 0);
            let lane_bits = l.clif().bits() as i64;
            for i in 0..l.count {
                let x = load_lane(fx, a, &l, i);
                // The lane's most significant bit, at bit `i` (little endian).
                let sign = fx.bcx.ins().ushr_imm_s(x, lane_bits - 1);
                let sign = int_cast(fx, sign, rty, false);
                let amt = fx.bcx.ins().iconst(types::I32, i as i64);
                let bit = fx.bcx.ins().ishl(sign, amt);
                res = fx.bcx.ins().bor(res, bit);
            }
            if u64::from(rty.bytes()) == out.size() {
                dest.write(fx, CValue::by_val(res, out));
            } else {
                let slot = fx.alloc_slot(rty.bytes() as u64, rty.bytes() as u64);
                fx.bcx.ins().store(flags(), res, slot, 0);
                fx.copy_bytes(dest.ptr, slot, out.size(), 1);
            }
        }
        "simd_select" => {
            let m = simd_lanes(fx, arg(0).layout.ty)?;
            let l = simd_lanes(fx, arg(1).layout.ty)?;
            check_same(fx, &m, &l)?;
            let LaneKind::Int { .. } = m.kind else {
                bail!("`simd_select` with a float mask")
            };
            let (mp, _) = arg(0).force_stack(fx);
            let (a, _) = arg(1).force_stack(fx);
            let (b, _) = arg(2).force_stack(fx);
            let tmp = fx.alloc_stack(out.clone());
            map_lanes(
                fx,
                &[(mp, &m), (a, &l), (b, &l)],
                (tmp.ptr, &l),
                |fx, _, v| {
                    // rustc's LLVM backend tests the most significant bit of each mask lane.
                    let c = fx.bcx.ins().icmp_imm_s(IntCC::SignedLessThan, v[0], 0);
                    Ok(fx.bcx.ins().select(c, v[1], v[2]))
                },
            )?;
            finish(fx, &tmp);
        }
        "simd_select_bitmask" => {
            let l = simd_lanes(fx, arg(1).layout.ty)?;
            let mask = arg(0);
            let mbytes = mask.layout.size();
            let bits = l.count.max(8);
            let ok = match mask.layout.ty.kind() {
                TyKind::Uint(_) => mbytes * 8 == bits,
                TyKind::Array(e, _) => {
                    matches!(e.kind(), TyKind::Uint(UintTy::U8)) && mbytes == bits.div_ceil(8)
                }
                _ => false,
            };
            if !ok || mbytes > 16 {
                bail!(
                    "`simd_select_bitmask` with a `{}` mask",
                    fx.cx.tcx.display(mask.layout.ty)
                );
            }
            // Load the mask bytes into an integer (little endian: bit i selects lane i).
            let (mp, _) = mask.force_stack(fx);
            let mty = Type::int_with_byte_size(mbytes.next_power_of_two() as u16)
                .ok_or_else(|| anyhow!("bitmask of {mbytes} bytes"))?;
            let slot = fx.alloc_slot(mty.bytes() as u64, mty.bytes() as u64);
            let zero = iconst_u128(fx, mty, 0);
            fx.bcx.ins().store(flags(), zero, slot, 0);
            fx.copy_bytes(slot, mp, mbytes, 1);
            let m = fx.bcx.ins().load(mty, flags(), slot, 0);
            let (a, _) = arg(1).force_stack(fx);
            let (b, _) = arg(2).force_stack(fx);
            let tmp = fx.alloc_stack(out.clone());
            map_lanes(fx, &[(a, &l), (b, &l)], (tmp.ptr, &l), |fx, i, xy| {
                let amt = fx.bcx.ins().iconst(types::I32, i as i64);
                let bit = fx.bcx.ins().ushr(m, amt);
                let bit = int_cast(fx, bit, types::I8, false);
                let bit = fx.bcx.ins().band_imm_s(bit, 1);
                Ok(fx.bcx.ins().select(bit, xy[0], xy[1]))
            })?;
            finish(fx, &tmp);
        }
        "simd_shuffle" => {
            let l = simd_lanes(fx, arg(0).layout.ty)?;
            let o = simd_lanes(fx, out.ty)?;
            if o.lane.ty != l.lane.ty {
                bail!("`simd_shuffle` into a vector of another lane type");
            }
            // The indices: a vector (or array) of `u32`, constant in the source. They are
            // read at run time; rustc has checked them in bounds when it compiled the program.
            let idx = arg(2);
            let n_idx = match idx.layout.ty.kind() {
                TyKind::Array(e, _) if matches!(e.kind(), TyKind::Uint(UintTy::U32)) => {
                    idx.layout.size() / 4
                }
                _ => {
                    let il = simd_lanes(fx, idx.layout.ty)?;
                    if !matches!(il.lane.ty.kind(), TyKind::Uint(UintTy::U32)) {
                        bail!("`simd_shuffle` with indices that are not `u32`");
                    }
                    il.count
                }
            };
            if n_idx != o.count {
                bail!("`simd_shuffle`: {n_idx} indices for {} lanes", o.count);
            }
            let (ip, _) = idx.force_stack(fx);
            let (a, _) = arg(0).force_stack(fx);
            let (b, _) = arg(1).force_stack(fx);
            // x and y side by side.
            let both = fx.alloc_slot(2 * l.count * l.size(), l.lane.align());
            fx.copy_bytes(both, a, l.count * l.size(), l.lane.align());
            let hi = fx.offset_ptr(both, (l.count * l.size()) as i64);
            fx.copy_bytes(hi, b, l.count * l.size(), l.lane.align());
            let tmp = fx.alloc_stack(out.clone());
            for i in 0..o.count {
                let k = fx.bcx.ins().load(types::I32, flags(), ip, (i * 4) as i32);
                let p = dyn_lane_addr(fx, both, &l, k);
                let v = fx.bcx.ins().load(l.clif(), flags(), p, 0);
                store_lane(fx, tmp.ptr, &o, i, v);
            }
            finish(fx, &tmp);
        }
        "simd_cast" | "simd_as" => {
            let l = simd_lanes(fx, arg(0).layout.ty)?;
            let o = simd_lanes(fx, out.ty)?;
            check_same(fx, &l, &o)?;
            let kind = match (l.kind, o.kind) {
                (LaneKind::Int { .. }, LaneKind::Int { .. }) => CastKind::IntToInt,
                (LaneKind::Int { .. }, LaneKind::Float) => CastKind::IntToFloat,
                (LaneKind::Float, LaneKind::Int { .. }) => CastKind::FloatToInt,
                (LaneKind::Float, LaneKind::Float) => CastKind::FloatToFloat,
            };
            // `simd_cast` of an out-of-range float is UB; `as` (saturating) is one of its
            // possible results and exactly `simd_as`.
            let (a, _) = arg(0).force_stack(fx);
            let tmp = fx.alloc_stack(out.clone());
            for i in 0..l.count {
                let v = lane_arg(fx, a, &l, i).value;
                let r = crate::num::codegen_cast(fx, &kind, v, l.lane.ty, o.lane.ty)?;
                let p = fx.offset_ptr(tmp.ptr, (i * o.size()) as i64);
                CPlace::new(p, o.lane.clone()).write(fx, r);
            }
            finish(fx, &tmp);
        }
        "simd_reduce_add_ordered"
        | "simd_reduce_mul_ordered"
        | "simd_reduce_add_unordered"
        | "simd_reduce_mul_unordered"
        | "simd_reduce_and"
        | "simd_reduce_or"
        | "simd_reduce_xor"
        | "simd_reduce_min"
        | "simd_reduce_max" => {
            let l = simd_lanes(fx, arg(0).layout.ty)?;
            if out.ty != l.lane.ty {
                bail!("`{name}` into a type that is not the lane type");
            }
            let float = l.kind == LaneKind::Float;
            if float && name.ends_with("_unordered") {
                return Ok(false);
            }
            let (a, _) = arg(0).force_stack(fx);
            let mut acc = if name.ends_with("_ordered") {
                arg(1).load_scalar(fx)
            } else {
                load_lane(fx, a, &l, 0)
            };
            let first = if name.ends_with("_ordered") { 0 } else { 1 };
            for i in first..l.count {
                let x = load_lane(fx, a, &l, i);
                let ins = fx.bcx.ins();
                acc = match (name, l.kind) {
                    (
                        "simd_reduce_add_ordered" | "simd_reduce_add_unordered",
                        LaneKind::Int { .. },
                    ) => ins.iadd(acc, x),
                    (
                        "simd_reduce_mul_ordered" | "simd_reduce_mul_unordered",
                        LaneKind::Int { .. },
                    ) => ins.imul(acc, x),
                    ("simd_reduce_add_ordered", LaneKind::Float) => ins.fadd(acc, x),
                    ("simd_reduce_mul_ordered", LaneKind::Float) => ins.fmul(acc, x),
                    ("simd_reduce_and", LaneKind::Int { .. }) => ins.band(acc, x),
                    ("simd_reduce_or", LaneKind::Int { .. }) => ins.bor(acc, x),
                    ("simd_reduce_xor", LaneKind::Int { .. }) => ins.bxor(acc, x),
                    ("simd_reduce_min", LaneKind::Int { signed: true }) => ins.smin(acc, x),
                    ("simd_reduce_min", LaneKind::Int { signed: false }) => ins.umin(acc, x),
                    ("simd_reduce_max", LaneKind::Int { signed: true }) => ins.smax(acc, x),
                    ("simd_reduce_max", LaneKind::Int { signed: false }) => ins.umax(acc, x),
                    ("simd_reduce_min", LaneKind::Float) => float_min_max(fx, acc, x, false),
                    ("simd_reduce_max", LaneKind::Float) => float_min_max(fx, acc, x, true),
                    _ => bail!("`{name}` on vectors of `{}`", fx.cx.tcx.display(l.lane.ty)),
                };
            }
            dest.write(fx, CValue::by_val(acc, out));
        }
        "simd_reduce_all" | "simd_reduce_any" => {
            let l = simd_lanes(fx, arg(0).layout.ty)?;
            let LaneKind::Int { .. } = l.kind else {
                bail!("`{name}` of a float vector")
            };
            let (a, _) = arg(0).force_stack(fx);
            let all = name == "simd_reduce_all";
            let mut acc = fx.bcx.ins().iconst(types::I8, all as i64);
            for i in 0..l.count {
                let x = load_lane(fx, a, &l, i);
                // The most significant bit of each mask lane, as rustc's LLVM backend.
                let c = fx.bcx.ins().icmp_imm_s(IntCC::SignedLessThan, x, 0);
                acc = if all {
                    fx.bcx.ins().band(acc, c)
                } else {
                    fx.bcx.ins().bor(acc, c)
                };
            }
            dest.write(fx, CValue::by_val(acc, out));
        }
        _ => return Ok(false),
    }
    Ok(true)
}
