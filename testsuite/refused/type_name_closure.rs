// expect-stderr: rac cannot compile `core::any::type_name::<
// expect-stderr: call chain: type_name_closure::main -> type_name_closure::name_of::<
// expect-stderr: is not supported by rac
// rustc prints `type_name_closure::main::{{closure}}`; rac cannot spell closure types the
// way rustc does, so it refuses instead of printing something else.
fn name_of<T>(_: &T) -> &'static str {
    std::any::type_name::<T>()
}

fn main() {
    let f = |x: i32| x + 1;
    println!("{} {}", name_of(&f), f(1));
}
