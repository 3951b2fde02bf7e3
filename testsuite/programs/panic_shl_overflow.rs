use std::hint::black_box;

fn main() {
    for s in [1u32, 8, 31, 32, 40] {
        let sh = black_box(s);
        if sh < 32 {
            println!("1 << {} = {}", sh, 1u32 << sh);
        } else {
            println!("about to shift by {}", sh);
            let r = 1u32 << black_box(40);
            println!("unreachable {}", r);
        }
    }
}
