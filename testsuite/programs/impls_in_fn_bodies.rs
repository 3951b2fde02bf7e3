// Trait impls written inside function bodies are global, as in rustc, even when neither
// the trait nor the self type is declared in that body (bincode 1.3 implements serde's
// `EnumAccess` for its deserializer inside `deserialize_enum`): they are used from other
// functions, by generic code monomorphized elsewhere, and through `dyn`.
use std::fmt;

pub trait Access {
    type Variant;
    fn variant(self) -> (u32, Self::Variant);
}

pub trait Visitor {
    type Value;
    fn visit<A: Access>(self, a: A) -> Self::Value;
}

pub struct De<R> {
    r: R,
}

pub trait Read {
    fn byte(&mut self) -> u8;
}

impl Read for std::vec::IntoIter<u8> {
    fn byte(&mut self) -> u8 {
        self.next().unwrap()
    }
}

impl<R: Read> De<R> {
    fn deserialize_enum<V: Visitor>(&mut self, visitor: V) -> V::Value {
        impl<'a, R: Read> Access for &'a mut De<R> {
            type Variant = Self;
            fn variant(self) -> (u32, Self::Variant) {
                let b = self.r.byte() as u32;
                (b, self)
            }
        }
        visitor.visit(self)
    }
}

struct Twice;

impl Visitor for Twice {
    type Value = (u32, u32);
    fn visit<A: Access>(self, a: A) -> (u32, u32) {
        let (first, _rest) = a.variant();
        (first, first * 2)
    }
}

pub struct Meters(pub f64);

fn install_display() {
    impl fmt::Display for Meters {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{:.1} m", self.0)
        }
    }
}

pub trait Area {
    fn area(&self) -> f64;
}

const _: () = {
    impl Area for Meters {
        fn area(&self) -> f64 {
            self.0 * self.0
        }
    }
};

fn main() {
    let mut d = De { r: vec![21u8, 7].into_iter() };
    println!("{:?}", d.deserialize_enum(Twice));
    println!("{:?}", d.deserialize_enum(Twice));
    install_display();
    let m = Meters(2.5);
    println!("{m} {}", m.to_string().len());
    let shown: Vec<Box<dyn fmt::Display>> = vec![Box::new(Meters(1.0)), Box::new(3)];
    for s in &shown {
        println!("[{s}]");
    }
    println!("{}", m.area());
}
