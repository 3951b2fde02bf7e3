// Derive macros and macro-built tables: strum's enum derives, derive_more's operator and
// conversion derives, a phf map built at compile time, indoc; bit vectors (bitvec's heavy
// generic code) and complex numbers (num-complex).
//@ dep: strum = { version = "=0.26.3", features = ["derive"] }
//@ dep: derive_more = { version = "=1.0.0", features = ["full"] }
//@ dep: phf = { version = "=0.11.2", features = ["macros"] }
//@ dep: indoc = "=2.0.5"
//@ dep: bitvec = "=1.0.1"
//@ dep: num-complex = "=0.4.6"
use bitvec::prelude::*;
use num_complex::Complex64;
use std::str::FromStr;
use strum::{AsRefStr, Display, EnumCount, EnumIter, EnumString, IntoEnumIterator};

#[derive(Debug, Clone, Copy, PartialEq, Display, EnumString, EnumIter, AsRefStr, EnumCount)]
#[strum(serialize_all = "snake_case")]
enum Color {
    Red,
    DarkGreen,
    #[strum(serialize = "blue", serialize = "b")]
    Blue,
}

#[derive(Debug, Clone, Copy, PartialEq, derive_more::Add, derive_more::Sub, derive_more::From, derive_more::Display, derive_more::Constructor)]
#[display("({x}, {y})")]
struct V2 {
    x: i32,
    y: i32,
}

#[derive(Debug, derive_more::From, derive_more::Display)]
enum Value {
    #[display("int {_0}")]
    Int(i64),
    #[display("text {_0:?}")]
    Text(String),
}

static KEYWORDS: phf::Map<&'static str, u32> = phf::phf_map! {
    "fn" => 1,
    "let" => 2,
    "match" => 3,
    "impl" => 4,
};

fn main() {
    for c in Color::iter() {
        println!("{c} {} {:?}", c.as_ref(), Color::from_str(&c.to_string()));
    }
    println!("{:?} {:?} {}", Color::from_str("b"), Color::from_str("green"), Color::COUNT);

    let a = V2::new(1, 2);
    let b: V2 = (10, 20).into();
    println!("{} {} {:?}", a + b, b - a, a);
    let vals: Vec<Value> = vec![5i64.into(), String::from("hi").into()];
    for v in &vals {
        println!("{v}");
    }

    let mut keys: Vec<(&&str, &u32)> = KEYWORDS.entries().collect();
    keys.sort();
    println!("{keys:?} {:?} {:?}", KEYWORDS.get("match"), KEYWORDS.get("loop"));

    let text = indoc::indoc! {"
        first line
          indented
        last
    "};
    print!("{text}");

    let mut bits = bitvec![u8, Msb0; 0; 20];
    bits.set(0, true);
    bits.set(7, true);
    bits[10..14].fill(true);
    println!("{bits} ones={} first_zero={:?}", bits.count_ones(), bits.first_zero());
    let raw = bits.as_raw_slice().to_vec();
    println!("{raw:?}");
    let word: u16 = bits[..16].load_be();
    println!("{word:#06x}");
    let mut arr = bitarr![u32, Lsb0; 0; 40];
    for i in (0..40).step_by(3) {
        arr.set(i, true);
    }
    println!("{:?}", arr.iter_ones().collect::<Vec<_>>());
    bits.rotate_left(3);
    println!("{bits}");

    let z = Complex64::new(3.0, 4.0);
    let w = Complex64::new(-1.0, 0.5);
    println!("{} {:.4} {} {}", z, z.norm(), z * w, z / w);
    println!("{:.6} {:.6}", z.exp(), Complex64::new(0.0, std::f64::consts::PI).exp());
    println!("{}", z.powu(3));
}
