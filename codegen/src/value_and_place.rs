//! Values and places with their layouts.
//!
//! Invariant: every non-ZST place rac creates is addressable memory (locals live in stack
//! slots), so a `CPlace` is an address plus, for unsized places, its metadata. A `CValue`
//! is either in memory (`ByRef`) or in SSA values matching its `BackendRepr` (`ByVal` for a
//! scalar, `ByValPair` for a scalar pair).

use cranelift_codegen::ir::InstBuilder;
use cranelift_codegen::ir::{MemFlagsData, StackSlotData, StackSlotKind, Type, Value, types};
use ra_ap_rustc_abi::{BackendRepr, Scalar};

use crate::abi::scalar_type;
use crate::common::FunctionCx;
use crate::ty::TyAndLayout;

pub const PTR: Type = types::I64;

#[derive(Debug, Clone, Copy)]
pub enum CValueInner {
    ByRef(Value, Option<Value>),
    ByVal(Value),
    ByValPair(Value, Value),
    /// A value of a zero-sized type.
    Zst,
}

#[derive(Debug, Clone)]
pub struct CValue<'db> {
    pub inner: CValueInner,
    pub layout: TyAndLayout<'db>,
}

#[derive(Debug, Clone)]
pub struct CPlace<'db> {
    pub ptr: Value,
    pub meta: Option<Value>,
    pub layout: TyAndLayout<'db>,
}

pub fn flags() -> MemFlagsData {
    MemFlagsData::new()
}

/// Offset of the second scalar of a scalar pair.
pub fn pair_b_offset(a: Scalar, b: Scalar, dl: &ra_ap_rustc_abi::TargetDataLayout) -> u64 {
    a.size(dl).align_to(b.align(dl).abi).bytes()
}

impl<'db> CValue<'db> {
    pub fn by_ref(ptr: Value, layout: TyAndLayout<'db>) -> Self {
        if layout.is_zst() {
            return CValue {
                inner: CValueInner::Zst,
                layout,
            };
        }
        CValue {
            inner: CValueInner::ByRef(ptr, None),
            layout,
        }
    }
    pub fn by_ref_unsized(ptr: Value, meta: Value, layout: TyAndLayout<'db>) -> Self {
        CValue {
            inner: CValueInner::ByRef(ptr, Some(meta)),
            layout,
        }
    }
    pub fn by_val(v: Value, layout: TyAndLayout<'db>) -> Self {
        CValue {
            inner: CValueInner::ByVal(v),
            layout,
        }
    }
    pub fn by_val_pair(a: Value, b: Value, layout: TyAndLayout<'db>) -> Self {
        CValue {
            inner: CValueInner::ByValPair(a, b),
            layout,
        }
    }
    pub fn zst(layout: TyAndLayout<'db>) -> Self {
        CValue {
            inner: CValueInner::Zst,
            layout,
        }
    }

    /// The value as one SSA value; the layout must be a scalar.
    pub fn load_scalar(&self, fx: &mut FunctionCx<'_, 'db>) -> Value {
        match self.inner {
            CValueInner::ByVal(v) => v,
            CValueInner::ByRef(ptr, _) => {
                let BackendRepr::Scalar(s) = self.layout.layout.backend_repr else {
                    panic!("load_scalar on non-scalar {:?}", self.layout.ty)
                };
                fx.bcx.ins().load(scalar_type(s), flags(), ptr, 0)
            }
            CValueInner::ByValPair(..) => panic!("load_scalar on a pair {:?}", self.layout.ty),
            CValueInner::Zst => panic!("load_scalar on a ZST {:?}", self.layout.ty),
        }
    }

    pub fn load_scalar_pair(&self, fx: &mut FunctionCx<'_, 'db>) -> (Value, Value) {
        match self.inner {
            CValueInner::ByValPair(a, b) => (a, b),
            CValueInner::ByRef(ptr, _) => {
                let BackendRepr::ScalarPair(a, b) = self.layout.layout.backend_repr else {
                    panic!("load_scalar_pair on non-pair {:?}", self.layout.ty)
                };
                let off = pair_b_offset(a, b, fx.cx.tcx.dl) as i32;
                let va = fx.bcx.ins().load(scalar_type(a), flags(), ptr, 0);
                let vb = fx.bcx.ins().load(scalar_type(b), flags(), ptr, off);
                (va, vb)
            }
            _ => panic!("load_scalar_pair on {:?}", self.layout.ty),
        }
    }

    /// The value in memory: its address (spilling SSA values to a new stack slot).
    pub fn force_stack(&self, fx: &mut FunctionCx<'_, 'db>) -> (Value, Option<Value>) {
        match self.inner {
            CValueInner::ByRef(ptr, meta) => (ptr, meta),
            _ => {
                let place = fx.alloc_stack(self.layout.clone());
                place.write(fx, self.clone());
                (place.ptr, None)
            }
        }
    }

    /// Reinterprets the value with another layout of the same size (transmute-like).
    pub fn with_layout(self, layout: TyAndLayout<'db>) -> Self {
        CValue {
            inner: self.inner,
            layout,
        }
    }
}

impl<'db> CPlace<'db> {
    pub fn new(ptr: Value, layout: TyAndLayout<'db>) -> Self {
        CPlace {
            ptr,
            meta: None,
            layout,
        }
    }

    pub fn to_cvalue(&self) -> CValue<'db> {
        match self.meta {
            Some(m) => CValue::by_ref_unsized(self.ptr, m, self.layout.clone()),
            None => CValue::by_ref(self.ptr, self.layout.clone()),
        }
    }

    pub fn write(&self, fx: &mut FunctionCx<'_, 'db>, value: CValue<'db>) {
        if self.layout.is_zst() {
            return;
        }
        match value.inner {
            CValueInner::Zst => {}
            CValueInner::ByVal(v) => {
                let ty = fx.bcx.func.dfg.value_type(v);
                let size = self.layout.size();
                if u64::from(ty.bytes()) > size {
                    // A cast-ABI integer wider than the value: store through a temporary.
                    let tmp = fx.alloc_slot(ty.bytes() as u64, 8);
                    fx.bcx.ins().store(flags(), v, tmp, 0);
                    fx.copy_bytes(self.ptr, tmp, size, self.layout.align().min(8));
                } else {
                    fx.bcx.ins().store(flags(), v, self.ptr, 0);
                }
            }
            CValueInner::ByValPair(a, b) => {
                let off = match self.layout.layout.backend_repr {
                    BackendRepr::ScalarPair(sa, sb) => pair_b_offset(sa, sb, fx.cx.tcx.dl),
                    _ => match value.layout.layout.backend_repr {
                        BackendRepr::ScalarPair(sa, sb) => pair_b_offset(sa, sb, fx.cx.tcx.dl),
                        _ => panic!("pair written to a non-pair place {:?}", self.layout.ty),
                    },
                };
                fx.bcx.ins().store(flags(), a, self.ptr, 0);
                fx.bcx.ins().store(flags(), b, self.ptr, off as i32);
            }
            CValueInner::ByRef(src, _) => {
                let size = self.layout.size();
                fx.copy_bytes(
                    self.ptr,
                    src,
                    size,
                    self.layout.align().min(value.layout.align()),
                );
            }
        }
    }

    /// The address (and metadata) as a value of the given pointer-like layout.
    pub fn address_value(&self, layout: TyAndLayout<'db>) -> CValue<'db> {
        match self.meta {
            Some(m) => CValue::by_val_pair(self.ptr, m, layout),
            None => CValue::by_val(self.ptr, layout),
        }
    }
}

impl<'a, 'db> FunctionCx<'a, 'db> {
    pub fn alloc_slot(&mut self, size: u64, align: u64) -> Value {
        let size = size.max(1).next_multiple_of(8);
        let align = align.max(1);
        // The frame is only 16-byte aligned, so Cranelift cannot place a slot at a larger
        // alignment (`__m256i`: 32): over-allocate and round the address up, as
        // rustc_codegen_cranelift does.
        if align > 16 {
            let ss = self.bcx.create_sized_stack_slot(StackSlotData::new(
                StackSlotKind::ExplicitSlot,
                (size + align) as u32,
                4,
            ));
            let base = self.bcx.ins().stack_addr(PTR, ss, 0);
            let bumped = self.bcx.ins().iadd_imm_s(base, align as i64 - 1);
            return self.bcx.ins().band_imm_s(bumped, -(align as i64));
        }
        let ss = self.bcx.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            size as u32,
            align.trailing_zeros() as u8,
        ));
        self.bcx.ins().stack_addr(PTR, ss, 0)
    }

    pub fn alloc_stack(&mut self, layout: TyAndLayout<'db>) -> CPlace<'db> {
        if layout.is_zst() {
            let p = self.bcx.ins().iconst(PTR, layout.align() as i64);
            return CPlace::new(p, layout);
        }
        let p = self.alloc_slot(layout.size(), layout.align());
        CPlace::new(p, layout)
    }

    pub fn copy_bytes(&mut self, dest: Value, src: Value, size: u64, align: u64) {
        if size == 0 {
            return;
        }
        let config = self.cx.module_config();
        let align = align.clamp(1, 128) as u8;
        self.bcx
            .emit_small_memory_copy(config, dest, src, size, align, align, false, flags());
    }
}
