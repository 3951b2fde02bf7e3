fn main() {
    let base = 10;
    let add = |x: i32| x + base;
    let mut count = 0;
    let mut bump = || count += 1;
    bump();
    bump();
    println!("{} {} {}", add(1), add(5), count);
}
