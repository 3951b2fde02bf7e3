// Inline assembly whose template holds no instruction, only comments (an optimization
// barrier: compact_str 0.8 reads a length through `asm!("/* {value} */", ..)`): it does
// nothing at run time, its inputs are evaluated and `inout` places keep their values.
// Templates with instructions are refused (testsuite/refused/inline_asm.rs).
use std::arch::asm;

#[inline(always)]
fn ensure_read(value: usize) -> usize {
    unsafe {
        asm!("/* {value} */", value = in(reg) value, options(nomem, nostack));
    }
    value
}

fn keep(mut x: u64) -> u64 {
    unsafe {
        asm!(
            "// {0}",
            "# and {1}",
            "",
            inout(reg) x,
            in(reg) &x as *const u64,
            out("rax") _,
            options(nostack, preserves_flags)
        );
    }
    x + 1
}

fn main() {
    let v: Vec<usize> = (0..5).map(ensure_read).collect();
    println!("{:?}", v);
    println!("{}", keep(41));
    let s = String::from("barrier");
    unsafe { asm!("/* {} */", in(reg) s.as_ptr()) };
    println!("{}", s.len());
}
