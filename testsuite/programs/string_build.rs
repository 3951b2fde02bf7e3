fn main() {
    let mut s = String::new();
    s.push_str("hello");
    s.push_str(", ");
    s.push_str("world");
    let t = format!("{}! ({} bytes)", s, s.len());
    println!("{}", t);
}
