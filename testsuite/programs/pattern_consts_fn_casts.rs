// Constant patterns of non-scalar types (`ORIGIN`, `Some(-1)`, tuples, strings in
// structs) compare with `PartialEq::eq` as rustc's lowering does; function items cast to
// integers and raw pointers (foldhash seeds itself with `generate_global_seed as usize`).
#[derive(PartialEq, Eq, Debug, Clone, Copy)]
struct P {
    a: i8,
    b: u8,
}

const ORIGIN: P = P { a: 0, b: 0 };
const UNIT_X: P = P { a: 1, b: 0 };

#[derive(PartialEq, Debug)]
enum Shape {
    Dot,
    Line(i32),
}

const LINE_ONE: Shape = Shape::Line(1);

fn classify(p: P, o: Option<i8>) -> &'static str {
    match (p, o) {
        (ORIGIN, _) => "origin",
        (UNIT_X, None) => "unit x, none",
        (_, Some(-1)) => "minus one",
        (_, Some(i8::MAX)) => "max",
        _ => "other",
    }
}

fn shape(s: &Shape) -> u8 {
    match *s {
        LINE_ONE => 1,
        Shape::Line(_) => 2,
        Shape::Dot => 3,
    }
}

fn seed() -> u64 {
    0x1234
}

fn other() -> u64 {
    7
}

fn main() {
    for (p, o) in [(ORIGIN, None), (UNIT_X, None), (UNIT_X, Some(-1)), (P { a: 5, b: 5 }, Some(127)), (P { a: 5, b: 5 }, Some(3))] {
        println!("{:?} {:?}: {}", p, o, classify(p, o));
    }
    println!("{} {} {}", shape(&LINE_ONE), shape(&Shape::Line(9)), shape(&Shape::Dot));
    let a = seed as usize;
    let b = seed as fn() -> u64 as usize;
    let c = other as *const ();
    println!("{} {} {}", a == b, a != 0, c as usize != a);
    let f: fn() -> u64 = unsafe { std::mem::transmute(a) };
    println!("{}", f());
    let mixed = (seed as usize) ^ (other as usize);
    println!("{}", mixed != 0);
}
