// num-integer 0.1.46 from crates.io: arithmetic in a dependency is checked as in a dev
// build (cargo compiles dependencies with overflow checks too; only std is release-built).
//@ dep: num-integer = "=0.1.46"
use num_integer::Integer;
fn main() {
    println!("{} {}", 12i32.lcm(&18), 7u8.gcd(&21));
    println!("{:?}", 17i64.div_rem(&5));
    let r = std::panic::catch_unwind(|| (i32::MAX / 2 + 1).lcm(&3));
    println!("{}", r.is_err());
}
