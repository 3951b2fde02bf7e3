//! `llvm.x86.*` functions that core::arch imports with `#[link_name]` (the operations
//! without a generic SIMD intrinsic), compiled lane by lane like `simd.rs`.
//!
//! Only the SSE/SSE2 operations below are implemented, with the exact semantics of the x86
//! instructions they name; every other `llvm.*` import is refused by the caller.

use anyhow::{Result, bail};
use cranelift_codegen::ir::{InstBuilder, Value, condcodes::IntCC, types};

use super::simd::{LaneKind, Lanes, load_lane, simd_lanes, store_lane};
use crate::call::CallArg;
use crate::common::FunctionCx;
use crate::num::int_cast;
use crate::value_and_place::{CPlace, flags};

/// Returns `Ok(false)` when rac does not implement `name`.
pub fn codegen_llvm_intrinsic<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    name: &str,
    args: &[CallArg<'db>],
    dest: &CPlace<'db>,
) -> Result<bool> {
    let out = dest.layout.clone();
    let arg = |i: usize| args[i].value.clone();
    match name {
        "llvm.x86.sse2.pause" => {}
        "llvm.x86.sse2.lfence" | "llvm.x86.sse2.mfence" => {
            fx.bcx.ins().fence();
        }
        "llvm.x86.sse2.pmadd.wd" => {
            // i16x8 × i16x8 → i32x4: adjacent products summed (wrapping, as `pmaddwd`).
            let l = int_lanes(fx, &arg(0), 16, 8)?;
            let o = int_lanes_of(fx, out.ty, 32, 4)?;
            let (a, _) = arg(0).force_stack(fx);
            let (b, _) = arg(1).force_stack(fx);
            let tmp = fx.alloc_stack(out.clone());
            for i in 0..4 {
                let mut sum = None;
                for j in [2 * i, 2 * i + 1] {
                    let x = load_lane(fx, a, &l, j);
                    let y = load_lane(fx, b, &l, j);
                    let x = int_cast(fx, x, types::I32, true);
                    let y = int_cast(fx, y, types::I32, true);
                    let p = fx.bcx.ins().imul(x, y);
                    sum = Some(match sum {
                        None => p,
                        Some(s) => fx.bcx.ins().iadd(s, p),
                    });
                }
                store_lane(fx, tmp.ptr, &o, i, sum.unwrap());
            }
            dest.write(fx, tmp.to_cvalue());
        }
        "llvm.x86.sse2.psad.bw" => {
            // u8x16, u8x16 → u64x2: sums of absolute differences of each half.
            let l = int_lanes(fx, &arg(0), 8, 16)?;
            let o = int_lanes_of(fx, out.ty, 64, 2)?;
            let (a, _) = arg(0).force_stack(fx);
            let (b, _) = arg(1).force_stack(fx);
            let tmp = fx.alloc_stack(out.clone());
            for half in 0..2 {
                let mut sum = fx.bcx.ins().iconst(types::I64, 0);
                for j in half * 8..half * 8 + 8 {
                    let x = load_lane(fx, a, &l, j);
                    let y = load_lane(fx, b, &l, j);
                    let x = int_cast(fx, x, types::I64, false);
                    let y = int_cast(fx, y, types::I64, false);
                    let d = fx.bcx.ins().isub(x, y);
                    let nd = fx.bcx.ins().ineg(d);
                    let ad = fx.bcx.ins().smax(d, nd);
                    sum = fx.bcx.ins().iadd(sum, ad);
                }
                store_lane(fx, tmp.ptr, &o, half, sum);
            }
            dest.write(fx, tmp.to_cvalue());
        }
        "llvm.x86.sse2.psll.w"
        | "llvm.x86.sse2.psll.d"
        | "llvm.x86.sse2.psll.q"
        | "llvm.x86.sse2.psrl.w"
        | "llvm.x86.sse2.psrl.d"
        | "llvm.x86.sse2.psrl.q"
        | "llvm.x86.sse2.psra.w"
        | "llvm.x86.sse2.psra.d" => {
            // Every lane shifted by the count in the low 64 bits of the second operand;
            // counts past the lane width give 0 (logical) or the sign (arithmetic).
            let bits = match name.as_bytes()[name.len() - 1] {
                b'w' => 16,
                b'd' => 32,
                _ => 64,
            };
            let l = int_lanes(fx, &arg(0), bits, 128 / bits as u64)?;
            let (a, _) = arg(0).force_stack(fx);
            let (c, _) = arg(1).force_stack(fx);
            let count = fx.bcx.ins().load(types::I64, flags(), c, 0);
            let too_big =
                fx.bcx
                    .ins()
                    .icmp_imm_u(IntCC::UnsignedGreaterThan, count, bits as i64 - 1);
            let max = fx.bcx.ins().iconst(types::I64, bits as i64 - 1);
            let lty = l.clif();
            let tmp = fx.alloc_stack(out.clone());
            let arith = name.contains("psra");
            let left = name.contains("psll");
            for i in 0..l.count {
                let x = load_lane(fx, a, &l, i);
                let r = if arith {
                    let amt = fx.bcx.ins().select(too_big, max, count);
                    fx.bcx.ins().sshr(x, amt)
                } else {
                    let s = if left {
                        fx.bcx.ins().ishl(x, count)
                    } else {
                        fx.bcx.ins().ushr(x, count)
                    };
                    let zero = fx.bcx.ins().iconst(lty, 0);
                    fx.bcx.ins().select(too_big, zero, s)
                };
                store_lane(fx, tmp.ptr, &l, i, r);
            }
            dest.write(fx, tmp.to_cvalue());
        }
        "llvm.x86.sse2.packsswb.128"
        | "llvm.x86.sse2.packssdw.128"
        | "llvm.x86.sse2.packuswb.128" => {
            // Signed lanes of a then b, narrowed to half width with signed (or unsigned)
            // saturation.
            let (wide, unsigned) = match name {
                "llvm.x86.sse2.packssdw.128" => (32, false),
                "llvm.x86.sse2.packuswb.128" => (16, true),
                _ => (16, false),
            };
            let l = int_lanes(fx, &arg(0), wide, 128 / wide as u64)?;
            let o = int_lanes_of(fx, out.ty, wide / 2, 2 * l.count)?;
            let (lo, hi): (i64, i64) = if unsigned {
                (0, (1 << (wide / 2)) - 1)
            } else {
                (-(1 << (wide / 2 - 1)), (1 << (wide / 2 - 1)) - 1)
            };
            let (a, _) = arg(0).force_stack(fx);
            let (b, _) = arg(1).force_stack(fx);
            let tmp = fx.alloc_stack(out.clone());
            let lty = l.clif();
            for (k, src) in [a, b].into_iter().enumerate() {
                for i in 0..l.count {
                    let x = load_lane(fx, src, &l, i);
                    let lo_v = crate::num::iconst_u128(fx, lty, lo as u128);
                    let hi_v = crate::num::iconst_u128(fx, lty, hi as u128);
                    let x = fx.bcx.ins().smax(x, lo_v);
                    let x = fx.bcx.ins().smin(x, hi_v);
                    let x = int_cast(fx, x, o.clif(), true);
                    store_lane(fx, tmp.ptr, &o, k as u64 * l.count + i, x);
                }
            }
            dest.write(fx, tmp.to_cvalue());
        }
        "llvm.x86.sse.cmp.ps"
        | "llvm.x86.sse.cmp.ss"
        | "llvm.x86.sse2.cmp.pd"
        | "llvm.x86.sse2.cmp.sd" => {
            // `cmpps`/`cmpss`: predicate `imm8 & 7` (EQ, LT, LE, UNORD, NEQ, NLT, NLE, ORD,
            // NaN-aware as the instruction) per lane, all ones when it holds.
            use cranelift_codegen::ir::condcodes::FloatCC as F;
            const PREDICATES: [F; 8] = [
                F::Equal,
                F::LessThan,
                F::LessThanOrEqual,
                F::Unordered,
                F::NotEqual,
                F::UnorderedOrGreaterThanOrEqual,
                F::UnorderedOrGreaterThan,
                F::Ordered,
            ];
            let imm = arg(2).load_scalar(fx);
            let imm = int_cast(fx, imm, types::I32, false);
            let imm = fx.bcx.ins().band_imm_u(imm, 7);
            float_lanewise(fx, name, args, dest, |fx, x, y| {
                let mut holds = fx.bcx.ins().fcmp(PREDICATES[7], x, y);
                for (k, cc) in PREDICATES.iter().enumerate().take(7).rev() {
                    let h = fx.bcx.ins().fcmp(*cc, x, y);
                    let is_k = fx.bcx.ins().icmp_imm_u(IntCC::Equal, imm, k as i64);
                    holds = fx.bcx.ins().select(is_k, h, holds);
                }
                let bits = fx.bcx.func.dfg.value_type(x).as_int();
                let ones = fx.bcx.ins().iconst(bits, -1);
                let zero = fx.bcx.ins().iconst(bits, 0);
                fx.bcx.ins().select(holds, ones, zero)
            })?;
        }
        "llvm.x86.sse.max.ps"
        | "llvm.x86.sse.min.ps"
        | "llvm.x86.sse.max.ss"
        | "llvm.x86.sse.min.ss"
        | "llvm.x86.sse2.max.pd"
        | "llvm.x86.sse2.min.pd"
        | "llvm.x86.sse2.max.sd"
        | "llvm.x86.sse2.min.sd" => {
            // `maxps`: `a > b ? a : b`, so b when either is NaN or both are zeros (not
            // IEEE max); `minps` likewise with `<`.
            use cranelift_codegen::ir::condcodes::FloatCC;
            let cc = if name.contains(".max.") {
                FloatCC::GreaterThan
            } else {
                FloatCC::LessThan
            };
            float_lanewise(fx, name, args, dest, |fx, x, y| {
                let c = fx.bcx.ins().fcmp(cc, x, y);
                fx.bcx.ins().select(c, x, y)
            })?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// A float operation lane by lane on two 128-bit vectors: every lane for the packed forms
/// (`.ps`, `.pd`), lane 0 for the scalar forms (`.ss`, `.sd`), whose other lanes are a's.
fn float_lanewise<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    name: &str,
    args: &[CallArg<'db>],
    dest: &CPlace<'db>,
    op: impl Fn(&mut FunctionCx<'_, 'db>, Value, Value) -> Value,
) -> Result<()> {
    let l = float_lanes(fx, &args[0].value)?;
    let (a, _) = args[0].value.clone().force_stack(fx);
    let (b, _) = args[1].value.clone().force_stack(fx);
    let scalar = name.ends_with(".ss") || name.ends_with(".sd");
    let tmp = fx.alloc_stack(dest.layout.clone());
    for i in 0..l.count {
        let x = load_lane(fx, a, &l, i);
        let r = if scalar && i > 0 {
            x
        } else {
            let y = load_lane(fx, b, &l, i);
            op(fx, x, y)
        };
        store_lane(fx, tmp.ptr, &l, i, r);
    }
    dest.write(fx, tmp.to_cvalue());
    Ok(())
}

fn float_lanes<'db>(
    fx: &FunctionCx<'_, 'db>,
    v: &crate::value_and_place::CValue<'db>,
) -> Result<Lanes<'db>> {
    let l = simd_lanes(fx, v.layout.ty)?;
    if !matches!(l.kind, LaneKind::Float) || l.clif().bits() * l.count as u32 != 128 {
        bail!(
            "unexpected operand type `{}` for an LLVM intrinsic",
            fx.cx.tcx.display(v.layout.ty)
        );
    }
    Ok(l)
}

fn int_lanes<'db>(
    fx: &FunctionCx<'_, 'db>,
    v: &crate::value_and_place::CValue<'db>,
    bits: u32,
    count: u64,
) -> Result<Lanes<'db>> {
    int_lanes_of(fx, v.layout.ty, bits, count)
}

fn int_lanes_of<'db>(
    fx: &FunctionCx<'_, 'db>,
    ty: ra_ap_hir_ty::next_solver::Ty<'db>,
    bits: u32,
    count: u64,
) -> Result<Lanes<'db>> {
    let l = simd_lanes(fx, ty)?;
    if !matches!(l.kind, LaneKind::Int { .. }) || l.clif().bits() != bits || l.count != count {
        bail!(
            "unexpected operand type `{}` for an LLVM intrinsic",
            fx.cx.tcx.display(ty)
        );
    }
    Ok(l)
}
