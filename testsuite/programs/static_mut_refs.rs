use std::sync::atomic::{AtomicUsize, Ordering};

static GREETING: &str = "hello";
static NUMBERS: [i32; 4] = [4, 3, 2, 1];
static NAMES: [&str; 3] = ["zero", "one", "two"];
static FIRST: &i32 = &NUMBERS[0];
static GREETING_REF: &&str = &GREETING;
static TABLE: &[(&str, u32)] = &[("a", 1), ("b", 2), ("c", 3)];
static mut COUNTER: u32 = 0;
static mut LOG: [u8; 8] = [0; 8];
static CALLS: AtomicUsize = AtomicUsize::new(0);

struct Settings {
    name: &'static str,
    values: &'static [f64],
    next: Option<&'static Settings>,
}

static BASE: Settings = Settings { name: "base", values: &[1.0, 2.0], next: None };
static DERIVED: Settings = Settings { name: "derived", values: &[], next: Some(&BASE) };

fn bump() -> u32 {
    CALLS.fetch_add(1, Ordering::SeqCst);
    unsafe {
        COUNTER += 1;
        let c = COUNTER;
        LOG[(c as usize - 1) % 8] = c as u8 * 3;
        c
    }
}

fn name_of(i: usize) -> &'static str {
    NAMES.get(i).copied().unwrap_or("many")
}

fn main() {
    println!("{} {:?} {}", GREETING, NUMBERS, FIRST);
    println!("{}", GREETING_REF);
    for i in 0..4 {
        println!("{} -> {}", i, name_of(i));
    }
    let total: u32 = TABLE.iter().map(|(_, v)| v).sum();
    println!("table total {} keys {}", total, TABLE.iter().map(|(k, _)| *k).collect::<String>());
    for _ in 0..5 {
        bump();
    }
    let c = unsafe { COUNTER };
    let log = unsafe { *std::ptr::addr_of!(LOG) };
    println!("counter {} log {:?} calls {}", c, log, CALLS.load(Ordering::SeqCst));
    unsafe {
        COUNTER = 40;
    }
    println!("after reset bump -> {}", bump());
    let mut s = &DERIVED;
    loop {
        println!("settings {} values {:?}", s.name, s.values);
        match s.next {
            Some(n) => s = n,
            None => break,
        }
    }
    let sorted: Vec<i32> = { let mut v = NUMBERS.to_vec(); v.sort(); v };
    println!("{:?} original {:?}", sorted, NUMBERS);
}
