use std::hint::black_box;

#[derive(Debug, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

fn main() {
    let a = Point { x: 1, y: black_box(2) };
    assert_eq!(a, Point { x: 1, y: 2 });
    println!("first assert ok");
    assert_ne!(black_box(3), 4);
    println!("assert_ne ok");
    let b = Point { x: black_box(5), y: 6 };
    assert_eq!(a, b, "points differ: {} vs {}", a.x, b.x);
    println!("unreachable");
}
