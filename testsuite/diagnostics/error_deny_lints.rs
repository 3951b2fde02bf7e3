// Lints that are errors: `overflowing_literals` is deny-by-default, and
// `#![deny(unused_variables)]` makes a warning an error.
#![deny(unused_variables)]

fn main() {
    let small: u8 = 256;
    let never_read = 1;
    println!("{small}");
}
