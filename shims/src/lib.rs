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

/// rac's allocator glue for a `#[global_allocator]` static of the workspace, not a
/// replacement of a std function: rustc's allocator shim makes `__rust_alloc` & co. call
/// the `GlobalAlloc` methods of the program's `#[global_allocator]` static (the
/// `__rg_alloc` functions it generates); rac's entry glue (`codegen/src/entry.rs`) calls
/// these four with the static's address.
///
/// # Safety
/// As `GlobalAlloc::alloc`, with `size` and `align` a valid `Layout`.
pub unsafe fn global_alloc<A: core::alloc::GlobalAlloc>(a: &A, size: usize, align: usize) -> *mut u8 {
    unsafe { a.alloc(core::alloc::Layout::from_size_align_unchecked(size, align)) }
}

/// See `global_alloc`.
///
/// # Safety
/// As `GlobalAlloc::dealloc`.
pub unsafe fn global_dealloc<A: core::alloc::GlobalAlloc>(a: &A, ptr: *mut u8, size: usize, align: usize) {
    unsafe { a.dealloc(ptr, core::alloc::Layout::from_size_align_unchecked(size, align)) }
}

/// See `global_alloc`.
///
/// # Safety
/// As `GlobalAlloc::realloc`.
pub unsafe fn global_realloc<A: core::alloc::GlobalAlloc>(
    a: &A,
    ptr: *mut u8,
    size: usize,
    align: usize,
    new_size: usize,
) -> *mut u8 {
    unsafe { a.realloc(ptr, core::alloc::Layout::from_size_align_unchecked(size, align), new_size) }
}

/// See `global_alloc`.
///
/// # Safety
/// As `GlobalAlloc::alloc_zeroed`.
pub unsafe fn global_alloc_zeroed<A: core::alloc::GlobalAlloc>(a: &A, size: usize, align: usize) -> *mut u8 {
    unsafe { a.alloc_zeroed(core::alloc::Layout::from_size_align_unchecked(size, align)) }
}
