use std::sync::atomic::{AtomicUsize, Ordering};
use std::fmt::Debug;
static COUNTER: AtomicUsize = AtomicUsize::new(0);
static HOLDER: &AtomicUsize = &COUNTER;
static B: i32 = 41;
static A: i32 = B + 1;
static PB: &i32 = &B;
static PAIR: (u8, u32) = (1, 2);
static SECOND: &u32 = &PAIR.1;
static DYN: &(dyn Debug + Sync) = &B;
const CB: &i32 = &B;
struct Node { v: i32, next: Option<&'static Node> }
static LOOP: Node = Node { v: 7, next: Some(&LOOP) };
static RING_A: Node = Node { v: 1, next: Some(&RING_B) };
static RING_B: Node = Node { v: 2, next: Some(&RING_A) };
fn main() {
    HOLDER.fetch_add(5, Ordering::SeqCst);
    println!("{}", COUNTER.load(Ordering::SeqCst));
    println!("{} {} {}", A, *PB, std::ptr::eq(PB, &B));
    println!("{} {}", SECOND, std::ptr::eq(SECOND, &PAIR.1));
    println!("{:?} {}", DYN, std::ptr::eq(DYN as *const (dyn Debug + Sync) as *const i32, &B));
    println!("{} {}", CB, std::ptr::eq(CB, &B));
    println!("{} {} {}", LOOP.v, LOOP.next.unwrap().next.unwrap().v, std::ptr::eq(LOOP.next.unwrap(), &LOOP));
    let mut n = &RING_A; let mut s = 0; for _ in 0..5 { s = s * 10 + n.v; n = n.next.unwrap(); }
    println!("{}", s);
}
