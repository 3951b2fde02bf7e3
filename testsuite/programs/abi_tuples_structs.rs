use std::hint::black_box;

#[derive(Debug, Clone, Copy, PartialEq)]
struct S3 { a: u8, b: u8, c: u8 }
#[derive(Debug, Clone, Copy, PartialEq)]
struct S6 { a: u16, b: u16, c: u16 }
#[derive(Debug, Clone, Copy, PartialEq)]
struct S8 { a: u32, b: f32 }
#[derive(Debug, Clone, Copy, PartialEq)]
struct S12 { a: i32, b: i32, c: f32 }
#[derive(Debug, Clone, Copy, PartialEq)]
struct S16 { a: f64, b: u64 }
#[derive(Debug, Clone, Copy, PartialEq)]
struct FF { x: f32, y: f32 }
#[derive(Debug, Clone, Copy, PartialEq)]
struct DD { x: f64, y: f64 }
#[derive(Debug, Clone, PartialEq)]
struct S40 { a: u64, b: i64, c: f64, d: [u8; 8], e: u32, f: u16 }
#[derive(Debug, Clone, Copy)]
struct Wrap(u64);

#[inline(never)] fn t_u8u32(t: (u8, u32)) -> (u32, u8) { (t.1 * 2, t.0 + 1) }
#[inline(never)] fn t_i64f64(t: (i64, f64)) -> (f64, i64) { (t.1 * t.0 as f64, t.0 - 1) }
#[inline(never)] fn t_triple(t: (u8, u16, u64)) -> (u64, u16, u8) { (t.2 + 1, t.1 + 1, t.0 + 1) }
#[inline(never)] fn s3(s: S3) -> S3 { S3 { a: s.c, b: s.a, c: s.b.wrapping_add(100) } }
#[inline(never)] fn s6(s: S6, k: u16) -> S6 { S6 { a: s.a * k, b: s.b * k, c: s.c * k } }
#[inline(never)] fn s8(s: S8) -> S8 { S8 { a: s.a + 1, b: s.b * 2.0 } }
#[inline(never)] fn s12(s: S12) -> S12 { S12 { a: s.b, b: s.a, c: -s.c } }
#[inline(never)] fn s16(s: S16) -> S16 { S16 { a: s.a + s.b as f64, b: s.b * 3 } }
#[inline(never)] fn ff(a: FF, b: FF) -> FF { FF { x: a.x + b.x, y: a.y * b.y } }
#[inline(never)] fn dd(a: DD) -> DD { DD { x: a.y, y: a.x / 2.0 } }
#[inline(never)] fn s40(s: S40, extra: u8) -> S40 {
    let mut r = s.clone();
    r.a += extra as u64;
    r.d[0] = extra;
    r.d[7] = r.d[7].wrapping_add(1);
    r.c *= -1.0;
    r.f = r.f.wrapping_sub(1);
    r
}
#[inline(never)] fn s40_ref(s: &S40) -> i128 { s.a as i128 + s.b as i128 + s.e as i128 + s.f as i128 + s.d.iter().map(|&x| x as i128).sum::<i128>() }
#[inline(never)] fn mixed(a: S3, b: f64, c: S12, d: u8, e: S16, f: S40, g: FF) -> f64 {
    a.a as f64 + b + c.c as f64 + d as f64 + e.a + f.c + g.x as f64
}
#[inline(never)] fn wrap(w: Wrap) -> Wrap { Wrap(w.0.rotate_left(4)) }
#[inline(never)] fn nested(t: ((u8, (i16, f32)), [u32; 3])) -> i64 { (t.0).0 as i64 + ((t.0).1).0 as i64 + ((t.0).1).1 as i64 + t.1.iter().sum::<u32>() as i64 }
#[inline(never)] fn arr_ret() -> [u16; 5] { black_box([9, 8, 7, 6, 5]) }

fn main() {
    println!("{:?}", t_u8u32(black_box((7, 1_000_000))));
    println!("{:?}", t_i64f64(black_box((-4, 2.5))));
    println!("{:?}", t_triple(black_box((1, 2, 3))));
    println!("{:?}", s3(black_box(S3 { a: 1, b: 200, c: 3 })));
    println!("{:?}", s6(black_box(S6 { a: 10, b: 20, c: 30 }), black_box(3)));
    println!("{:?}", s8(black_box(S8 { a: 41, b: 1.5 })));
    println!("{:?}", s12(black_box(S12 { a: -1, b: 2, c: 0.75 })));
    println!("{:?}", s16(black_box(S16 { a: 0.5, b: 7 })));
    println!("{:?}", ff(black_box(FF { x: 1.0, y: 2.0 }), black_box(FF { x: 0.5, y: 4.0 })));
    println!("{:?}", dd(black_box(DD { x: 9.0, y: -1.5 })));
    let big = black_box(S40 { a: 1, b: -2, c: 3.5, d: [1, 2, 3, 4, 5, 6, 7, 255], e: 100, f: 0 });
    let r = s40(big.clone(), black_box(42));
    println!("{:?}", r);
    println!("{} {}", s40_ref(&big), s40_ref(&r));
    println!("{}", mixed(S3 { a: 1, b: 2, c: 3 }, 0.5, S12 { a: 0, b: 0, c: 0.25 }, 4, S16 { a: 8.0, b: 0 }, big.clone(), FF { x: 16.0, y: 0.0 }));
    println!("{:?}", wrap(black_box(Wrap(0xF000_0000_0000_000F))));
    println!("{}", nested(black_box(((1, (-2, 3.9)), [10, 20, 30]))));
    println!("{:?}", arr_ret());
    let fns: [fn(S3) -> S3; 2] = [s3, |s| S3 { a: s.a ^ 0xff, ..s }];
    println!("{:?}", fns.iter().map(|f| f(S3 { a: 5, b: 6, c: 7 })).collect::<Vec<_>>());
}
