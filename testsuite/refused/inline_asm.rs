// expect-stderr: rac cannot compile `inline_asm::read_zero`
// expect-stderr: call chain: inline_asm::main -> inline_asm::read_zero
// expect-stderr: builtin#asm
// expect-stderr: help: move this code behind a non-generic function
use std::arch::asm;

fn read_zero() -> u64 {
    let x: u64;
    unsafe {
        asm!("mov {}, 0", out(reg) x);
    }
    x
}

fn main() {
    println!("{}", read_zero());
}
