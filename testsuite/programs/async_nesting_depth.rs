// Deeply nested `async fn`s, each awaiting its children one after the other, and a
// future moved by value through frames before it is polled (as executors' `block_on`
// do). A coroutine keeps only what must survive a suspension, and locals never needed at
// the same time share bytes (`mir::CoroutineLocals::slots`): a future holds the largest of
// the futures it awaits, not their sum. Laid out without that sharing (each await keeping
// its own copies of the awaited future), the futures here grow about fourfold per level
// and the deepest no longer fits on a thread's stack.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct YieldOnce(bool);
impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

async fn leaf(x: u64) -> u64 {
    YieldOnce(false).await;
    x + 1
}

macro_rules! level {
    ($name:ident, $child:ident) => {
        async fn $name(x: u64) -> u64 {
            let a = $child(x).await;
            let s = format!("{a}");
            let b = $child(a).await;
            let c = leaf(b + s.len() as u64).await;
            let d = leaf(c).await;
            (a + b + c + d) % 1_000_003
        }
    };
}
level!(l1, leaf);
level!(l2, l1);
level!(l3, l2);
level!(l4, l3);
level!(l5, l4);
level!(l6, l5);
level!(l7, l6);
level!(l8, l7);
level!(l9, l8);
level!(l10, l9);
level!(l11, l10);
level!(l12, l11);

/// Moves the future through a few frames by value before polling it in place.
#[inline(never)]
fn pass<F: Future>(f: F, hops: u32) -> F::Output {
    if hops == 0 {
        block_on(f)
    } else {
        pass(f, hops - 1)
    }
}

fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0u64;
    loop {
        polls += 1;
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            println!("  {polls} polls");
            return v;
        }
    }
}

fn main() {
    println!("l3 = {}", pass(l3(1), 4));
    println!("l6 = {}", pass(l6(1), 4));
    // The deepest runs on a thread with a small (256 KiB) stack.
    let deep = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| pass(l12(1), 4))
        .unwrap()
        .join()
        .unwrap();
    println!("l12 = {deep}");
}
