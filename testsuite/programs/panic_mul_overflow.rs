use std::hint::black_box;

fn main() {
    let mut f: i64 = 1;
    for i in 1..=black_box(30i64) {
        f = f * i;
        println!("{}! = {}", i, f);
    }
    println!("unreachable {}", f);
}
