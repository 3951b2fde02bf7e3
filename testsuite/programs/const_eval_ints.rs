// Integer arithmetic evaluated at compile time (rust-analyzer's evaluator computes these
// constants for rac), printed next to the same operations at run time.
use std::hint::black_box;

macro_rules! both {
    ($name:literal, $t:ty, $e:expr, $f:expr) => {{
        const C: $t = $e;
        let r: $t = $f(black_box(()));
        println!("{:<28} const={:?} run={:?}", $name, C, r);
    }};
}

const fn sum_i8(xs: &[i8]) -> i8 {
    let mut i = 0;
    let mut acc: i8 = 0;
    while i < xs.len() {
        acc = acc.wrapping_add(xs[i]);
        i += 1;
    }
    acc
}

#[derive(Clone, Copy)]
enum Lonely {
    Only = -5,
}

#[derive(Clone, Copy)]
#[repr(u8)]
enum Big {
    Low = 1,
    High = 200,
}

#[derive(Clone, Copy)]
#[repr(i16)]
enum Neg {
    A = -300,
    B = 7,
}

fn main() {
    both!("0i8.checked_sub(1)", Option<i8>, 0i8.checked_sub(1), |_| 0i8.checked_sub(black_box(1)));
    both!("(-128i8).checked_sub(1)", Option<i8>, (-128i8).checked_sub(1), |_| (-128i8).checked_sub(black_box(1)));
    both!("(-1i16).checked_add(1)", Option<i16>, (-1i16).checked_add(1), |_| (-1i16).checked_add(black_box(1)));
    both!("100i8.checked_mul(-2)", Option<i8>, 100i8.checked_mul(-2), |_| 100i8.checked_mul(black_box(-2)));
    both!("(-64i8).checked_mul(2)", Option<i8>, (-64i8).checked_mul(2), |_| (-64i8).checked_mul(black_box(2)));
    both!("i64::MIN.checked_neg()", Option<i64>, i64::MIN.checked_neg(), |_| black_box(i64::MIN).checked_neg());
    both!("200u8.checked_add(56)", Option<u8>, 200u8.checked_add(56), |_| 200u8.checked_add(black_box(56)));
    both!("200u8.checked_add(55)", Option<u8>, 200u8.checked_add(55), |_| 200u8.checked_add(black_box(55)));
    both!("i128::MAX.overflowing_add(1)", (i128, bool), i128::MAX.overflowing_add(1), |_| i128::MAX.overflowing_add(black_box(1)));
    both!("(-5i32).overflowing_sub(7)", (i32, bool), (-5i32).overflowing_sub(7), |_| (-5i32).overflowing_sub(black_box(7)));
    both!("u64::MAX.overflowing_mul(2)", (u64, bool), u64::MAX.overflowing_mul(2), |_| u64::MAX.overflowing_mul(black_box(2)));
    both!("(-100i8).saturating_sub(100)", i8, (-100i8).saturating_sub(100), |_| (-100i8).saturating_sub(black_box(100)));
    both!("100i8.saturating_add(100)", i8, 100i8.saturating_add(100), |_| 100i8.saturating_add(black_box(100)));
    both!("(-3i16).saturating_add(1)", i16, (-3i16).saturating_add(1), |_| (-3i16).saturating_add(black_box(1)));
    both!("5u8.saturating_sub(9)", u8, 5u8.saturating_sub(9), |_| 5u8.saturating_sub(black_box(9)));
    both!("250u8.saturating_add(9)", u8, 250u8.saturating_add(9), |_| 250u8.saturating_add(black_box(9)));
    both!("i64::MIN.saturating_sub(1)", i64, i64::MIN.saturating_sub(1), |_| i64::MIN.saturating_sub(black_box(1)));
    both!("(-128i8).wrapping_shr(1)", i8, (-128i8).wrapping_shr(1), |_| (-128i8).wrapping_shr(black_box(1)));
    both!("(-1i32).wrapping_shr(35)", i32, (-1i32).wrapping_shr(35), |_| (-1i32).wrapping_shr(black_box(35)));
    both!("1u8.wrapping_shl(9)", u8, 1u8.wrapping_shl(9), |_| 1u8.wrapping_shl(black_box(9)));
    both!("0x80u8.wrapping_shr(9)", u8, 0x80u8.wrapping_shr(9), |_| 0x80u8.wrapping_shr(black_box(9)));
    both!("(-7i32) >> 1", i32, -7i32 >> 1, |_| black_box(-7i32) >> 1);
    both!("(-7i32) / 2", i32, -7i32 / 2, |_| black_box(-7i32) / 2);
    both!("(-7i32) % 3", i32, -7i32 % 3, |_| black_box(-7i32) % 3);
    both!("(-7i64).div_euclid(2)", i64, (-7i64).div_euclid(2), |_| black_box(-7i64).div_euclid(2));
    both!("(-7i64).rem_euclid(2)", i64, (-7i64).rem_euclid(2), |_| black_box(-7i64).rem_euclid(2));
    both!("(-9i8).checked_div(2)", Option<i8>, (-9i8).checked_div(2), |_| (-9i8).checked_div(black_box(2)));
    both!("(-9i8).checked_rem(4)", Option<i8>, (-9i8).checked_rem(4), |_| (-9i8).checked_rem(black_box(4)));
    both!("(-128i8).checked_div(-1)", Option<i8>, (-128i8).checked_div(-1), |_| (-128i8).checked_div(black_box(-1)));
    both!("(-100i8).abs_diff(100)", u8, (-100i8).abs_diff(100), |_| (-100i8).abs_diff(black_box(100)));
    both!("(-3i32).pow(3)", i32, (-3i32).pow(3), |_| black_box(-3i32).pow(3));
    both!("2i8.checked_pow(7)", Option<i8>, 2i8.checked_pow(7), |_| black_box(2i8).checked_pow(7));
    both!("(-2i8).checked_pow(7)", Option<i8>, (-2i8).checked_pow(7), |_| black_box(-2i8).checked_pow(7));
    both!("(-17i32).signum()", i32, (-17i32).signum(), |_| black_box(-17i32).signum());
    both!("(-1i8) as u8 as i32", i32, (-1i8) as u8 as i32, |_| black_box(-1i8) as u8 as i32);
    both!("(-1i16).leading_zeros()", u32, (-1i16).leading_zeros(), |_| black_box(-1i16).leading_zeros());
    both!("i16::MIN.count_ones()", u32, i16::MIN.count_ones(), |_| black_box(i16::MIN).count_ones());
    both!("(-2i32).rotate_right(1)", i32, (-2i32).rotate_right(1), |_| black_box(-2i32).rotate_right(1));
    both!("sum_i8", i8, sum_i8(&[100, 100, -50, 7]), |_| sum_i8(black_box(&[100, 100, -50, 7])));
    both!("i32::from_str_radix", i32, match i32::from_str_radix("-7f", 16) { Ok(v) => v, Err(_) => 0 }, |_| i32::from_str_radix(black_box("-7f"), 16).unwrap());
    both!("Lonely::Only as i32", i32, Lonely::Only as i32, |_| black_box(Lonely::Only) as i32);
    both!("Big::High as i32", i32, Big::High as i32, |_| black_box(Big::High) as i32);
    both!("Big::Low as i8", i8, Big::Low as i8, |_| black_box(Big::Low) as i8);
    both!("Big::High as i8", i8, Big::High as i8, |_| black_box(Big::High) as i8);
    both!("Neg::A as i64", i64, Neg::A as i64, |_| black_box(Neg::A) as i64);
    both!("Neg::A as u8", u8, Neg::A as u8, |_| black_box(Neg::A) as u8);
    both!("Neg::B as u32", u32, Neg::B as u32, |_| black_box(Neg::B) as u32);
    both!("Ordering::Less as i64", i64, std::cmp::Ordering::Less as i64, |_| black_box(std::cmp::Ordering::Less) as i64);
    both!("NonZeroI8::new(-3)", Option<std::num::NonZeroI8>, std::num::NonZeroI8::new(-3), |_| std::num::NonZeroI8::new(black_box(-3)));
    both!("NonZeroI64::new(0)", Option<std::num::NonZeroI64>, std::num::NonZeroI64::new(0), |_| std::num::NonZeroI64::new(black_box(0)));
}
