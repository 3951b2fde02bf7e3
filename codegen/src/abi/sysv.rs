//! The C calling convention of x86_64 SysV (`extern "C"`), as rustc 1.95 computes it
//! (`rustc_target::callconv::x86_64`).
//!
//! Every sized argument is classified eightbyte by eightbyte: an eightbyte holding any
//! integer or pointer is INTEGER, one holding only floats is SSE. Aggregates of at most two
//! eightbytes travel in registers as those classes (`PassMode::Cast`); bigger ones, ones
//! with a misaligned field, and ones that no longer fit into the registers left
//! (6 integer, 8 SSE) travel by value on the stack (`PassMode::IndirectByVal`). A return
//! that is MEMORY goes through a hidden pointer, which takes an integer register.

use anyhow::{Result, bail};
use cranelift_codegen::ir::{Type, types};
use ra_ap_hir_def::{AdtId, VariantId};
use ra_ap_hir_ty::next_solver::{Ty, TyKind};
use ra_ap_rustc_abi::{BackendRepr, FieldsShape, Primitive, Variants};
use ra_ap_rustc_type_ir::inherent::{GenericArgs as _, IntoKind};

use super::{ArgAbi, PassMode};
use crate::ty::{TyAndLayout, TyCx};

/// rustc's order: merging two classes keeps the smaller, so INTEGER wins over SSE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Int,
    Sse,
}

type Eightbytes = [Option<Class>; 2];

const MAX_INT_REGS: usize = 6;
const MAX_SSE_REGS: usize = 8;

pub(super) fn compute<'db>(
    tcx: &TyCx<'db>,
    inputs: &[Ty<'db>],
    output: Ty<'db>,
) -> Result<(Vec<ArgAbi<'db>>, ArgAbi<'db>)> {
    let mut int_regs = MAX_INT_REGS;
    let mut sse_regs = MAX_SSE_REGS;
    let ret = {
        let layout = tcx.layout_of(output)?;
        let mode = if layout.is_zst() {
            PassMode::Ignore
        } else {
            match classify_arg(tcx, &layout)? {
                None => {
                    int_regs -= 1;
                    PassMode::Indirect
                }
                Some(cls) => register_mode(tcx, &layout, &cls)?,
            }
        };
        ArgAbi { layout, mode }
    };
    let mut args = Vec::with_capacity(inputs.len());
    for &t in inputs {
        let layout = tcx.layout_of(t)?;
        if layout.is_zst() {
            args.push(ArgAbi {
                layout,
                mode: PassMode::Ignore,
            });
            continue;
        }
        let mut cls = classify_arg(tcx, &layout)?;
        if let Some(c) = cls {
            let needed_int = c.iter().filter(|c| **c == Some(Class::Int)).count();
            let needed_sse = c.iter().filter(|c| **c == Some(Class::Sse)).count();
            match (
                int_regs.checked_sub(needed_int),
                sse_regs.checked_sub(needed_sse),
            ) {
                (Some(i), Some(s)) => {
                    int_regs = i;
                    sse_regs = s;
                }
                // A scalar spills to the stack by itself; an aggregate never splits
                // between registers and the stack.
                _ if is_aggregate(&layout) => cls = None,
                _ => {}
            }
        }
        let mode = match cls {
            Some(c) => register_mode(tcx, &layout, &c)?,
            None => {
                if layout.align() > 8 {
                    bail!(
                        "passing `{}` (aligned to {} bytes) by value on the stack of a C-ABI call is not supported by rac",
                        tcx.display(t),
                        layout.align()
                    );
                }
                PassMode::IndirectByVal
            }
        };
        args.push(ArgAbi { layout, mode });
    }
    Ok((args, ret))
}

fn is_aggregate(layout: &TyAndLayout<'_>) -> bool {
    !matches!(
        layout.layout.backend_repr,
        BackendRepr::Scalar(_) | BackendRepr::SimdVector { .. }
    )
}

/// The pass mode of a value that fits in registers.
fn register_mode<'db>(
    tcx: &TyCx<'db>,
    layout: &TyAndLayout<'db>,
    cls: &Eightbytes,
) -> Result<PassMode> {
    if !is_aggregate(layout) {
        return Ok(PassMode::Direct);
    }
    let size = layout.size();
    let Some(lo) = reg_type(cls[0], size) else {
        bail!(
            "`{}` has no data to pass in registers of the C ABI",
            tcx.display(layout.ty)
        );
    };
    let hi = if size > 8 {
        reg_type(cls[1], size - 8)
    } else {
        None
    };
    Ok(PassMode::Cast { lo, hi })
}

/// The register type of one eightbyte holding `size` bytes (more than 8: a whole one).
fn reg_type(class: Option<Class>, size: u64) -> Option<Type> {
    Some(match class? {
        Class::Int => match size {
            1 => types::I8,
            2 => types::I16,
            3..=4 => types::I32,
            _ => types::I64,
        },
        Class::Sse if size == 4 => types::F32,
        Class::Sse => types::F64,
    })
}

/// `None` when the value is MEMORY.
fn classify_arg<'db>(tcx: &TyCx<'db>, layout: &TyAndLayout<'db>) -> Result<Option<Eightbytes>> {
    if layout.size() > 16 {
        return Ok(None);
    }
    let mut cls = [None; 2];
    Ok(classify(tcx, layout, &mut cls, 0)?.then_some(cls))
}

/// Merges the classes of `layout` placed at `off` into `cls`; false when it is MEMORY.
fn classify<'db>(
    tcx: &TyCx<'db>,
    layout: &TyAndLayout<'db>,
    cls: &mut Eightbytes,
    off: u64,
) -> Result<bool> {
    if off % layout.align() != 0 {
        return Ok(layout.is_zst());
    }
    match layout.layout.backend_repr {
        BackendRepr::Scalar(s) => mark(
            cls,
            off,
            s.size(&*super::DL).bytes(),
            scalar_class(tcx, layout, s.primitive())?,
        ),
        BackendRepr::ScalarPair(a, b) => {
            let a_size = a.size(&*super::DL).bytes();
            let b_off = a_size.next_multiple_of(b.align(&*super::DL).abi.bytes());
            mark(cls, off, a_size, scalar_class(tcx, layout, a.primitive())?);
            mark(
                cls,
                off + b_off,
                b.size(&*super::DL).bytes(),
                scalar_class(tcx, layout, b.primitive())?,
            );
        }
        BackendRepr::SimdVector { .. } | BackendRepr::SimdScalableVector { .. } => bail!(
            "passing the vector `{}` through the C ABI is not supported by rac",
            tcx.display(layout.ty)
        ),
        BackendRepr::Memory { .. } => {
            let l = &layout.layout;
            let mut parts: Vec<(u64, Vec<Ty<'db>>, &FieldsShape<_>)> = Vec::new();
            match &l.variants {
                Variants::Empty => {}
                // The tag, and every variant's fields as if they were the members of a union.
                Variants::Multiple {
                    tag,
                    tag_field,
                    variants,
                    ..
                } => {
                    let tag_off = l
                        .fields
                        .offset(crate::common::field_idx(*tag_field))
                        .bytes();
                    mark(
                        cls,
                        off + tag_off,
                        tag.size(&*super::DL).bytes(),
                        Class::Int,
                    );
                    for (idx, vl) in variants.iter_enumerated() {
                        parts.push((off, field_tys(tcx, layout.ty, Some(idx.0))?, &vl.fields));
                    }
                }
                Variants::Single { index } => {
                    let variant = matches!(layout.ty.kind(), TyKind::Adt(def, _) if matches!(def.def_id(), AdtId::EnumId(_)))
                        .then_some(index.0);
                    parts.push((off, field_tys(tcx, layout.ty, variant)?, &l.fields));
                }
            }
            for (base, tys, fields) in parts {
                for (i, t) in tys.into_iter().enumerate() {
                    let fl = tcx.layout_of(t)?;
                    if !classify(tcx, &fl, cls, base + fields.offset(i).bytes())? {
                        return Ok(false);
                    }
                }
            }
        }
    }
    Ok(true)
}

fn scalar_class<'db>(tcx: &TyCx<'db>, layout: &TyAndLayout<'db>, p: Primitive) -> Result<Class> {
    Ok(match p {
        Primitive::Int(..) | Primitive::Pointer(_) => Class::Int,
        Primitive::Float(ra_ap_rustc_abi::Float::F32 | ra_ap_rustc_abi::Float::F64) => Class::Sse,
        Primitive::Float(_) => bail!(
            "passing `{}` (an f16 or f128) through the C ABI is not supported by rac",
            tcx.display(layout.ty)
        ),
    })
}

fn mark(cls: &mut Eightbytes, off: u64, size: u64, c: Class) {
    for eightbyte in off / 8..=(off + size - 1) / 8 {
        let slot = &mut cls[eightbyte as usize];
        *slot = Some(slot.map_or(c, |old| old.min(c)));
    }
}

/// The field types of a memory-laid-out type (of one enum variant when `variant` is set),
/// in the order of its layout's fields.
fn field_tys<'db>(tcx: &TyCx<'db>, ty: Ty<'db>, variant: Option<usize>) -> Result<Vec<Ty<'db>>> {
    let db = tcx.db;
    Ok(match ty.kind() {
        TyKind::Tuple(tys) => tys.iter().collect(),
        TyKind::Closure(_, args) => args
            .as_closure()
            .upvar_tys()
            .iter()
            .map(|t| tcx.mono(t))
            .collect(),
        TyKind::Array(elem, _) => {
            let layout = tcx.layout_of(ty)?;
            let n = match layout.layout.fields {
                FieldsShape::Array { count, .. } => count,
                _ => 0,
            };
            vec![elem; n as usize]
        }
        TyKind::Adt(def, args) => {
            let variant_id: VariantId = match (def.def_id(), variant) {
                (AdtId::StructId(s), _) => s.into(),
                (AdtId::UnionId(u), _) => u.into(),
                (AdtId::EnumId(_), None) => bail!("an enum's fields without a variant"),
                (AdtId::EnumId(e), Some(idx)) => {
                    let (v, _) = *e
                        .enum_variants(db)
                        .variants
                        .values()
                        .nth(idx)
                        .ok_or_else(|| anyhow::anyhow!("enum variant {idx} out of range"))?;
                    v.into()
                }
            };
            db.field_types(variant_id)
                .iter()
                .map(|(_, f)| tcx.instantiate(f.ty().skip_binder(), args))
                .collect()
        }
        _ => bail!(
            "passing `{}` through the C ABI is not supported by rac",
            tcx.display(ty)
        ),
    })
}
