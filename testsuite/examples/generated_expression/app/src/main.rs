fn main() {
    println!("{} {} {}", gen::is_keyword("match"), gen::is_keyword("apple"), gen::scaled(2u64));
}
