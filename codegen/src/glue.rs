//! Functions rac generates without MIR: drop glue (`drop_in_place::<T>`), closure and
//! function-pointer shims, vtable shims, reify shims for `#[track_caller]` functions, and
//! `Clone` for tuples, arrays and closures.
//!
//! Drop order follows rustc: the type's `Drop::drop` first, then fields in declaration
//! order; a `Box` drops its contents, then frees its allocation through `<Box as Drop>`.

use anyhow::{Result, anyhow, bail};
use cranelift_codegen::ir::{self, Block, InstBuilder, Value, condcodes::IntCC};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use ra_ap_hir_def::{AdtId, FunctionId};
use ra_ap_hir_ty::next_solver::{GenericArgs, Ty, TyKind};
use ra_ap_rustc_abi::{BackendRepr, Variants};
use ra_ap_rustc_type_ir::ClosureKind;
use ra_ap_rustc_type_ir::inherent::{GenericArgs as _, IntoKind};

use crate::abi::PassMode;
use crate::call::{CallArg, Callee};
use crate::common::FunctionCx;
use crate::cx::CodegenCx;
use crate::instance::{Instance, InstanceKind};
use crate::resolve::Tier;
use crate::ty::TyCx;
use crate::value_and_place::{CPlace, CValue, PTR, flags};

pub fn needs_drop<'db>(tcx: &TyCx<'db>, ty: Ty<'db>) -> bool {
    ra_ap_hir_ty::drop::has_drop_glue(&tcx.infcx, ty, tcx.env.param_env)
        != ra_ap_hir_ty::drop::DropGlue::None
}

/// `<ty as Drop>::drop(&mut *ptr)` (the `Drop` impl alone, not the fields' drops).
pub fn call_drop_impl<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    ty: Ty<'db>,
    ptr: Value,
    meta: Option<Value>,
) -> Result<()> {
    let drop_fn = fx
        .cx
        .tcx
        .interner
        .lang_items()
        .Drop_drop
        .ok_or_else(|| anyhow!("no `Drop::drop` lang item"))?;
    let rl = fx.layout_of(fx.cx.tcx.mut_ref(ty))?;
    let recv = match meta {
        Some(m) => CValue::by_val_pair(ptr, m, rl),
        None => CValue::by_val(ptr, rl),
    };
    let unit = fx.layout_of(fx.cx.tcx.unit())?;
    let dest = fx.alloc_stack(unit);
    crate::call::call_fn_def(
        fx,
        drop_fn,
        GenericArgs::new_from_slice(&[ty.into()]),
        vec![CallArg {
            value: recv,
            owned_place: false,
        }],
        &dest,
        false,
        None,
    )?;
    Ok(())
}

/// Drops the value in `place` (calls its drop glue).
pub fn call_drop_in_place<'db>(fx: &mut FunctionCx<'_, 'db>, place: &CPlace<'db>) -> Result<()> {
    let ty = place.layout.ty;
    if !needs_drop(&fx.cx.tcx, ty) {
        return Ok(());
    }
    if let TyKind::Dynamic(..) = ty.kind() {
        let vtable = place
            .meta
            .ok_or_else(|| anyhow!("dropping a `dyn` place without a vtable"))?;
        let drop_fn = fx.bcx.ins().load(PTR, flags(), vtable, 0);
        let is_null = fx.bcx.ins().icmp_imm_s(IntCC::Equal, drop_fn, 0);
        let call_block = fx.bcx.create_block();
        let done = fx.bcx.create_block();
        fx.bcx.ins().brif(is_null, done, &[], call_block, &[]);
        fx.bcx.switch_to_block(call_block);
        let mut sig = ir::Signature::new(cranelift_codegen::isa::CallConv::SystemV);
        sig.params.push(ir::AbiParam::new(PTR));
        let sref = fx.bcx.import_signature(sig);
        fx.emit_call_inst(
            crate::drops::CallTarget::Indirect(sref, drop_fn),
            &[place.ptr],
        );
        fx.bcx.ins().jump(done, &[]);
        fx.bcx.switch_to_block(done);
        return Ok(());
    }
    let inst = Instance::drop_glue(&fx.cx.tcx, ty);
    let from = Some(fx.instance);
    let id = fx.cx.declare_instance(inst, from, Tier::Generated)?;
    let fr = fx.func_ref(id);
    let target = crate::drops::CallTarget::Direct(fr);
    match place.meta {
        Some(m) => fx.emit_call_inst(target, &[place.ptr, m]),
        None => fx.emit_call_inst(target, &[place.ptr]),
    };
    Ok(())
}

/// Compiles a generated (non-MIR) instance.
pub fn codegen_glue_instance<'db>(
    cx: &mut CodegenCx<'db>,
    instance: Instance<'db>,
    func: &mut ir::Function,
) -> Result<()> {
    let fn_abi = cx.fn_abi(&instance)?;
    let mut fbctx = FunctionBuilderContext::new();
    let bcx = FunctionBuilder::new(func, &mut fbctx);
    let mut fx = FunctionCx::new(cx, bcx, instance, fn_abi);
    let entry = fx.bcx.create_block();
    fx.bcx.append_block_params_for_function_params(entry);
    fx.bcx.switch_to_block(entry);
    let params: Vec<Value> = fx.bcx.block_params(entry).to_vec();
    let (ret, args) = incoming(&mut fx, &params)?;
    match instance.kind {
        InstanceKind::DropGlue => drop_glue_body(&mut fx, instance.type_arg(), args[0].clone())?,
        InstanceKind::ClosureOnceShim(c) => {
            closure_once_shim(&mut fx, c, instance.args, args, &ret)?
        }
        InstanceKind::FnPtrShim(_) => fn_ptr_shim(&mut fx, instance.args, args, &ret)?,
        InstanceKind::VTableShim(m) => {
            let mut args = args;
            let self_ty = instance.args.type_at(0);
            let layout = fx.layout_of(self_ty)?;
            let p = args[0].load_scalar(&mut fx);
            args[0] = CValue::by_ref(p, layout);
            let call_args = args
                .into_iter()
                .enumerate()
                .map(|(i, v)| CallArg {
                    value: v,
                    owned_place: i == 0,
                })
                .collect();
            crate::call::call_fn_def(&mut fx, m, instance.args, call_args, &ret, false, None)?;
        }
        InstanceKind::ReifyShim(f) if is_virtual(&fx, f, instance.args) => {
            let call_args: Vec<CallArg> = CallArg::copies(args);
            crate::call::call_fn_def(&mut fx, f, instance.args, call_args, &ret, false, None)?;
        }
        InstanceKind::ReifyShim(f) => {
            let loc = def_location(&fx.cx.tcx, f);
            let id = crate::constant::location_data(fx.cx, &loc)?;
            fx.caller_location = Some(fx.data_addr(id));
            let target = Instance::item(f, instance.args);
            let call_args: Vec<CallArg> = CallArg::copies(args);
            let (id, abi) =
                match crate::resolve::classify_item(&fx.cx.tcx, &fx.cx.linkmap, f, instance.args) {
                    crate::resolve::CallResolution::Tier2Extern { symbol, .. } => {
                        let abi = fx.cx.fn_abi(&target)?;
                        (fx.cx.import_function(&symbol, &abi.signature())?, abi)
                    }
                    crate::resolve::CallResolution::Define {
                        instance: t, tier, ..
                    } => (
                        fx.cx.declare_instance(t, Some(instance), tier)?,
                        fx.cx.fn_abi(&t)?,
                    ),
                    crate::resolve::CallResolution::Refused { function, reason } => {
                        bail!("{function}: {reason}")
                    }
                    _ => bail!("reify shim of an unexpected function"),
                };
            crate::call::emit_call(&mut fx, Callee::Direct(id), &abi, call_args, &ret, false)?;
        }
        InstanceKind::CloneShim => clone_shim(&mut fx, instance.type_arg(), args[0].clone(), &ret)?,
        InstanceKind::Ctor(ctor) => {
            let args = CallArg::copies(args);
            crate::call::construct(&mut fx, ctor, args, &ret)?
        }
        InstanceKind::Derive(id, method) => {
            crate::derive::codegen_derive(&mut fx, id, method, instance.args, args, &ret)?
        }
        InstanceKind::Shim(f) => {
            let shim = crate::shims::shim_for(&fx.cx.tcx, f)
                .ok_or_else(|| anyhow!("no shim for this function"))?;
            crate::shims::codegen_shim(&mut fx, shim, f, instance.args, args, &ret)?;
        }
        InstanceKind::Item(_) | InstanceKind::Closure(_) | InstanceKind::Coroutine(_) => {
            bail!("not a generated instance")
        }
    }
    fx.return_from(&ret);
    fx.bcx.seal_all_blocks();
    let config = fx.cx.module_config();
    fx.bcx.finalize(config);
    Ok(())
}

/// The parameters as values, and the place the return value goes to.
fn incoming<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    params: &[Value],
) -> Result<(CPlace<'db>, Vec<CValue<'db>>)> {
    let abi = fx.fn_abi.clone();
    let mut i = 0;
    let ret = if abi.ret.mode == PassMode::Indirect {
        i += 1;
        CPlace::new(params[0], abi.ret.layout.clone())
    } else {
        fx.alloc_stack(abi.ret.layout.clone())
    };
    let mut take = |n: usize| {
        i += n;
        params[i - n..i].to_vec()
    };
    let args = abi
        .args
        .iter()
        .map(|a| crate::abi::incoming_value(fx, a, &mut take))
        .collect();
    if abi.caller_location {
        fx.caller_location = Some(params[i]);
    }
    Ok((ret, args))
}

fn def_location(tcx: &TyCx<'_>, f: ra_ap_hir_def::FunctionId) -> crate::spans::Loc {
    use ra_ap_hir_def::{Lookup, src::HasSource};
    let src = f.lookup(tcx.db).source(tcx.db);
    let range = src
        .map(|n| ra_ap_syntax::AstNode::syntax(&n).text_range())
        .original_node_file_range_rooted(tcx.db);
    let (file, line, col) =
        crate::spans::file_line_col(tcx, range.file_id.file_id(tcx.db), range.range.start());
    crate::spans::Loc { file, line, col }
}

fn drop_field<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    base: Value,
    off: u64,
    ty: Ty<'db>,
    meta: Option<Value>,
) -> Result<()> {
    if !needs_drop(&fx.cx.tcx, ty) {
        return Ok(());
    }
    let layout = fx.layout_of(ty)?;
    let meta = if fx.cx.tcx.is_sized(ty) { None } else { meta };
    let p = match meta {
        // Like a projection to the field (`base.rs`): a trait object tail is aligned
        // as its vtable says.
        Some(vtable) if matches!(fx.cx.tcx.tail(ty).kind(), TyKind::Dynamic(..)) => {
            fx.dyn_tail_field_ptr(base, off, vtable)
        }
        _ => fx.offset_ptr(base, off as i64),
    };
    call_drop_in_place(
        fx,
        &CPlace {
            ptr: p,
            meta,
            layout,
        },
    )
}

fn drop_glue_body<'db>(fx: &mut FunctionCx<'_, 'db>, ty: Ty<'db>, arg: CValue<'db>) -> Result<()> {
    let (ptr, meta) = match arg.inner {
        crate::value_and_place::CValueInner::ByValPair(a, b) => (a, Some(b)),
        _ => (arg.load_scalar(fx), None),
    };
    let tcx_db = fx.cx.tcx.db;
    let layout = fx.layout_of(ty)?;
    match ty.kind() {
        TyKind::Adt(def, args) => {
            let lang = fx.cx.tcx.interner.lang_items();
            let is_box = matches!(def.def_id(), AdtId::StructId(s) if Some(s) == lang.OwnedBox);
            if is_box {
                // Drop the contents, then let `<Box as Drop>::drop` free the allocation.
                let pointee = args.type_at(0);
                let pl = fx.layout_of(pointee)?;
                let p = fx.bcx.ins().load(PTR, flags(), ptr, 0);
                let m = if fx.cx.tcx.is_sized(pointee) {
                    None
                } else {
                    Some(fx.bcx.ins().load(PTR, flags(), ptr, 8))
                };
                call_drop_in_place(
                    fx,
                    &CPlace {
                        ptr: p,
                        meta: m,
                        layout: pl,
                    },
                )?;
            }
            if ra_ap_hir_ty::drop::destructor(tcx_db, def.def_id()).is_some() {
                call_drop_impl(fx, ty, ptr, meta)?;
            }
            if is_box {
                return Ok(());
            }
            match def.def_id() {
                AdtId::StructId(s) => {
                    let sig = ra_ap_hir_def::signatures::StructSignature::of(tcx_db, s);
                    if sig
                        .flags
                        .contains(ra_ap_hir_def::signatures::StructFlags::IS_MANUALLY_DROP)
                    {
                        return Ok(());
                    }
                    let fields = tcx_db.field_types(s.into());
                    for (i, (_, f)) in fields.iter().enumerate() {
                        let t = fx.cx.tcx.instantiate(f.ty().skip_binder(), args);
                        let off = layout.layout.fields.offset(i).bytes();
                        drop_field(fx, ptr, off, t, meta)?;
                    }
                }
                AdtId::UnionId(_) => {}
                AdtId::EnumId(e) => {
                    let variants: Vec<_> = e
                        .enum_variants(tcx_db)
                        .variants
                        .values()
                        .map(|(v, _)| *v)
                        .collect();
                    let place = CPlace::new(ptr, layout.clone());
                    let discr = fx.read_discriminant(&place)?;
                    let done = fx.bcx.create_block();
                    let mut cases: Vec<(u128, Block)> = Vec::new();
                    let mut bodies = Vec::new();
                    for (idx, v) in variants.iter().enumerate() {
                        let fields = tcx_db.field_types((*v).into());
                        let tys: Vec<Ty<'db>> = fields
                            .iter()
                            .map(|(_, f)| fx.cx.tcx.instantiate(f.ty().skip_binder(), args))
                            .collect();
                        if !tys.iter().any(|t| needs_drop(&fx.cx.tcx, *t)) {
                            continue;
                        }
                        let d = tcx_db
                            .const_eval_discriminant(*v)
                            .map_err(|e| anyhow!("discriminant: {e:?}"))?;
                        let b = fx.bcx.create_block();
                        cases.push((d as i64 as u64 as u128, b));
                        bodies.push((idx, b, tys));
                    }
                    let discr = crate::num::int_cast(fx, discr, ir::types::I64, true);
                    fx.codegen_switch(discr, &cases, done);
                    for (idx, b, tys) in bodies {
                        fx.bcx.switch_to_block(b);
                        let vl = match &layout.layout.variants {
                            Variants::Multiple { variants, .. } => {
                                variants[ra_ap_hir_ty::layout::RustcEnumVariantIdx(idx)].clone()
                            }
                            _ => (*layout.layout).clone(),
                        };
                        for (i, t) in tys.into_iter().enumerate() {
                            let off = vl.fields.offset(i).bytes();
                            drop_field(fx, ptr, off, t, None)?;
                        }
                        fx.bcx.ins().jump(done, &[]);
                    }
                    fx.bcx.switch_to_block(done);
                }
            }
        }
        TyKind::Tuple(tys) => {
            for (i, t) in tys.iter().enumerate() {
                let off = layout.layout.fields.offset(i).bytes();
                drop_field(fx, ptr, off, t, meta)?;
            }
        }
        TyKind::Coroutine(..) => crate::coroutine::drop_coroutine(fx, ty, ptr)?,
        TyKind::Closure(_, cargs) => {
            let upvars = cargs.as_closure().upvar_tys();
            for (i, t) in upvars.iter().enumerate() {
                let off = layout.layout.fields.offset(i).bytes();
                let t = fx.cx.tcx.mono(t);
                drop_field(fx, ptr, off, t, None)?;
            }
        }
        TyKind::Array(elem, n) => {
            let n = ra_ap_hir_ty::consteval::try_const_usize(tcx_db, n).unwrap_or(0) as i64;
            let len = fx.bcx.ins().iconst(PTR, n);
            drop_elements(fx, ptr, len, elem)?;
        }
        TyKind::Slice(elem) => {
            let len = meta.ok_or_else(|| anyhow!("slice drop without a length"))?;
            drop_elements(fx, ptr, len, elem)?;
        }
        TyKind::Dynamic(..) => {
            let l = fx.layout_of(ty)?;
            call_drop_in_place(
                fx,
                &CPlace {
                    ptr,
                    meta,
                    layout: l,
                },
            )?;
        }
        _ => {}
    }
    Ok(())
}

fn drop_elements<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    base: Value,
    len: Value,
    elem: Ty<'db>,
) -> Result<()> {
    if !needs_drop(&fx.cx.tcx, elem) {
        return Ok(());
    }
    let el = fx.layout_of(elem)?;
    let header = fx.bcx.create_block();
    let body = fx.bcx.create_block();
    let done = fx.bcx.create_block();
    fx.bcx.append_block_param(header, PTR);
    let zero = fx.bcx.ins().iconst(PTR, 0);
    fx.bcx.ins().jump(header, &[zero.into()]);
    fx.bcx.switch_to_block(header);
    let i = fx.bcx.block_params(header)[0];
    let c = fx.bcx.ins().icmp(IntCC::UnsignedLessThan, i, len);
    fx.bcx.ins().brif(c, body, &[], done, &[]);
    fx.bcx.switch_to_block(body);
    let off = fx.bcx.ins().imul_imm_s(i, el.size() as i64);
    let p = fx.bcx.ins().iadd(base, off);
    call_drop_in_place(fx, &CPlace::new(p, el))?;
    let i1 = fx.bcx.ins().iadd_imm_s(i, 1);
    fx.bcx.ins().jump(header, &[i1.into()]);
    fx.bcx.switch_to_block(done);
    Ok(())
}

fn closure_once_shim<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    c: ra_ap_hir_ty::db::InternedClosureId<'db>,
    cargs: GenericArgs<'db>,
    mut args: Vec<CValue<'db>>,
    ret: &CPlace<'db>,
) -> Result<()> {
    let closure_val = args.remove(0);
    let closure_ty = closure_val.layout.ty;
    let (ptr, _) = closure_val.force_stack(fx);
    let body = Instance {
        kind: InstanceKind::Closure(c),
        args: cargs,
    };
    let recv_ty = match cargs.as_closure().kind() {
        ClosureKind::Fn => fx.cx.tcx.imm_ref(closure_ty),
        _ => fx.cx.tcx.mut_ref(closure_ty),
    };
    let rl = fx.layout_of(recv_ty)?;
    let mut call_args = vec![CallArg {
        value: CValue::by_val(ptr, rl),
        owned_place: false,
    }];
    call_args.extend(args.into_iter().map(|v| CallArg {
        value: v,
        owned_place: false,
    }));
    let from = Some(fx.instance);
    let id = fx.cx.declare_instance(body, from, Tier::Tier1)?;
    let abi = fx.cx.fn_abi(&body)?;
    crate::call::emit_call(fx, Callee::Direct(id), &abi, call_args, ret, false)?;
    let layout = fx.layout_of(closure_ty)?;
    call_drop_in_place(fx, &CPlace::new(ptr, layout))
}

fn fn_ptr_shim<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    targs: GenericArgs<'db>,
    mut args: Vec<CValue<'db>>,
    ret: &CPlace<'db>,
) -> Result<()> {
    let self_ty = targs.type_at(0);
    let self_val = args.remove(0);
    let call_args: Vec<CallArg> = CallArg::copies(args);
    match self_ty.kind() {
        TyKind::FnDef(def, fargs) => match def.0 {
            ra_ap_hir_def::CallableDefId::FunctionId(f) => {
                crate::call::call_fn_def(
                    fx,
                    f,
                    fx.cx.tcx.mono(fargs),
                    call_args,
                    ret,
                    false,
                    None,
                )?;
            }
            ctor => crate::call::construct(fx, ctor, call_args, ret)?,
        },
        TyKind::FnPtr(sig_tys, header) => {
            // `self` is the pointer itself (call_once) or a reference to it.
            let fnptr = if self_val.layout.ty == self_ty {
                self_val.load_scalar(fx)
            } else {
                let p = self_val.load_scalar(fx);
                fx.bcx.ins().load(PTR, flags(), p, 0)
            };
            let sig = fx.cx.tcx.erase_regions(sig_tys.with(header).skip_binder());
            let inputs: Vec<Ty<'db>> = sig.inputs().iter().copied().collect();
            let abi = crate::abi::fn_abi_from_tys(
                &fx.cx.tcx,
                &inputs,
                sig.output(),
                false,
                crate::abi::Conv::Rust,
            )?;
            crate::call::emit_call(fx, Callee::Indirect(fnptr), &abi, call_args, ret, false)?;
        }
        _ => bail!("fn pointer shim for a non-function"),
    }
    Ok(())
}

fn clone_shim<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    ty: Ty<'db>,
    src: CValue<'db>,
    ret: &CPlace<'db>,
) -> Result<()> {
    let base = src.load_scalar(fx);
    let layout = fx.layout_of(ty)?;
    if let TyKind::FnPtr(..) | TyKind::FnDef(..) = ty.kind() {
        // rustc's builtin impls for function pointers and items: a copy.
        ret.write(fx, CValue::by_ref(base, layout));
        return Ok(());
    }
    let fields: Vec<(u64, Ty<'db>)> = match ty.kind() {
        TyKind::Tuple(tys) => tys
            .iter()
            .enumerate()
            .map(|(i, t)| (layout.layout.fields.offset(i).bytes(), t))
            .collect(),
        TyKind::Closure(_, cargs) => cargs
            .as_closure()
            .upvar_tys()
            .iter()
            .enumerate()
            .map(|(i, t)| (layout.layout.fields.offset(i).bytes(), fx.cx.tcx.mono(t)))
            .collect(),
        TyKind::Array(elem, n) => {
            let n = ra_ap_hir_ty::consteval::try_const_usize(fx.cx.tcx.db, n).unwrap_or(0) as u64;
            let el = fx.layout_of(elem)?;
            (0..n).map(|i| (i * el.size(), elem)).collect()
        }
        _ => bail!("clone shim for `{}`", fx.cx.tcx.display(ty)),
    };
    let clone_fn = fx
        .cx
        .tcx
        .interner
        .lang_items()
        .Clone
        .and_then(|t| crate::common::fn_named(&t.trait_items(fx.cx.tcx.db).items, "clone"))
        .ok_or_else(|| anyhow!("Clone::clone not found"))?;
    for (off, t) in fields {
        let fl = fx.layout_of(t)?;
        if fl.is_zst() {
            continue;
        }
        let p = fx.offset_ptr(base, off as i64);
        let rt = fx.cx.tcx.imm_ref(t);
        let rl = fx.layout_of(rt)?;
        let dest_p = fx.offset_ptr(ret.ptr, off as i64);
        let dest = CPlace::new(dest_p, fl);
        let args = GenericArgs::new_from_slice(&[t.into()]);
        crate::call::call_fn_def(
            fx,
            clone_fn,
            args,
            vec![CallArg {
                value: CValue::by_val(p, rl),
                owned_place: false,
            }],
            &dest,
            false,
            None,
        )?;
    }
    let _ = BackendRepr::Memory { sized: true };
    Ok(())
}

/// A reify shim of a trait method whose `Self` is a `dyn` type: its body is a virtual call.
fn is_virtual<'db>(fx: &FunctionCx<'_, 'db>, f: FunctionId, args: GenericArgs<'db>) -> bool {
    matches!(
        crate::resolve::resolve_fn(&fx.cx.tcx, &fx.cx.linkmap, f, args),
        crate::resolve::CallResolution::Virtual { .. }
    )
}
