// A `#[global_allocator]` of the program itself: every allocation of the program, of
// std's code compiled by rac and of std's rlibs goes through it (rustc's allocator shim
// calls its `GlobalAlloc` methods), including `realloc`, `alloc_zeroed` and
// over-aligned layouts.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting {
    allocs: AtomicUsize,
    zeroed: AtomicUsize,
    reallocs: AtomicUsize,
    deallocs: AtomicUsize,
    max_align: AtomicUsize,
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        self.allocs.fetch_add(1, Relaxed);
        self.max_align.fetch_max(l.align(), Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        self.zeroed.fetch_add(1, Relaxed);
        unsafe { System.alloc_zeroed(l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        self.reallocs.fetch_add(1, Relaxed);
        unsafe { System.realloc(p, l, new_size) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        self.deallocs.fetch_add(1, Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting {
    allocs: AtomicUsize::new(0),
    zeroed: AtomicUsize::new(0),
    reallocs: AtomicUsize::new(0),
    deallocs: AtomicUsize::new(0),
    max_align: AtomicUsize::new(0),
};

#[repr(align(256))]
struct Aligned([u8; 3]);

fn snapshot() -> [usize; 4] {
    [
        GLOBAL.allocs.load(Relaxed),
        GLOBAL.zeroed.load(Relaxed),
        GLOBAL.reallocs.load(Relaxed),
        GLOBAL.deallocs.load(Relaxed),
    ]
}

fn delta(before: [usize; 4]) -> [usize; 4] {
    let now = snapshot();
    [now[0] - before[0], now[1] - before[1], now[2] - before[2], now[3] - before[3]]
}

fn main() {
    let before = snapshot();
    let mut v: Vec<u32> = Vec::with_capacity(1);
    for i in 0..100 {
        v.push(i);
    }
    let zeros = vec![0u8; 4096];
    let boxed = Box::new(Aligned([1, 2, 3]));
    let addr = &*boxed as *const Aligned as usize;
    let text = format!("{} {} {}", v.len(), zeros.len(), boxed.0[2]);
    drop(v);
    drop(zeros);
    drop(boxed);
    let d = delta(before);
    println!("{text}");
    println!("allocs {} zeroed {} reallocs {} deallocs {}", d[0], d[1], d[2], d[3]);
    println!("aligned {} max align {}", addr % 256 == 0, GLOBAL.max_align.load(Relaxed) >= 256);
}
