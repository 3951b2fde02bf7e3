//! Unsizing coercions: `&[T; N]` → `&[T]`, `&T` → `&dyn Trait`, `Box<T>` → `Box<dyn Trait>`,
//! `Rc<T>` → `Rc<dyn Trait>`, trait upcasts, through any `CoerceUnsized` struct.

use anyhow::{Result, bail};
use cranelift_codegen::ir::{InstBuilder, Value};
use ra_ap_hir_def::AdtId;
use ra_ap_hir_ty::next_solver::{Ty, TyKind};
use ra_ap_rustc_abi::BackendRepr;
use ra_ap_rustc_type_ir::inherent::{BoundExistentialPredicates, IntoKind};

use crate::common::FunctionCx;
use crate::value_and_place::{CValue, PTR, flags};

pub fn coerce_unsized<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    v: CValue<'db>,
    from: Ty<'db>,
    to: Ty<'db>,
) -> Result<CValue<'db>> {
    let out = fx.layout_of(to)?;
    if from == to {
        // r-a re-coerces values that are already unsized (`Box<dyn Tr>` to itself).
        return Ok(v.with_layout(out));
    }
    let (src_pointee, dst_pointee) = pointee_pair(fx, from, to)?;
    let (ptr, old_meta) = match v.layout.layout.backend_repr {
        BackendRepr::Scalar(_) => (v.load_scalar(fx), None),
        BackendRepr::ScalarPair(..) => {
            let (a, b) = v.load_scalar_pair(fx);
            (a, Some(b))
        }
        _ => bail!("unsizing a value that is not a pointer"),
    };
    let meta = unsized_info(fx, src_pointee, dst_pointee, old_meta)?;
    Ok(CValue::by_val_pair(ptr, meta, out))
}

/// The pointee types that change in a coercion between two pointer-like types.
fn pointee_pair<'db>(
    fx: &FunctionCx<'_, 'db>,
    from: Ty<'db>,
    to: Ty<'db>,
) -> Result<(Ty<'db>, Ty<'db>)> {
    match (from.kind(), to.kind()) {
        (
            TyKind::Ref(_, a, _) | TyKind::RawPtr(a, _),
            TyKind::Ref(_, b, _) | TyKind::RawPtr(b, _),
        ) => Ok((a, b)),
        (TyKind::Adt(da, aa), TyKind::Adt(db_, ab)) if da.def_id() == db_.def_id() => {
            let AdtId::StructId(s) = da.def_id() else {
                bail!("unsizing an enum or union")
            };
            let tcx = &fx.cx.tcx;
            let fields = tcx.db.field_types(s.into());
            for (_, f) in fields.iter() {
                let fa = tcx.instantiate(f.ty().skip_binder(), aa);
                let fb = tcx.instantiate(f.ty().skip_binder(), ab);
                if fa != fb {
                    return pointee_pair(fx, fa, fb);
                }
            }
            bail!(
                "no field changes in an unsizing coercion from `{}` to `{}`",
                fx.cx.tcx.display(from),
                fx.cx.tcx.display(to)
            )
        }
        _ => bail!(
            "unsupported unsizing from `{}` to `{}`",
            fx.cx.tcx.display(from),
            fx.cx.tcx.display(to)
        ),
    }
}

/// The pointer metadata for turning a pointer to `src` into a pointer to `dst`.
fn unsized_info<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    src: Ty<'db>,
    dst: Ty<'db>,
    old_meta: Option<Value>,
) -> Result<Value> {
    match (src.kind(), dst.kind()) {
        (TyKind::Array(_, n), TyKind::Slice(_)) => {
            let n = ra_ap_hir_ty::consteval::try_const_usize(fx.cx.tcx.db, n).unwrap_or(0);
            Ok(fx.bcx.ins().iconst(PTR, n as i64))
        }
        (TyKind::Dynamic(a, _), TyKind::Dynamic(b, _)) => {
            let old = old_meta.ok_or_else(|| anyhow::anyhow!("upcast without a vtable"))?;
            // Same principal (or dropping auto traits): the vtable is unchanged. Upcasting to
            // the first-supertrait chain reuses it too; other supertraits have a vptr slot.
            let (Some(pa), Some(pb)) = (a.principal_def_id(), b.principal_def_id()) else {
                return Ok(old);
            };
            if pa == pb {
                return Ok(old);
            }
            let tcx = &fx.cx.tcx;
            let pr = crate::vtable::principal(tcx, src, src)?;
            let entries = crate::vtable::vtable_entries(tcx, pr);
            let slot = entries
                .iter()
                .position(|e| matches!(e, crate::vtable::Entry::TraitVPtr(t) if t.def_id == pb));
            match slot {
                Some(i) => Ok(fx.bcx.ins().load(PTR, flags(), old, (i * 8) as i32)),
                None => Ok(old),
            }
        }
        (_, TyKind::Dynamic(..)) => {
            let id = crate::vtable::get_vtable(fx.cx, src, dst)?;
            Ok(fx.data_addr(id))
        }
        (TyKind::Adt(da, aa), TyKind::Adt(db_, ab)) if da.def_id() == db_.def_id() => {
            let AdtId::StructId(s) = da.def_id() else {
                bail!("unsizing an enum")
            };
            let tcx = &fx.cx.tcx;
            let fields = tcx.db.field_types(s.into());
            let (_, last) = fields
                .iter()
                .last()
                .ok_or_else(|| anyhow::anyhow!("unsizing an empty struct"))?;
            let fa = tcx.instantiate(last.ty().skip_binder(), aa);
            let fb = tcx.instantiate(last.ty().skip_binder(), ab);
            unsized_info(fx, fa, fb, old_meta)
        }
        (TyKind::Tuple(ta), TyKind::Tuple(tb)) if ta.len() == tb.len() && !ta.is_empty() => {
            let a = *ta.as_slice().last().unwrap();
            let b = *tb.as_slice().last().unwrap();
            unsized_info(fx, a, b, old_meta)
        }
        _ => bail!(
            "unsupported unsizing from `{}` to `{}`",
            fx.cx.tcx.display(src),
            fx.cx.tcx.display(dst)
        ),
    }
}
