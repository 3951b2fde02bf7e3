// rust-analyzer accepts this; rustc's borrow checker does not: the build fails with
// rustc's error (E0505) and warning, exit code 101, and no binary.
fn main() {
    let v = vec![1, 2, 3];
    let first = &v[0];
    drop(v);
    let spare = 7;
    println!("{first}");
}
