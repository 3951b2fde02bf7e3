// Builtin derives on enums with a #[repr] and explicit discriminants: Hash hashes the
// discriminant in the repr type, PartialOrd/Ord compare discriminant values (not the
// declaration order), with the repr's signedness.
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

#[derive(Hash, PartialEq, Eq, PartialOrd, Ord, Debug, Clone, Copy)]
#[repr(u8)]
enum Small {
    A = 3,
    B = 1,
    C = 200,
}

#[derive(Hash, PartialEq, Eq, PartialOrd, Ord, Debug, Clone, Copy)]
#[repr(i16)]
enum Signed {
    Neg = -5,
    Zero = 0,
    Pos = 7,
}

#[derive(Hash, PartialEq, Eq, PartialOrd, Ord, Debug, Clone, Copy)]
enum Plain {
    X = 10,
    Y = 2,
    Z,
}

#[derive(Hash, PartialEq, Eq, PartialOrd, Ord, Debug, Clone)]
#[repr(u32)]
enum WithFields {
    Text(String) = 9,
    Num(i64) = 4,
    Unit = 6,
}

#[derive(Hash, PartialEq, Eq, PartialOrd, Ord, Debug, Clone, Copy)]
#[repr(u64)]
enum Wide {
    Low = 1,
    High = u64::MAX - 1,
}

/// Records every write the derived `Hash` makes, so the byte widths are visible.
#[derive(Default)]
struct Recorder(Vec<u8>);

impl Hasher for Recorder {
    fn finish(&self) -> u64 {
        self.0.len() as u64
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

fn recorded<T: Hash>(v: &T) -> Vec<u8> {
    let mut r = Recorder::default();
    v.hash(&mut r);
    r.0
}

fn default_hash<T: Hash>(v: &T) -> u64 {
    let mut h = DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

fn main() {
    for v in [Small::A, Small::B, Small::C] {
        println!("{v:?} {:?} {:x}", recorded(&v), default_hash(&v));
    }
    for v in [Signed::Neg, Signed::Zero, Signed::Pos] {
        println!("{v:?} {:?} {:x}", recorded(&v), default_hash(&v));
    }
    for v in [Plain::X, Plain::Y, Plain::Z] {
        println!("{v:?} {:?} {:x}", recorded(&v), default_hash(&v));
    }
    let wf = [
        WithFields::Text("hi".into()),
        WithFields::Num(-3),
        WithFields::Unit,
    ];
    for v in &wf {
        println!("{v:?} {:?} {:x}", recorded(v), default_hash(v));
    }
    for v in [Wide::Low, Wide::High] {
        println!("{v:?} {:?}", recorded(&v));
    }
    let mut s = vec![Small::C, Small::A, Small::B];
    s.sort();
    println!("{s:?} {:?} {:?}", Small::A.cmp(&Small::B), Small::A.partial_cmp(&Small::C));
    let mut g = vec![Signed::Pos, Signed::Zero, Signed::Neg];
    g.sort();
    println!("{g:?} {}", Signed::Neg < Signed::Zero);
    let mut p = vec![Plain::Z, Plain::X, Plain::Y];
    p.sort();
    println!("{p:?} {}", Plain::X > Plain::Z);
    let mut w = wf.to_vec();
    w.sort();
    println!("{w:?}");
    println!("{}", WithFields::Num(1) < WithFields::Num(2));
    println!("{} {:?}", Wide::Low < Wide::High, Wide::High.cmp(&Wide::Low));
}
