use std::hint::black_box;

#[inline(never)]
fn f_i8(a: i8, b: i8) -> i8 { a.wrapping_mul(b).wrapping_sub(1) }
#[inline(never)]
fn f_u16(a: u16, b: u16) -> u16 { a.rotate_left(3) ^ b }
#[inline(never)]
fn f_u64(a: u64, b: u64) -> u64 { a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b }
#[inline(never)]
fn f_i128(a: i128, b: i128) -> i128 { a * 3 - b }
#[inline(never)]
fn f_u128(a: u128, b: u8) -> u128 { (a << b) | 1 }
#[inline(never)]
fn f_f32(a: f32, b: f32) -> f32 { a * b + 0.5 }
#[inline(never)]
fn f_f64(a: f64, b: f64) -> f64 { a / b - 1.0 }
#[inline(never)]
fn f_bool(a: bool, b: bool) -> bool { a != b }
#[inline(never)]
fn f_char(c: char, shift: u32) -> char { char::from_u32(c as u32 + shift).unwrap_or('?') }
#[inline(never)]
fn f_unit(x: ()) -> () { x }
#[inline(never)]
fn f_mixed(a: u8, b: f32, c: i64, d: f64, e: bool, f: u16, g: char, h: i128) -> f64 {
    a as f64 + b as f64 + c as f64 + d + e as u8 as f64 + f as f64 + g as u32 as f64 + h as f64
}
#[inline(never)]
fn f_many_ints(a: i32, b: i32, c: i32, d: i32, e: i32, f: i32, g: i32, h: i32, i: i32, j: i32, k: i32, l: i32) -> i64 {
    let v = [a, b, c, d, e, f, g, h, i, j, k, l];
    v.iter().enumerate().map(|(idx, &x)| (idx as i64 + 1) * x as i64).sum()
}
#[inline(never)]
fn f_many_floats(a: f64, b: f32, c: f64, d: f32, e: f64, f: f32, g: f64, h: f32, i: f64, j: f32) -> f64 {
    a - b as f64 + c - d as f64 + e - f as f64 + g - h as f64 + i - j as f64
}
#[inline(never)]
fn f_i128_many(a: u8, b: i128, c: u8, d: u128, e: u8, f: i128) -> i128 {
    a as i128 + b + c as i128 + d as i128 + e as i128 + f
}
#[inline(never)]
fn f_usize(a: usize, b: isize) -> (usize, isize) { (a.wrapping_add(b as usize), b.wrapping_sub(a as isize)) }

fn main() {
    println!("i8 {}", f_i8(black_box(-7), black_box(20)));
    println!("u16 {}", f_u16(black_box(0xF00F), black_box(0x1234)));
    println!("u64 {}", f_u64(black_box(12345678901234567), black_box(u64::MAX)));
    println!("i128 {}", f_i128(black_box(-170141183460469231731687303715884105), black_box(i128::MAX / 7)));
    println!("u128 {:#x}", f_u128(black_box(0xdead_beef_u128 << 64), black_box(12)));
    println!("f32 {}", f_f32(black_box(1.25), black_box(-3.5)));
    println!("f64 {}", f_f64(black_box(10.0), black_box(3.0)));
    println!("bool {} {}", f_bool(black_box(true), black_box(false)), f_bool(black_box(true), black_box(true)));
    println!("char {} {}", f_char(black_box('a'), black_box(2)), f_char(black_box('\u{D7FF}'), black_box(1)));
    println!("unit {:?}", f_unit(black_box(())));
    println!("mixed {}", f_mixed(black_box(1), black_box(2.5), black_box(-3), black_box(4.25), black_box(true), black_box(6), black_box('A'), black_box(1i128 << 70)));
    println!("many ints {}", f_many_ints(1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, black_box(-12)));
    println!("many floats {}", f_many_floats(1.0, 0.5, 2.0, 0.25, 3.0, 0.125, 4.0, 0.0625, 5.0, black_box(0.03125)));
    println!("i128 many {}", f_i128_many(1, black_box(-5), 2, black_box(u64::MAX as u128 + 1), 3, black_box(i128::MIN + 1000)));
    println!("usize {:?}", f_usize(black_box(5), black_box(-10)));
    let fp: fn(f32, f32) -> f32 = f_f32;
    let fp2: fn(i128, i128) -> i128 = f_i128;
    println!("via fn ptr {} {}", fp(black_box(2.0), 2.0), fp2(black_box(1), 2));
}
