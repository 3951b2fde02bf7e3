//! Bodies of builtin `#[derive]` methods. rust-analyzer records builtin derives without
//! expanding them, so there is no MIR; rac generates what rustc's expansion does:
//!
//! - `Clone::clone`: field-wise `clone`, per variant for enums;
//! - `Debug::fmt`: `Formatter::debug_{struct,tuple}_fields_finish` or `write_str` for
//!   unit shapes, so the output is exactly rustc's (`{:?}` and `{:#?}`);
//! - `PartialEq::eq`: discriminants, then fields, short-circuiting;
//! - `PartialOrd::partial_cmp` / `Ord::cmp`: discriminant values (in the enum's repr type),
//!   then fields lexicographically;
//! - `Hash::hash`: the discriminant (in the repr type, `isize` by default) for
//!   multi-variant enums, then fields;
//! - `Default::default`: field-wise `default`, or the `#[default]` unit variant.

use anyhow::{Result, anyhow, bail};
use cranelift_codegen::ir::{Block, InstBuilder, Value, condcodes::IntCC, types};
use ra_ap_hir_def::builtin_derive::BuiltinDeriveImplMethod;
use ra_ap_hir_def::item_tree::FieldsShape;
use ra_ap_hir_def::signatures::StructSignature;
use ra_ap_hir_def::{AdtId, BuiltinDeriveImplId, FunctionId, TraitId, VariantId};
use ra_ap_hir_ty::next_solver::{GenericArgs, SimplifiedType, SolverDefId, Ty, TyKind};
use ra_ap_rustc_abi::Variants;
use ra_ap_rustc_type_ir::inherent::{GenericArgs as _, IntoKind};

use crate::call::CallArg;
use crate::common::FunctionCx;
use crate::value_and_place::{CPlace, CValue, PTR, flags};

pub fn is_supported(method: BuiltinDeriveImplMethod) -> bool {
    use BuiltinDeriveImplMethod as M;
    matches!(
        method,
        M::clone | M::fmt | M::eq | M::partial_cmp | M::cmp | M::hash | M::default
    )
}

struct Field<'db> {
    name: String,
    ty: Ty<'db>,
    offset: u64,
}

struct Variant<'db> {
    /// Index in the enum (0 for structs).
    index: usize,
    discr: i128,
    name: String,
    shape: FieldsShape,
    fields: Vec<Field<'db>>,
    id: VariantId,
}

fn variants_of<'db>(fx: &FunctionCx<'_, 'db>, self_ty: Ty<'db>) -> Result<Vec<Variant<'db>>> {
    let tcx = &fx.cx.tcx;
    let db = tcx.db;
    let TyKind::Adt(def, args) = self_ty.kind() else {
        bail!("derive on a non-ADT")
    };
    let layout = tcx.layout_of(self_ty)?;
    let make = |index: usize,
                id: VariantId,
                name: String,
                discr: i128,
                vl: &ra_ap_hir_ty::layout::Layout|
     -> Result<Variant<'db>> {
        let vf = id.fields(db);
        let types = db.field_types(id);
        let mut fields = Vec::new();
        for (i, (local, data)) in vf.fields().iter().enumerate() {
            let ty = tcx.instantiate(types[local].ty().skip_binder(), args);
            fields.push(Field {
                name: data.name.as_str().to_owned(),
                ty,
                offset: vl.fields.offset(i).bytes(),
            });
        }
        Ok(Variant {
            index,
            discr,
            name,
            shape: vf.shape,
            fields,
            id,
        })
    };
    match def.def_id() {
        AdtId::StructId(s) => {
            let name = StructSignature::of(db, s).name.as_str().to_owned();
            Ok(vec![make(0, s.into(), name, 0, &layout.layout)?])
        }
        AdtId::EnumId(e) => {
            let mut out = Vec::new();
            for (i, (name, (vid, _))) in e.enum_variants(db).variants.iter().enumerate() {
                let (vid, vname) = (*vid, name.as_str().to_owned());
                let discr = db
                    .const_eval_discriminant(vid)
                    .map_err(|e| anyhow!("discriminant: {e:?}"))?;
                let vl = match &layout.layout.variants {
                    Variants::Multiple { variants, .. } => {
                        variants[ra_ap_hir_ty::layout::RustcEnumVariantIdx(i)].clone()
                    }
                    _ => (*layout.layout).clone(),
                };
                out.push(make(i, vid.into(), vname, discr, &vl)?);
            }
            Ok(out)
        }
        AdtId::UnionId(_) => bail!("derives on unions are not supported"),
    }
}

/// Runs `body` for the variant stored in `place` (structs: the one variant), then joins.
fn for_each_variant<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    place: &CPlace<'db>,
    variants: &[Variant<'db>],
    mut body: impl FnMut(&mut FunctionCx<'_, 'db>, &Variant<'db>, Block) -> Result<()>,
) -> Result<()> {
    let done = fx.bcx.create_block();
    if variants.len() == 1 && matches!(place.layout.layout.variants, Variants::Single { .. }) {
        body(fx, &variants[0], done)?;
        fx.bcx.switch_to_block(done);
        return Ok(());
    }
    if variants.is_empty() {
        fx.bcx
            .ins()
            .trap(cranelift_codegen::ir::TrapCode::user(10).unwrap());
        fx.bcx.switch_to_block(done);
        return Ok(());
    }
    let d = fx.read_discriminant(place)?;
    let d = crate::num::int_cast(fx, d, types::I64, true);
    let blocks: Vec<Block> = variants.iter().map(|_| fx.bcx.create_block()).collect();
    let cases: Vec<(u128, Block)> = variants
        .iter()
        .zip(&blocks)
        .map(|(v, b)| (v.discr as i64 as u64 as u128, *b))
        .collect();
    let unreachable = fx.bcx.create_block();
    fx.codegen_switch(d, &cases, unreachable);
    fx.bcx.switch_to_block(unreachable);
    fx.bcx
        .ins()
        .trap(cranelift_codegen::ir::TrapCode::user(10).unwrap());
    for (v, b) in variants.iter().zip(blocks) {
        fx.bcx.switch_to_block(b);
        body(fx, v, done)?;
    }
    fx.bcx.switch_to_block(done);
    Ok(())
}

fn field_ref<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    base: Value,
    f: &Field<'db>,
) -> Result<CValue<'db>> {
    let p = fx.offset_ptr(base, f.offset as i64);
    let rt = fx.cx.tcx.imm_ref(f.ty);
    Ok(CValue::by_val(p, fx.layout_of(rt)?))
}

pub fn codegen_derive<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    id: BuiltinDeriveImplId,
    method: BuiltinDeriveImplMethod,
    targs: GenericArgs<'db>,
    args: Vec<CValue<'db>>,
    ret: &CPlace<'db>,
) -> Result<()> {
    use BuiltinDeriveImplMethod as M;
    let self_ty = targs.type_at(0);
    let trait_fn = method
        .trait_method(fx.cx.tcx.db, id)
        .ok_or_else(|| anyhow!("derive trait method"))?;
    let trait_id = crate::vtable::trait_of_method(&fx.cx.tcx, trait_fn)
        .ok_or_else(|| anyhow!("derive trait"))?;
    if let TyKind::Adt(def, _) = self_ty.kind()
        && let AdtId::UnionId(_) = def.def_id()
    {
        // Unions can only derive `Clone` together with `Copy`: the clone is a copy.
        if method != M::clone {
            bail!("derive of `{}` on a union", method.name().as_str());
        }
        let p = args[0].load_scalar(fx);
        let l = fx.layout_of(self_ty)?;
        ret.write(fx, CValue::by_ref(p, l));
        return Ok(());
    }
    let variants = variants_of(fx, self_ty)?;
    let self_layout = fx.layout_of(self_ty)?;
    match method {
        // `#[derive(Clone)]` on a union needs `Copy` and expands to `*self`: a bitwise
        // copy (cloning each field in turn would let a shorter field have the last word).
        M::clone if matches!(self_ty.kind(), TyKind::Adt(def, _) if matches!(def.def_id(), AdtId::UnionId(_))) =>
        {
            let base = args[0].load_scalar(fx);
            ret.write(fx, CValue::by_ref(base, self_layout.clone()));
            Ok(())
        }
        M::clone => {
            let base = args[0].load_scalar(fx);
            let place = CPlace::new(base, self_layout.clone());
            let ret = ret.clone();
            for_each_variant(fx, &place, &variants, |fx, v, done| {
                for f in &v.fields {
                    let fl = fx.layout_of(f.ty)?;
                    if fl.is_zst() {
                        continue;
                    }
                    let src = field_ref(fx, base, f)?;
                    let dp = fx.offset_ptr(ret.ptr, f.offset as i64);
                    let dest = CPlace::new(dp, fl);
                    let a = GenericArgs::new_from_slice(&[f.ty.into()]);
                    call_by_ref(fx, trait_fn, a, vec![src], &dest)?;
                }
                fx.write_discriminant(&ret, v.index)?;
                fx.bcx.ins().jump(done, &[]);
                Ok(())
            })
        }
        M::default => {
            let ret = ret.clone();
            let v = match variants.as_slice() {
                [one] => one,
                many => many
                    .iter()
                    .find(|v| match v.id {
                        VariantId::EnumVariantId(e) => {
                            crate::attrs::variant_is_default(fx.cx.tcx.db, e)
                        }
                        _ => false,
                    })
                    .ok_or_else(|| anyhow!("no `#[default]` variant"))?,
            };
            for f in &v.fields {
                let fl = fx.layout_of(f.ty)?;
                let dp = fx.offset_ptr(ret.ptr, f.offset as i64);
                let dest = CPlace::new(dp, fl);
                let a = GenericArgs::new_from_slice(&[f.ty.into()]);
                call_by_ref(fx, trait_fn, a, vec![], &dest)?;
            }
            fx.write_discriminant(&ret, v.index)
        }
        M::fmt => debug_fmt(fx, trait_id, &variants, self_layout, args, ret),
        M::eq => {
            let a = args[0].load_scalar(fx);
            let b = args[1].load_scalar(fx);
            let pa = CPlace::new(a, self_layout.clone());
            let pb = CPlace::new(b, self_layout.clone());
            let result = fx.bcx.declare_var(types::I8);
            let zero = fx.bcx.ins().iconst(types::I8, 0);
            fx.bcx.def_var(result, zero);
            let end = fx.bcx.create_block();
            if variants.len() > 1 || !matches!(self_layout.layout.variants, Variants::Single { .. })
            {
                let da = fx.read_discriminant(&pa)?;
                let db_ = fx.read_discriminant(&pb)?;
                let same = fx.bcx.ins().icmp(IntCC::Equal, da, db_);
                let cont = fx.bcx.create_block();
                fx.bcx.ins().brif(same, cont, &[], end, &[]);
                fx.bcx.switch_to_block(cont);
            }
            for_each_variant(fx, &pa, &variants, |fx, v, done| {
                for f in &v.fields {
                    let bool_ty = fx.cx.tcx.interner.default_types().types.bool;
                    let targs = GenericArgs::new_from_slice(&[f.ty.into(), f.ty.into()]);
                    let r = call_on_fields(fx, trait_fn, targs, (a, b), f, bool_ty)?;
                    let next = fx.bcx.create_block();
                    fx.bcx.ins().brif(r, next, &[], end, &[]);
                    fx.bcx.switch_to_block(next);
                }
                let one = fx.bcx.ins().iconst(types::I8, 1);
                fx.bcx.def_var(result, one);
                fx.bcx.ins().jump(done, &[]);
                Ok(())
            })?;
            fx.bcx.ins().jump(end, &[]);
            fx.bcx.switch_to_block(end);
            let r = fx.bcx.use_var(result);
            ret.write(fx, CValue::by_val(r, ret.layout.clone()));
            Ok(())
        }
        M::partial_cmp | M::cmp => {
            ordering(fx, method, trait_fn, &variants, self_layout, args, ret)
        }
        M::hash => {
            let a = args[0].load_scalar(fx);
            let state = args[1].clone();
            let hasher_ty = targs.type_at(1);
            let pa = CPlace::new(a, self_layout.clone());
            if variants.len() > 1 {
                // rustc hashes `discriminant_value(self)` first: the discriminant in the
                // enum's `#[repr]` integer type (`isize` without one).
                let (discr_ty, signed) = discriminant_type(fx, self_ty);
                let d = fx.read_discriminant(&pa)?;
                let il = fx.layout_of(discr_ty)?;
                let d = crate::num::int_cast(fx, d, crate::num::clif_int_type(&il), signed);
                let tmp = fx.alloc_stack(il.clone());
                tmp.write(fx, CValue::by_val(d, il));
                let rl = fx.layout_of(fx.cx.tcx.imm_ref(discr_ty))?;
                let unit = fx.layout_of(fx.cx.tcx.unit())?;
                let dest = fx.alloc_stack(unit);
                let hargs = GenericArgs::new_from_slice(&[discr_ty.into(), hasher_ty.into()]);
                call_by_ref(
                    fx,
                    trait_fn,
                    hargs,
                    vec![CValue::by_val(tmp.ptr, rl), state.clone()],
                    &dest,
                )?;
            }
            for_each_variant(fx, &pa, &variants, |fx, v, done| {
                for f in &v.fields {
                    let fa = field_ref(fx, a, f)?;
                    let unit = fx.layout_of(fx.cx.tcx.unit())?;
                    let dest = fx.alloc_stack(unit);
                    let hargs = GenericArgs::new_from_slice(&[f.ty.into(), hasher_ty.into()]);
                    call_by_ref(fx, trait_fn, hargs, vec![fa, state.clone()], &dest)?;
                }
                fx.bcx.ins().jump(done, &[]);
                Ok(())
            })
        }
    }
}

/// `partial_cmp` (returning `Option<Ordering>`) and `cmp` (returning `Ordering`).
fn ordering<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    method: BuiltinDeriveImplMethod,
    trait_fn: FunctionId,
    variants: &[Variant<'db>],
    self_layout: crate::ty::TyAndLayout<'db>,
    args: Vec<CValue<'db>>,
    ret: &CPlace<'db>,
) -> Result<()> {
    let partial = matches!(method, BuiltinDeriveImplMethod::partial_cmp);
    let ret_ty = ret.layout.ty;
    if ret.layout.size() != 1 {
        bail!("unexpected layout of `{}`", fx.cx.tcx.display(ret_ty));
    }
    // Ordering is an i8 (-1, 0, 1); Option<Ordering> stores None as 2 in the same byte.
    let a = args[0].load_scalar(fx);
    let b = args[1].load_scalar(fx);
    let pa = CPlace::new(a, self_layout.clone());
    let pb = CPlace::new(b, self_layout.clone());
    let result = fx.bcx.declare_var(types::I8);
    let zero = fx.bcx.ins().iconst(types::I8, 0);
    fx.bcx.def_var(result, zero);
    let end = fx.bcx.create_block();
    if variants.len() > 1 {
        // Variants compare by `discriminant_value` in the enum's repr type, as rustc's
        // expansion does (not by declaration order: `enum E { A = 2, B = 1 }` has `A > B`).
        let (discr_ty, signed) = discriminant_type(fx, self_layout.ty);
        let ct = crate::num::clif_int_type(&fx.layout_of(discr_ty)?);
        let da = fx.read_discriminant(&pa)?;
        let db_ = fx.read_discriminant(&pb)?;
        let ia = crate::num::int_cast(fx, da, ct, signed);
        let ib = crate::num::int_cast(fx, db_, ct, signed);
        let (lt_cc, gt_cc) = if signed {
            (IntCC::SignedLessThan, IntCC::SignedGreaterThan)
        } else {
            (IntCC::UnsignedLessThan, IntCC::UnsignedGreaterThan)
        };
        let lt = fx.bcx.ins().icmp(lt_cc, ia, ib);
        let gt = fx.bcx.ins().icmp(gt_cc, ia, ib);
        let c = fx.bcx.ins().isub(gt, lt);
        fx.bcx.def_var(result, c);
        let cont = fx.bcx.create_block();
        let is_eq = fx.bcx.ins().icmp_imm_s(IntCC::Equal, c, 0);
        fx.bcx.ins().brif(is_eq, cont, &[], end, &[]);
        fx.bcx.switch_to_block(cont);
    }
    for_each_variant(fx, &pa, variants, |fx, v, done| {
        for f in &v.fields {
            let targs = if partial {
                GenericArgs::new_from_slice(&[f.ty.into(), f.ty.into()])
            } else {
                GenericArgs::new_from_slice(&[f.ty.into()])
            };
            let r = call_on_fields(fx, trait_fn, targs, (a, b), f, ret_ty)?;
            fx.bcx.def_var(result, r);
            let next = fx.bcx.create_block();
            let eq = fx.bcx.ins().icmp_imm_s(IntCC::Equal, r, 0);
            fx.bcx.ins().brif(eq, next, &[], end, &[]);
            fx.bcx.switch_to_block(next);
        }
        let z = fx.bcx.ins().iconst(types::I8, 0);
        fx.bcx.def_var(result, z);
        fx.bcx.ins().jump(done, &[]);
        Ok(())
    })?;
    fx.bcx.ins().jump(end, &[]);
    fx.bcx.switch_to_block(end);
    let r = fx.bcx.use_var(result);
    fx.bcx.ins().store(flags(), r, ret.ptr, 0);
    Ok(())
}

/// The type `discriminant_value` returns for an enum: its `#[repr]` integer, `isize`
/// without one; and whether it is signed.
fn discriminant_type<'db>(fx: &FunctionCx<'_, 'db>, ty: Ty<'db>) -> (Ty<'db>, bool) {
    use ra_ap_rustc_abi::{Integer, IntegerType};
    use ra_ap_rustc_type_ir::{IntTy, UintTy};
    let interner = fx.cx.tcx.interner;
    let repr = match ty.kind() {
        TyKind::Adt(def, _) => match def.def_id() {
            AdtId::EnumId(e) => {
                ra_ap_hir_def::signatures::EnumSignature::variant_body_type(fx.cx.tcx.db, e)
            }
            _ => IntegerType::Pointer(true),
        },
        _ => IntegerType::Pointer(true),
    };
    let (int, signed) = match repr {
        IntegerType::Pointer(signed) => (None, signed),
        IntegerType::Fixed(i, signed) => (Some(i), signed),
    };
    let t = match (int, signed) {
        (None, true) => Ty::new_int(interner, IntTy::Isize),
        (None, false) => Ty::new_uint(interner, UintTy::Usize),
        (Some(Integer::I8), true) => Ty::new_int(interner, IntTy::I8),
        (Some(Integer::I16), true) => Ty::new_int(interner, IntTy::I16),
        (Some(Integer::I32), true) => Ty::new_int(interner, IntTy::I32),
        (Some(Integer::I64), true) => Ty::new_int(interner, IntTy::I64),
        (Some(Integer::I128), true) => Ty::new_int(interner, IntTy::I128),
        (Some(Integer::I8), false) => Ty::new_uint(interner, UintTy::U8),
        (Some(Integer::I16), false) => Ty::new_uint(interner, UintTy::U16),
        (Some(Integer::I32), false) => Ty::new_uint(interner, UintTy::U32),
        (Some(Integer::I64), false) => Ty::new_uint(interner, UintTy::U64),
        (Some(Integer::I128), false) => Ty::new_uint(interner, UintTy::U128),
    };
    (t, signed)
}

/// The inherent method `Formatter::<name>` of core.
fn formatter_method<'db>(
    fx: &FunctionCx<'_, 'db>,
    formatter: AdtId,
    name: &str,
) -> Result<FunctionId> {
    let db = fx.cx.tcx.db;
    let krate = ra_ap_hir_def::HasModule::krate(&formatter, db);
    let impls = ra_ap_hir_ty::method_resolution::InherentImpls::for_crate(db, krate);
    let key = SimplifiedType::Adt(SolverDefId::AdtId(formatter));
    for imp in impls.for_self_ty(&key) {
        if let Some(f) = crate::common::fn_named(&imp.impl_items(db).items, name) {
            return Ok(f);
        }
    }
    Err(anyhow!("`Formatter::{name}` not found in core"))
}

fn debug_fmt<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    debug_trait: TraitId,
    variants: &[Variant<'db>],
    self_layout: crate::ty::TyAndLayout<'db>,
    args: Vec<CValue<'db>>,
    ret: &CPlace<'db>,
) -> Result<()> {
    let tcx_interner = fx.cx.tcx.interner;
    let base = args[0].load_scalar(fx);
    let f = args[1].clone();
    // The Formatter type is the pointee of `fmt`'s second parameter.
    let formatter = match f.layout.ty.kind() {
        TyKind::Ref(_, t, _) => match t.kind() {
            TyKind::Adt(def, _) => def.def_id(),
            _ => bail!("unexpected Debug::fmt signature"),
        },
        _ => bail!("unexpected Debug::fmt signature"),
    };
    let write_str = formatter_method(fx, formatter, "write_str")?;
    let struct_finish = formatter_method(fx, formatter, "debug_struct_fields_finish")?;
    let tuple_finish = formatter_method(fx, formatter, "debug_tuple_fields_finish")?;
    let str_ty = ra_ap_hir_ty::next_solver::Ty::new(tcx_interner, TyKind::Str);
    let str_ref = fx.cx.tcx.imm_ref(str_ty);
    let str_ref_l = fx.layout_of(str_ref)?;
    let dyn_debug = dyn_of(fx, debug_trait)?;
    let dyn_ref = fx.cx.tcx.imm_ref(dyn_debug);
    let place = CPlace::new(base, self_layout.clone());
    let ret = ret.clone();
    for_each_variant(fx, &place, variants, |fx, v, done| {
        let name = crate::constant::str_value(fx, &v.name, str_ref_l.clone())?;
        let no_args = fx
            .cx
            .tcx
            .erased_args_for(SolverDefId::FunctionId(write_str));
        if v.fields.is_empty() || matches!(v.shape, FieldsShape::Unit) {
            call_by_ref(fx, write_str, no_args, vec![f.clone(), name], &ret)?;
            fx.bcx.ins().jump(done, &[]);
            return Ok(());
        }
        // Arrays of `&dyn Debug` (and of field names) on the stack.
        let n = v.fields.len();
        let values = fx.alloc_slot(16 * n as u64, 8);
        for (i, fld) in v.fields.iter().enumerate() {
            let p = fx.offset_ptr(base, fld.offset as i64);
            let vt = crate::vtable::get_vtable(fx.cx, fld.ty, dyn_debug)?;
            let vt = fx.data_addr(vt);
            fx.bcx.ins().store(flags(), p, values, (16 * i) as i32);
            fx.bcx.ins().store(flags(), vt, values, (16 * i + 8) as i32);
        }
        let len = fx.bcx.ins().iconst(PTR, n as i64);
        let slice_of =
            |fx: &mut FunctionCx<'_, 'db>, elem: Ty<'db>| -> Result<crate::ty::TyAndLayout<'db>> {
                let s = Ty::new(tcx_interner, TyKind::Slice(elem));
                fx.layout_of(fx.cx.tcx.imm_ref(s))
            };
        let values_l = slice_of(fx, dyn_ref)?;
        let values_v = CValue::by_val_pair(values, len, values_l);
        match v.shape {
            FieldsShape::Record => {
                let names = fx.alloc_slot(16 * n as u64, 8);
                for (i, fld) in v.fields.iter().enumerate() {
                    let s = crate::constant::str_value(fx, &fld.name, str_ref_l.clone())?;
                    let (sp, sl) = s.load_scalar_pair(fx);
                    fx.bcx.ins().store(flags(), sp, names, (16 * i) as i32);
                    fx.bcx.ins().store(flags(), sl, names, (16 * i + 8) as i32);
                }
                let names_l = slice_of(fx, str_ref)?;
                let names_v = CValue::by_val_pair(names, len, names_l);
                let no_args = fx
                    .cx
                    .tcx
                    .erased_args_for(SolverDefId::FunctionId(struct_finish));
                call_by_ref(
                    fx,
                    struct_finish,
                    no_args,
                    vec![f.clone(), name, names_v, values_v],
                    &ret,
                )?;
            }
            _ => {
                let no_args = fx
                    .cx
                    .tcx
                    .erased_args_for(SolverDefId::FunctionId(tuple_finish));
                call_by_ref(
                    fx,
                    tuple_finish,
                    no_args,
                    vec![f.clone(), name, values_v],
                    &ret,
                )?;
            }
        }
        fx.bcx.ins().jump(done, &[]);
        Ok(())
    })
}

/// `dyn Trait` for a trait without generic parameters.
fn dyn_of<'db>(fx: &FunctionCx<'_, 'db>, t: TraitId) -> Result<Ty<'db>> {
    use ra_ap_hir_ty::next_solver::{
        Binder, BoundExistentialPredicates, ExistentialPredicate, ExistentialTraitRef,
    };
    let interner = fx.cx.tcx.interner;
    let tr = ExistentialTraitRef::new_from_args(interner, t.into(), GenericArgs::empty(interner));
    let preds = BoundExistentialPredicates::new_from_iter(
        interner,
        [Binder::dummy(ExistentialPredicate::Trait(tr))],
    );
    Ok(
        <Ty<'db> as ra_ap_rustc_type_ir::inherent::Ty<_>>::new_dynamic(
            interner,
            preds,
            fx.cx.tcx.erased(),
        ),
    )
}

/// Calls `f::<args>` with `values` passed by copy (the derive reads its fields through
/// references and never gives up a place) and writes the result to `dest`.
fn call_by_ref<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    f: FunctionId,
    args: GenericArgs<'db>,
    values: Vec<CValue<'db>>,
    dest: &CPlace<'db>,
) -> Result<()> {
    let call_args = CallArg::copies(values);
    crate::call::call_fn_def(fx, f, args, call_args, dest, false, None)?;
    Ok(())
}

/// Calls the derived trait's method on field `f` of the two values at `a` and `b`, and
/// returns its one-byte result (`bool`, `Ordering` or `Option<Ordering>`, of type `ret`).
fn call_on_fields<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    trait_fn: FunctionId,
    targs: GenericArgs<'db>,
    (a, b): (Value, Value),
    f: &Field<'db>,
    ret: Ty<'db>,
) -> Result<Value> {
    let fa = field_ref(fx, a, f)?;
    let fb = field_ref(fx, b, f)?;
    let tmp = fx.layout_of(ret)?;
    let tmp = fx.alloc_stack(tmp);
    call_by_ref(fx, trait_fn, targs, vec![fa, fb], &tmp)?;
    Ok(fx.bcx.ins().load(types::I8, flags(), tmp.ptr, 0))
}
