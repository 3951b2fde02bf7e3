// `LazyLock` statics: `LazyLock::new(f)` stores the function pointer `f` in a union beside
// the value to come; the static's initial bytes must point at the function (a union's
// pointers once stayed r-a's evaluator ids: a call through address 1000). Also unions of
// the program's own in statics, with a pointer field or an integer field written.
use std::collections::BTreeMap;
use std::sync::{LazyLock, Mutex};

static SQUARES: LazyLock<BTreeMap<u32, String>> =
    LazyLock::new(|| (0..6).map(|i| (i, format!("{}", i * i))).collect());
static ANSWER: LazyLock<u64> = LazyLock::new(|| 6 * 7);
static LOG: LazyLock<Mutex<Vec<&'static str>>> = LazyLock::new(|| Mutex::new(vec!["start"]));

fn seeded() -> Vec<u8> {
    vec![3, 1, 2]
}
static SEEDED: LazyLock<Vec<u8>, fn() -> Vec<u8>> = LazyLock::new(seeded);

#[derive(Clone, Copy)]
union Word {
    n: usize,
    text: &'static str,
}
union Callback {
    n: usize,
    f: fn(u32) -> u32,
}

fn triple(x: u32) -> u32 {
    x * 3
}

static GREETING: Word = Word { text: "hello from a union" };
static NUMBER: Word = Word { n: 1000 };
static CALLBACK: Callback = Callback { f: triple };
static PLAIN: Callback = Callback { n: 1001 };

fn main() {
    println!("{:?}", SQUARES.get(&4));
    println!("{}", *ANSWER + 1);
    LOG.lock().unwrap().push("main");
    println!("{:?}", *LOG.lock().unwrap());
    let mut s = SEEDED.clone();
    s.sort();
    println!("{s:?}");
    unsafe {
        println!("{} {}", GREETING.text, NUMBER.n);
        println!("{} {}", (CALLBACK.f)(14), PLAIN.n);
    }
    let handles: Vec<_> = (0..3)
        .map(|i| std::thread::spawn(move || SQUARES.len() as u32 + i))
        .collect();
    let total: u32 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!("{total}");
}
