use std::hint::black_box;

fn one() -> u8 {
    black_box(1)
}

fn main() {
    let mut x: u8 = black_box(250);
    for i in 0..10 {
        println!("step {} x = {}", i, x);
        x = x + one();
    }
    println!("unreachable {}", x);
}
