//! rac's code generator: an instance's rust-analyzer MIR → Cranelift → a compiled unit
//! (`compile.rs`; as a salsa query for reuse: `query.rs`), and units → an object file
//! (`emit.rs`).
pub mod abi;
pub mod attrs;
pub mod base;
pub mod call;
pub mod common;
pub mod compile;
pub mod constant;
pub mod coroutine;
pub mod cx;
pub mod emit;
pub mod entry;
pub mod glue;
pub mod inline;
pub mod instance;
pub mod intrinsics;
pub mod mir;
pub mod mir_repairs;
pub mod num;
pub mod resolve;
pub mod spans;
pub mod symbol_path;
pub mod ty;
pub mod unsize;
pub mod value_and_place;
pub mod vtable;

pub use compile::{UnitConfig, UnitOutput, compile_entry, compile_instance};
pub mod derive;
pub mod discriminant;
pub mod drops;
pub mod layout;
pub mod mangle;
pub mod phase;
pub mod query;
pub mod shims;
pub mod stencil_cache;
pub mod symbols;
pub mod type_id;
pub mod unit;
