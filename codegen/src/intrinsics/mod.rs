//! Intrinsics: the `#[rustc_intrinsic]` functions std's code calls, expanded inline.
//! An intrinsic rac does not know but that has a fallback body is compiled from that body
//! (Tier 1); one without a body is refused with its name. `simd.rs`: the portable
//! `simd_*` intrinsics, lane by lane; `llvm_x86.rs`: the SSE2 LLVM intrinsics std calls.

use anyhow::{Result, anyhow, bail};
use cranelift_codegen::ir::{
    InstBuilder, TrapCode, Type, Value,
    condcodes::{FloatCC, IntCC},
    types,
};
use ra_ap_hir_def::{
    FunctionId,
    signatures::{FnFlags, FunctionSignature},
};
use ra_ap_hir_ty::mir::BasicBlockId;
use ra_ap_hir_ty::next_solver::{GenericArgs, Ty, TyKind};
use ra_ap_rustc_abi::BackendRepr;
use ra_ap_rustc_type_ir::inherent::{GenericArgs as _, IntoKind};

use crate::call::CallArg;
use crate::common::FunctionCx;
use crate::value_and_place::{CPlace, CValue, CValueInner, PTR, flags};

mod llvm_x86;
pub mod simd;

/// Returns whether the caller should continue to the call's target block.
pub fn codegen_intrinsic<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    name: &str,
    function: FunctionId,
    iargs: GenericArgs<'db>,
    args: Vec<CallArg<'db>>,
    dest: &CPlace<'db>,
    _target: Option<BasicBlockId>,
) -> Result<bool> {
    let tcx_db = fx.cx.tcx.db;
    let t0 = || iargs.type_at(0);
    let arg = |i: usize| args[i].value.clone();
    let out = dest.layout.clone();
    macro_rules! ret {
        ($v:expr) => {{
            let v = $v;
            dest.write(fx, CValue::by_val(v, out.clone()));
            return Ok(true);
        }};
    }
    match name {
        "size_of" => {
            let l = fx.layout_of(t0())?;
            ret!(fx.bcx.ins().iconst(PTR, l.size() as i64))
        }
        "align_of" | "min_align_of" | "pref_align_of" => {
            let l = fx.layout_of(t0())?;
            ret!(fx.bcx.ins().iconst(PTR, l.align() as i64))
        }
        "size_of_val" | "align_of_val" | "min_align_of_val" => {
            let (size, align) = size_and_align_of_val(fx, t0(), arg(0))?;
            ret!(if name == "size_of_val" { size } else { align })
        }
        "needs_drop" => {
            let nd = crate::glue::needs_drop(&fx.cx.tcx, t0());
            ret!(fx.bcx.ins().iconst(types::I8, nd as i64))
        }
        "transmute" | "transmute_unchecked" => {
            let v = arg(0);
            let (p, _) = v.force_stack(fx);
            dest.write(fx, CValue::by_ref(p, out));
            return Ok(true);
        }
        "copy_nonoverlapping" | "copy" => {
            let el = fx.layout_of(t0())?;
            let src = arg(0).load_scalar(fx);
            let dst = arg(1).load_scalar(fx);
            let n = arg(2).load_scalar(fx);
            let bytes = fx.bcx.ins().imul_imm_s(n, el.size() as i64);
            let config = fx.cx.module_config();
            if name == "copy" {
                fx.bcx.call_memmove(config, dst, src, bytes);
            } else {
                fx.bcx.call_memcpy(config, dst, src, bytes);
            }
            return Ok(true);
        }
        "write_bytes" => {
            let el = fx.layout_of(t0())?;
            let dst = arg(0).load_scalar(fx);
            let val = arg(1).load_scalar(fx);
            let n = arg(2).load_scalar(fx);
            let bytes = fx.bcx.ins().imul_imm_s(n, el.size() as i64);
            let val32 = fx.bcx.ins().uextend(types::I32, val);
            let config = fx.cx.module_config();
            fx.bcx.call_memset(config, dst, val32, bytes);
            return Ok(true);
        }
        "compare_bytes" => {
            let a = arg(0).load_scalar(fx);
            let b = arg(1).load_scalar(fx);
            let n = arg(2).load_scalar(fx);
            let r = fx.call_libfunc("memcmp", &[a, b, n], &[PTR, PTR, PTR], &[types::I32])?[0];
            ret!(r)
        }
        "raw_eq" => {
            let l = fx.layout_of(t0())?;
            let a = arg(0).load_scalar(fx);
            let b = arg(1).load_scalar(fx);
            let n = fx.bcx.ins().iconst(PTR, l.size() as i64);
            let r = fx.call_libfunc("memcmp", &[a, b, n], &[PTR, PTR, PTR], &[types::I32])?[0];
            ret!(fx.bcx.ins().icmp_imm_s(IntCC::Equal, r, 0))
        }
        "abort" | "unreachable" => {
            fx.bcx.ins().trap(TrapCode::user(8).unwrap());
            return Ok(false);
        }
        "assume"
        | "cold_path"
        | "forget"
        | "assert_inhabited"
        | "assert_zero_valid"
        | "assert_mem_uninitialized_valid" => return Ok(true),
        "likely" | "unlikely" | "black_box" => {
            let v = arg(0);
            dest.write(fx, v.with_layout(out));
            return Ok(true);
        }
        "ub_checks" | "contract_checks" | "is_val_statically_known" => {
            ret!(fx.bcx.ins().iconst(types::I8, 0))
        }
        "overflow_checks" => {
            let on = fx.overflow_checks;
            ret!(fx.bcx.ins().iconst(types::I8, on as i64))
        }
        "read_via_copy" | "volatile_load" | "unaligned_volatile_load" => {
            let p = arg(0).load_scalar(fx);
            dest.write(fx, CValue::by_ref(p, out));
            return Ok(true);
        }
        "write_box_via_move" => {
            // write_box_via_move(b: Box<MaybeUninit<T>>, x: T) -> Box<MaybeUninit<T>>
            let b = arg(0).load_scalar(fx);
            let v = arg(1);
            CPlace::new(b, v.layout.clone()).write(fx, v);
            ret!(b)
        }
        "slice_get_unchecked" => {
            // slice_get_unchecked(slice_ptr: *const [T] / &[T] ..., index) -> *const T / &T
            let elem = fx.layout_of(iargs.type_at(2))?;
            let (p, _) = arg(0).load_scalar_pair(fx);
            let i = arg(1).load_scalar(fx);
            let off = fx.bcx.ins().imul_imm_u(i, elem.size() as i64);
            ret!(fx.bcx.ins().iadd(p, off))
        }
        "write_via_move" | "volatile_store" | "unaligned_volatile_store" => {
            let p = arg(0).load_scalar(fx);
            let v = arg(1);
            CPlace::new(p, v.layout.clone()).write(fx, v);
            return Ok(true);
        }
        "offset" | "arith_offset" => {
            let pointee = pointee_of(fx, arg(0).layout.ty)?;
            let el = fx.layout_of(pointee)?;
            let p = arg(0).load_scalar(fx);
            let n = arg(1).load_scalar(fx);
            let off = fx.bcx.ins().imul_imm_s(n, el.size() as i64);
            ret!(fx.bcx.ins().iadd(p, off))
        }
        "ptr_offset_from" | "ptr_offset_from_unsigned" => {
            let el = fx.layout_of(t0())?;
            let a = arg(0).load_scalar(fx);
            let b = arg(1).load_scalar(fx);
            let d = fx.bcx.ins().isub(a, b);
            let size = el.size().max(1) as i64;
            ret!(if name == "ptr_offset_from" {
                fx.bcx.ins().sdiv_imm_s(d, size)
            } else {
                fx.bcx.ins().udiv_imm_u(d, size)
            })
        }
        "ptr_metadata" => {
            let v = arg(0);
            if out.is_zst() {
                return Ok(true);
            }
            let (_, m) = v.load_scalar_pair(fx);
            ret!(m)
        }
        "aggregate_raw_ptr" => {
            let data = arg(0).load_scalar(fx);
            match out.layout.backend_repr {
                BackendRepr::ScalarPair(..) => {
                    let meta = arg(1).load_scalar(fx);
                    dest.write(fx, CValue::by_val_pair(data, meta, out));
                }
                _ => dest.write(fx, CValue::by_val(data, out)),
            }
            return Ok(true);
        }
        "ptr_guaranteed_cmp" => {
            let a = arg(0).load_scalar(fx);
            let b = arg(1).load_scalar(fx);
            ret!(fx.bcx.ins().icmp(IntCC::Equal, a, b))
        }
        "ptr_mask" => {
            let a = arg(0).load_scalar(fx);
            let m = arg(1).load_scalar(fx);
            ret!(fx.bcx.ins().band(a, m))
        }
        "caller_location" => {
            let v = fx.location_value()?;
            ret!(v)
        }
        "const_eval_select" => {
            let rt = iargs.type_at(2);
            let mut args = args;
            let tuple = args.remove(0);
            let spread = crate::call::spread_tuple(fx, tuple.value)?;
            let TyKind::FnDef(def, fargs) = rt.kind() else {
                bail!("const_eval_select with a non-fn-item")
            };
            let ra_ap_hir_def::CallableDefId::FunctionId(f) = def.0 else {
                bail!("const_eval_select with a constructor")
            };
            let fargs = fx.cx.tcx.mono(fargs);
            return crate::call::call_fn_def(fx, f, fargs, spread, dest, false, None);
        }
        "type_name" => {
            // rustc's spelling: full definition paths, default arguments left out, closures
            // by their owner. A type `type_name` cannot spell (`dyn`, fn pointers) is
            // refused rather than printed differently.
            let Some(s) = crate::symbol_path::type_name(&fx.cx.tcx, t0()) else {
                bail!(
                    "`type_name::<{}>()` is not supported by rac",
                    fx.cx.tcx.display(t0())
                );
            };
            let v = crate::constant::str_value(fx, &s, out.clone())?;
            dest.write(fx, v);
            return Ok(true);
        }
        "type_id" => {
            let id = crate::type_id::type_id_of(&fx.cx.tcx, &fx.cx.linkmap, t0())?;
            let lo = fx.bcx.ins().iconst(types::I64, id as u64 as i64);
            let hi = fx.bcx.ins().iconst(types::I64, (id >> 64) as u64 as i64);
            fx.bcx.ins().store(flags(), lo, dest.ptr, 0);
            fx.bcx.ins().store(flags(), hi, dest.ptr, 8);
            return Ok(true);
        }
        // `<fn(..) as FnPtr>::addr` (a builtin impl; see `resolve::resolve_builtin_trait_call`):
        // the pointer itself.
        "rac_fn_ptr_addr" => ret!(arg(0).load_scalar(fx)),
        "discriminant_value" => {
            let p = arg(0).load_scalar(fx);
            let l = fx.layout_of(t0())?;
            let d = fx.read_discriminant(&CPlace::new(p, l))?;
            let ty = crate::num::clif_int_type(&out);
            ret!(crate::num::int_cast(fx, d, ty, true))
        }
        "catch_unwind" => {
            // `try_fn(data)`; if it unwinds, `catch_fn(data, exception)` and return 1.
            use cranelift_codegen::ir::{
                AbiParam, BlockArg, ExceptionTableData, ExceptionTableItem, ExceptionTag, Signature,
            };
            let f = arg(0).load_scalar(fx);
            let data = arg(1).load_scalar(fx);
            let catch_fn = arg(2).load_scalar(fx);
            let mut sig = Signature::new(cranelift_codegen::isa::CallConv::SystemV);
            sig.params.push(AbiParam::new(PTR));
            let sref = fx.bcx.import_signature(sig);
            let normal = fx.bcx.create_block();
            let catch = fx.bcx.create_block();
            fx.bcx.set_cold_block(catch);
            fx.bcx.append_block_param(catch, PTR);
            let done = fx.bcx.create_block();
            let result = fx.bcx.append_block_param(done, types::I32);
            let normal_call = fx.bcx.func.dfg.block_call(normal, &[]);
            let catch_call = fx
                .bcx
                .func
                .dfg
                .block_call(catch, &[BlockArg::TryCallExn(0)]);
            let et = fx
                .bcx
                .func
                .dfg
                .exception_tables
                .push(ExceptionTableData::new(
                    sref,
                    normal_call,
                    [ExceptionTableItem::Tag(
                        ExceptionTag::with_number(crate::drops::TAG_CATCH).unwrap(),
                        catch_call,
                    )],
                ));
            fx.bcx.ins().try_call_indirect(f, &[data], et);
            fx.bcx.switch_to_block(normal);
            fx.bcx.seal_block(normal);
            let zero = fx.bcx.ins().iconst(types::I32, 0);
            fx.bcx.ins().jump(done, &[BlockArg::Value(zero)]);
            fx.bcx.switch_to_block(catch);
            fx.bcx.seal_block(catch);
            let exn = fx.bcx.block_params(catch)[0];
            let mut csig = Signature::new(cranelift_codegen::isa::CallConv::SystemV);
            csig.params.push(AbiParam::new(PTR));
            csig.params.push(AbiParam::new(PTR));
            let csref = fx.bcx.import_signature(csig);
            fx.emit_call_inst(
                crate::drops::CallTarget::Indirect(csref, catch_fn),
                &[data, exn],
            );
            let one = fx.bcx.ins().iconst(types::I32, 1);
            fx.bcx.ins().jump(done, &[BlockArg::Value(one)]);
            fx.bcx.switch_to_block(done);
            fx.bcx.seal_block(done);
            ret!(result)
        }
        _ => {}
    }
    if let Some(r) = int_intrinsic(fx, name, &args, &out)? {
        match r {
            IntResult::One(v) => dest.write(fx, CValue::by_val(v, out)),
            IntResult::WithFlag(v, f) => {
                let off = out.layout.fields.offset(1).bytes();
                fx.bcx.ins().store(flags(), v, dest.ptr, 0);
                fx.bcx.ins().store(flags(), f, dest.ptr, off as i32);
            }
        }
        return Ok(true);
    }
    if let Some(v) = float_intrinsic(fx, name, &args)? {
        ret!(v)
    }
    if name.starts_with("atomic_") {
        return atomic_intrinsic(fx, name, iargs, &args, dest);
    }
    if name.starts_with("simd_") && simd::codegen_simd_intrinsic(fx, name, &args, dest)? {
        return Ok(true);
    }
    if name.starts_with("llvm.") {
        if llvm_x86::codegen_llvm_intrinsic(fx, name, &args, dest)? {
            return Ok(true);
        }
        let at = fx.instance;
        fx.cx.error(
            &at,
            name.to_owned(),
            format!("the LLVM intrinsic `{name}` (a `link_name` import of core::arch) is not supported by rac"),
        );
        fx.bcx.ins().trap(TrapCode::user(9).unwrap());
        return Ok(false);
    }
    // Intrinsics with a fallback body are compiled from it.
    if FunctionSignature::of(tcx_db, function)
        .flags
        .contains(FnFlags::HAS_BODY)
    {
        let resolution = crate::resolve::classify_item(&fx.cx.tcx, &fx.cx.linkmap, function, iargs);
        if let crate::resolve::CallResolution::Define { instance, tier, .. } = resolution {
            let from = Some(fx.instance);
            let id = fx.cx.declare_instance(instance, from, tier)?;
            let abi = fx.cx.fn_abi(&instance)?;
            crate::call::emit_call(fx, crate::call::Callee::Direct(id), &abi, args, dest, false)?;
            return Ok(true);
        }
    }
    let at = fx.instance;
    fx.cx.error(
        &at,
        format!("core::intrinsics::{name}"),
        format!("the intrinsic `{name}` is not supported by rac"),
    );
    fx.bcx.ins().trap(TrapCode::user(9).unwrap());
    Ok(false)
}

fn pointee_of<'db>(fx: &FunctionCx<'_, 'db>, ty: Ty<'db>) -> Result<Ty<'db>> {
    match ty.kind() {
        TyKind::RawPtr(t, _) | TyKind::Ref(_, t, _) => Ok(t),
        _ => Err(anyhow!("`{}` is not a pointer", fx.cx.tcx.display(ty))),
    }
}

pub fn size_and_align_of_val<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    ty: Ty<'db>,
    ptr: CValue<'db>,
) -> Result<(Value, Value)> {
    if fx.cx.tcx.is_sized(ty) {
        let l = fx.layout_of(ty)?;
        let s = fx.bcx.ins().iconst(PTR, l.size() as i64);
        let a = fx.bcx.ins().iconst(PTR, l.align() as i64);
        return Ok((s, a));
    }
    let (_, meta) = ptr.load_scalar_pair(fx);
    unsized_size_and_align(fx, ty, meta)
}

/// rustc's `size_and_align_of_dst`: a struct with an unsized last field is the static
/// offset of that field plus the field's own dynamic size (found the same way, so a
/// struct nested in the tail is laid out by its vtable's alignment too), rounded up to
/// the larger of the two alignments.
fn unsized_size_and_align<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    ty: Ty<'db>,
    meta: Value,
) -> Result<(Value, Value)> {
    match ty.kind() {
        TyKind::Str => return Ok((meta, fx.bcx.ins().iconst(PTR, 1))),
        TyKind::Slice(e) => {
            let el = fx.layout_of(e)?;
            return Ok((
                fx.bcx.ins().imul_imm_s(meta, el.size() as i64),
                fx.bcx.ins().iconst(PTR, el.align() as i64),
            ));
        }
        TyKind::Dynamic(..) => {
            let s = fx.bcx.ins().load(PTR, flags(), meta, 8);
            let a = fx.bcx.ins().load(PTR, flags(), meta, 16);
            return Ok((s, a));
        }
        _ => {}
    }
    let Some(last) = fx.cx.tcx.last_field(ty) else {
        bail!("size_of_val of `{}`", fx.cx.tcx.display(ty));
    };
    let l = fx.layout_of(ty)?;
    // The last field in declaration order: an unsized field is never reordered.
    let offset = match l.layout.fields.count() {
        0 => l.size() as i64,
        n => l.layout.fields.offset(n - 1).bytes() as i64,
    };
    let (field_size, field_align) = unsized_size_and_align(fx, last, meta)?;
    let static_align = fx.bcx.ins().iconst(PTR, l.align() as i64);
    let c = fx
        .bcx
        .ins()
        .icmp(IntCC::UnsignedGreaterThan, static_align, field_align);
    let align = fx.bcx.ins().select(c, static_align, field_align);
    let unaligned = fx.bcx.ins().iadd_imm_s(field_size, offset);
    let size = fx.align_up(unaligned, align);
    Ok((size, align))
}

enum IntResult {
    One(Value),
    WithFlag(Value, Value),
}

fn int_intrinsic<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    name: &str,
    args: &[CallArg<'db>],
    out: &crate::ty::TyAndLayout<'db>,
) -> Result<Option<IntResult>> {
    let known = matches!(
        name,
        "wrapping_add"
            | "wrapping_sub"
            | "wrapping_mul"
            | "unchecked_add"
            | "unchecked_sub"
            | "unchecked_mul"
            | "unchecked_div"
            | "unchecked_rem"
            | "exact_div"
            | "unchecked_shl"
            | "unchecked_shr"
            | "add_with_overflow"
            | "sub_with_overflow"
            | "mul_with_overflow"
            | "saturating_add"
            | "saturating_sub"
            | "rotate_left"
            | "rotate_right"
            | "ctpop"
            | "ctlz"
            | "ctlz_nonzero"
            | "cttz"
            | "cttz_nonzero"
            | "bswap"
            | "bitreverse"
            | "three_way_compare"
            | "disjoint_bitor"
            | "select_unpredictable"
    );
    if !known {
        return Ok(None);
    }
    let ty0 = args[0].value.layout.ty;
    let signed = matches!(ty0.kind(), TyKind::Int(_));
    if name == "select_unpredictable" {
        let c = args[0].value.load_scalar(fx);
        let (a, _) = args[1].value.force_stack(fx);
        let (b, _) = args[2].value.force_stack(fx);
        let p = fx.bcx.ins().select(c, a, b);
        let v = CValue::by_ref(p, out.clone());
        let tmp = fx.alloc_stack(out.clone());
        tmp.write(fx, v);
        let val = match out.layout.backend_repr {
            BackendRepr::Scalar(_) => tmp.to_cvalue().load_scalar(fx),
            _ => bail!("select_unpredictable on a non-scalar"),
        };
        return Ok(Some(IntResult::One(val)));
    }
    let x = args[0].value.load_scalar(fx);
    let ty: Type = fx.bcx.func.dfg.value_type(x);
    let y = if args.len() > 1 {
        Some(args[1].value.load_scalar(fx))
    } else {
        None
    };
    let bits = ty.bits();
    let b = &mut fx.bcx;
    let r = match name {
        "wrapping_add" | "unchecked_add" => IntResult::One(b.ins().iadd(x, y.unwrap())),
        "wrapping_sub" | "unchecked_sub" => IntResult::One(b.ins().isub(x, y.unwrap())),
        "wrapping_mul" | "unchecked_mul" => IntResult::One(b.ins().imul(x, y.unwrap())),
        "unchecked_div" | "exact_div" | "unchecked_rem" => IntResult::One(crate::num::div_rem(
            fx,
            x,
            y.unwrap(),
            name != "unchecked_rem",
            signed,
        )?),
        "unchecked_shl" | "unchecked_shr" => {
            let amt = crate::num::int_cast(
                fx,
                y.unwrap(),
                if ty == types::I128 { types::I64 } else { ty },
                false,
            );
            let b = &mut fx.bcx;
            IntResult::One(match (name, signed) {
                ("unchecked_shl", _) => b.ins().ishl(x, amt),
                (_, true) => b.ins().sshr(x, amt),
                _ => b.ins().ushr(x, amt),
            })
        }
        "disjoint_bitor" => IntResult::One(b.ins().bor(x, y.unwrap())),
        "add_with_overflow" | "sub_with_overflow" => {
            let add = name == "add_with_overflow";
            let (r, of) = crate::num::add_sub_with_overflow(fx, x, y.unwrap(), add, signed);
            IntResult::WithFlag(r, of)
        }
        "mul_with_overflow" => {
            let (r, of) = crate::num::mul_with_overflow(fx, x, y.unwrap(), signed, bits)?;
            IntResult::WithFlag(r, of)
        }
        "saturating_add" | "saturating_sub" => {
            let y = y.unwrap();
            let add = name == "saturating_add";
            // Cranelift's x64 backend has no scalar saturating add/sub: compute the
            // wrapping result, detect overflow, and select the bound.
            {
                let (r, of) = crate::num::add_sub_with_overflow(fx, x, y, add, signed);
                let sat = if signed {
                    let max = crate::num::iconst_u128(fx, ty, (1u128 << (bits - 1)) - 1);
                    let min = crate::num::iconst_u128(fx, ty, 1u128 << (bits - 1));
                    let neg = fx.bcx.ins().icmp_imm_s(IntCC::SignedLessThan, x, 0);
                    fx.bcx.ins().select(neg, min, max)
                } else if add {
                    crate::num::iconst_u128(fx, ty, u128::MAX)
                } else {
                    crate::num::iconst_u128(fx, ty, 0)
                };
                IntResult::One(fx.bcx.ins().select(of, sat, r))
            }
        }
        "rotate_left" | "rotate_right" => {
            let amt = crate::num::int_cast(fx, y.unwrap(), types::I32, false);
            let b = &mut fx.bcx;
            IntResult::One(if name == "rotate_left" {
                b.ins().rotl(x, amt)
            } else {
                b.ins().rotr(x, amt)
            })
        }
        "ctpop" | "ctlz" | "ctlz_nonzero" | "cttz" | "cttz_nonzero" => {
            let r = match name {
                "ctpop" => b.ins().popcnt(x),
                "ctlz" | "ctlz_nonzero" => b.ins().clz(x),
                _ => b.ins().ctz(x),
            };
            // These return u32.
            let r = crate::num::int_cast(fx, r, types::I32, false);
            IntResult::One(r)
        }
        "bswap" => IntResult::One(if bits == 8 { x } else { b.ins().bswap(x) }),
        "bitreverse" => IntResult::One(b.ins().bitrev(x)),
        "three_way_compare" => {
            let y = y.unwrap();
            let (lt, gt) = if signed {
                (
                    b.ins().icmp(IntCC::SignedLessThan, x, y),
                    b.ins().icmp(IntCC::SignedGreaterThan, x, y),
                )
            } else {
                (
                    b.ins().icmp(IntCC::UnsignedLessThan, x, y),
                    b.ins().icmp(IntCC::UnsignedGreaterThan, x, y),
                )
            };
            IntResult::One(b.ins().isub(gt, lt))
        }
        _ => unreachable!(),
    };
    let _ = out;
    Ok(Some(r))
}

/// A scalar integer intrinsic with one result (for the lanes of SIMD intrinsics).
pub(crate) fn int_intrinsic_value<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    name: &str,
    args: &[CallArg<'db>],
    out: &crate::ty::TyAndLayout<'db>,
) -> Result<Value> {
    match int_intrinsic(fx, name, args, out)? {
        Some(IntResult::One(v)) => Ok(v),
        _ => bail!("`{name}` is not a single-result integer intrinsic"),
    }
}

pub(crate) fn float_intrinsic_value<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    name: &str,
    args: &[CallArg<'db>],
) -> Result<Option<Value>> {
    float_intrinsic(fx, name, args)
}

fn float_intrinsic<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    name: &str,
    args: &[CallArg<'db>],
) -> Result<Option<Value>> {
    let (base, is32) = if let Some(b) = name.strip_suffix("f64") {
        (b, false)
    } else if let Some(b) = name.strip_suffix("f32") {
        (b, true)
    } else {
        return Ok(None);
    };
    let vals: Vec<Value> = args.iter().map(|a| a.value.load_scalar(fx)).collect();
    let t = if is32 { types::F32 } else { types::F64 };
    let b = &mut fx.bcx;
    let v = match base {
        "sqrt" => b.ins().sqrt(vals[0]),
        "floor" => b.ins().floor(vals[0]),
        "ceil" => b.ins().ceil(vals[0]),
        "trunc" => b.ins().trunc(vals[0]),
        "round_ties_even" | "rint" | "nearbyint" => b.ins().nearest(vals[0]),
        "fabs" => b.ins().fabs(vals[0]),
        "copysign" => b.ins().fcopysign(vals[0], vals[1]),
        // IEEE minNum/maxNum: a NaN operand yields the other one (Cranelift's `fmin`/`fmax`
        // propagate NaN). As LLVM's x86 lowering (`maxsd y, x`, then a NaN test of `x`):
        // `y` only if it is strictly greater (smaller) than `x` or `x` is NaN.
        "minnum" | "maxnum" => {
            let (x, y) = (vals[0], vals[1]);
            let cc = if base == "minnum" {
                FloatCC::LessThan
            } else {
                FloatCC::GreaterThan
            };
            let y_wins = b.ins().fcmp(cc, y, x);
            let r = b.ins().select(y_wins, y, x);
            let x_nan = b.ins().fcmp(FloatCC::Unordered, x, x);
            b.ins().select(x_nan, y, r)
        }
        // IEEE 754-2019 minimum/maximum: NaN propagates, `-0.0 < 0.0`.
        "minimum" => b.ins().fmin(vals[0], vals[1]),
        "maximum" => b.ins().fmax(vals[0], vals[1]),
        "fadd_fast" | "fadd_algebraic" => b.ins().fadd(vals[0], vals[1]),
        "fsub_fast" | "fsub_algebraic" => b.ins().fsub(vals[0], vals[1]),
        "fmul_fast" | "fmul_algebraic" => b.ins().fmul(vals[0], vals[1]),
        "fdiv_fast" | "fdiv_algebraic" => b.ins().fdiv(vals[0], vals[1]),
        _ => {
            let (libm, nargs) = match base {
                "round" => ("round", 1),
                "pow" => ("pow", 2),
                "exp" => ("exp", 1),
                "exp2" => ("exp2", 1),
                "log" => ("log", 1),
                "log2" => ("log2", 1),
                "log10" => ("log10", 1),
                "sin" => ("sin", 1),
                "cos" => ("cos", 1),
                "fma" | "fmuladd" => ("fma", 3),
                "powi" => {
                    let f = if is32 { "__powisf2" } else { "__powidf2" };
                    return Ok(Some(fx.call_libfunc(f, &vals, &[t, types::I32], &[t])?[0]));
                }
                "frem_fast" | "frem_algebraic" => ("fmod", 2),
                _ => return Ok(None),
            };
            let name = if is32 {
                format!("{libm}f")
            } else {
                libm.to_owned()
            };
            let params = vec![t; nargs];
            return Ok(Some(
                fx.call_libfunc(&name, &vals[..nargs], &params, &[t])?[0],
            ));
        }
    };
    Ok(Some(v))
}

/// Atomics: all orderings are compiled as sequentially consistent, which is stronger than
/// (and so compatible with) any ordering the program asks for.
fn atomic_intrinsic<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    name: &str,
    iargs: GenericArgs<'db>,
    args: &[CallArg<'db>],
    dest: &CPlace<'db>,
) -> Result<bool> {
    use cranelift_codegen::ir::AtomicRmwOp;
    let out = dest.layout.clone();
    let _ = iargs;
    let op = name.trim_start_matches("atomic_");
    let f = cranelift_codegen::ir::MemFlagsData::trusted();
    match op {
        "fence" | "singlethreadfence" => {
            fx.bcx.ins().fence();
            return Ok(true);
        }
        "load" => {
            let p = args[0].value.load_scalar(fx);
            let ty = crate::num::clif_int_type(&out);
            let v = fx.bcx.ins().atomic_load(ty, f, p);
            dest.write(fx, CValue::by_val(v, out));
            return Ok(true);
        }
        "store" => {
            let p = args[0].value.load_scalar(fx);
            let v = args[1].value.load_scalar(fx);
            fx.bcx.ins().atomic_store(f, v, p);
            return Ok(true);
        }
        "cxchg" | "cxchgweak" => {
            let p = args[0].value.load_scalar(fx);
            let old = args[1].value.load_scalar(fx);
            let new = args[2].value.load_scalar(fx);
            let prev = fx.bcx.ins().atomic_cas(f, p, old, new);
            let ok = fx.bcx.ins().icmp(IntCC::Equal, prev, old);
            let off = out.layout.fields.offset(1).bytes();
            fx.bcx.ins().store(flags(), prev, dest.ptr, 0);
            fx.bcx.ins().store(flags(), ok, dest.ptr, off as i32);
            return Ok(true);
        }
        _ => {}
    }
    let rmw = match op {
        "xchg" => AtomicRmwOp::Xchg,
        "xadd" => AtomicRmwOp::Add,
        "xsub" => AtomicRmwOp::Sub,
        "and" => AtomicRmwOp::And,
        "or" => AtomicRmwOp::Or,
        "xor" => AtomicRmwOp::Xor,
        "nand" => AtomicRmwOp::Nand,
        "max" => AtomicRmwOp::Smax,
        "min" => AtomicRmwOp::Smin,
        "umax" => AtomicRmwOp::Umax,
        "umin" => AtomicRmwOp::Umin,
        _ => bail!("atomic intrinsic `{name}` is not supported"),
    };
    let p = args[0].value.load_scalar(fx);
    let v = args[1].value.load_scalar(fx);
    let ty = fx.bcx.func.dfg.value_type(v);
    let r = fx.bcx.ins().atomic_rmw(ty, f, rmw, p, v);
    dest.write(fx, CValue::by_val(r, out));
    let _ = CValueInner::Zst;
    let _: Option<Ty<'db>> = None;
    Ok(true)
}
