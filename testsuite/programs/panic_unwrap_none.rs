use std::hint::black_box;

fn find(v: &[i32], target: i32) -> Option<usize> {
    v.iter().position(|&x| x == target)
}

fn main() {
    let v = black_box(vec![4, 8, 15, 16, 23, 42]);
    println!("pos of 15: {}", find(&v, 15).unwrap());
    println!("pos of 42: {}", find(&v, 42).unwrap());
    println!("pos of 99: {}", find(&v, 99).unwrap());
}
