fn main() {
    println!("{}", answer::answer(1));
    println!("{:?}", answer::answers(&[1u8, 2, 3]));
}
