fn main() {
    println!("{} {}", flavor::which::<u8>(), flavor::monomorphic());
}
