// What an async body owns across its `.await`s is dropped exactly once: at the end of
// its scope when the body runs on, or by the future's drop glue when a suspended future
// is dropped (cancelled), following the drop flags saved at the suspension: moved-out
// values, partly moved tuples and values moved only on some paths are not dropped twice.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Yield(u32);
impl Future for Yield {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            Poll::Ready(())
        } else {
            self.0 -= 1;
            Poll::Pending
        }
    }
}

struct Noisy(String);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  drop {}", self.0);
    }
}
fn n(s: &str) -> Noisy {
    Noisy(s.to_string())
}

fn consume(x: Noisy) {
    println!("  consume {}", x.0);
}

async fn body(flag: bool, steps: u32) -> u32 {
    let a = n("a");
    let pair = (n("p0"), n("p1"));
    Yield(1).await;
    let (first, _) = (pair.0, 7);
    Yield(1).await;
    if flag {
        consume(a);
    }
    Yield(steps).await;
    drop(first);
    let _late = n("late");
    Yield(1).await;
    pair.1 .0.len() as u32
}

/// Polls `fut` `polls` times, then drops it.
fn poll_then_drop<F: Future>(label: &str, fut: F, polls: u32) {
    println!("{label}:");
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = Box::pin(fut);
    for i in 0..polls {
        if fut.as_mut().poll(&mut cx).is_ready() {
            println!("  ready after {} polls", i + 1);
            return;
        }
    }
    println!("  cancel");
    drop(fut);
    println!("  after cancel");
}

fn main() {
    for polls in 0..7 {
        poll_then_drop(&format!("flag, {polls} polls"), body(true, 2), polls);
    }
    poll_then_drop("no flag, to the end", body(false, 1), 10);
    poll_then_drop("no flag, cancelled late", body(false, 3), 4);

    // Captured values: dropped by the unpolled future, moved into the body once it runs.
    let cap = n("captured");
    let other = n("other");
    poll_then_drop(
        "captures, unpolled",
        async move {
            let _c = cap;
            Yield(1).await;
        },
        0,
    );
    poll_then_drop(
        "captures, suspended",
        async move {
            let o = other;
            Yield(5).await;
            drop(o);
        },
        2,
    );

    // A future awaited inside another and dropped with it.
    poll_then_drop(
        "nested",
        async {
            let _outer = n("outer");
            let inner = async {
                let _i = n("inner");
                Yield(3).await;
            };
            inner.await;
        },
        2,
    );
    let mut cx = Context::from_waker(Waker::noop());
    let mut f = pin!(async {
        let v = vec![n("v0"), n("v1")];
        Yield(1).await;
        v.into_iter().map(|x| x.0.len()).sum::<usize>()
    });
    while f.as_mut().poll(&mut cx).is_pending() {}
    println!("done");
}
