// expect-stderr: rac cannot compile `core::any::type_name::<
// expect-stderr: call chain: type_name_fn_pointer_lifetimes::main -> core::any::type_name::<
// expect-stderr: is not supported by rac
// rustc prints `fn(&'_ u8) -> u8`: rust-analyzer's signature does not always say which
// lifetimes are late-bound, so rac refuses fn pointer types with lifetimes (those
// without are spelled as rustc does: `testsuite/programs/type_name_of_fn_pointers.rs`).
fn main() {
    println!("{}", std::any::type_name::<fn(&u8) -> u8>());
}
