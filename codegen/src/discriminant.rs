//! Enum tags in rustc's encoding: reading and writing them in generated code, and the
//! same encoding as pure functions over bytes for constants (`constant.rs`).
//!
//! `TagEncoding::Direct` stores the variant's discriminant in the tag; `Niche` stores
//! `niche_start + (variant - niche_variants.start)` for the variants in `niche_variants`
//! other than `untagged_variant`, which stores nothing (its data's invalid values are the
//! niche).

use anyhow::{Result, anyhow};
use cranelift_codegen::ir::{InstBuilder, Value, condcodes::IntCC, types};
use ra_ap_hir_def::{AdtId, EnumId};
use ra_ap_hir_ty::db::HirDatabase;
use ra_ap_hir_ty::layout::{Layout, RustcEnumVariantIdx};
use ra_ap_hir_ty::next_solver::TyKind;
use ra_ap_rustc_abi::{Scalar, TagEncoding, TargetDataLayout, Variants};
use ra_ap_rustc_type_ir::inherent::IntoKind;

use crate::common::{FunctionCx, field_idx};
use crate::ty::TyAndLayout;
use crate::value_and_place::{CPlace, flags};

/// A tag to store: where, of which scalar type, and its value (zero-extended).
pub(crate) struct Tag {
    pub offset: u64,
    pub scalar: Scalar,
    pub value: u128,
}

fn enum_of(layout: &TyAndLayout<'_>) -> Option<EnumId> {
    match layout.ty.kind() {
        TyKind::Adt(def, _) => match def.def_id() {
            AdtId::EnumId(e) => Some(e),
            _ => None,
        },
        _ => None,
    }
}

/// The discriminant of each variant of `e`, in declaration order.
fn discriminants(db: &dyn HirDatabase, e: EnumId) -> Vec<Result<i128>> {
    e.enum_variants(db)
        .variants
        .values()
        .map(|(v, _)| {
            db.const_eval_discriminant(*v)
                .map_err(|err| anyhow!("cannot evaluate a discriminant: {err:?}"))
        })
        .collect()
}

/// The tag rustc stores for variant `vidx` of enum `e` laid out as `layout`; `None` when
/// that variant stores none (a single-variant layout, a niche's untagged variant).
pub(crate) fn tag_of_variant(
    db: &dyn HirDatabase,
    layout: &Layout,
    e: EnumId,
    vidx: usize,
) -> Result<Option<Tag>> {
    let Variants::Multiple {
        tag,
        tag_encoding,
        tag_field,
        ..
    } = &layout.variants
    else {
        return Ok(None);
    };
    let offset = layout.fields.offset(field_idx(*tag_field)).bytes();
    let value = match tag_encoding {
        TagEncoding::Direct => discriminants(db, e)
            .into_iter()
            .nth(vidx)
            .ok_or_else(|| anyhow!("no variant {vidx}"))?? as u128,
        TagEncoding::Niche {
            untagged_variant,
            niche_variants,
            niche_start,
        } => {
            if vidx == untagged_variant.0 {
                return Ok(None);
            }
            ((vidx - niche_variants.start().0) as u128).wrapping_add(*niche_start)
        }
    };
    Ok(Some(Tag {
        offset,
        scalar: *tag,
        value,
    }))
}

/// Where and how a layout with several variants stores its tag.
pub(crate) struct TagInfo<'a> {
    pub tag: Scalar,
    pub encoding: &'a TagEncoding<RustcEnumVariantIdx>,
    /// The tag field's offset in rustc's layout (r-a's evaluator puts it at field 0).
    pub offset: u64,
    pub variant_count: usize,
}

/// The tag of `layout`, or (`Err`) the variant every value has: `None` for an uninhabited
/// enum.
pub(crate) fn tag_info(layout: &Layout) -> Result<TagInfo<'_>, Option<usize>> {
    match &layout.variants {
        Variants::Empty => Err(None),
        Variants::Single { index } => Err(Some(index.0)),
        Variants::Multiple {
            tag,
            tag_encoding,
            tag_field,
            variants,
        } => Ok(TagInfo {
            tag: *tag,
            encoding: tag_encoding,
            offset: layout.fields.offset(field_idx(*tag_field)).bytes(),
            variant_count: variants.len(),
        }),
    }
}

/// The variant index stored in the bytes of a value of enum `e` laid out as `layout`.
pub(crate) fn variant_of_bytes(
    db: &dyn HirDatabase,
    dl: &TargetDataLayout,
    layout: &Layout,
    e: EnumId,
    bytes: &[u8],
) -> Option<usize> {
    let t = match tag_info(layout) {
        Ok(t) => t,
        Err(single) => return single,
    };
    let (raw, val) = read_tag(t.tag, dl, bytes, t.offset as usize)?;
    match t.encoding {
        TagEncoding::Direct => discriminants(db, e)
            .iter()
            .position(|d| d.as_ref().is_ok_and(|d| *d == val)),
        TagEncoding::Niche {
            untagged_variant,
            niche_variants,
            niche_start,
        } => {
            let size = t.tag.size(dl).bytes() as usize;
            let mask = if size >= 16 {
                u128::MAX
            } else {
                (1u128 << (size * 8)) - 1
            };
            let rel = raw.wrapping_sub(*niche_start) & mask;
            let range = (niche_variants.end().0 - niche_variants.start().0) as u128;
            if rel <= range {
                let idx = niche_variants.start().0 + rel as usize;
                (idx < t.variant_count).then_some(idx)
            } else {
                Some(untagged_variant.0)
            }
        }
    }
}

/// The tag stored at `offset` in `bytes`: its bits zero-extended, and its value as its
/// integer type reads it (sign-extended when signed). A niche tag may be a pointer
/// (`Option<fn()>`), whose size comes from the data layout.
pub(crate) fn read_tag(
    tag: Scalar,
    dl: &TargetDataLayout,
    bytes: &[u8],
    offset: usize,
) -> Option<(u128, i128)> {
    let size = tag.size(dl).bytes() as usize;
    let mut b = [0u8; 16];
    b[..size].copy_from_slice(bytes.get(offset..offset + size)?);
    let raw = u128::from_le_bytes(b);
    let signed = matches!(tag.primitive(), ra_ap_rustc_abi::Primitive::Int(_, true));
    let val = if signed && size < 16 {
        let shift = 128 - size * 8;
        ((raw << shift) as i128) >> shift
    } else {
        raw as i128
    };
    Some((raw, val))
}

impl<'a, 'db> FunctionCx<'a, 'db> {
    /// The discriminant value (not the variant index) of the enum in `place`, as an I128-
    /// or narrower integer of the discriminant's type.
    pub fn read_discriminant(&mut self, place: &CPlace<'db>) -> Result<Value> {
        let layout = place.layout.clone();
        let TyKind::Adt(def, _) = layout.ty.kind() else {
            return Ok(self.bcx.ins().iconst(types::I64, 0));
        };
        let ra_ap_hir_def::AdtId::EnumId(e) = def.def_id() else {
            return Ok(self.bcx.ins().iconst(types::I64, 0));
        };
        let db = self.cx.tcx.db;
        let variants_ids: Vec<_> = e
            .enum_variants(db)
            .variants
            .values()
            .map(|(v, _)| *v)
            .collect();
        let discr_of = |idx: usize| {
            db.const_eval_discriminant(variants_ids[idx])
                .unwrap_or(idx as i128)
        };
        match &layout.layout.variants {
            Variants::Empty => Ok(self.bcx.ins().iconst(types::I64, 0)),
            Variants::Single { index } => {
                let d = discr_of(index.0);
                Ok(self.bcx.ins().iconst(types::I64, d as i64))
            }
            Variants::Multiple {
                tag,
                tag_encoding,
                tag_field,
                variants,
            } => {
                let tag_off = layout.layout.fields.offset(field_idx(*tag_field)).bytes();
                let tag_ty = crate::abi::scalar_type(*tag);
                let tag_ptr = self.offset_ptr(place.ptr, tag_off as i64);
                let tag_val = self.bcx.ins().load(tag_ty, flags(), tag_ptr, 0);
                let signed = matches!(tag.primitive(), ra_ap_rustc_abi::Primitive::Int(_, true));
                match tag_encoding {
                    ra_ap_rustc_abi::TagEncoding::Direct => {
                        Ok(crate::num::int_cast(self, tag_val, types::I64, signed))
                    }
                    ra_ap_rustc_abi::TagEncoding::Niche {
                        untagged_variant,
                        niche_variants,
                        niche_start,
                    } => {
                        // rustc: relative = tag - niche_start; if relative <= end - start then
                        // variant = start + relative else untagged.
                        let start_idx = niche_variants.start().0 as u64;
                        let end_idx = niche_variants.end().0 as u64;
                        let wide = if tag_ty == types::I128 {
                            types::I128
                        } else {
                            types::I64
                        };
                        let tv = crate::num::int_cast(self, tag_val, wide, false);
                        let ns = crate::num::iconst_u128(self, wide, *niche_start);
                        let rel = self.bcx.ins().isub(tv, ns);
                        let rel = if wide.bits() > tag_ty.bits() {
                            let masked = crate::num::mask_to(self, rel, tag_ty.bits());
                            masked
                        } else {
                            rel
                        };
                        let range = end_idx - start_idx;
                        let in_range = self.bcx.ins().icmp_imm_s(
                            IntCC::UnsignedLessThanOrEqual,
                            rel,
                            range as i64,
                        );
                        let rel64 = crate::num::int_cast(self, rel, types::I64, false);
                        let idx = self.bcx.ins().iadd_imm_s(rel64, start_idx as i64);
                        let untagged = self.bcx.ins().iconst(types::I64, untagged_variant.0 as i64);
                        let vidx = self.bcx.ins().select(in_range, idx, untagged);
                        // Map variant index to discriminant value.
                        let identity = (0..variants.len()).all(|i| discr_of(i) == i as i128);
                        if identity {
                            return Ok(vidx);
                        }
                        let mut result = self.bcx.ins().iconst(types::I64, discr_of(0) as i64);
                        for i in 1..variants.len() {
                            let is_i = self.bcx.ins().icmp_imm_s(IntCC::Equal, vidx, i as i64);
                            let d = self.bcx.ins().iconst(types::I64, discr_of(i) as i64);
                            result = self.bcx.ins().select(is_i, d, result);
                        }
                        Ok(result)
                    }
                }
            }
        }
    }

    pub fn write_discriminant(&mut self, place: &CPlace<'db>, variant_idx: usize) -> Result<()> {
        if !matches!(place.layout.layout.variants, Variants::Multiple { .. }) {
            return Ok(());
        }
        let e = enum_of(&place.layout).ok_or_else(|| anyhow!("a tagged layout of a non-enum"))?;
        let Some(tag) = tag_of_variant(self.cx.tcx.db, &place.layout.layout, e, variant_idx)?
        else {
            return Ok(());
        };
        let tag_ty = crate::abi::scalar_type(tag.scalar);
        let ptr = self.offset_ptr(place.ptr, tag.offset as i64);
        let v = crate::num::iconst_u128(self, tag_ty, tag.value);
        self.bcx.ins().store(flags(), v, ptr, 0);
        Ok(())
    }
}
