//! Return values by their `PassMode`: the return place of a call and the write of its
//! result, and a function's own return.

use anyhow::{Result, bail};
use cranelift_codegen::ir::{InstBuilder, Value};

use super::{FnAbi, PassMode};
use crate::common::FunctionCx;
use crate::value_and_place::{CPlace, CValue};

/// A function's return pointer (the first block parameter) when it returns through one.
pub fn incoming_return_pointer(
    abi: &FnAbi<'_>,
    take: &mut impl FnMut(usize) -> Vec<Value>,
) -> Option<Value> {
    (abi.ret.mode == PassMode::Indirect).then(|| take(1)[0])
}

/// Where a call's result goes: for a return through a pointer, the place (`dest` itself
/// when it can be, else a temporary), whose address is appended to `values` as the hidden
/// first argument.
pub fn call_return_place<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    abi: &FnAbi<'db>,
    dest: &CPlace<'db>,
    dest_in_args: bool,
    values: &mut Vec<Value>,
) -> Option<CPlace<'db>> {
    if abi.ret.mode == PassMode::Indirect {
        let place = if dest_in_args || dest.layout.size() != abi.ret.layout.size() {
            fx.alloc_stack(abi.ret.layout.clone())
        } else {
            dest.clone()
        };
        values.push(place.ptr);
        Some(place)
    } else {
        None
    }
}

/// Writes a call's result, received in `results` or through `ret_place`, into `dest`.
pub fn write_call_result<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    abi: &FnAbi<'db>,
    ret_place: Option<CPlace<'db>>,
    results: &[Value],
    dest: &CPlace<'db>,
) -> Result<()> {
    match abi.ret.mode {
        PassMode::Ignore => {}
        PassMode::Indirect => {
            let place = ret_place.unwrap();
            if place.ptr != dest.ptr {
                dest.write(fx, place.to_cvalue());
            }
        }
        PassMode::Direct => {
            dest.write(fx, CValue::by_val(results[0], abi.ret.layout.clone()));
        }
        PassMode::Cast { .. } => {
            let place = super::cast_from_regs(fx, &results, abi.ret.layout.clone());
            dest.write(fx, place.to_cvalue());
        }
        PassMode::IndirectByVal => bail!("a by-value stack return"),
        PassMode::Pair => {
            dest.write(
                fx,
                CValue::by_val_pair(results[0], results[1], abi.ret.layout.clone()),
            );
        }
    }
    Ok(())
}

impl<'a, 'db> FunctionCx<'a, 'db> {
    /// Returns the value in `place` (the return local) as the signature says: nothing when
    /// it was written through the return pointer, else in registers.
    pub fn return_from(&mut self, place: &CPlace<'db>) {
        match self.fn_abi.ret.mode {
            PassMode::Ignore | PassMode::Indirect | PassMode::IndirectByVal => {
                self.bcx.ins().return_(&[]);
            }
            PassMode::Direct => {
                let v = place.to_cvalue().load_scalar(self);
                self.bcx.ins().return_(&[v]);
            }
            PassMode::Pair => {
                let (a, b) = place.to_cvalue().load_scalar_pair(self);
                self.bcx.ins().return_(&[a, b]);
            }
            PassMode::Cast { lo, hi } => {
                let regs = super::cast_to_regs(self, place.to_cvalue(), lo, hi);
                self.bcx.ins().return_(&regs);
            }
        }
    }
}
