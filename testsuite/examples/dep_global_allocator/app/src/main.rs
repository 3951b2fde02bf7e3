fn main() {
    let before = counting::allocs();
    let v: Vec<u8> = vec![1, 2, 3];
    let s = format!("{v:?}");
    println!("{} {}", s, counting::allocs() - before);
}
