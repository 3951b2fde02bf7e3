use std::hint::black_box;

fn main() {
    let s = black_box(String::from("hello world"));
    println!("{}", &s[0..5]);
    println!("{}", &s[6..]);
    let v = black_box(vec![1, 2, 3, 4]);
    println!("{:?}", &v[1..3]);
    let end = black_box(9);
    println!("{:?}", &v[2..end]);
}
