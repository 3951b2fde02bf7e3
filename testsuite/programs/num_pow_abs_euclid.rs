use std::hint::black_box;

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs() } else { gcd(b, a.rem_euclid(b)) }
}

fn main() {
    println!("pow: {} {} {} {}", black_box(2u32).pow(31), black_box(-3i64).pow(5), black_box(7u128).pow(40), black_box(10i16).pow(4));
    println!("abs: {} {} {} {}", black_box(-5i8).abs(), black_box(-1234567890123i64).abs(), black_box(7i32).abs(), black_box(-3i128).abs());
    println!("unsigned_abs: {} {}", i32::MIN.unsigned_abs(), black_box(-128i8).unsigned_abs());
    println!("signum: {} {} {} {}", black_box(-9i32).signum(), black_box(0i64).signum(), black_box(44i8).signum(), black_box(-2.5f64).signum());
    println!("neg/pos: {} {} {} {}", black_box(-1i32).is_negative(), black_box(0i32).is_negative(), black_box(0i32).is_positive(), black_box(1i32).is_positive());
    for (a, b) in [(7i32, 3i32), (-7, 3), (7, -3), (-7, -3)] {
        let (a, b) = black_box((a, b));
        println!("{} {}: rem_euclid={} div_euclid={} %={} /={}", a, b, a.rem_euclid(b), a.div_euclid(b), a % b, a / b);
    }
    println!("f64 rem_euclid={} div_euclid={}", black_box(-7.5f64).rem_euclid(2.0), black_box(-7.5f64).div_euclid(2.0));
    println!("gcd: {} {} {}", gcd(48, 18), gcd(-48, 18), gcd(17, 5));
    println!("isqrt-ish: {}", (black_box(1_000_000u64) as f64).sqrt() as u64);
    let mut mods = Vec::new();
    for i in -5i32..=5 {
        mods.push(i.rem_euclid(black_box(3)));
    }
    println!("{:?}", mods);
    // modular exponent
    fn modpow(mut b: u64, mut e: u64, m: u64) -> u64 {
        let mut r = 1u64;
        b %= m;
        while e > 0 {
            if e & 1 == 1 { r = (r as u128 * b as u128 % m as u128) as u64; }
            b = (b as u128 * b as u128 % m as u128) as u64;
            e >>= 1;
        }
        r
    }
    println!("modpow: {} {}", modpow(2, 100, 1_000_000_007), modpow(black_box(3), 1_000_000, 998_244_353));
    println!("min/max: {} {} {} {}", black_box(3i32).min(-4), black_box(3u8).max(200), i16::MAX.min(black_box(5)), black_box(1.5f32).max(f32::NAN));
    println!("midpoint-ish: {}", (black_box(u32::MAX) as u64 + black_box(u32::MAX - 2) as u64) / 2);
}
