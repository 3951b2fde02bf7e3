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

/// The lang items std sees (std, core, alloc), if the sysroot's std is loaded.
fn std_lang_items(
    db: &dyn ra_ap_hir_ty::db::HirDatabase,
) -> Option<&ra_ap_hir_def::lang_item::LangItems> {
    let std = crate::symbols::sysroot_crate(db, "std")?;
    Some(ra_ap_hir_def::lang_item::lang_items(db, std))
}

pub fn define_c_main<'db>(cx: &mut CodegenCx<'db>, user_main: FunctionId) -> Result<()> {
    let tcx = &cx.tcx;
    let main_inst = Instance::item(user_main, GenericArgs::empty(tcx.interner));
    let ret_ty = main_inst.sig(tcx).output;
    // A `#![no_std]` crate's lang items are those of its extern prelude (core, alloc), but
    // its test harness runs on std (rustc's `--test` links it through `test`).
    let start = tcx
        .interner
        .lang_items()
        .Start
        .or_else(|| std_lang_items(tcx.db)?.Start)
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

/// Where `__rust_alloc` & co. go, as rustc's allocator shim decides.
enum Allocator {
    /// std's default (`__rdl_alloc`, the system allocator).
    Default,
    /// A `#[global_allocator]` static of a crate rustc compiled: rustc 1.95 defines
    /// `__rust_alloc` & co. in that crate itself (they call the static's methods).
    RustcGenerated,
    /// A `#[global_allocator]` static of a crate rac compiles.
    Static(ra_ap_hir_def::StaticId),
}

/// The program's `#[global_allocator]`: a static with the attribute in a crate of the
/// binary's graph that rac compiles, else `__rust_alloc` in a dependency's rlib, else
/// std's default.
fn find_allocator(cx: &CodegenCx<'_>) -> Allocator {
    let db = cx.tcx.db;
    for krate in cx.tcx.krate.transitive_deps(db) {
        // Crates rustc compiled (they have an rlib: path dependencies, members marked
        // for rustc) are found by their symbols below.
        let data = krate.data(db);
        if !data.origin.is_local() || cx.linkmap.crate_rlib(data.root_file_id.index()).is_some() {
            continue;
        }
        let def_map = ra_ap_hir_def::nameres::crate_def_map(db, krate);
        for (_, module) in def_map.modules() {
            for d in module.scope.declarations() {
                if let ra_ap_hir_def::ModuleDefId::StaticId(s) = d
                    && crate::attrs::static_attrs(db, s).global_allocator
                {
                    return Allocator::Static(s);
                }
            }
        }
    }
    // std's rlibs do not define it (rustc's allocator shim does, in each binary).
    if cx
        .linkmap
        .find_by_suffix("12___rust_alloc")
        .next()
        .is_some()
    {
        return Allocator::RustcGenerated;
    }
    Allocator::Default
}

/// `__rust_alloc` & co., as rustc's allocator shim: they forward to std's default
/// allocator, or to the program's `#[global_allocator]` (through `rac_shims::global_*`,
/// which call its `GlobalAlloc` methods); a dependency's rlib that has the
/// `#[global_allocator]` defines them itself.
pub fn define_allocator_shim(cx: &mut CodegenCx<'_>) -> Result<()> {
    let allocator = find_allocator(cx);
    let i = types::I64;
    let shims: [(&str, &[types::Type], &[types::Type]); 4] = [
        ("alloc", &[i, i], &[i]),
        ("dealloc", &[i, i, i], &[]),
        ("realloc", &[i, i, i, i], &[i]),
        ("alloc_zeroed", &[i, i], &[i]),
    ];
    for (name, params, rets) in shims {
        if let Allocator::RustcGenerated = allocator {
            break;
        }
        let export = crate::resolve::rustc_internal_symbol(&cx.linkmap, &format!("__rust_{name}"))
            .ok_or_else(|| {
                anyhow!("std's allocator symbols were not found in the sysroot rlibs")
            })?;
        let mut sig = Signature::new(CallConv::SystemV);
        sig.params = params.iter().map(|t| AbiParam::new(*t)).collect();
        sig.returns = rets.iter().map(|t| AbiParam::new(*t)).collect();
        let id = cx
            .module
            .declare_function(&export, Linkage::Export, &sig)
            .map_err(|e| anyhow!("{e}"))?;
        if let Allocator::Static(s) = allocator {
            global_allocator_call(cx, id, sig, s, name)?;
            continue;
        }
        let import =
            crate::resolve::rustc_internal_symbol(&cx.linkmap, &format!("__rdl_{name}")).unwrap();
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

/// Defines `__rust_{name}` (`id`, C-like scalars) as a call of
/// `rac_shims::global_{name}::<T>(&STATIC, args...)`, `T` the static's type.
fn global_allocator_call<'db>(
    cx: &mut CodegenCx<'db>,
    id: FuncId,
    sig: Signature,
    s: ra_ap_hir_def::StaticId,
    name: &str,
) -> Result<()> {
    let f = crate::shims::source_shim(&cx.tcx, &format!("global_{name}"))
        .ok_or_else(|| anyhow!("the shims crate has no `global_{name}`"))?;
    let ty = crate::constant::static_ty(&cx.tcx, s);
    let instance = Instance::item(f, GenericArgs::new_from_slice(&[ty.into()]));
    let abi = cx.fn_abi(&instance)?;
    let callee_sig = abi.signature();
    // `&T` then the shim's own scalars: the Rust ABI passes each as one register.
    if callee_sig.params.len() != sig.params.len() + 1
        || callee_sig.returns.len() != sig.returns.len()
        || callee_sig.params.iter().any(|p| p.value_type != types::I64)
    {
        return Err(anyhow!(
            "unexpected ABI of rac_shims::global_{name} for the #[global_allocator] static"
        ));
    }
    let callee = cx.declare_instance(instance, None, Tier::Tier3)?;
    let data = crate::constant::static_data(cx, s)?;
    define_body(cx, id, sig, |cx, b, params| {
        let gv = cx.module.declare_data_in_func(data, b.func);
        let addr = b.ins().symbol_value(types::I64, gv);
        let r = cx.module.declare_func_in_func(callee, b.func);
        let mut args = vec![addr];
        args.extend_from_slice(params);
        let call = b.ins().call(r, &args);
        let results = b.inst_results(call).to_vec();
        b.ins().return_(&results);
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
