// Constants of every kind computed by rust-analyzer's evaluator (which rac emits as data),
// next to the same expressions at run time; rustc computes both in its build.
use std::hint::black_box;

macro_rules! both {
    ($t:ty, $e:expr) => {{
        const C: $t = $e;
        let r: $t = black_box(|| $e)();
        println!("{:<44} const={:?} run={:?}", stringify!($e), C, r);
    }};
}

const fn tri(n: u64) -> u64 { if n == 0 { 0 } else { n + tri(n - 1) } }
const GREETING: &str = "héllo wörld";
const TABLE: [i16; 5] = [-3, 7, -32768, 32767, 0];
const fn min_of(xs: &[i16]) -> i16 {
    let mut m = i16::MAX;
    let mut i = 0;
    while i < xs.len() { if xs[i] < m { m = xs[i]; } i += 1; }
    m
}

fn main() {
    both!(bool, (-1i8) < 0);
    both!(bool, (-1i64) > 5);
    both!(bool, i128::MIN < -1);
    both!(u8, 300.0f64 as u8);
    both!(i32, f64::NAN as i32);
    both!(u32, -1.5f32 as u32);
    both!(i64, -1e30f64 as i64);
    both!(i8, 127.9f32 as i8);
    both!(f32, u64::MAX as f32);
    both!(f64, i64::MIN as f64);
    both!(f64, (-7i8) as f64);
    both!(u64, (-1i8) as u64);
    both!(i64, (-1i8) as u8 as i64);
    both!(u128, u128::MAX / 3);
    both!(i128, i128::MIN / 7);
    both!(i128, (-170141183460469231731687303715884105728i128) % 10);
    both!(u128, (1u128 << 127) >> 3);
    both!(i128, (-1i128) >> 100);
    both!(u32, u128::MAX.leading_zeros() + (1u128).leading_zeros());
    both!(u32, 'é' as u32);
    both!(u8, 'A' as u8 + 2);
    both!(Option<char>, char::from_u32(0x1F600));
    both!(Option<char>, char::from_digit(11, 16));
    both!(f64, 0.1f64 + 0.2);
    both!(f32, 1.0f32 / 3.0);
    both!(f64, (-2.5f64).abs() * 4.0 - 1.0);
    both!(f64, f64::MAX * 2.0);
    both!(i32, (-17i32).abs());
    both!(u64, tri(100));
    both!(usize, GREETING.len());
    both!(u8, GREETING.as_bytes()[2]);
    both!(i16, min_of(&TABLE));
    both!(u32, u32::from_be_bytes([1, 2, 3, 4]));
    both!([u8; 4], (-2i32).to_le_bytes());
    both!(u64, 3u64.pow(20));
    both!(u32, 1000u32.ilog2());
    both!(u32, 99999u32.ilog10());
    both!(u64, 1_000_000u64.isqrt());
    both!(i32, match i32::from_str_radix("-80000000", 16) { Ok(v) => v, Err(_) => 1 });
    both!(u16, u16::MAX.wrapping_add(2));
    both!(i16, i16::MIN.wrapping_sub(1));
    both!(i16, i16::MIN.wrapping_neg());
    both!(i16, i16::MIN.wrapping_abs());
    both!(i32, i32::MIN.wrapping_div(-1));
    both!(i32, i32::MIN.wrapping_rem(-1));
    both!(Option<i32>, i32::MIN.checked_rem(-1));
    both!((u8, bool), 5u8.overflowing_sub(6));
    both!((i8, bool), (-128i8).overflowing_neg());
    both!(u8, 0b1011_0000u8.trailing_zeros() as u8);
    both!(i64, i64::MAX.count_zeros() as i64);
    both!(bool, (-0.0f64) == 0.0);
    both!(bool, f64::NAN != f64::NAN);
    both!(u64, (-0.0f64).to_bits());
    both!(f32, f32::from_bits(0x4049_0fdb));
    both!(i64, (2.9f64).floor() as i64 + (-2.1f64).ceil() as i64);
    both!(u32, 0x12345678u32.swap_bytes());
    both!(u16, 0x0001u16.reverse_bits());
    both!(i64, (-2i64).swap_bytes());
}
