// A syntax error: rustc's message and location, as `cargo build` prints them, not
// rust-analyzer's recovery.
fn main() {
    let v = vec![1, 2, 3];
    let total: i32 = v.iter().sum()
    println!("{total}");
}
