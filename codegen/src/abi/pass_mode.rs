//! Passing values in and out of functions by their `PassMode`: arguments on both sides of
//! a call, and the register casts of `PassMode::Cast`. (Return values: `returning.rs`.)

use anyhow::{Result, bail};
use cranelift_codegen::ir::{InstBuilder, Type, Value};

use super::{ArgAbi, PassMode};
use crate::common::FunctionCx;
use crate::ty::TyAndLayout;
use crate::value_and_place::{CPlace, CValue, CValueInner, flags};

/// A parameter as a value of its layout, taking its block parameters from `take`.
pub fn incoming_value<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    arg: &crate::abi::ArgAbi<'db>,
    take: &mut impl FnMut(usize) -> Vec<Value>,
) -> CValue<'db> {
    match arg.mode {
        PassMode::Ignore => CValue::zst(arg.layout.clone()),
        PassMode::Direct => CValue::by_val(take(1)[0], arg.layout.clone()),
        PassMode::Cast { lo: _, hi } => {
            let regs = take(1 + hi.is_some() as usize);
            cast_from_regs(fx, &regs, arg.layout.clone()).to_cvalue()
        }
        PassMode::Pair => {
            let vs = take(2);
            CValue::by_val_pair(vs[0], vs[1], arg.layout.clone())
        }
        PassMode::Indirect | PassMode::IndirectByVal => {
            let vs = take(if arg.layout.layout.is_sized() { 1 } else { 2 });
            match vs.get(1) {
                Some(m) => CValue::by_ref_unsized(vs[0], *m, arg.layout.clone()),
                None => CValue::by_ref(vs[0], arg.layout.clone()),
            }
        }
    }
}

/// Appends the block parameters that pass `value` as `abi` says; `owned_place`: `value` is a
/// moved local the callee may take ownership of in place.
/// The place of a parameter local: an indirect argument's memory is owned by the callee,
/// so it is the local itself; any other argument is stored into a new stack slot.
pub fn incoming_param_place<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    arg: &ArgAbi<'db>,
    layout: TyAndLayout<'db>,
    take: &mut impl FnMut(usize) -> Vec<Value>,
) -> CPlace<'db> {
    match arg.mode {
        PassMode::Indirect | PassMode::IndirectByVal => {
            let vs = take(if layout.layout.is_sized() { 1 } else { 2 });
            CPlace {
                ptr: vs[0],
                meta: vs.get(1).copied(),
                layout,
            }
        }
        _ => {
            let v = incoming_value(fx, arg, take);
            let place = fx.alloc_stack(layout);
            place.write(fx, v);
            place
        }
    }
}

pub fn pass_arg<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    value: CValue<'db>,
    owned_place: bool,
    abi: &ArgAbi<'db>,
    out: &mut Vec<Value>,
) -> Result<()> {
    let v = value.with_layout(abi.layout.clone());
    match abi.mode {
        PassMode::Ignore => {}
        PassMode::Direct => out.push(v.load_scalar(fx)),
        PassMode::Pair => {
            let (a, b) = v.load_scalar_pair(fx);
            out.push(a);
            out.push(b);
        }
        PassMode::Cast { lo, hi } => out.extend(cast_to_regs(fx, v, lo, hi)),
        // The call itself copies the bytes to the stack.
        PassMode::IndirectByVal => match v.inner {
            CValueInner::ByRef(ptr, None) => out.push(ptr),
            _ => {
                let tmp = fx.alloc_stack(abi.layout.clone());
                tmp.write(fx, v);
                out.push(tmp.ptr);
            }
        },
        PassMode::Indirect => match v.inner {
            CValueInner::ByRef(ptr, meta) if owned_place => {
                out.push(ptr);
                if let Some(m) = meta {
                    out.push(m);
                }
            }
            CValueInner::ByRef(_, Some(_)) => bail!("passing an unsized value by copy"),
            _ => {
                // The callee owns (and may modify) an indirect argument: give it a copy.
                let tmp = fx.alloc_stack(abi.layout.clone());
                tmp.write(fx, v);
                out.push(tmp.ptr);
            }
        },
    }
    Ok(())
}

/// The registers of a `PassMode::Cast` value: its bytes at offsets 0 and 8. The value goes
/// through a 16-byte slot so the register-wide loads stay in bounds.
pub fn cast_to_regs<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    v: CValue<'db>,
    lo: Type,
    hi: Option<Type>,
) -> Vec<Value> {
    let slot = fx.alloc_slot(16, v.layout.align().max(8));
    CPlace::new(slot, v.layout.clone()).write(fx, v);
    let flags = flags();
    let mut regs = vec![fx.bcx.ins().load(lo, flags, slot, 0)];
    if let Some(hi) = hi {
        regs.push(fx.bcx.ins().load(hi, flags, slot, 8));
    }
    regs
}

/// A `PassMode::Cast` value received in registers, as a place of its layout.
pub fn cast_from_regs<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    regs: &[Value],
    layout: TyAndLayout<'db>,
) -> CPlace<'db> {
    let slot = fx.alloc_slot(16, layout.align().max(8));
    let flags = flags();
    for (i, &r) in regs.iter().enumerate() {
        fx.bcx.ins().store(flags, r, slot, 8 * i as i32);
    }
    CPlace::new(slot, layout)
}
