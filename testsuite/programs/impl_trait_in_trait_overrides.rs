// A trait method returning `impl Trait` with a default body, overridden by an impl:
// through a generic `S: Trait`, rust-analyzer types the call with the trait method's
// opaque type (hidden type: the default body's). rac used to lay the value out as the
// default's (a `String` read as a `&str`, a `vec::IntoIter` as a `Range`): it now uses the
// impl method's return type, as rustc's projection does.
use std::fmt::Display;

trait Shape {
    fn name(&self) -> impl Display {
        "shape"
    }
    fn corners(&self) -> impl Iterator<Item = u32> {
        0..0
    }
    fn label(&self) -> impl Display + Clone {
        7u8
    }
}

struct Square(f64);
impl Shape for Square {
    fn name(&self) -> impl Display {
        format!("square {}", self.0)
    }
    fn corners(&self) -> impl Iterator<Item = u32> {
        vec![1, 2, 3, 4].into_iter()
    }
}

struct Dot;
impl Shape for Dot {}

struct Named(String);
impl Shape for Named {
    // A refining impl: a concrete return type instead of `impl Trait`.
    fn name(&self) -> String {
        self.0.clone()
    }
    fn label(&self) -> impl Display + Clone {
        (self.0.len() as u64) << 40
    }
}

fn describe<S: Shape>(s: &S) -> String {
    let corners: Vec<u32> = s.corners().collect();
    let l = s.label();
    format!("{} {:?} {} {}", s.name(), corners, l.clone(), l)
}

fn main() {
    println!("{}", describe(&Square(2.0)));
    println!("{}", describe(&Dot));
    println!("{}", describe(&Named("named".into())));
}
