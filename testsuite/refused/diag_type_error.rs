// Code with a type error is not "refused by rac": the user sees rustc's diagnostics, as
// with `cargo build` (file:line:col, the source line), and exit code 101.
// expect-stderr: error[E0308]: mismatched types
// expect-stderr: --> src/main.rs:11:18
// expect-stderr: expected `u32`, found `&str`
// expect-stderr: could not compile
// expect-not-stderr: rac cannot compile
// expect-not-stderr: help: move this code

fn main() {
    let x: u32 = "text";
    println!("{x}");
}
