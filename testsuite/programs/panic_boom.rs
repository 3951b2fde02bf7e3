fn main() {
    println!("before");
    panic!("boom {}", 7);
}
