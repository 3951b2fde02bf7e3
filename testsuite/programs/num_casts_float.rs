use std::hint::black_box;

fn main() {
    let fs: [f64; 12] = black_box([0.0, -0.0, 1.9, -1.9, 255.5, 256.0, -129.7, 3e9, -3e9, 1e20, f64::NAN, f64::INFINITY]);
    for f in fs.iter() {
        let f = *f;
        println!(
            "{:?}: u8={} i8={} u16={} i16={} u32={} i32={} u64={} i64={} u128={} i128={}",
            f, f as u8, f as i8, f as u16, f as i16, f as u32, f as i32, f as u64, f as i64, f as u128, f as i128
        );
    }
    let ninf = black_box(f64::NEG_INFINITY);
    println!("-inf: u8={} i32={} i64={} u64={}", ninf as u8, ninf as i32, ninf as i64, ninf as u64);
    let g: f32 = black_box(-2.75);
    println!("f32 -2.75: u8={} i8={} i32={} u32={} i64={} f64={}", g as u8, g as i8, g as i32, g as u32, g as i64, g as f64);
    let big32: f32 = black_box(3.4e38);
    println!("f32 big: i32={} u64={} i128={} u128={}", big32 as i32, big32 as u64, big32 as i128, big32 as u128);
    // int -> float
    let ints: [i64; 5] = black_box([0, -1, 9007199254740993, i64::MIN, i64::MAX]);
    for i in ints.iter() {
        println!("{} as f64={:?} f32={:?}", i, *i as f64, *i as f32);
    }
    let u: u64 = black_box(u64::MAX);
    println!("u64::MAX as f64={:?} f32={:?}", u as f64, u as f32);
    let uu: u128 = black_box(u128::MAX);
    println!("u128::MAX as f64={:e} f32={:?}", uu as f64, uu as f32);
    let small: u8 = black_box(255);
    println!("255u8 as f32={} f64={}", small as f32, small as f64);
    let i: i32 = black_box(16777217);
    println!("16777217 as f32={} back={}", i as f32, (i as f32) as i32);
    let d: f64 = black_box(1e40);
    println!("1e40 as f32={}", d as f32);
    let tiny: f64 = black_box(1e-50);
    println!("1e-50 as f32={}", tiny as f32);
    let round_trip: f64 = black_box(0.1);
    println!("{}", (round_trip as f32) as f64 == round_trip);
    println!("{}", black_box(2.5f64).round() as i32);
    println!("{}", (black_box(7i32) as f64 / 2.0) as i32);
}
