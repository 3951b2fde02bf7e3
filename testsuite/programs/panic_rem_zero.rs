use std::hint::black_box;

fn main() {
    let n: u64 = black_box(100);
    let mut m: u64 = black_box(7);
    loop {
        println!("{} % {} = {}", n, m, n % m);
        m -= black_box(2);
        if m == 1 { m = black_box(0); println!("now m = 0"); }
    }
}
