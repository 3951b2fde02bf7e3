use std::sync::atomic::{AtomicUsize, Ordering};

pub static CALLS: AtomicUsize = AtomicUsize::new(0);

/// Inline assembly: rac cannot compile it, rustc can.
pub fn forty_two_plus(x: u64) -> u64 {
    CALLS.fetch_add(1, Ordering::Relaxed);
    let r: u64;
    unsafe { std::arch::asm!("mov {r}, 42", "add {r}, {x}", r = out(reg) r, x = in(reg) x) };
    r
}

pub fn calls() -> usize {
    CALLS.load(Ordering::Relaxed)
}

/// Generic: compiled by rac, into the binary; the static is the rlib's.
pub fn twice<T: Clone>(t: T) -> (T, T) {
    CALLS.fetch_add(10, Ordering::Relaxed);
    (t.clone(), t)
}

/// An inherent method rac cannot compile either: called in the rlib, whose legacy symbol
/// spells it `helper::Adder::add` (not `<helper::Adder>::add`).
pub struct Adder(pub u64);

impl Adder {
    pub fn add(&self, x: u64) -> u64 {
        let r: u64;
        unsafe { std::arch::asm!("mov {r}, {a}", "add {r}, {x}", r = out(reg) r, a = in(reg) self.0, x = in(reg) x) };
        r
    }
}
