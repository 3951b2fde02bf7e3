//! Re-laying out rust-analyzer's evaluated constants in rustc's layout: r-a's interpreter
//! used its own layouts and its own niche encoding of enum tags.

use anyhow::{Result, anyhow};
use ra_ap_hir_def::AdtId;
use ra_ap_hir_ty::next_solver::{Ty, TyKind};
use ra_ap_rustc_abi::Variants;
use ra_ap_rustc_type_ir::inherent::IntoKind;

use crate::cx::CodegenCx;

/// Re-lays out the bytes of a constant rust-analyzer evaluated: r-a's interpreter used r-a's
/// own layouts (which lack `NonNull`'s niche) and its own niche encoding of enums; rac's
/// code expects rustc's. Walks the type and moves every field to rustc's offset, re-encoding
/// enum tags the way rustc does.
pub fn repack<'db>(cx: &CodegenCx<'db>, ty: Ty<'db>, src: &[u8]) -> Result<Vec<u8>> {
    let ours = cx.tcx.layout_of(ty)?;
    let size = ours.size() as usize;
    let mut out = vec![0u8; size];
    match ty.kind() {
        TyKind::Adt(..) | TyKind::Tuple(_) | TyKind::Array(..) | TyKind::Closure(..) => {
            let theirs = cx
                .tcx
                .db
                .layout_of_ty(ty.store(), cx.tcx.env.store())
                .map_err(|e| {
                    anyhow!(
                        "rust-analyzer has no layout for a constant of type `{}`: {e:?}",
                        cx.tcx.display(ty)
                    )
                })?;
            repack_into(cx, ty, &ours.layout, &theirs, src, &mut out)?;
        }
        _ => {
            // r-a stores `&[u8; N]` byte-string constants as (pointer, length); the
            // pointer comes first, the rest is dropped.
            let n = size.min(src.len());
            out[..n].copy_from_slice(&src[..n]);
        }
    }
    Ok(out)
}

fn repack_into<'db>(
    cx: &CodegenCx<'db>,
    ty: Ty<'db>,
    ours: &ra_ap_hir_ty::layout::Layout,
    theirs: &ra_ap_hir_ty::layout::Layout,
    src: &[u8],
    out: &mut [u8],
) -> Result<()> {
    let db = cx.tcx.db;
    let copy_field = |t: Ty<'db>, from: usize, to: usize, out: &mut [u8]| -> Result<()> {
        let tl = db
            .layout_of_ty(t.store(), cx.tcx.env.store())
            .map_err(|e| anyhow!("{e:?}"))?;
        let n = tl.size.bytes() as usize;
        let part = src.get(from..from + n).unwrap_or(&[]);
        let packed = repack(cx, t, part)?;
        let end = (to + packed.len()).min(out.len());
        out[to..end].copy_from_slice(&packed[..end - to]);
        Ok(())
    };
    match ty.kind() {
        TyKind::Tuple(tys) => {
            for (i, t) in tys.iter().enumerate() {
                copy_field(
                    t,
                    theirs.fields.offset(i).bytes() as usize,
                    ours.fields.offset(i).bytes() as usize,
                    out,
                )?;
            }
        }
        TyKind::Closure(_, args) => {
            let upvars = ra_ap_rustc_type_ir::inherent::GenericArgs::as_closure(args).upvar_tys();
            for (i, t) in upvars.iter().enumerate() {
                let t = cx.tcx.mono(t);
                copy_field(
                    t,
                    theirs.fields.offset(i).bytes() as usize,
                    ours.fields.offset(i).bytes() as usize,
                    out,
                )?;
            }
        }
        TyKind::Array(elem, n) => {
            let n = ra_ap_hir_ty::consteval::try_const_usize(db, n).unwrap_or(0) as usize;
            let their_stride = match theirs.fields {
                ra_ap_rustc_abi::FieldsShape::Array { stride, .. } => stride.bytes() as usize,
                _ => 0,
            };
            let our_stride = match ours.fields {
                ra_ap_rustc_abi::FieldsShape::Array { stride, .. } => stride.bytes() as usize,
                _ => 0,
            };
            for i in 0..n {
                copy_field(elem, i * their_stride, i * our_stride, out)?;
            }
        }
        TyKind::Adt(def, args) => match def.def_id() {
            AdtId::StructId(s) => {
                for (i, (_, f)) in db.field_types(s.into()).iter().enumerate() {
                    let t = cx.tcx.instantiate(f.ty().skip_binder(), args);
                    copy_field(
                        t,
                        theirs.fields.offset(i).bytes() as usize,
                        ours.fields.offset(i).bytes() as usize,
                        out,
                    )?;
                }
            }
            AdtId::UnionId(_) => {
                let n = out.len().min(src.len());
                out[..n].copy_from_slice(&src[..n]);
            }
            AdtId::EnumId(e) => {
                let Some(vidx) = ra_variant_of_bytes(cx, theirs, src, e) else {
                    return Ok(());
                };
                let vid = e
                    .enum_variants(db)
                    .variants
                    .values()
                    .nth(vidx)
                    .map(|(v, _)| *v)
                    .unwrap();
                let (their_v, our_v) = match (&theirs.variants, &ours.variants) {
                    (
                        Variants::Multiple { variants: tv, .. },
                        Variants::Multiple { variants: ov, .. },
                    ) => {
                        let k = ra_ap_hir_ty::layout::RustcEnumVariantIdx(vidx);
                        (tv[k].clone(), ov[k].clone())
                    }
                    _ => (theirs.clone(), ours.clone()),
                };
                for (i, (_, f)) in db.field_types(vid.into()).iter().enumerate() {
                    let t = cx.tcx.instantiate(f.ty().skip_binder(), args);
                    copy_field(
                        t,
                        their_v.fields.offset(i).bytes() as usize,
                        our_v.fields.offset(i).bytes() as usize,
                        out,
                    )?;
                }
                if let Some(tag) = crate::discriminant::tag_of_variant(db, ours, e, vidx)? {
                    let (off, size) = (
                        tag.offset as usize,
                        tag.scalar.size(cx.tcx.dl).bytes() as usize,
                    );
                    out[off..off + size].copy_from_slice(&tag.value.to_le_bytes()[..size]);
                }
            }
        },
        _ => {}
    }
    Ok(())
}

/// The variant of an enum value as rust-analyzer's interpreter encoded it. Not rustc's
/// encoding (`discriminant.rs`): r-a's interpreter puts the tag at field 0 and numbers niche
/// values by position among the variants other than the untagged one.
fn ra_variant_of_bytes(
    cx: &CodegenCx<'_>,
    layout: &ra_ap_hir_ty::layout::Layout,
    b: &[u8],
    e: ra_ap_hir_def::EnumId,
) -> Option<usize> {
    let db = cx.tcx.db;
    let t = match crate::discriminant::tag_info(layout) {
        Ok(t) => t,
        Err(single) => return single,
    };
    let offset = layout.fields.offset(0).bytes() as usize;
    let (raw, val) = crate::discriminant::read_tag(t.tag, cx.tcx.dl, b, offset)?;
    let raw = raw as i128;
    match t.encoding {
        ra_ap_rustc_abi::TagEncoding::Direct => {
            e.enum_variants(db).variants.values().position(|(v, _)| {
                let d = db.const_eval_discriminant(*v).ok();
                d == Some(val) || d == Some(raw)
            })
        }
        ra_ap_rustc_abi::TagEncoding::Niche {
            untagged_variant,
            niche_start,
            ..
        } => {
            let candidate = raw.wrapping_sub(*niche_start as i128) as usize;
            let v = (0..t.variant_count)
                .filter(|&x| x != untagged_variant.0)
                .nth(candidate)
                .unwrap_or(untagged_variant.0);
            Some(v)
        }
    }
}
