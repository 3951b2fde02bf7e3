use std::hint::black_box;

fn main() {
    let a: i32 = black_box(i32::MIN);
    let divisors = black_box([2, -2, 1, -1]);
    for d in divisors {
        println!("{} / {} = ...", a, d);
        let q = a / d;
        println!("  = {}", q);
    }
}
