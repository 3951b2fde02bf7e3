// `std::pin::pin!` expands to a block with a `super let`: the pinned value lives as long as
// the temporaries of the expression around the block (to the end of the enclosing block
// when the `pin!` initializes a `let`, else to the end of the statement), not to the end
// of the macro's own block. It used to be dropped right away, so polling a pinned future
// (futures' `block_on`) used freed memory.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

struct Noisy(&'static str, Vec<u32>);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {} {:?}", self.0, self.1);
    }
}

struct CountDown { left: u32, log: Vec<u32> }
impl Future for CountDown {
    type Output = Vec<u32>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Vec<u32>> {
        if self.left == 0 {
            return Poll::Ready(std::mem::take(&mut self.log));
        }
        let l = self.left;
        self.log.push(l);
        self.left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
impl Drop for CountDown {
    fn drop(&mut self) {
        println!("drop countdown {} {:?}", self.left, self.log);
    }
}

fn noop_waker() -> Waker {
    fn clone(_: *const ()) -> RawWaker { RawWaker::new(std::ptr::null(), &VTABLE) }
    fn noop(_: *const ()) {}
    static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);
    unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) }
}

fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let waker = noop_waker();
    let mut cx = Context::from_waker(&waker);
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            println!("ready after {polls} polls");
            return v;
        }
    }
}

fn len_of(p: Pin<&mut Noisy>) -> usize {
    p.1.len()
}

fn main() {
    println!("{:?}", block_on(CountDown { left: 3, log: vec![100] }));
    {
        let mut a = pin!(Noisy("a", vec![1, 2]));
        println!("pinned a");
        a.as_mut().get_mut().1.push(3);
        println!("still a: {:?}", a.1);
    }
    println!("after block");
    // Statement position: dropped at the end of the statement.
    println!("len {}", len_of(pin!(Noisy("b", vec![4]))));
    println!("after b");
    // Through `if` branches of a `let` initializer: extended to the enclosing block.
    for flag in [true, false] {
        let p = if flag { pin!(Noisy("then", vec![5])) } else { pin!(Noisy("else", vec![6])) };
        println!("chose {}", p.0);
    }
    // Nested blocks and a `match`.
    let q = match 2 {
        1 => pin!(Noisy("one", vec![])),
        _ => {
            let inner = pin!(Noisy("inner", vec![7]));
            println!("inner {}", inner.0);
            pin!(Noisy("two", vec![8, 9]))
        }
    };
    println!("matched {} {:?}", q.0, q.1);
    // Two pins in one expression statement, dropped in reverse order of creation.
    let total = len_of(pin!(Noisy("x", vec![1]))) + len_of(pin!(Noisy("y", vec![1, 2])));
    println!("total {total}");
    let boxed: Vec<u32> = block_on(async_like(vec![7, 8]));
    println!("{boxed:?}");
}

fn async_like(v: Vec<u32>) -> impl Future<Output = Vec<u32>> {
    CountDown { left: 2, log: v }
}
