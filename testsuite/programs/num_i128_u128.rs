use std::hint::black_box;

fn fact(n: u32) -> u128 {
    (1..=n as u128).product()
}

fn fib(n: u32) -> i128 {
    let (mut a, mut b) = (0i128, 1i128);
    for _ in 0..n {
        let t = a + b;
        a = b;
        b = t;
    }
    a
}

fn main() {
    println!("u128 max = {}", u128::MAX);
    println!("i128 min = {}", i128::MIN);
    println!("i128 max = {}", i128::MAX);
    let a: u128 = black_box(0x1234_5678_9abc_def0_0fed_cba9_8765_4321);
    let b: u128 = black_box(0xffff_ffff_ffff_ffff);
    println!("a = {}", a);
    println!("a hex = {:x}", a);
    println!("a + b = {}", a.wrapping_add(b));
    println!("a - b = {}", a - b);
    println!("b * b = {}", b * b);
    println!("a / b = {}", a / b);
    println!("a % b = {}", a % b);
    println!("a >> 67 = {}", a >> 67);
    println!("b << 60 = {}", b << 60);
    println!("a & b = {:#x}", a & b);
    println!("a | b = {:#x}", a | b);
    println!("a ^ b = {:#x}", a ^ b);
    println!("!a = {:#x}", !a);
    let c: i128 = black_box(-170141183460469231731687303715884105727);
    let d: i128 = black_box(987654321987654321);
    println!("c / d = {}", c / d);
    println!("c % d = {}", c % d);
    println!("c >> 100 = {}", c >> 100);
    println!("-d * d = {}", -d * d);
    println!("d as f64 = {}", d as f64);
    println!("c as f64 = {:e}", c as f64);
    println!("1e30 as u128 = {}", black_box(1e30f64) as u128);
    println!("-1e30 as i128 = {}", black_box(-1e30f64) as i128);
    println!("30! = {}", fact(30));
    println!("34! = {}", fact(34));
    println!("fib(180) = {}", fib(180));
    println!("lz = {} tz = {} ones = {}", a.leading_zeros(), a.trailing_zeros(), a.count_ones());
    println!("cmp: {} {} {}", a > b, c < d, c.signum());
    println!("checked: {:?} {:?}", u128::MAX.checked_add(black_box(1)), a.checked_mul(black_box(16)));
    println!("parse: {:?}", "-123456789012345678901234567890".parse::<i128>());
    println!("pad: [{:>45}]", i128::MIN);
    println!("{:?}", (a as u64, a as u32, c as i64, c as u8));
}
