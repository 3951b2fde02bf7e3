use std::hint::black_box;

fn main() {
    let a: i8 = black_box(-100);
    let b: i8 = black_box(27);
    println!("i8: {} {} {} {} {}", a + b, a - b / 2, b * 4, a / b, a % b);
    let c: u8 = black_box(200);
    let d: u8 = black_box(13);
    println!("u8: {} {} {} {} {}", c + d, c - d, d * 19, c / d, c % d);
    let e: i16 = black_box(-30000);
    let f: i16 = black_box(1234);
    println!("i16: {} {} {} {}", e + f, e / f, e % f, f * 20);
    let g: u16 = black_box(65000);
    let h: u16 = black_box(7);
    println!("u16: {} {} {} {}", g + h * 2, g / h, g % h, g - 64999);
    let i: i32 = black_box(-2_000_000_000);
    let j: i32 = black_box(-147_483_648);
    println!("i32: {} {} {}", i + j, i / 7, i % 7);
    let k: u32 = black_box(4_000_000_000);
    let l: u32 = black_box(294_967_295);
    println!("u32: {} {} {}", k + l, k / 3, k % 1000);
    let m: i64 = black_box(-9_000_000_000_000_000_000);
    let n: i64 = black_box(123_456_789);
    println!("i64: {} {} {} {}", m - 223_372_036_854_775_808, m / n, m % n, n * n);
    let o: u64 = black_box(18_000_000_000_000_000_000);
    let p: u64 = black_box(446_744_073_709_551_615);
    println!("u64: {} {} {}", o + p, o / 1_000_000_007, o % 1_000_000_007);
    let q: isize = black_box(-77);
    let r: usize = black_box(77);
    println!("isize/usize: {} {} {} {}", q * 3, r * 3, q / 5, r % 5);
    println!("mins: {} {} {} {} {}", i8::MIN, i16::MIN, i32::MIN, i64::MIN, isize::MIN);
    println!("maxs: {} {} {} {} {}", i8::MAX, i16::MAX, i32::MAX, i64::MAX, isize::MAX);
    println!("umaxs: {} {} {} {} {}", u8::MAX, u16::MAX, u32::MAX, u64::MAX, usize::MAX);
    println!("bits: {} {} {} {} {} {}", u8::BITS, u16::BITS, u32::BITS, u64::BITS, u128::BITS, usize::BITS);
    // negative division/modulo semantics
    for (x, y) in [(7, 3), (-7, 3), (7, -3), (-7, -3)] {
        let x: i32 = black_box(x);
        let y: i32 = black_box(y);
        println!("{} / {} = {}, {} % {} = {}", x, y, x / y, x, y, x % y);
    }
    // comparisons across widths
    let mut v: Vec<i64> = vec![a as i64, c as i64, e as i64, g as i64, i as i64, k as i64, m, n];
    v.sort();
    println!("sorted: {:?}", v);
    println!("min={} max={}", v.iter().min().unwrap(), v.iter().max().unwrap());
    println!("{}", std::cmp::max(black_box(3u16), black_box(9u16)));
    println!("{}", std::cmp::min(black_box(-3i8), black_box(-9i8)));
    println!("{}", 17i32.clamp(0, 10));
}
