//! rac's code generator: rust-analyzer MIR → Cranelift → object files.
pub mod abi;
pub mod attrs;
pub mod base;
pub mod bridge;
pub mod call;
pub mod constant;
pub mod cx;
pub mod driver;
pub mod emit;
pub mod entry;
pub mod glue;
pub mod instance;
pub mod intrinsics;
pub mod link;
pub mod load;
pub mod mir;
pub mod num;
pub mod resolve;
pub mod spans;
pub mod symbol_path;
pub mod ty;
pub mod unsize;
pub mod value_and_place;
pub mod vtable;

pub use driver::{BinTarget, BuildReport, BuildRequest, Refusal, build};
pub mod explain;
pub mod layout;
