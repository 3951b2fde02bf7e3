use std::hint::black_box;

fn main() {
    let vals: [f64; 8] = black_box([0.0, 1.0, -2.5, 3.14159265358979, 1234567.891, 0.000123456, 1e21, -1e-10]);
    for v in vals.iter() {
        println!("[{}] [{:.3}] [{:e}] [{:E}] [{:10.2}] [{:<10.1}] [{:+.2}] [{:?}]", v, v, v, v, v, v, v, v);
    }
    let fs: [f32; 5] = black_box([0.1, 2.0 / 3.0, 16777216.0, -0.0, 1.0e-5]);
    for v in fs.iter() {
        println!("f32 [{}] [{:.4}] [{:e}] [{:?}] [{:08.2}]", v, v, v, v, v);
    }
    println!("[{:^12.3}]", black_box(2.0f64).sqrt());
    println!("[{:*>12.3}]", black_box(2.0f64).sqrt());
    println!("[{:.0}] [{:.0}] [{:.0}] [{:.0}]", 0.5f64, 1.5f64, 2.5f64, -0.5f64);
    println!("[{:.1}] [{:.1}]", 0.05f64, 0.25f64);
    let prec = black_box(5);
    println!("[{:.*}] [{:.prec$}] [{:w$.p$}]", 2, 1.23456, 9.87654321, 3.3333333, w = 9, p = 2);
    println!("{}", f64::NAN);
    println!("[{:8}] [{:<8}] [{:+}]", f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY);
    println!("{:e} {:e}", 123456u32, 0.00042f32);
    println!("{}", 100000000000000000000.0f64);
    println!("{}", 1e15f64 + 0.3);
    println!("{}", f64::MAX);
    println!("{}", f64::MIN_POSITIVE);
    println!("{:?}", f32::MIN_POSITIVE);
    println!("{}", 5e-324f64);
    let s = format!("{:.2}", black_box(99.995f64));
    println!("{} len={}", s, s.len());
    println!("{:?}", "3.25".parse::<f64>());
    println!("{:?}", "-1e3".parse::<f32>());
    println!("{:?}", "inf".parse::<f64>());
    println!("{}", "abc".parse::<f64>().is_err());
}
