fn main() {
    println!("{}", helper::forty_two_plus(8));
    println!("{:?}", helper::twice("x"));
    println!("calls {} {}", helper::calls(), helper::CALLS.load(std::sync::atomic::Ordering::Relaxed));
    println!("{}", helper::Adder(5).add(6));
}
