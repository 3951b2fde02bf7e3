// rustc's warnings, printed as `cargo build` prints them: unused code, an unneeded `mut`,
// a dead function, an unused import, a lint raised to an error nowhere; the program runs.
use std::collections::HashMap;

fn dead(x: u32) -> u32 {
    x * 2
}

#[derive(Debug)]
struct Point {
    x: i32,
    y: i32,
}

fn main() {
    let mut total = 0;
    let unused = 5;
    let p = Point { x: 1, y: 2 };
    for i in 0..4 {
        total += i;
    }
    let mut fixed = 3;
    println!("{total} {} {}", p.x, fixed);
}
