use std::hint::black_box;

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Point3 {
    x: f32,
    y: f32,
    z: f32,
}

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Mixed {
    tag: u8,
    value: i64,
    weight: f64,
}

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Tiny {
    a: u8,
    b: u8,
}

extern "C" fn c_add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

extern "C" fn c_scale(p: Point3, k: f32) -> Point3 {
    Point3 { x: p.x * k, y: p.y * k, z: p.z * k }
}

extern "C" fn c_mixed(m: Mixed) -> Mixed {
    Mixed { tag: m.tag + 1, value: m.value * -2, weight: m.weight + 0.5 }
}

extern "C" fn c_tiny(t: Tiny) -> u16 {
    ((t.a as u16) << 8) | t.b as u16
}

extern "C" fn c_ptr(buf: *mut u32, len: usize) -> u64 {
    let s = unsafe { std::slice::from_raw_parts_mut(buf, len) };
    let mut total = 0u64;
    for v in s.iter_mut() {
        *v *= 3;
        total += *v as u64;
    }
    total
}

extern "C" fn c_many(a: f64, b: i8, c: f32, d: u64, e: f64, f: u16, g: f32, h: i32, i: f64, j: u8) -> f64 {
    a + b as f64 + c as f64 + d as f64 + e + f as f64 + g as f64 + h as f64 + i + j as f64
}

extern "C" fn c_callback(f: extern "C" fn(i32, i32) -> i32, x: i32) -> i32 {
    f(x, x * 10)
}

// glibc's complex functions and `ldiv`: rustc-compiled std links libm and libc, so these
// calls cross into C code that follows the SysV classification, not rac's.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct ComplexF64 {
    re: f64,
    im: f64,
}

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct ComplexF32 {
    re: f32,
    im: f32,
}

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct LDiv {
    quot: i64,
    rem: i64,
}

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Div {
    quot: i32,
    rem: i32,
}

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct IntFloat {
    n: i32,
    f: f32,
    d: f64,
}

// One INTEGER and one SSE eightbyte.
extern "C" fn c_int_float(v: IntFloat) -> IntFloat {
    IntFloat { n: v.n * 2, f: v.f + 1.0, d: v.d * 0.5 }
}

// Five two-SSE structs: the fifth no longer fits into the 8 SSE registers and goes whole
// onto the stack.
extern "C" fn c_five(a: ComplexF64, b: ComplexF64, c: ComplexF64, d: ComplexF64, e: ComplexF64) -> f64 {
    a.re + b.im * 2.0 + c.re * 3.0 + d.im * 4.0 + e.re * 5.0 + e.im * 6.0
}

unsafe extern "C" {
    fn cabs(z: ComplexF64) -> f64;
    fn csqrt(z: ComplexF64) -> ComplexF64;
    fn cabsf(z: ComplexF32) -> f32;
    fn conjf(z: ComplexF32) -> ComplexF32;
    fn ldiv(a: i64, b: i64) -> LDiv;
    fn div(a: i32, b: i32) -> Div;
}

fn main() {
    unsafe {
        println!("cabs {}", cabs(black_box(ComplexF64 { re: 3.0, im: 4.0 })));
        println!("csqrt {:?}", csqrt(black_box(ComplexF64 { re: -4.0, im: 0.0 })));
        println!("cabsf {}", cabsf(black_box(ComplexF32 { re: 5.0, im: 12.0 })));
        println!("conjf {:?}", conjf(black_box(ComplexF32 { re: 1.5, im: -2.5 })));
        println!("ldiv {:?}", ldiv(black_box(-17), black_box(5)));
        println!("div {:?}", div(black_box(17), black_box(-5)));
        println!("csqrt(csqrt) {:?}", csqrt(csqrt(ComplexF64 { re: 16.0, im: 0.0 })));
    }
    println!("{:?}", c_int_float(black_box(IntFloat { n: 21, f: 0.5, d: 3.0 })));
    let z = |re, im| ComplexF64 { re, im };
    println!("{}", c_five(z(1.0, 2.0), z(3.0, 4.0), z(5.0, 6.0), z(7.0, 8.0), black_box(z(9.0, 10.0))));
    {
    }
    println!("{}", c_add(black_box(i32::MAX), black_box(2)));
    println!("{:?}", c_scale(black_box(Point3 { x: 1.0, y: -2.0, z: 0.5 }), black_box(4.0)));
    println!("{:?}", c_mixed(black_box(Mixed { tag: 7, value: 21, weight: 1.25 })));
    println!("{:#06x}", c_tiny(black_box(Tiny { a: 0xab, b: 0xcd })));
    let mut data = black_box([1u32, 2, 3, 4]);
    let t = c_ptr(data.as_mut_ptr(), data.len());
    println!("{} {:?}", t, data);
    println!("{}", c_many(1.5, -2, 0.25, 1000, 2.5, 7, 0.125, -9, 100.0, black_box(255)));
    println!("{}", c_callback(c_add, black_box(4)));
    let fp: extern "C" fn(Mixed) -> Mixed = c_mixed;
    println!("{:?}", fp(Mixed { tag: 0, value: -1, weight: -0.5 }));
    println!("sizes {} {} {}", std::mem::size_of::<Point3>(), std::mem::size_of::<Mixed>(), std::mem::size_of::<Tiny>());
}
