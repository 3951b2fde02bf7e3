//! Calls: resolving the callee through the tier pipeline, passing arguments in rustc's
//! Rust ABI, and the panic entry points rac's inserted checks call.

use anyhow::{Result, anyhow, bail};
use cranelift_codegen::ir::{AbiParam, InstBuilder, Signature, TrapCode, Type, Value};
use cranelift_codegen::isa::CallConv;
use cranelift_module::FuncId;
use ra_ap_hir_def::{CallableDefId, FunctionId, signatures::FunctionSignature};
use ra_ap_hir_ty::mir::{BasicBlockId, Operand, OperandKind, Place};
use ra_ap_hir_ty::next_solver::{GenericArgs, Ty, TyKind};
use ra_ap_rustc_abi::ExternAbi;
use ra_ap_rustc_type_ir::ClosureKind;
use ra_ap_rustc_type_ir::inherent::{GenericArgs as _, IntoKind};

use crate::abi::FnAbi;
use crate::common::FunctionCx;
use crate::cx::CodegenCx;
use crate::instance::{Instance, InstanceKind};
use crate::resolve::{CallResolution, Tier};
use crate::value_and_place::{CPlace, CValue, PTR, flags};

/// An argument to pass: its value, and whether it is a moved local the callee may take
/// ownership of in place.
pub struct CallArg<'db> {
    pub value: CValue<'db>,
    pub owned_place: bool,
}

impl<'db> CallArg<'db> {
    /// Arguments passed by copy: the callee gets its own copy of any indirect one.
    pub fn copies(values: impl IntoIterator<Item = CValue<'db>>) -> Vec<CallArg<'db>> {
        values
            .into_iter()
            .map(|value| CallArg {
                value,
                owned_place: false,
            })
            .collect()
    }
}

pub fn codegen_call<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    func: &Operand,
    args: &[Operand],
    destination: &Place,
    target: Option<BasicBlockId>,
) -> Result<()> {
    let fty = fx.operand_ty(func);
    let dest = fx.codegen_place(destination)?;
    let dest_in_args = args.iter().any(|a| match &a.kind {
        OperandKind::Copy(p) | OperandKind::Move(p) => p.local == destination.local,
        _ => false,
    });
    let mut call_args = Vec::with_capacity(args.len());
    for a in args {
        let value = fx.codegen_operand(a)?;
        let owned_place =
            matches!(&a.kind, OperandKind::Move(p) if p.projection.lookup().is_empty());
        call_args.push(CallArg { value, owned_place });
    }
    fx.note_call_moves(args);

    let done = match fty.kind() {
        TyKind::FnDef(def, fargs) => {
            let fargs = fx.cx.tcx.mono(fargs);
            match def.0 {
                CallableDefId::FunctionId(f) => {
                    call_fn_def(fx, f, fargs, call_args, &dest, dest_in_args, target)?
                }
                CallableDefId::StructId(_) | CallableDefId::EnumVariantId(_) => {
                    construct(fx, def.0, call_args, &dest)?;
                    true
                }
            }
        }
        TyKind::FnPtr(sig_tys, header) => {
            let ptr = fx.codegen_operand(func)?.load_scalar(fx);
            let sig = sig_tys.with(header);
            let sig = fx.cx.tcx.erase_regions(sig.skip_binder());
            let inputs: Vec<Ty<'db>> = sig.inputs().iter().copied().collect();
            let conv = if matches!(sig.abi(), ExternAbi::Rust | ExternAbi::RustCall) {
                crate::abi::Conv::Rust
            } else {
                crate::abi::Conv::C
            };
            let abi = crate::abi::fn_abi_from_tys(&fx.cx.tcx, &inputs, sig.output(), false, conv)?;
            emit_call(
                fx,
                Callee::Indirect(ptr),
                &abi,
                call_args,
                &dest,
                dest_in_args,
            )?;
            true
        }
        _ => bail!("call of a non-function `{}`", fx.cx.tcx.display(fty)),
    };
    if done {
        match target {
            Some(t) => {
                fx.call_returned_into(destination);
                fx.emit_deferred_drops()?;
                let b = fx.block(t);
                fx.bcx.ins().jump(b, &[]);
            }
            None => {
                fx.bcx.ins().trap(TrapCode::user(5).unwrap());
            }
        }
    }
    Ok(())
}

pub enum Callee {
    Direct(FuncId),
    Indirect(Value),
}

/// Returns whether the caller must still emit the jump to `target`. Without a `target`
/// (glue and derives calling on), the builder is always left in an open block: after a
/// call that ended its block (refused, diverging), in a fresh unreachable one.
pub fn call_fn_def<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    f: FunctionId,
    fargs: GenericArgs<'db>,
    args: Vec<CallArg<'db>>,
    dest: &CPlace<'db>,
    dest_in_args: bool,
    target: Option<BasicBlockId>,
) -> Result<bool> {
    let open = call_fn_def_in_block(fx, f, fargs, args, dest, dest_in_args, target)?;
    if !open && target.is_none() {
        let unreachable = fx.bcx.create_block();
        fx.bcx.switch_to_block(unreachable);
    }
    Ok(open)
}

fn call_fn_def_in_block<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    f: FunctionId,
    fargs: GenericArgs<'db>,
    mut args: Vec<CallArg<'db>>,
    dest: &CPlace<'db>,
    dest_in_args: bool,
    target: Option<BasicBlockId>,
) -> Result<bool> {
    // `Fn*::call*(f, (a, b))` written out explicitly passes the arguments as a tuple;
    // rust-call functions receive them spread.
    if FunctionSignature::of(fx.cx.tcx.db, f).abi == ExternAbi::RustCall
        && args.len() == 2
        && fargs.len() >= 2
        && args[1].value.layout.ty == fargs.type_at(1)
        && let TyKind::Tuple(_) = args[1].value.layout.ty.kind()
    {
        let tuple = args.pop().unwrap();
        args.extend(spread_tuple(fx, tuple.value)?);
    }
    let resolution = crate::resolve::resolve_fn(&fx.cx.tcx, &fx.cx.linkmap, f, fargs);
    if fx.cx.explain.is_some() {
        record_call_site(fx, f, fargs, &resolution);
    }
    match resolution {
        CallResolution::Define {
            instance,
            tier,
            reason,
        } => {
            fx.cx.reasons.entry(instance).or_insert(reason);
            let id = fx.cx.declare_instance(instance, Some(fx.instance), tier)?;
            let abi = fx.cx.fn_abi(&instance)?;
            emit_call(fx, Callee::Direct(id), &abi, args, dest, dest_in_args)?;
        }
        CallResolution::Tier2Extern {
            instance, symbol, ..
        } => {
            let abi = fx.cx.fn_abi(&instance)?;
            let id = fx.cx.import_function(&symbol, &abi.signature())?;
            emit_call(fx, Callee::Direct(id), &abi, args, dest, dest_in_args)?;
        }
        CallResolution::Virtual {
            trait_method,
            args: margs,
        } => {
            codegen_virtual_call(fx, trait_method, margs, args, dest, dest_in_args)?;
        }
        CallResolution::BoxedDynFnOnce {
            trait_method,
            args: margs,
            box_ty,
        } => {
            let the_box = args[0].value.clone();
            codegen_virtual_call(fx, trait_method, margs, args, dest, dest_in_args)?;
            // The closure was moved out by the call; free the allocation only.
            let box_layout = fx.layout_of(box_ty)?;
            let slot = fx.alloc_stack(box_layout);
            slot.write(fx, the_box);
            crate::glue::call_drop_impl(fx, box_ty, slot.ptr, None)?;
        }
        CallResolution::Intrinsic {
            name,
            function,
            args: iargs,
        } => {
            return crate::intrinsics::codegen_intrinsic(
                fx, &name, function, iargs, args, dest, target,
            );
        }
        CallResolution::Refused { function, reason } => {
            let at = fx.instance;
            fx.cx.error(&at, function, reason);
            fx.bcx.ins().trap(TrapCode::user(6).unwrap());
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn spread_tuple<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    tuple: CValue<'db>,
) -> Result<Vec<CallArg<'db>>> {
    let TyKind::Tuple(tys) = tuple.layout.ty.kind() else {
        bail!("spreading a non-tuple")
    };
    let (ptr, _) = tuple.force_stack(fx);
    let mut out = Vec::new();
    for (i, t) in tys.iter().enumerate() {
        let off = tuple.layout.layout.fields.offset(i).bytes();
        let p = fx.offset_ptr(ptr, off as i64);
        let l = fx.layout_of(t)?;
        out.push(CallArg {
            value: CValue::by_ref(p, l),
            owned_place: false,
        });
    }
    Ok(out)
}

/// Writes a tuple struct or variant built from `args` into `dest`.
pub fn construct<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    def: CallableDefId,
    args: Vec<CallArg<'db>>,
    dest: &CPlace<'db>,
) -> Result<()> {
    let layout = match (def, &dest.layout.layout.variants) {
        (CallableDefId::EnumVariantId(v), ra_ap_rustc_abi::Variants::Multiple { variants, .. }) => {
            variants[ra_ap_hir_ty::layout::RustcEnumVariantIdx(v.index(fx.cx.tcx.db) as usize)]
                .clone()
        }
        _ => (*dest.layout.layout).clone(),
    };
    for (i, a) in args.into_iter().enumerate() {
        if a.value.layout.is_zst() {
            continue;
        }
        let off = layout.fields.offset(i).bytes();
        let p = fx.offset_ptr(dest.ptr, off as i64);
        CPlace::new(p, a.value.layout.clone()).write(fx, a.value);
    }
    if let CallableDefId::EnumVariantId(v) = def {
        fx.write_discriminant(dest, v.index(fx.cx.tcx.db) as usize)?;
    }
    Ok(())
}

pub fn emit_call<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    callee: Callee,
    abi: &FnAbi<'db>,
    args: Vec<CallArg<'db>>,
    dest: &CPlace<'db>,
    dest_in_args: bool,
) -> Result<()> {
    if args.len() != abi.args.len() {
        bail!(
            "call passes {} arguments but the callee's signature has {}",
            args.len(),
            abi.args.len()
        );
    }
    let mut values = Vec::new();
    let ret_place = crate::abi::call_return_place(fx, abi, dest, dest_in_args, &mut values);
    for (arg, arg_abi) in args.into_iter().zip(&abi.args) {
        crate::abi::pass_arg(fx, arg.value, arg.owned_place, arg_abi, &mut values)?;
    }
    if abi.caller_location {
        let loc = fx.call_location_value()?;
        values.push(loc);
    }
    let sig = abi.signature();
    let target = match callee {
        Callee::Direct(id) => {
            let fr = fx.func_ref(id);
            crate::drops::CallTarget::Direct(fr)
        }
        Callee::Indirect(ptr) => {
            let sref = fx.bcx.import_signature(sig.clone());
            crate::drops::CallTarget::Indirect(sref, ptr)
        }
    };
    let results = fx.emit_call_inst(target, &values);
    crate::abi::write_call_result(fx, abi, ret_place, &results, dest)?;
    Ok(())
}

fn codegen_virtual_call<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    trait_method: FunctionId,
    margs: GenericArgs<'db>,
    mut args: Vec<CallArg<'db>>,
    dest: &CPlace<'db>,
    dest_in_args: bool,
) -> Result<()> {
    let tcx = &fx.cx.tcx;
    let self_ty = margs.type_at(0);
    let index = crate::vtable::method_index(tcx, self_ty, trait_method, margs)?;
    // The receiver is a wide pointer (`&dyn T`, `Box<dyn T>`, ...): data pointer and vtable.
    let recv = args.remove(0);
    let (data, vtable) = match recv.value.layout.layout.backend_repr {
        ra_ap_rustc_abi::BackendRepr::ScalarPair(..) => recv.value.load_scalar_pair(fx),
        _ => bail!("virtual call with a receiver that is not a wide pointer"),
    };
    let fnptr = fx.bcx.ins().load(PTR, flags(), vtable, (index * 8) as i32);
    // The signature is the trait method's with a thin `*mut ()` receiver.
    let sig = fx.cx.tcx.db.callable_item_signature(trait_method.into());
    let sig = fx
        .cx
        .tcx
        .instantiate(sig.skip_binder().skip_binder(), margs);
    let mut inputs: Vec<Ty<'db>> = sig.inputs().iter().copied().collect();
    if FunctionSignature::of(fx.cx.tcx.db, trait_method).abi == ExternAbi::RustCall
        && let Some(last) = inputs.pop()
    {
        match last.kind() {
            TyKind::Tuple(t) => inputs.extend(t.iter()),
            _ => inputs.push(last),
        }
    }
    let thin = fx.cx.tcx.mut_ptr(fx.cx.tcx.unit());
    inputs[0] = thin;
    let caller_location = crate::attrs::fn_attrs(fx.cx.tcx.db, trait_method).track_caller;
    let abi = crate::abi::fn_abi_from_tys(
        &fx.cx.tcx,
        &inputs,
        sig.output(),
        caller_location,
        crate::abi::Conv::Rust,
    )?;
    let thin_layout = fx.layout_of(thin)?;
    let mut all = vec![CallArg {
        value: CValue::by_val(data, thin_layout),
        owned_place: false,
    }];
    if args.len() + 1 != abi.args.len() && args.len() == 1 {
        // Explicit tupled arguments of a rust-call method.
        let tuple = args.pop().unwrap();
        args = spread_tuple(fx, tuple.value)?;
    }
    all.extend(args);
    emit_call(fx, Callee::Indirect(fnptr), &abi, all, dest, dest_in_args)
}

/// The address of a function item used as a value (`ReifyFnPointer`).
pub fn fn_item_address<'db>(fx: &mut FunctionCx<'_, 'db>, fn_def_ty: Ty<'db>) -> Result<Value> {
    let id = fn_value_id_from(fx.cx, fn_def_ty, Some(fx.instance))?;
    let fr = fx.func_ref(id);
    Ok(fx.bcx.ins().func_addr(PTR, fr))
}

/// A non-capturing closure turned into a function pointer: its `call_once` shim, whose
/// by-value `self` is a ZST and so takes no parameter.
pub fn closure_fn_pointer<'db>(fx: &mut FunctionCx<'_, 'db>, closure_ty: Ty<'db>) -> Result<Value> {
    let id = fn_value_id_from(fx.cx, closure_ty, Some(fx.instance))?;
    let fr = fx.func_ref(id);
    Ok(fx.bcx.ins().func_addr(PTR, fr))
}

pub fn fn_value_id<'db>(cx: &mut CodegenCx<'db>, ty: Ty<'db>) -> Result<FuncId> {
    fn_value_id_from(cx, ty, None)
}

/// The function a function-item or closure type denotes when used as a function pointer.
fn fn_value_id_from<'db>(
    cx: &mut CodegenCx<'db>,
    ty: Ty<'db>,
    from: Option<Instance<'db>>,
) -> Result<FuncId> {
    match ty.kind() {
        TyKind::FnDef(def, args) => {
            let args = cx.tcx.mono(args);
            let f = match def.0 {
                CallableDefId::FunctionId(f) => f,
                ctor => {
                    let instance = Instance {
                        kind: InstanceKind::Ctor(ctor),
                        args,
                    };
                    return cx.declare_instance(instance, from, Tier::Generated);
                }
            };
            match crate::resolve::resolve_fn(&cx.tcx, &cx.linkmap, f, args) {
                CallResolution::Define { instance, tier, .. } => {
                    let instance = reify(cx, instance);
                    cx.declare_instance(instance, from, tier)
                }
                CallResolution::Tier2Extern {
                    instance, symbol, ..
                } => {
                    if let InstanceKind::Item(g) = instance.kind
                        && crate::attrs::fn_attrs(cx.tcx.db, g).track_caller
                    {
                        let shim = Instance {
                            kind: InstanceKind::ReifyShim(g),
                            args: instance.args,
                        };
                        return cx.declare_instance(shim, from, Tier::Generated);
                    }
                    let abi = cx.fn_abi(&instance)?;
                    cx.import_function(&symbol, &abi.signature())
                }
                CallResolution::Refused { function, reason } => {
                    bail!("cannot take the address of {function}: {reason}")
                }
                // `<dyn Trait as Trait>::method` as a function pointer: as rustc does, a
                // shim with the method's signature makes the virtual call.
                CallResolution::Virtual { trait_method, args } => {
                    let shim = Instance {
                        kind: InstanceKind::ReifyShim(trait_method),
                        args,
                    };
                    cx.declare_instance(shim, from, Tier::Generated)
                }
                _ => {
                    bail!("taking the address of an intrinsic is not supported")
                }
            }
        }
        TyKind::Closure(c, cargs) => {
            let kind = if cargs.as_closure().kind() == ClosureKind::FnOnce {
                InstanceKind::Closure(c.0)
            } else {
                InstanceKind::ClosureOnceShim(c.0)
            };
            let tier = if matches!(kind, InstanceKind::Closure(_)) {
                Tier::Tier1
            } else {
                Tier::Generated
            };
            cx.declare_instance(Instance { kind, args: cargs }, from, tier)
        }
        _ => Err(anyhow!("`{}` is not a function", cx.tcx.display(ty))),
    }
}

fn reify<'db>(cx: &CodegenCx<'db>, instance: Instance<'db>) -> Instance<'db> {
    if let InstanceKind::Item(f) = instance.kind
        && crate::attrs::fn_attrs(cx.tcx.db, f).track_caller
    {
        return Instance {
            kind: InstanceKind::ReifyShim(f),
            args: instance.args,
        };
    }
    instance
}

impl<'a, 'db> FunctionCx<'a, 'db> {
    /// Calls a C function by symbol (libm, libc, compiler-builtins).
    pub fn call_libfunc(
        &mut self,
        name: &str,
        args: &[Value],
        params: &[Type],
        returns: &[Type],
    ) -> Result<Vec<Value>> {
        let mut sig = Signature::new(CallConv::SystemV);
        sig.params = params.iter().map(|t| AbiParam::new(*t)).collect();
        sig.returns = returns.iter().map(|t| AbiParam::new(*t)).collect();
        let id = self.cx.import_function(name, &sig)?;
        let fr = self.func_ref(id);
        Ok(self.emit_call_inst(crate::drops::CallTarget::Direct(fr), args))
    }

    /// The `&'static Location` to report for a panic raised here: the caller's, inside a
    /// `#[track_caller]` function, else this statement's.
    /// The `&Location` passed to a `#[track_caller]` callee at the current call.
    pub fn call_location_value(&mut self) -> Result<Value> {
        self.location_of(true)
    }

    /// The `&Location` of the current statement (or the caller's, in a `#[track_caller]`
    /// function).
    pub fn location_value(&mut self) -> Result<Value> {
        self.location_of(false)
    }

    fn location_of(&mut self, call: bool) -> Result<Value> {
        if let Some(v) = self.caller_location {
            return Ok(v);
        }
        let loc = self
            .owner
            .and_then(|o| {
                if call {
                    crate::spans::loc_of_call_span(&self.cx.tcx, o, self.span)
                } else {
                    crate::spans::loc_of_span(&self.cx.tcx, o, self.span)
                }
            })
            .unwrap_or(crate::spans::Loc {
                file: "<unknown>".into(),
                line: 0,
                col: 0,
            });
        let id = crate::constant::location_data(self.cx, &loc)?;
        Ok(self.data_addr(id))
    }

    fn call_core_panic(&mut self, path: &str, mut args: Vec<Value>) -> Result<()> {
        let symbol = match self.cx.linkmap.lookup_path(path) {
            linkmap::Lookup::Unique(s) => s.mangled.clone(),
            _ => bail!("`{path}` is not in the sysroot rlibs"),
        };
        args.push(self.location_value()?);
        let tys: Vec<Type> = args
            .iter()
            .map(|v| self.bcx.func.dfg.value_type(*v))
            .collect();
        self.call_libfunc(&symbol, &args, &tys, &[])?;
        self.bcx.ins().trap(TrapCode::user(7).unwrap());
        Ok(())
    }

    /// `core::panicking::panic_const::<name>()` ("attempt to add with overflow", ...).
    pub fn panic_const(&mut self, name: &str) -> Result<()> {
        self.call_core_panic(&format!("core::panicking::panic_const::{name}"), vec![])
    }

    pub fn panic_bounds_check(&mut self, index: Value, len: Value) -> Result<()> {
        self.call_core_panic("core::panicking::panic_bounds_check", vec![index, len])
    }
}

/// Notes a call and its resolution for `cargo rac explain`.
fn record_call_site<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    f: FunctionId,
    fargs: GenericArgs<'db>,
    resolution: &CallResolution<'db>,
) {
    use crate::resolve::Reason;
    let tcx = &fx.cx.tcx;
    let at = fx.span_loc();
    let mut site = crate::cx::CallSite {
        caller: fx.instance,
        at,
        callee: crate::instance::describe_fn(tcx, f, fargs),
        callee_instance: None,
        tier: None,
        reason: String::new(),
        symbol: None,
        rlib: None,
        error: None,
    };
    match resolution {
        CallResolution::Define {
            instance,
            tier,
            reason,
        } => {
            site.callee = instance.describe(tcx);
            site.callee_instance = Some(*instance);
            site.tier = Some(*tier);
            site.reason = reason.as_str().to_owned();
        }
        CallResolution::Tier2Extern {
            instance,
            symbol,
            rlib,
            reason,
        } => {
            site.callee = instance.describe(tcx);
            site.tier = Some(Tier::Tier2);
            site.reason = reason.as_str().to_owned();
            site.symbol = Some(symbol.clone());
            site.rlib = rlib.clone();
        }
        CallResolution::Virtual { .. } | CallResolution::BoxedDynFnOnce { .. } => {
            site.reason = Reason::Virtual.as_str().to_owned()
        }
        CallResolution::Intrinsic { name, .. } => {
            site.reason = format!("{} `{name}`", Reason::Intrinsic.as_str())
        }
        CallResolution::Refused { function, reason } => {
            site.callee = function.clone();
            site.reason = "rust-analyzer cannot lower it".into();
            site.error = Some(reason.clone());
        }
    }
    fx.cx.explain.as_mut().unwrap().push(site);
}
