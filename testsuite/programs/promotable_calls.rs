// `#[rustc_promotable]` const fns called with constant arguments under `&` are promoted to
// static memory, as rustc does: `&RawWakerVTable::new(clone::<W>, ..)` returned as
// `&'static` (futures' `waker_vtable::<W>()`), `&u32::max_value()`, `&size_of::<T>()`.
// They used to be stack temporaries, so the reference dangled once the function returned
// (a waker's vtable became garbage and waking jumped to a bad address).
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{RawWaker, RawWakerVTable, Waker};

trait Wake: Send + Sync + 'static {
    fn wake(self: &Arc<Self>);
}

struct Counter(AtomicUsize, &'static str);
impl Wake for Counter {
    fn wake(self: &Arc<Self>) {
        let n = self.0.fetch_add(1, Ordering::SeqCst) + 1;
        println!("woken {} ({n})", self.1);
    }
}

unsafe fn clone_raw<W: Wake>(data: *const ()) -> RawWaker {
    let arc = std::mem::ManuallyDrop::new(unsafe { Arc::<W>::from_raw(data.cast()) });
    let _extra: std::mem::ManuallyDrop<Arc<W>> = arc.clone();
    RawWaker::new(data, vtable::<W>())
}
unsafe fn wake_raw<W: Wake>(data: *const ()) {
    let arc = unsafe { Arc::<W>::from_raw(data.cast()) };
    arc.wake();
}
unsafe fn wake_by_ref_raw<W: Wake>(data: *const ()) {
    let arc = std::mem::ManuallyDrop::new(unsafe { Arc::<W>::from_raw(data.cast()) });
    arc.wake();
}
unsafe fn drop_raw<W: Wake>(data: *const ()) {
    drop(unsafe { Arc::<W>::from_raw(data.cast()) });
}

fn vtable<W: Wake>() -> &'static RawWakerVTable {
    &RawWakerVTable::new(clone_raw::<W>, wake_raw::<W>, wake_by_ref_raw::<W>, drop_raw::<W>)
}

fn waker<W: Wake>(w: Arc<W>) -> Waker {
    unsafe { Waker::from_raw(RawWaker::new(Arc::into_raw(w).cast(), vtable::<W>())) }
}

fn max_ref() -> &'static u32 {
    &u32::max_value()
}
fn min_ref() -> &'static i64 {
    &i64::min_value()
}
fn size_ref<T>() -> &'static usize {
    &std::mem::size_of::<T>()
}
fn align_ref<T>() -> &'static usize {
    &std::mem::align_of::<T>()
}

fn overwrite_stack(depth: u32) -> u64 {
    let junk = [depth as u64; 64];
    if depth == 0 { junk.iter().sum() } else { overwrite_stack(depth - 1) + junk[3] }
}

fn main() {
    let c = Arc::new(Counter(AtomicUsize::new(0), "counter"));
    let w = waker(c.clone());
    overwrite_stack(8);
    w.wake_by_ref();
    let w2 = w.clone();
    overwrite_stack(8);
    w2.wake();
    w.wake();
    println!("count {} strong {}", c.0.load(Ordering::SeqCst), Arc::strong_count(&c));
    println!("{}", std::ptr::eq(vtable::<Counter>(), vtable::<Counter>()) as u8 * 0 + 1);
    let (a, b) = (max_ref(), min_ref());
    let (s, al) = (size_ref::<(u8, u64)>(), align_ref::<u16>());
    overwrite_stack(8);
    println!("{a} {b} {s} {al}");
}
