//! The program's entry glue, as rustc emits it for a binary crate: a C `main(argc, argv)`
//! calling `std::rt::lang_start::<T>(main, argc, argv, sigpipe)`, and the allocator shim
//! (`__rust_alloc` → std's default `__rdl_alloc`, ...).

use anyhow::{Result, anyhow};
use cranelift_codegen::ir::{
    AbiParam, Function, InstBuilder, Signature, UserFuncName, Value, types,
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{FuncId, Linkage, Module};
use ra_ap_hir_def::FunctionId;
use ra_ap_hir_ty::next_solver::GenericArgs;

use crate::cx::CodegenCx;
use crate::instance::Instance;
use crate::resolve::{CallResolution, Tier};

pub fn define_c_main<'db>(cx: &mut CodegenCx<'db>, user_main: FunctionId) -> Result<()> {
    let tcx = &cx.tcx;
    let main_inst = Instance::item(user_main, GenericArgs::empty(tcx.interner));
    let ret_ty = main_inst.sig(tcx).output;
    let start = tcx
        .interner
        .lang_items()
        .Start
        .ok_or_else(|| anyhow!("std's `lang_start` was not found"))?;
    let start_args = GenericArgs::new_from_slice(&[ret_ty.into()]);
    let main_id = cx.declare_instance(main_inst, None, Tier::Tier1)?;
    let (start_id, start_abi) =
        match crate::resolve::resolve_fn(&cx.tcx, &cx.linkmap, start, start_args) {
            CallResolution::Define { instance, tier, .. } => (
                cx.declare_instance(instance, None, tier)?,
                cx.fn_abi(&instance)?,
            ),
            CallResolution::Refused { function, reason } => {
                return Err(anyhow!("cannot compile {function}: {reason}"));
            }
            _ => return Err(anyhow!("unexpected resolution of std::rt::lang_start")),
        };
    let mut sig = Signature::new(CallConv::SystemV);
    sig.params.push(AbiParam::new(types::I32));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
    let id = cx
        .module
        .declare_function("main", Linkage::Export, &sig)
        .map_err(|e| anyhow!("{e}"))?;
    if start_abi.ret.mode == crate::abi::PassMode::Indirect {
        return Err(anyhow!("unexpected ABI of std::rt::lang_start"));
    }
    let n_start_params = start_abi.signature().params.len();
    define_body(cx, id, sig, |cx, b, params| {
        let (argc, argv) = (params[0], params[1]);
        let main_ref = cx.module.declare_func_in_func(main_id, b.func);
        let main_ptr = b.ins().func_addr(types::I64, main_ref);
        let argc64 = b.ins().sextend(types::I64, argc);
        let sigpipe = b.ins().iconst(types::I8, 0);
        let start_ref = cx.module.declare_func_in_func(start_id, b.func);
        // lang_start(main: fn() -> T, argc: isize, argv: *const *const u8, sigpipe: u8) -> isize
        let mut args = vec![main_ptr, argc64, argv, sigpipe];
        args.truncate(n_start_params);
        let call = b.ins().call(start_ref, &args);
        let r = b.inst_results(call)[0];
        let r32 = b.ins().ireduce(types::I32, r);
        b.ins().return_(&[r32]);
    });
    Ok(())
}

/// `__rust_alloc` & co. forward to std's default allocator, as rustc's allocator shim does
/// when the program declares no `#[global_allocator]`.
pub fn define_allocator_shim(cx: &mut CodegenCx<'_>) -> Result<()> {
    let i = types::I64;
    let shims: [(&str, &[types::Type], &[types::Type]); 4] = [
        ("alloc", &[i, i], &[i]),
        ("dealloc", &[i, i, i], &[]),
        ("realloc", &[i, i, i, i], &[i]),
        ("alloc_zeroed", &[i, i], &[i]),
    ];
    for (name, params, rets) in shims {
        let export = crate::resolve::rustc_internal_symbol(&cx.linkmap, &format!("__rust_{name}"))
            .ok_or_else(|| {
                anyhow!("std's allocator symbols were not found in the sysroot rlibs")
            })?;
        let import =
            crate::resolve::rustc_internal_symbol(&cx.linkmap, &format!("__rdl_{name}")).unwrap();
        let mut sig = Signature::new(CallConv::SystemV);
        sig.params = params.iter().map(|t| AbiParam::new(*t)).collect();
        sig.returns = rets.iter().map(|t| AbiParam::new(*t)).collect();
        let id = cx
            .module
            .declare_function(&export, Linkage::Export, &sig)
            .map_err(|e| anyhow!("{e}"))?;
        let target = cx
            .module
            .declare_function(&import, Linkage::Import, &sig)
            .map_err(|e| anyhow!("{e}"))?;
        forwarder(cx, id, target, sig)?;
    }
    let name =
        crate::resolve::rustc_internal_symbol(&cx.linkmap, "__rust_no_alloc_shim_is_unstable_v2")
            .unwrap();
    let sig = Signature::new(CallConv::SystemV);
    let id = cx
        .module
        .declare_function(&name, Linkage::Export, &sig)
        .map_err(|e| anyhow!("{e}"))?;
    define_body(cx, id, sig, |_, b, _| {
        b.ins().return_(&[]);
    });
    Ok(())
}

fn forwarder(cx: &mut CodegenCx<'_>, id: FuncId, target: FuncId, sig: Signature) -> Result<()> {
    define_body(cx, id, sig, |cx, b, params| {
        let r = cx.module.declare_func_in_func(target, b.func);
        let call = b.ins().call(r, params);
        let results = b.inst_results(call).to_vec();
        b.ins().return_(&results);
    });
    Ok(())
}

/// Defines the declared function `id` with one block whose code `body` emits (from the
/// function's parameters, ending in a return).
fn define_body(
    cx: &mut CodegenCx<'_>,
    id: FuncId,
    sig: Signature,
    body: impl FnOnce(&mut CodegenCx<'_>, &mut FunctionBuilder, &[Value]),
) {
    let mut func = Function::with_name_signature(UserFuncName::user(0, id.as_u32()), sig);
    let mut fbctx = FunctionBuilderContext::new();
    let mut b = FunctionBuilder::new(&mut func, &mut fbctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let params = b.block_params(entry).to_vec();
    body(cx, &mut b, &params);
    b.seal_all_blocks();
    b.finalize(cx.module.target_config());
    cx.compiled.push((id, func));
}
