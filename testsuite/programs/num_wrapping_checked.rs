use std::hint::black_box;

fn main() {
    let a: u8 = black_box(250);
    let b: u8 = black_box(10);
    println!("wrapping u8: add={} sub={} mul={} neg={}", a.wrapping_add(b), b.wrapping_sub(a), a.wrapping_mul(b), b.wrapping_neg());
    let c: i8 = black_box(-128);
    println!("wrapping i8: neg={} abs={} sub={} div={} rem={}", c.wrapping_neg(), c.wrapping_abs(), c.wrapping_sub(1), c.wrapping_div(-1), c.wrapping_rem(-1));
    println!("wrapping shl: {} {}", black_box(1u32).wrapping_shl(35), black_box(-1i64).wrapping_shr(65));
    println!("wrapping pow: {} {}", black_box(3u8).wrapping_pow(7), black_box(2i32).wrapping_pow(33));
    let x: i32 = black_box(i32::MAX);
    println!("checked i32: add={:?} sub={:?} mul={:?} div0={:?} divm1={:?}",
        x.checked_add(1), x.checked_sub(1), x.checked_mul(2), x.checked_div(0), i32::MIN.checked_div(black_box(-1)));
    println!("checked neg={:?} {:?} abs={:?} rem={:?}", i32::MIN.checked_neg(), black_box(5i32).checked_neg(), i32::MIN.checked_abs(), x.checked_rem(7));
    println!("checked shl={:?} {:?}", black_box(1u16).checked_shl(15), black_box(1u16).checked_shl(16));
    println!("checked pow={:?} {:?}", black_box(10u32).checked_pow(9), black_box(10u32).checked_pow(10));
    println!("checked u64 sub={:?} {:?}", black_box(5u64).checked_sub(6), black_box(6u64).checked_sub(5));
    println!("checked u128 mul={:?}", black_box(u128::MAX / 3).checked_mul(4));
    println!("checked next_power_of_two={:?} {:?}", black_box(100u8).checked_next_power_of_two(), black_box(200u8).checked_next_power_of_two());
    let w = std::num::Wrapping(black_box(65530u16));
    let w2 = w + std::num::Wrapping(10);
    println!("Wrapping: {} {}", w2, (w * std::num::Wrapping(3)).0);
    let mut acc: u32 = 1;
    for i in 0..40u32 {
        acc = acc.wrapping_mul(black_box(31)).wrapping_add(i);
    }
    println!("hash acc = {}", acc);
    let mut sum: Option<i16> = Some(0);
    for v in [10000i16, 10000, 10000, 10000] {
        sum = sum.and_then(|s| s.checked_add(black_box(v)));
        println!("running {:?}", sum);
    }
}
