//! Arithmetic, comparisons and casts, with the checks rustc's debug builds perform.
//!
//! Overflow checks (`+ - *`, negation, shifts) apply to code of the user's crates only, as
//! rustc decides them by the crate that defined the MIR; division by zero and `MIN / -1`
//! are checked everywhere, as in rustc.

use anyhow::{Result, bail};
use cranelift_codegen::ir::{
    InstBuilder, Type, Value,
    condcodes::{FloatCC, IntCC},
    types,
};
use ra_ap_hir_ty::PointerCast;
use ra_ap_hir_ty::mir::{BinOp, CastKind, UnOp};
use ra_ap_hir_ty::next_solver::{Ty, TyKind};
use ra_ap_rustc_abi::BackendRepr;
use ra_ap_rustc_type_ir::inherent::IntoKind;
use ra_ap_rustc_type_ir::{FloatTy, IntTy, UintTy};

use crate::common::FunctionCx;
use crate::ty::TyAndLayout;
use crate::value_and_place::{CValue, PTR, flags};

pub fn clif_int_type(layout: &TyAndLayout<'_>) -> Type {
    match layout.layout.backend_repr {
        BackendRepr::Scalar(s) => crate::abi::scalar_type(s),
        _ => types::I64,
    }
}

pub fn iconst_u128(fx: &mut FunctionCx<'_, '_>, ty: Type, v: u128) -> Value {
    if ty == types::I128 {
        let lo = fx.bcx.ins().iconst(types::I64, v as u64 as i64);
        let hi = fx.bcx.ins().iconst(types::I64, (v >> 64) as u64 as i64);
        fx.bcx.ins().iconcat(lo, hi)
    } else if ty.is_float() {
        let bits = fx.bcx.ins().iconst(
            if ty == types::F32 {
                types::I32
            } else {
                types::I64
            },
            v as u64 as i64,
        );
        fx.bcx.ins().bitcast(ty, flags(), bits)
    } else {
        let bits = ty.bits();
        let masked = if bits >= 64 {
            v as u64
        } else {
            (v as u64) & ((1u64 << bits) - 1)
        };
        fx.bcx.ins().iconst(ty, masked as i64)
    }
}

pub fn mask_to(fx: &mut FunctionCx<'_, '_>, v: Value, bits: u32) -> Value {
    let ty = fx.bcx.func.dfg.value_type(v);
    if bits >= ty.bits() {
        return v;
    }
    let small = Type::int(bits as u16).unwrap();
    let r = fx.bcx.ins().ireduce(small, v);
    fx.bcx.ins().uextend(ty, r)
}

/// Integer resize: truncation, or sign/zero extension by the *source* signedness.
pub fn int_cast(fx: &mut FunctionCx<'_, '_>, v: Value, to: Type, signed: bool) -> Value {
    let from = fx.bcx.func.dfg.value_type(v);
    if from == to {
        v
    } else if from.bits() > to.bits() {
        fx.bcx.ins().ireduce(to, v)
    } else if signed {
        fx.bcx.ins().sextend(to, v)
    } else {
        fx.bcx.ins().uextend(to, v)
    }
}

fn int_info(ty: Ty<'_>) -> Option<(bool, u32)> {
    Some(match ty.kind() {
        TyKind::Int(i) => (
            true,
            match i {
                IntTy::I8 => 8,
                IntTy::I16 => 16,
                IntTy::I32 => 32,
                IntTy::I64 | IntTy::Isize => 64,
                IntTy::I128 => 128,
            },
        ),
        TyKind::Uint(u) => (
            false,
            match u {
                UintTy::U8 => 8,
                UintTy::U16 => 16,
                UintTy::U32 => 32,
                UintTy::U64 | UintTy::Usize => 64,
                UintTy::U128 => 128,
            },
        ),
        TyKind::Char => (false, 32),
        TyKind::Bool => (false, 8),
        _ => return None,
    })
}

/// Operands of builtin operators may be references to primitives in r-a's MIR (`&i32 + &i32`
/// after autoref); look through them.
fn deref_operand<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    mut v: CValue<'db>,
    mut ty: Ty<'db>,
) -> Result<(CValue<'db>, Ty<'db>)> {
    while let TyKind::Ref(_, inner, _) = ty.kind() {
        if matches!(inner.kind(), TyKind::Str | TyKind::Slice(_)) {
            break;
        }
        let p = v.load_scalar(fx);
        let layout = fx.layout_of(inner)?;
        v = CValue::by_ref(p, layout);
        ty = inner;
    }
    Ok((v, ty))
}

pub fn codegen_binop<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    op: &BinOp,
    a: CValue<'db>,
    ta: Ty<'db>,
    b: CValue<'db>,
    tb: Ty<'db>,
    out: TyAndLayout<'db>,
) -> Result<CValue<'db>> {
    let (a, ta) = deref_operand(fx, a, ta)?;
    let (b, tb) = deref_operand(fx, b, tb)?;
    if let TyKind::Ref(_, inner, _) = ta.kind()
        && matches!(inner.kind(), TyKind::Str | TyKind::Slice(_))
    {
        return str_eq(fx, op, a, b, out);
    }
    match ta.kind() {
        TyKind::Float(f) => return float_binop(fx, op, a, b, f, out),
        TyKind::Array(elem, _) if matches!(op, BinOp::Eq | BinOp::Ne) && bitwise_eq(elem) => {
            // Arrays of integers compare equal iff their bytes do (r-a emits this for
            // byte-string patterns).
            let (pa, _) = a.force_stack(fx);
            let (pb, _) = b.force_stack(fx);
            let n = fx.bcx.ins().iconst(PTR, a.layout.size() as i64);
            let r = fx.call_libfunc("memcmp", &[pa, pb, n], &[PTR, PTR, PTR], &[types::I32])?[0];
            let cc = if matches!(op, BinOp::Eq) {
                IntCC::Equal
            } else {
                IntCC::NotEqual
            };
            let v = fx.bcx.ins().icmp_imm_s(cc, r, 0);
            return Ok(CValue::by_val(v, out));
        }
        TyKind::RawPtr(..) | TyKind::FnPtr(..) => return ptr_binop(fx, op, a, b, tb, out),
        _ => {}
    }
    if matches!(op, BinOp::Eq | BinOp::Ne)
        && matches!(
            ta.kind(),
            TyKind::Adt(..) | TyKind::Tuple(_) | TyKind::Array(..) | TyKind::Ref(..)
        )
    {
        return partial_eq(fx, op.clone(), a, b, ta, tb, out);
    }
    let Some((signed, bits)) = int_info(ta) else {
        bail!(
            "binary operator {op:?} on `{}` is not supported",
            fx.cx.tcx.display(ta)
        )
    };
    let x = a.load_scalar(fx);
    let y = b.load_scalar(fx);
    let ty = fx.bcx.func.dfg.value_type(x);
    let cmp = |signed: bool, op: &BinOp| -> Option<IntCC> {
        Some(match (op, signed) {
            (BinOp::Eq, _) => IntCC::Equal,
            (BinOp::Ne, _) => IntCC::NotEqual,
            (BinOp::Lt, false) => IntCC::UnsignedLessThan,
            (BinOp::Lt, true) => IntCC::SignedLessThan,
            (BinOp::Le, false) => IntCC::UnsignedLessThanOrEqual,
            (BinOp::Le, true) => IntCC::SignedLessThanOrEqual,
            (BinOp::Gt, false) => IntCC::UnsignedGreaterThan,
            (BinOp::Gt, true) => IntCC::SignedGreaterThan,
            (BinOp::Ge, false) => IntCC::UnsignedGreaterThanOrEqual,
            (BinOp::Ge, true) => IntCC::SignedGreaterThanOrEqual,
            _ => return None,
        })
    };
    if let Some(cc) = cmp(signed, op) {
        let r = fx.bcx.ins().icmp(cc, x, y);
        return Ok(CValue::by_val(r, out));
    }
    let checks = fx.overflow_checks;
    let r = match op {
        BinOp::Add | BinOp::Sub => {
            let add = matches!(op, BinOp::Add);
            let (r, of) = add_sub_with_overflow(fx, x, y, add, signed);
            if checks {
                let panic = if add {
                    "panic_const_add_overflow"
                } else {
                    "panic_const_sub_overflow"
                };
                check(fx, of, panic)?;
            }
            r
        }
        BinOp::Mul => {
            if checks {
                let (r, of) = mul_with_overflow(fx, x, y, signed, bits)?;
                check(fx, of, "panic_const_mul_overflow")?;
                r
            } else {
                fx.bcx.ins().imul(x, y)
            }
        }
        BinOp::Div | BinOp::Rem => {
            let is_div = matches!(op, BinOp::Div);
            let zero = fx.bcx.ins().icmp_imm_s(IntCC::Equal, y, 0);
            check(
                fx,
                zero,
                if is_div {
                    "panic_const_div_by_zero"
                } else {
                    "panic_const_rem_by_zero"
                },
            )?;
            if signed {
                let min = iconst_u128(fx, ty, 1u128 << (bits - 1));
                let is_min = fx.bcx.ins().icmp(IntCC::Equal, x, min);
                let is_m1 = fx.bcx.ins().icmp_imm_s(IntCC::Equal, y, -1);
                let of = fx.bcx.ins().band(is_min, is_m1);
                check(
                    fx,
                    of,
                    if is_div {
                        "panic_const_div_overflow"
                    } else {
                        "panic_const_rem_overflow"
                    },
                )?;
            }
            div_rem(fx, x, y, is_div, signed)?
        }
        BinOp::BitAnd => fx.bcx.ins().band(x, y),
        BinOp::BitOr => fx.bcx.ins().bor(x, y),
        BinOp::BitXor => fx.bcx.ins().bxor(x, y),
        BinOp::Shl | BinOp::Shr => {
            let _ = tb;
            if checks {
                // The amount is compared in its own type, as unsigned: a negative amount
                // overflows too.
                let yty = fx.bcx.func.dfg.value_type(y);
                let limit = iconst_u128(fx, yty, bits as u128);
                let of = fx
                    .bcx
                    .ins()
                    .icmp(IntCC::UnsignedGreaterThanOrEqual, y, limit);
                check(
                    fx,
                    of,
                    if matches!(op, BinOp::Shl) {
                        "panic_const_shl_overflow"
                    } else {
                        "panic_const_shr_overflow"
                    },
                )?;
            }
            let y64 = int_cast(fx, y, types::I64, false);
            let amt = fx.bcx.ins().band_imm_s(y64, (bits - 1) as i64);
            let amt = int_cast(
                fx,
                amt,
                if ty == types::I128 { types::I64 } else { ty },
                false,
            );
            match (op, signed) {
                (BinOp::Shl, _) => fx.bcx.ins().ishl(x, amt),
                (_, true) => fx.bcx.ins().sshr(x, amt),
                (_, false) => fx.bcx.ins().ushr(x, amt),
            }
        }
        BinOp::Offset => bail!("`offset` on integers"),
        _ => unreachable!(),
    };
    Ok(CValue::by_val(r, out))
}

/// Unchecked division or remainder. Cranelift has no 128-bit division: like rustc, call
/// compiler-builtins (`__divti3` and friends, C ABI: an `i128` travels in two registers).
pub fn div_rem(
    fx: &mut FunctionCx<'_, '_>,
    x: Value,
    y: Value,
    is_div: bool,
    signed: bool,
) -> Result<Value> {
    let ty = fx.bcx.func.dfg.value_type(x);
    if ty == types::I128 {
        let name = match (is_div, signed) {
            (true, true) => "__divti3",
            (true, false) => "__udivti3",
            (false, true) => "__modti3",
            (false, false) => "__umodti3",
        };
        return Ok(fx.call_libfunc(name, &[x, y], &[types::I128, types::I128], &[types::I128])?[0]);
    }
    Ok(match (is_div, signed) {
        (true, true) => fx.bcx.ins().sdiv(x, y),
        (true, false) => fx.bcx.ins().udiv(x, y),
        (false, true) => fx.bcx.ins().srem(x, y),
        (false, false) => fx.bcx.ins().urem(x, y),
    })
}

/// `x + y` (or `x - y`) wrapped, and whether it overflowed. Signed: the operands of an
/// addition have the same sign and the result another (of a subtraction: different signs,
/// and the result's differs from `x`'s); unsigned: a carry or a borrow.
pub fn add_sub_with_overflow(
    fx: &mut FunctionCx<'_, '_>,
    x: Value,
    y: Value,
    add: bool,
    signed: bool,
) -> (Value, Value) {
    let b = &mut fx.bcx;
    let r = if add {
        b.ins().iadd(x, y)
    } else {
        b.ins().isub(x, y)
    };
    let of = if signed {
        let (a1, a2) = if add {
            (b.ins().bxor(x, r), b.ins().bxor(y, r))
        } else {
            (b.ins().bxor(x, y), b.ins().bxor(x, r))
        };
        let both = b.ins().band(a1, a2);
        b.ins().icmp_imm_s(IntCC::SignedLessThan, both, 0)
    } else if add {
        b.ins().icmp(IntCC::UnsignedLessThan, r, x)
    } else {
        b.ins().icmp(IntCC::UnsignedLessThan, x, y)
    };
    (r, of)
}

pub fn mul_with_overflow(
    fx: &mut FunctionCx<'_, '_>,
    x: Value,
    y: Value,
    signed: bool,
    bits: u32,
) -> Result<(Value, Value)> {
    if bits <= 32 {
        // Widen, multiply, and check that the product fits.
        let ty = fx.bcx.func.dfg.value_type(x);
        let wx = int_cast(fx, x, types::I64, signed);
        let wy = int_cast(fx, y, types::I64, signed);
        let p = fx.bcx.ins().imul(wx, wy);
        let r = fx.bcx.ins().ireduce(ty, p);
        let back = int_cast(fx, r, types::I64, signed);
        let of = fx.bcx.ins().icmp(IntCC::NotEqual, back, p);
        return Ok((r, of));
    }
    if bits == 64 {
        let (r, of) = if signed {
            fx.bcx.ins().smul_overflow(x, y)
        } else {
            fx.bcx.ins().umul_overflow(x, y)
        };
        return Ok((r, of));
    }
    // 128-bit: compiler-builtins' `__rust_{i,u}128_mulo`.
    let name = if signed {
        "__rust_i128_mulo"
    } else {
        "__rust_u128_mulo"
    };
    let flag = fx.alloc_slot(4, 4);
    let r = fx.call_libfunc(
        name,
        &[x, y, flag],
        &[types::I128, types::I128, PTR],
        &[types::I128],
    )?;
    let o = fx.bcx.ins().load(types::I32, flags(), flag, 0);
    let of = fx.bcx.ins().icmp_imm_s(IntCC::NotEqual, o, 0);
    Ok((r[0], of))
}

/// Panics through `core::panicking::panic_const::<name>` when `cond` is true.
fn check(fx: &mut FunctionCx<'_, '_>, cond: Value, name: &str) -> Result<()> {
    let fail = fx.bcx.create_block();
    let ok = fx.bcx.create_block();
    fx.bcx.set_cold_block(fail);
    fx.bcx.ins().brif(cond, fail, &[], ok, &[]);
    fx.bcx.switch_to_block(fail);
    fx.panic_const(name)?;
    fx.bcx.switch_to_block(ok);
    Ok(())
}

fn float_binop<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    op: &BinOp,
    a: CValue<'db>,
    b: CValue<'db>,
    f: FloatTy,
    out: TyAndLayout<'db>,
) -> Result<CValue<'db>> {
    let x = a.load_scalar(fx);
    let y = b.load_scalar(fx);
    let cc = match op {
        BinOp::Eq => Some(FloatCC::Equal),
        BinOp::Ne => Some(FloatCC::NotEqual),
        BinOp::Lt => Some(FloatCC::LessThan),
        BinOp::Le => Some(FloatCC::LessThanOrEqual),
        BinOp::Gt => Some(FloatCC::GreaterThan),
        BinOp::Ge => Some(FloatCC::GreaterThanOrEqual),
        _ => None,
    };
    if let Some(cc) = cc {
        let r = fx.bcx.ins().fcmp(cc, x, y);
        return Ok(CValue::by_val(r, out));
    }
    let r = match op {
        BinOp::Add => fx.bcx.ins().fadd(x, y),
        BinOp::Sub => fx.bcx.ins().fsub(x, y),
        BinOp::Mul => fx.bcx.ins().fmul(x, y),
        BinOp::Div => fx.bcx.ins().fdiv(x, y),
        BinOp::Rem => {
            let (name, t) = match f {
                FloatTy::F32 => ("fmodf", types::F32),
                FloatTy::F64 => ("fmod", types::F64),
                _ => bail!("f16/f128 remainder is not supported"),
            };
            fx.call_libfunc(name, &[x, y], &[t, t], &[t])?[0]
        }
        _ => bail!("operator {op:?} on floats"),
    };
    Ok(CValue::by_val(r, out))
}

fn ptr_binop<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    op: &BinOp,
    a: CValue<'db>,
    b: CValue<'db>,
    tb: Ty<'db>,
    out: TyAndLayout<'db>,
) -> Result<CValue<'db>> {
    if let BinOp::Offset = op {
        let pointee = match a.layout.ty.kind() {
            TyKind::RawPtr(t, _) => t,
            _ => bail!("offset on a non-pointer"),
        };
        let size = fx.layout_of(pointee)?.size();
        let p = a.load_scalar(fx);
        let n = b.load_scalar(fx);
        let _ = tb;
        let off = fx.bcx.ins().imul_imm_s(n, size as i64);
        let r = fx.bcx.ins().iadd(p, off);
        return Ok(CValue::by_val(r, out));
    }
    let (x0, x1, y0, y1) = match a.layout.layout.backend_repr {
        BackendRepr::ScalarPair(..) => {
            let (x0, x1) = a.load_scalar_pair(fx);
            let (y0, y1) = b.load_scalar_pair(fx);
            (x0, Some(x1), y0, Some(y1))
        }
        _ => (a.load_scalar(fx), None, b.load_scalar(fx), None),
    };
    let cc = match op {
        BinOp::Eq => IntCC::Equal,
        BinOp::Ne => IntCC::NotEqual,
        BinOp::Lt => IntCC::UnsignedLessThan,
        BinOp::Le => IntCC::UnsignedLessThanOrEqual,
        BinOp::Gt => IntCC::UnsignedGreaterThan,
        BinOp::Ge => IntCC::UnsignedGreaterThanOrEqual,
        _ => bail!("operator {op:?} on pointers"),
    };
    let r = match (x1, y1) {
        (Some(x1), Some(y1)) => match op {
            BinOp::Eq => {
                let e0 = fx.bcx.ins().icmp(IntCC::Equal, x0, y0);
                let e1 = fx.bcx.ins().icmp(IntCC::Equal, x1, y1);
                fx.bcx.ins().band(e0, e1)
            }
            BinOp::Ne => {
                let e0 = fx.bcx.ins().icmp(IntCC::NotEqual, x0, y0);
                let e1 = fx.bcx.ins().icmp(IntCC::NotEqual, x1, y1);
                fx.bcx.ins().bor(e0, e1)
            }
            _ => {
                // Lexicographic on (address, metadata).
                let first = fx.bcx.ins().icmp(cc, x0, y0);
                let eq0 = fx.bcx.ins().icmp(IntCC::Equal, x0, y0);
                let second = fx.bcx.ins().icmp(cc, x1, y1);
                let strict = match cc {
                    IntCC::UnsignedLessThanOrEqual => IntCC::UnsignedLessThan,
                    IntCC::UnsignedGreaterThanOrEqual => IntCC::UnsignedGreaterThan,
                    c => c,
                };
                let first_strict = fx.bcx.ins().icmp(strict, x0, y0);
                let _ = first;
                let tie = fx.bcx.ins().band(eq0, second);
                fx.bcx.ins().bor(first_strict, tie)
            }
        },
        _ => fx.bcx.ins().icmp(cc, x0, y0),
    };
    Ok(CValue::by_val(r, out))
}

fn str_eq<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    op: &BinOp,
    a: CValue<'db>,
    b: CValue<'db>,
    out: TyAndLayout<'db>,
) -> Result<CValue<'db>> {
    let (pa, la) = a.load_scalar_pair(fx);
    let (pb, lb) = b.load_scalar_pair(fx);
    let same_len = fx.bcx.ins().icmp(IntCC::Equal, la, lb);
    let cmp_block = fx.bcx.create_block();
    let done = fx.bcx.create_block();
    fx.bcx.append_block_param(done, types::I8);
    let zero = fx.bcx.ins().iconst(types::I8, 0);
    fx.bcx
        .ins()
        .brif(same_len, cmp_block, &[], done, &[zero.into()]);
    fx.bcx.switch_to_block(cmp_block);
    let r = fx.call_libfunc("memcmp", &[pa, pb, la], &[PTR, PTR, PTR], &[types::I32])?[0];
    let eq = fx.bcx.ins().icmp_imm_s(IntCC::Equal, r, 0);
    fx.bcx.ins().jump(done, &[eq.into()]);
    fx.bcx.switch_to_block(done);
    let mut v = fx.bcx.block_params(done)[0];
    match op {
        BinOp::Eq => {}
        BinOp::Ne => v = fx.bcx.ins().bxor_imm_s(v, 1),
        _ => bail!("operator {op:?} on str is not builtin"),
    }
    Ok(CValue::by_val(v, out))
}

pub fn codegen_unop<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    op: UnOp,
    a: CValue<'db>,
    ta: Ty<'db>,
    literal: bool,
    out: TyAndLayout<'db>,
) -> Result<CValue<'db>> {
    let (a, ta) = deref_operand(fx, a, ta)?;
    let x = a.load_scalar(fx);
    let r = match (op, ta.kind()) {
        (UnOp::Not, TyKind::Bool) => fx.bcx.ins().bxor_imm_s(x, 1),
        (UnOp::Not, _) => fx.bcx.ins().bnot(x),
        (UnOp::Neg, TyKind::Float(_)) => fx.bcx.ins().fneg(x),
        (UnOp::Neg, _) => {
            if fx.overflow_checks
                && !literal
                && let Some((true, bits)) = int_info(ta)
            {
                let ty = fx.bcx.func.dfg.value_type(x);
                let min = iconst_u128(fx, ty, 1u128 << (bits - 1));
                let of = fx.bcx.ins().icmp(IntCC::Equal, x, min);
                check(fx, of, "panic_const_neg_overflow")?;
            }
            fx.bcx.ins().ineg(x)
        }
    };
    Ok(CValue::by_val(r, out))
}

pub fn codegen_cast<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    kind: &CastKind,
    v: CValue<'db>,
    from: Ty<'db>,
    to: Ty<'db>,
) -> Result<CValue<'db>> {
    let out = fx.layout_of(to)?;
    match kind {
        CastKind::PointerCoercion(pc) => match pc {
            PointerCast::ReifyFnPointer => {
                let addr = crate::call::fn_item_address(fx, from)?;
                Ok(CValue::by_val(addr, out))
            }
            PointerCast::ClosureFnPointer(_) => {
                let addr = crate::call::closure_fn_pointer(fx, from)?;
                Ok(CValue::by_val(addr, out))
            }
            PointerCast::UnsafeFnPointer | PointerCast::MutToConstPointer => Ok(v.with_layout(out)),
            PointerCast::ArrayToPointer => {
                let p = match v.layout.layout.backend_repr {
                    BackendRepr::ScalarPair(..) => v.load_scalar_pair(fx).0,
                    _ => v.load_scalar(fx),
                };
                Ok(CValue::by_val(p, out))
            }
            PointerCast::Unsize => crate::unsize::coerce_unsized(fx, v, from, to),
        },
        CastKind::PtrToPtr
        | CastKind::FnPtrToPtr
        | CastKind::PointerExposeAddress
        | CastKind::PointerFromExposedAddress => {
            let src_pair = matches!(v.layout.layout.backend_repr, BackendRepr::ScalarPair(..));
            let dst_pair = matches!(out.layout.backend_repr, BackendRepr::ScalarPair(..));
            match (src_pair, dst_pair) {
                (true, true) => {
                    let (a, b) = v.load_scalar_pair(fx);
                    Ok(CValue::by_val_pair(a, b, out))
                }
                (true, false) => {
                    let (a, _) = v.load_scalar_pair(fx);
                    let ty = clif_int_type(&out);
                    let a = int_cast(fx, a, ty, false);
                    Ok(CValue::by_val(a, out))
                }
                (false, true) => bail!("cast from a thin to a wide pointer"),
                (false, false) => {
                    let x = v.load_scalar(fx);
                    let ty = clif_int_type(&out);
                    let signed = matches!(from.kind(), TyKind::Int(_));
                    let x = int_cast(fx, x, ty, signed);
                    Ok(CValue::by_val(x, out))
                }
            }
        }
        CastKind::IntToInt => {
            // Casts out of enums read the discriminant.
            if let TyKind::Adt(..) = from.kind() {
                let (p, _) = v.force_stack(fx);
                let place = crate::value_and_place::CPlace::new(p, v.layout.clone());
                let d = fx.read_discriminant(&place)?;
                let ty = clif_int_type(&out);
                let d = int_cast(fx, d, ty, true);
                return Ok(CValue::by_val(d, out));
            }
            let x = v.load_scalar(fx);
            let signed = matches!(from.kind(), TyKind::Int(_));
            let ty = clif_int_type(&out);
            let r = if matches!(to.kind(), TyKind::Bool) {
                let z = fx.bcx.ins().icmp_imm_s(IntCC::NotEqual, x, 0);
                z
            } else {
                int_cast(fx, x, ty, signed)
            };
            Ok(CValue::by_val(r, out))
        }
        CastKind::FloatToInt => {
            let x = v.load_scalar(fx);
            let (signed, bits) =
                int_info(to).ok_or_else(|| anyhow::anyhow!("float cast to a non-integer"))?;
            let r = float_to_int(fx, x, signed, bits)?;
            Ok(CValue::by_val(r, out))
        }
        CastKind::IntToFloat => {
            let x = v.load_scalar(fx);
            let signed = matches!(from.kind(), TyKind::Int(_));
            let fty = clif_int_type(&out);
            let xty = fx.bcx.func.dfg.value_type(x);
            let r = if xty == types::I128 {
                let name = match (signed, fty == types::F32) {
                    (true, true) => "__floattisf",
                    (true, false) => "__floattidf",
                    (false, true) => "__floatuntisf",
                    (false, false) => "__floatuntidf",
                };
                fx.call_libfunc(name, &[x], &[types::I128], &[fty])?[0]
            } else {
                let x = if xty.bits() < 32 {
                    int_cast(fx, x, types::I32, signed)
                } else {
                    x
                };
                if signed {
                    fx.bcx.ins().fcvt_from_sint(fty, x)
                } else {
                    fx.bcx.ins().fcvt_from_uint(fty, x)
                }
            };
            Ok(CValue::by_val(r, out))
        }
        CastKind::FloatToFloat => {
            let x = v.load_scalar(fx);
            let fty = clif_int_type(&out);
            let xty = fx.bcx.func.dfg.value_type(x);
            let r = if xty == fty {
                x
            } else if fty.bits() > xty.bits() {
                fx.bcx.ins().fpromote(fty, x)
            } else {
                fx.bcx.ins().fdemote(fty, x)
            };
            Ok(CValue::by_val(r, out))
        }
        CastKind::DynStar => bail!("dyn* casts are not supported"),
    }
}

fn float_to_int(fx: &mut FunctionCx<'_, '_>, x: Value, signed: bool, bits: u32) -> Result<Value> {
    if bits == 128 {
        let xty = fx.bcx.func.dfg.value_type(x);
        let name = match (signed, xty == types::F32) {
            (true, true) => "__fixsfti",
            (true, false) => "__fixdfti",
            (false, true) => "__fixunssfti",
            (false, false) => "__fixunsdfti",
        };
        // compiler-builtins' conversions saturate like `as` does.
        return Ok(fx.call_libfunc(name, &[x], &[xty], &[types::I128])?[0]);
    }
    if bits >= 32 {
        let ty = Type::int(bits as u16).unwrap();
        return Ok(if signed {
            fx.bcx.ins().fcvt_to_sint_sat(ty, x)
        } else {
            fx.bcx.ins().fcvt_to_uint_sat(ty, x)
        });
    }
    // Cranelift saturates to 32 bits; clamp to the narrow range, then truncate.
    let wide = if signed {
        fx.bcx.ins().fcvt_to_sint_sat(types::I32, x)
    } else {
        fx.bcx.ins().fcvt_to_uint_sat(types::I32, x)
    };
    let (lo, hi) = if signed {
        (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1)
    } else {
        (0, (1i64 << bits) - 1)
    };
    let lo_v = fx.bcx.ins().iconst(types::I32, lo);
    let hi_v = fx.bcx.ins().iconst(types::I32, hi);
    let c = if signed {
        fx.bcx.ins().smax(wide, lo_v)
    } else {
        fx.bcx.ins().umax(wide, lo_v)
    };
    let c = if signed {
        fx.bcx.ins().smin(c, hi_v)
    } else {
        fx.bcx.ins().umin(c, hi_v)
    };
    Ok(fx.bcx.ins().ireduce(Type::int(bits as u16).unwrap(), c))
}

/// Types whose equality is equality of their bytes.
fn bitwise_eq(ty: Ty<'_>) -> bool {
    match ty.kind() {
        TyKind::Int(_) | TyKind::Uint(_) | TyKind::Bool | TyKind::Char => true,
        TyKind::Array(e, _) => bitwise_eq(e),
        _ => false,
    }
}

/// `a == b` (or `!=`) on values of a type that is not a scalar, as r-a's MIR has it for
/// constant patterns (`match p { ORIGIN => .. }`, `Some(-1)`): rustc's lowering calls
/// `PartialEq::eq`, and so does rac.
fn partial_eq<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    op: BinOp,
    a: CValue<'db>,
    b: CValue<'db>,
    ta: Ty<'db>,
    tb: Ty<'db>,
    out: TyAndLayout<'db>,
) -> Result<CValue<'db>> {
    let eq = fx
        .cx
        .tcx
        .interner
        .lang_items()
        .PartialEq_eq
        .ok_or_else(|| anyhow::anyhow!("core's `PartialEq::eq` was not found"))?;
    let (pa, _) = a.force_stack(fx);
    let (pb, _) = b.force_stack(fx);
    let ra = fx.layout_of(fx.cx.tcx.imm_ref(ta))?;
    let rb = fx.layout_of(fx.cx.tcx.imm_ref(tb))?;
    let bl = fx.layout_of(fx.cx.tcx.interner.default_types().types.bool)?;
    let tmp = fx.alloc_stack(bl);
    let args = ra_ap_hir_ty::next_solver::GenericArgs::new_from_slice(&[ta.into(), tb.into()]);
    crate::call::call_fn_def(
        fx,
        eq,
        args,
        vec![
            crate::call::CallArg {
                value: CValue::by_val(pa, ra),
                owned_place: false,
            },
            crate::call::CallArg {
                value: CValue::by_val(pb, rb),
                owned_place: false,
            },
        ],
        &tmp,
        false,
        None,
    )?;
    let r = fx
        .bcx
        .ins()
        .load(types::I8, crate::value_and_place::flags(), tmp.ptr, 0);
    let r = if matches!(op, BinOp::Ne) {
        fx.bcx.ins().bxor_imm_u(r, 1)
    } else {
        r
    };
    Ok(CValue::by_val(r, out))
}
