// NaNs made by constant arithmetic are rustc's preferred NaN (positive, quiet): `f32::NAN`
// is `0.0 / 0.0`, which rust-analyzer's evaluator used to compute with the host's SSE
// division, giving a negative NaN; its sign shows in `to_bits`, `is_sign_positive`,
// `total_cmp` (sorting) and `copysign`.
const MY_NAN: f64 = 0.0 / 0.0;
const INF_MINUS_INF: f32 = f32::INFINITY - f32::INFINITY;
const ZERO_TIMES_INF: f64 = 0.0 * f64::INFINITY;

fn main() {
    println!("{:x} {:x} {:x}", f32::NAN.to_bits(), f64::NAN.to_bits(), MY_NAN.to_bits());
    println!("{:x} {:x}", INF_MINUS_INF.to_bits(), ZERO_TIMES_INF.to_bits());
    println!("{} {}", f32::NAN.is_sign_positive(), f64::NAN.is_sign_negative());
    let mut v = [1.0f64, f64::NAN, -3.0, f64::INFINITY, -0.0, f64::NEG_INFINITY];
    v.sort_by(|a, b| a.total_cmp(b));
    println!("{v:?}");
    println!("{}", 1.0f32.copysign(f32::NAN));
    // rustc's constant evaluation makes every NaN result the preferred one, even from a
    // negative NaN operand.
    const NEG_NAN: f32 = -f32::NAN;
    const FROM_NEG: f32 = NEG_NAN + 1.0;
    println!("{:x} {:x}", NEG_NAN.to_bits(), FROM_NEG.to_bits());
    let z = std::hint::black_box(0.0f32);
    println!("{}", (z / z).is_nan());
}
