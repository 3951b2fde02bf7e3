fn main() {
    println!("{} {}", 42, "x");
}
