use std::hint::black_box;

fn main() {
    let n: i32 = black_box(-1);
    println!("-1i32 as: u8={} u16={} u32={} u64={} u128={} usize={}", n as u8, n as u16, n as u32, n as u64, n as u128, n as usize);
    println!("-1i32 as: i8={} i16={} i64={} i128={} isize={}", n as i8, n as i16, n as i64, n as i128, n as isize);
    let big: u64 = black_box(0x1234_5678_9abc_def0);
    println!("trunc: u8={:#x} u16={:#x} u32={:#x} i8={} i16={} i32={}", big as u8, big as u16, big as u32, big as i8, big as i16, big as i32);
    let x: u8 = black_box(200);
    println!("200u8 as i8={} i16={} i32={} u64={}", x as i8, x as i16, x as i32, x as u64);
    let y: i8 = black_box(-56);
    println!("-56i8 as u8={} u16={} u32={} i64={} u128={}", y as u8, y as u16, y as u32, y as i64, y as u128);
    let z: i16 = black_box(-32768);
    println!("i16::MIN as u16={} u8={} i8={} i32={} u64={}", z as u16, z as u8, z as i8, z as i32, z as u64);
    let w: u32 = black_box(0x8000_0001);
    println!("0x80000001u32 as i32={} i16={} u16={} i64={}", w as i32, w as i16, w as u16, w as i64);
    let q: i128 = black_box(-12345678901234567890123456789);
    println!("i128 as i64={} u64={} u32={} i8={} u128={}", q as i64, q as u64, q as u32, q as i8, q as u128);
    let u: u128 = black_box(u128::MAX - 5);
    println!("u128 as i128={} u64={} i32={}", u as i128, u as u64, u as i32);
    let us: usize = black_box(usize::MAX);
    println!("usize::MAX as isize={} u32={} i64={}", us as isize, us as u32, us as i64);
    // bool / char casts
    let b: bool = black_box(true);
    println!("bool as u8={} i64={} u128={}", b as u8, b as i64, b as u128);
    let c: char = black_box('€');
    println!("char as u8={} u16={} u32={} i64={} u128={}", c as u8, c as u16, c as u32, c as i64, c as u128);
    let bb: u8 = black_box(0xe9);
    println!("u8 as char={} ({})", bb as char, bb as char as u32);
    // chained casts
    let m: i64 = black_box(-129);
    println!("chain {} {} {}", m as i8 as i32, m as u8 as i32, m as u16 as i16 as i64);
    // sign extension of shifts
    let s: i32 = black_box(-16);
    println!("{} {} {}", s >> 2, (s as u32) >> 2, s << 3);
    let from: Result<u8, _> = u8::try_from(black_box(300i32));
    println!("try_from {:?} {:?}", from.is_err(), i8::try_from(black_box(-100i64)));
    println!("{:?}", u32::try_from(black_box(-1i32)).map_err(|e| e.to_string()));
    println!("{}", i64::from(black_box(7u32)) + i64::from(black_box(-3i16)));
    println!("{}", u16::from(black_box(true)) + u16::from(black_box(250u8)));
}
