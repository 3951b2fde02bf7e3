fn add(a: i32, b: i32) -> i32 {
    a + b
}

fn main() {
    std::process::exit(add(2, 3));
}
