// Function pointers as data, as memchr's runtime dispatch keeps them: a static
// `AtomicPtr<()>` initialized with a function cast to a raw pointer, replaced at run time;
// `Clone` of function pointers (rustc's builtin impl); `#[derive(Clone, Copy)]` on a union
// (a bitwise copy); and locals aligned beyond 16 bytes.
use std::sync::atomic::{AtomicPtr, Ordering};

type Fn = *mut ();
type RealFn = fn(u8) -> u32;

fn detect(x: u8) -> u32 {
    let chosen: RealFn = fast;
    FN.store(chosen as Fn, Ordering::Relaxed);
    chosen(x) + 1000
}

fn fast(x: u8) -> u32 {
    x as u32 * 2
}

static FN: AtomicPtr<()> = AtomicPtr::new(detect as Fn);

fn call(x: u8) -> u32 {
    let f = FN.load(Ordering::Relaxed);
    let f: RealFn = unsafe { std::mem::transmute::<Fn, RealFn>(f) };
    f(x)
}

#[derive(Clone)]
struct Searcher {
    call: unsafe fn(&Searcher, u8) -> u8,
    kind: Kind,
    name: String,
}

#[derive(Clone, Copy)]
union Kind {
    empty: (),
    one: u8,
    wide: [u64; 4],
    pair: (u16, u32),
}

unsafe fn wide_sum(s: &Searcher, x: u8) -> u8 {
    let w = unsafe { s.kind.wide };
    (w.iter().sum::<u64>() as u8).wrapping_add(x)
}

#[repr(align(32))]
#[derive(Clone, Copy, Debug, PartialEq)]
struct Align32([u8; 32]);

#[repr(align(64))]
#[derive(Clone, Copy, Debug, PartialEq)]
struct Align64(u64);

fn aligned(depth: u32) -> bool {
    let a = Align32([depth as u8; 32]);
    let b = Align64(depth as u64);
    let c = [Align32([1; 32]); 2];
    let ok = (&a as *const Align32 as usize) % 32 == 0
        && (&b as *const Align64 as usize) % 64 == 0
        && (&c[1] as *const Align32 as usize) % 32 == 0;
    if depth == 0 { ok } else { ok && aligned(depth - 1) && a.0[0] == depth as u8 }
}

fn main() {
    println!("{} {} {}", call(3), call(4), call(5));
    let f: unsafe fn(&Searcher, u8) -> u8 = wide_sum;
    let g = f.clone();
    let s = Searcher { call: g, kind: Kind { wide: [1, 2, 3, 4] }, name: "wide".into() };
    let t = s.clone();
    println!("{} {} {}", t.name, unsafe { (t.call)(&t, 5) }, unsafe { t.kind.wide[3] });
    let k = Kind { pair: (7, 9) };
    let k2 = k.clone();
    println!("{} {}", unsafe { k2.pair.0 }, unsafe { k2.pair.1 });
    let _ = (Kind { empty: () }, Kind { one: 1 });
    println!("{}", aligned(3));
    let boxed = Box::new(Align64(5));
    println!("{:?} {}", boxed, (&*boxed as *const Align64 as usize) % 64 == 0);
}
