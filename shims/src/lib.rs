//! Tier 3 of rac: Rust-source stand-ins for std functions rust-analyzer cannot lower.
//!
//! rac loads this crate into rust-analyzer's database beside the user's workspace (with
//! the same core, alloc and std) and, where the shim table (`codegen/src/shims.rs`, the one
//! table of every shim: what is replaced, why, by what) says so, compiles the function
//! here through Tier 1 in place of the std function. A shim has the replaced function's
//! signature exactly (the same generic parameters, in the same order) and behaves as
//! the replaced function does for every caller in std.
//!
//! Keep shims simple enough for rust-analyzer's MIR lowering: thin generic shells over
//! monomorphic helpers, no portable SIMD, no inline assembly.
#![no_std]

/// Replaces `core::str::pattern::simd_contains` (x86_64 with SSE2).
///
/// Why: its portable-SIMD mask handling (`Mask::to_bitmask` → `Simd::resize` →
/// `Swizzle::concat_swizzle`) does not lower in rust-analyzer (`InaccessibleLocal`), so
/// every `str::contains(&str)` was refused.
///
/// What: the answer "no SIMD fast path here". The caller,
/// `<&str as Pattern>::is_contained_in`, then searches with the Two-Way searcher
/// (`StrSearcher`), as it does on targets without SSE2; the result is the same.
pub fn simd_contains(_needle: &str, _haystack: &str) -> Option<bool> {
    None
}
