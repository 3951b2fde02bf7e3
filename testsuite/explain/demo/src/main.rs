// The program the `cargo rac explain` golden tests look at: a local function, a std
// generic instance for a user type, a Tier 2 call, and a function rac refuses.
use std::arch::asm;

#[derive(Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
}

fn norm1(p: Point) -> i32 {
    p.x.abs() + p.y.abs()
}

fn read_zero() -> u64 {
    let x: u64;
    unsafe {
        asm!("mov {}, 0", out(reg) x);
    }
    x
}

fn main() {
    let mut v = Vec::new();
    v.push(Point { x: 1, y: -2 });
    println!("{}", norm1(v[0]));
    if v.len() > 5 {
        println!("{}", read_zero());
    }
}
