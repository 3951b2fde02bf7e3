//! Read access to rust-analyzer data whose fields are private in the published crates.
//!
//! `hir_ty::mir::Operand` keeps its `kind` and `span` private and has no accessor, and
//! `ComplexMemoryMap` (the pointed-to memory of a constant) keeps its `memory` private. The
//! published crates cannot be changed, so this module reads them through `#[repr(Rust)]`
//! mirrors with the same field types in the same order, which the same compiler lays out
//! identically.
//!
//! Invariant: nothing outside this module reads these fields. Every read is cross-checked
//! against r-a's own `Debug` output ([`verify_operand`], [`verify_memory_map`]) on the
//! first values of every run and in tests, so a layout drift is an error, never a
//! miscompile.

use std::sync::atomic::{AtomicUsize, Ordering};

use ra_ap_hir_ty::mir::{MirSpan, Operand, OperandKind};
use ra_ap_hir_ty::{ComplexMemoryMap, MemoryMap};

mod mirror {
    use ra_ap_hir_ty::mir::{MirSpan, OperandKind};

    /// Same name, fields and order as `hir_ty::mir::Operand`.
    #[derive(Debug)]
    #[allow(dead_code)]
    pub struct Operand {
        pub kind: OperandKind,
        pub span: Option<MirSpan>,
    }

    /// Same name, fields and order as `hir_ty::ComplexMemoryMap`.
    #[derive(Debug)]
    #[allow(dead_code)]
    pub struct ComplexMemoryMap<'db> {
        pub memory: indexmap::IndexMap<usize, Box<[u8]>, rustc_hash::FxBuildHasher>,
        pub vtable: ra_ap_hir_ty::mir::VTableMap<'db>,
    }
}

const _: () = {
    assert!(size_of::<Operand>() == size_of::<mirror::Operand>());
    assert!(align_of::<Operand>() == align_of::<mirror::Operand>());
    assert!(
        size_of::<ComplexMemoryMap<'static>>() == size_of::<mirror::ComplexMemoryMap<'static>>()
    );
};

fn as_mirror(op: &Operand) -> &mirror::Operand {
    // SAFETY: same field types in the same order under the same compiler; sizes are
    // checked at compile time and field placement is checked by `verify_operand`.
    unsafe { &*(op as *const Operand as *const mirror::Operand) }
}

/// How many operands are still cross-checked against their `Debug` output in this run.
static OPERAND_CHECKS_LEFT: AtomicUsize = AtomicUsize::new(64);

pub fn operand_kind(op: &Operand) -> &OperandKind {
    if OPERAND_CHECKS_LEFT.load(Ordering::Relaxed) > 0 {
        OPERAND_CHECKS_LEFT.fetch_sub(1, Ordering::Relaxed);
        verify_operand(op);
    }
    &as_mirror(op).kind
}

pub fn operand_span(op: &Operand) -> Option<MirSpan> {
    as_mirror(op).span
}

/// Panics (an internal error, reported by the driver) when the mirror reads something else
/// than what r-a's derived `Debug` prints.
pub fn verify_operand(op: &Operand) {
    let ours = format!("{:?}", as_mirror(op));
    let theirs = format!("{op:?}");
    assert_eq!(
        ours, theirs,
        "rac's Operand bridge disagrees with rust-analyzer's layout"
    );
}

/// The memory blocks of a constant, keyed by the fake addresses its bytes contain.
pub fn memory_map_blocks<'a>(map: &'a MemoryMap<'_>) -> Vec<(usize, &'a [u8])> {
    match map {
        MemoryMap::Empty => vec![],
        MemoryMap::Simple(bytes) => vec![(0, &bytes[..])],
        MemoryMap::Complex(cm) => {
            let m = complex_as_mirror(cm);
            m.memory.iter().map(|(a, b)| (*a, &b[..])).collect()
        }
    }
}

fn complex_as_mirror<'a, 'db>(cm: &'a ComplexMemoryMap<'db>) -> &'a mirror::ComplexMemoryMap<'db> {
    // SAFETY: as for `as_mirror`; checked by `verify_memory_map`.
    let m =
        unsafe { &*(cm as *const ComplexMemoryMap<'db> as *const mirror::ComplexMemoryMap<'db>) };
    verify_memory_map(cm, m);
    m
}

fn verify_memory_map(cm: &ComplexMemoryMap<'_>, m: &mirror::ComplexMemoryMap<'_>) {
    let ours = format!("{m:?}");
    let theirs = format!("{cm:?}");
    assert_eq!(
        ours, theirs,
        "rac's memory map bridge disagrees with rust-analyzer's layout"
    );
}
