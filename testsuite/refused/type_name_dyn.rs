// expect-stderr: rac cannot compile `core::any::type_name::<
// expect-stderr: call chain: type_name_dyn::main -> type_name_dyn::name_of::<
// expect-stderr: is not supported by rac
// rustc prints `dyn core::fmt::Debug`; rac cannot spell trait objects the way rustc does
// (closures it can: `testsuite/programs/type_name_of_closures.rs`), so it refuses instead
// of printing something else.
fn name_of<T: ?Sized>(_: &T) -> &'static str {
    std::any::type_name::<T>()
}

fn main() {
    let d: &dyn std::fmt::Debug = &1;
    println!("{} {:?}", name_of(d), d);
}
