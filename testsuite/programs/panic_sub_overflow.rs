use std::hint::black_box;

fn sub(a: u32, b: u32) -> u32 {
    a - b
}

fn main() {
    let vals = black_box([10u32, 5, 3, 1]);
    let mut acc = black_box(12u32);
    for v in vals {
        println!("acc = {} minus {}", acc, v);
        acc = sub(acc, v);
    }
    println!("unreachable {}", acc);
}
