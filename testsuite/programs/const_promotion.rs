// Borrows of constants are promoted to static memory (they outlive the function that
// takes them), and constants whose raw pointers point into other constants keep them:
// hashbrown's empty-table singleton, std's `const_error!` messages.
use std::collections::HashMap;
use std::io::Write;

struct Pair {
    a: u32,
    b: &'static str,
}

const TABLE: [u8; 4] = [1, 2, 3, 4];
const PAIR: Pair = Pair { a: 7, b: "seven" };

fn table() -> &'static [u8; 4] {
    &TABLE
}

fn second() -> &'static u8 {
    &TABLE[1]
}

fn pair_name() -> &'static str {
    let p: &'static Pair = &PAIR;
    p.b
}

fn main() {
    let t = table();
    println!("{:?} {} {}", t, second(), std::ptr::eq(table(), table()));
    println!("{} {} {}", PAIR.a, pair_name(), (&PAIR).b.len());

    let mut m: HashMap<u64, String> = HashMap::new();
    println!("empty: {} {:?}", m.is_empty(), m.get(&3));
    for (k, v) in &m {
        println!("never {k} {v}");
    }
    m.insert(3, "three".to_string());
    m.insert(4, "four".to_string());
    let mut keys: Vec<_> = m.keys().collect();
    keys.sort();
    println!("{:?} {:?}", keys, m.get(&3));

    let mut buf = [0u8; 2];
    let mut w: &mut [u8] = &mut buf;
    let e = w.write_all(b"abc").unwrap_err();
    println!("{e} / {:?} / {buf:?}", e.kind());
}
