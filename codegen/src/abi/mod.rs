//! Calling conventions: rustc 1.95's Rust ABI on x86_64 Linux, and the SysV C ABI
//! (`sysv.rs`) for `extern "C"` functions and calls.
//!
//! Invariant: a call between rac code and rustc-compiled code agrees on every pass mode,
//! because both sides derive it from the same layout with rustc's rules
//! (`adjust_for_rust_abi`): ZSTs are ignored, scalars are direct (bool-like `i8`s
//! zero-extended), scalar pairs are two values, memory aggregates of at most 8 bytes travel
//! as one integer of their size, anything bigger goes by pointer, and returns over 16 bytes
//! go through a return pointer passed first.

use cranelift_codegen::ir::{AbiParam, ArgumentPurpose, Signature, Type, types};
use cranelift_codegen::isa::CallConv;
use ra_ap_rustc_abi::{BackendRepr, Float, Integer, Primitive, Scalar};

use crate::ty::TyAndLayout;

mod pass_mode;
mod returning;
mod sysv;

pub use pass_mode::{cast_from_regs, cast_to_regs, incoming_param_place, incoming_value, pass_arg};
pub use returning::{call_return_place, incoming_return_pointer, write_call_result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassMode {
    Ignore,
    Direct,
    Pair,
    /// An aggregate in one or two registers: the bytes at offset 0 as `lo`, the bytes at
    /// offset 8 as `hi` (Rust ABI: aggregates of at most 8 bytes as one integer; C ABI:
    /// the SysV classes of its eightbytes).
    Cast {
        lo: Type,
        hi: Option<Type>,
    },
    /// By pointer; for unsized values also the metadata.
    Indirect,
    /// C ABI only: a copy on the caller's stack (LLVM's `byval`); the callee sees a pointer
    /// to it, as for `Indirect`.
    IndirectByVal,
}

#[derive(Debug, Clone)]
pub struct ArgAbi<'db> {
    pub layout: TyAndLayout<'db>,
    pub mode: PassMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    Rust,
    C,
}

#[derive(Debug, Clone)]
pub struct FnAbi<'db> {
    pub args: Vec<ArgAbi<'db>>,
    pub ret: ArgAbi<'db>,
    /// `#[track_caller]`: a `&'static Location` is passed after all other arguments.
    pub caller_location: bool,
    pub conv: Conv,
}

pub fn scalar_type(s: Scalar) -> Type {
    match s.primitive() {
        Primitive::Int(i, _) => match i {
            Integer::I8 => types::I8,
            Integer::I16 => types::I16,
            Integer::I32 => types::I32,
            Integer::I64 => types::I64,
            Integer::I128 => types::I128,
        },
        Primitive::Float(f) => match f {
            Float::F16 => types::F16,
            Float::F32 => types::F32,
            Float::F64 => types::F64,
            Float::F128 => types::F128,
        },
        Primitive::Pointer(_) => types::I64,
    }
}

/// rustc's `Scalar::is_bool`: an unsigned byte whose valid range is `0..=1`.
pub fn is_bool_like(s: Scalar) -> bool {
    match s {
        Scalar::Initialized {
            value: Primitive::Int(Integer::I8, false),
            valid_range,
        } => valid_range.start == 0 && valid_range.end == 1,
        _ => false,
    }
}

/// Sizes of scalars do not depend on anything target-specific but pointer width.
static DL: std::sync::LazyLock<ra_ap_rustc_abi::TargetDataLayout> =
    std::sync::LazyLock::new(ra_ap_rustc_abi::TargetDataLayout::default);

fn cast_type(size: u64) -> Type {
    match size {
        1 => types::I8,
        2 => types::I16,
        3..=4 => types::I32,
        _ => types::I64,
    }
}

/// The Rust ABI's pass mode (`adjust_for_rust_abi`).
pub fn arg_abi<'db>(layout: TyAndLayout<'db>, is_ret: bool) -> ArgAbi<'db> {
    let l = &layout.layout;
    let mode = if l.is_sized() && l.size.bytes() == 0 {
        PassMode::Ignore
    } else if is_ret
        && l.size.bytes() > 16
        && !matches!(l.backend_repr, BackendRepr::SimdVector { .. })
    {
        PassMode::Indirect
    } else {
        match l.backend_repr {
            BackendRepr::Scalar(_) => PassMode::Direct,
            BackendRepr::ScalarPair(..) => PassMode::Pair,
            BackendRepr::Memory { .. } if l.is_sized() && l.size.bytes() <= 8 => PassMode::Cast {
                lo: cast_type(l.size.bytes()),
                hi: None,
            },
            _ => PassMode::Indirect,
        }
    };
    ArgAbi { layout, mode }
}

impl<'db> ArgAbi<'db> {
    /// The Cranelift parameters this argument occupies.
    pub fn params(&self, conv: Conv) -> Vec<AbiParam> {
        match self.mode {
            PassMode::Ignore => vec![],
            PassMode::Direct => match self.layout.layout.backend_repr {
                BackendRepr::Scalar(s) => vec![scalar_param(s, conv)],
                _ => unreachable!("direct pass mode for a non-scalar"),
            },
            PassMode::Pair => match self.layout.layout.backend_repr {
                BackendRepr::ScalarPair(a, b) => vec![scalar_param(a, conv), scalar_param(b, conv)],
                _ => unreachable!("pair pass mode for a non-pair"),
            },
            PassMode::Cast { lo, hi } => std::iter::once(lo).chain(hi).map(AbiParam::new).collect(),
            PassMode::IndirectByVal => vec![AbiParam::special(
                types::I64,
                ArgumentPurpose::StructArgument(self.layout.size().next_multiple_of(8) as u32),
            )],
            PassMode::Indirect => {
                if self.layout.layout.is_sized() {
                    vec![AbiParam::new(types::I64)]
                } else {
                    vec![AbiParam::new(types::I64), AbiParam::new(types::I64)]
                }
            }
        }
    }
}

fn scalar_param(s: Scalar, conv: Conv) -> AbiParam {
    let p = AbiParam::new(scalar_type(s));
    if is_bool_like(s) {
        return p.uext();
    }
    if conv == Conv::C {
        // The SysV C ABI extends small integers to 32 bits (clang relies on it).
        if let Primitive::Int(Integer::I8 | Integer::I16, signed) = s.primitive() {
            return if signed { p.sext() } else { p.uext() };
        }
    }
    p
}

impl<'db> FnAbi<'db> {
    pub fn signature(&self) -> Signature {
        let mut sig = Signature::new(CallConv::SystemV);
        if self.ret.mode == PassMode::Indirect {
            sig.params
                .push(AbiParam::special(types::I64, ArgumentPurpose::StructReturn));
        } else {
            sig.returns = self.ret.params(self.conv);
        }
        for arg in &self.args {
            sig.params.extend(arg.params(self.conv));
        }
        if self.caller_location {
            sig.params.push(AbiParam::new(types::I64));
        }
        sig
    }
}

pub fn fn_abi_of_instance<'db>(
    tcx: &crate::ty::TyCx<'db>,
    instance: &crate::instance::Instance<'db>,
) -> anyhow::Result<FnAbi<'db>> {
    let sig = instance.sig(tcx);
    let conv = if sig.c_abi { Conv::C } else { Conv::Rust };
    fn_abi_from_tys(tcx, &sig.inputs, sig.output, sig.caller_location, conv)
}

pub fn fn_abi_from_tys<'db>(
    tcx: &crate::ty::TyCx<'db>,
    inputs: &[ra_ap_hir_ty::next_solver::Ty<'db>],
    output: ra_ap_hir_ty::next_solver::Ty<'db>,
    caller_location: bool,
    conv: Conv,
) -> anyhow::Result<FnAbi<'db>> {
    let (args, ret) = match conv {
        Conv::C => sysv::compute(tcx, inputs, output)?,
        Conv::Rust => {
            let args = inputs
                .iter()
                .map(|&t| Ok(arg_abi(tcx.layout_of(t)?, false)))
                .collect::<anyhow::Result<Vec<_>>>()?;
            (args, arg_abi(tcx.layout_of(output)?, true))
        }
    };
    Ok(FnAbi {
        args,
        ret,
        caller_location,
        conv,
    })
}
