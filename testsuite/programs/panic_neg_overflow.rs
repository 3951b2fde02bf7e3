use std::hint::black_box;

fn negate(x: i32) -> i32 {
    -x
}

fn main() {
    let vals = black_box([5, -7, i32::MAX, i32::MIN, 3]);
    for v in vals {
        println!("neg({}) = {}", v, negate(v));
    }
}
