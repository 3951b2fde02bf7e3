use std::hint::black_box;

fn main() {
    let a: u8 = black_box(250);
    println!("sat u8: {} {} {} {}", a.saturating_add(10), black_box(5u8).saturating_sub(10), a.saturating_mul(2), black_box(3u8).saturating_pow(6));
    let b: i8 = black_box(-120);
    println!("sat i8: {} {} {} {} {}", b.saturating_sub(20), b.saturating_add(-20), b.saturating_mul(2), i8::MIN.saturating_neg(), i8::MIN.saturating_abs());
    let c: i64 = black_box(i64::MAX - 3);
    println!("sat i64: {} {}", c.saturating_add(100), (-c).saturating_sub(100));
    println!("sat u128: {}", black_box(u128::MAX - 1).saturating_add(7));
    println!("sat i32 div: {}", i32::MIN.saturating_div(black_box(-1)));
    println!("ovf u8 add: {:?}", a.overflowing_add(10));
    println!("ovf u8 sub: {:?}", black_box(1u8).overflowing_sub(2));
    println!("ovf i16 mul: {:?}", black_box(300i16).overflowing_mul(300));
    println!("ovf i32 neg: {:?} {:?}", i32::MIN.overflowing_neg(), black_box(7i32).overflowing_neg());
    println!("ovf shl: {:?} {:?}", black_box(1u8).overflowing_shl(9), black_box(1u8).overflowing_shl(7));
    println!("ovf pow: {:?}", black_box(2u64).overflowing_pow(65));
    println!("ovf div: {:?}", i64::MIN.overflowing_div(black_box(-1)));
    println!("ovf u128: {:?}", black_box(u128::MAX).overflowing_add(2));
    println!("ovf i128: {:?}", black_box(i128::MIN).overflowing_sub(1));
    println!("abs_diff: {} {}", black_box(-100i8).abs_diff(100), black_box(3u32).abs_diff(10));
    // emulate big addition with carry
    let xs: [u64; 3] = black_box([u64::MAX, u64::MAX, 1]);
    let ys: [u64; 3] = black_box([1, 0, 2]);
    let mut carry = false;
    let mut out = [0u64; 3];
    for i in 0..3 {
        let (s1, c1) = xs[i].overflowing_add(ys[i]);
        let (s2, c2) = s1.overflowing_add(carry as u64);
        out[i] = s2;
        carry = c1 || c2;
    }
    println!("bigadd = {:?} carry={}", out, carry);
    let v: Vec<u8> = (0..10u8).map(|i| black_box(i).saturating_mul(40)).collect();
    println!("{:?}", v);
}
