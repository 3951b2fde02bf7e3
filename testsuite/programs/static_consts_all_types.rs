#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    Low = 1,
    High = 5,
}

#[derive(Debug)]
struct Limits {
    min: i32,
    max: i32,
    name: &'static str,
    level: Level,
}

const I8C: i8 = -128;
const U16C: u16 = 0xBEEF;
const I64C: i64 = -1 << 40;
const U128C: u128 = u128::MAX / 3;
const F32C: f32 = 1.0 / 3.0;
const F64C: f64 = std::f64::consts::SQRT_2 * 2.0;
const BOOLC: bool = !false && true;
const CHARC: char = '\u{263A}';
const STRC: &str = "const str";
const ARRC: [u16; 5] = [1, 1, 2, 3, 5];
const SLICEC: &[i32] = &[10, -20, 30];
const NESTED: [[u8; 2]; 3] = [[1, 2], [3, 4], [5, 6]];
const TUPC: (u8, &str, f64) = (7, "seven", 7.7);
const LIMITS: Limits = Limits { min: -5, max: 5, name: "lim", level: Level::High };
const LEVELS: [Level; 3] = [Level::Low, Level::High, Level::Low];
const OPT: Option<u32> = Some(42);
const NONE_STR: Option<&str> = None;
const STRS: &[&str] = &["alpha", "beta", "gamma"];
const DERIVED: usize = ARRC.len() * 2 + STRC.len();
const SUM: u16 = ARRC[0] + ARRC[1] + ARRC[2] + ARRC[3] + ARRC[4];
const BYTES: &[u8; 4] = b"abc\n";
const UNIT: () = ();

fn main() {
    println!("{} {} {} {}", I8C, U16C, I64C, U128C);
    println!("{} {} {} {} {}", F32C, F64C, BOOLC, CHARC, STRC);
    println!("{:?} {:?} {:?}", ARRC, SLICEC, NESTED);
    println!("{:?} {} {}", TUPC, TUPC.1, TUPC.2);
    println!("{:?}", LIMITS);
    println!("{} {} {} {:?}", LIMITS.min, LIMITS.max, LIMITS.name, LIMITS.level as i32);
    println!("{:?} {}", LEVELS, LEVELS.iter().map(|l| *l as u32).sum::<u32>());
    println!("{:?} {:?} {:?}", OPT, NONE_STR, OPT.map(|v| v + 1));
    println!("{:?} {}", STRS, STRS.join("/"));
    println!("{} {}", DERIVED, SUM);
    println!("{:?} {:?}", BYTES, UNIT);
    let mut a = ARRC;
    a[0] = 99;
    println!("copy of const {:?} original {:?}", a, ARRC);
    let r1: &'static [i32] = SLICEC;
    println!("static ref {:?}", r1.iter().rev().collect::<Vec<_>>());
    match 5 {
        x if x == Level::High as i32 => println!("matches High"),
        _ => println!("no"),
    }
    const LOCAL: i32 = LIMITS.max * 10;
    println!("local const {}", LOCAL);
    match 'a' {
        CHARC => println!("smile"),
        _ => println!("not smile"),
    }
    match I8C {
        i8::MIN => println!("I8C is MIN"),
        _ => println!("?"),
    }
}
