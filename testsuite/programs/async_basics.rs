// `async fn`s and `async` blocks: rac compiles their bodies as state machines whose
// `.await`s suspend (`codegen/src/coroutine.rs`). Awaits in loops, `?`, generic and
// recursive (boxed) async code, `&mut self` methods, borrowed arguments, `dyn Future`
// tasks interleaved by a small executor, std's `ready`/`poll_fn`, drop order at the end
// of a body and of suspended or never-polled futures.
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            println!("  ({polls} polls)");
            return v;
        }
    }
}

/// Pending `n` times, then ready.
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

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

async fn add(a: u32, b: u32) -> u32 {
    Yield(1).await;
    a + b
}

async fn borrow_len(s: &str) -> usize {
    Yield(2).await;
    s.len()
}

async fn may_fail(x: i32) -> Result<i32, String> {
    Yield(1).await;
    if x < 0 {
        return Err(format!("negative: {x}"));
    }
    Ok(x * 2)
}

async fn chain(x: i32) -> Result<i32, String> {
    let a = may_fail(x).await?;
    let b = may_fail(a - 10).await?;
    Ok(a + b)
}

async fn generic_sum<T: Copy + std::ops::Add<Output = T>>(xs: Vec<T>, zero: T) -> T {
    let mut acc = zero;
    for x in xs {
        Yield(1).await;
        acc = acc + x;
    }
    acc
}

fn boxed_countdown(n: u32) -> Pin<Box<dyn Future<Output = u32>>> {
    Box::pin(async move {
        if n == 0 {
            0
        } else {
            Yield(1).await;
            n + boxed_countdown(n - 1).await
        }
    })
}

struct Counter {
    total: u64,
}
impl Counter {
    async fn bump(&mut self, by: u64) -> u64 {
        Yield(1).await;
        self.total += by;
        self.total
    }
}

// A tiny round-robin executor over boxed tasks sharing a log.
fn run_all(tasks: Vec<Pin<Box<dyn Future<Output = ()>>>>) {
    let mut queue: VecDeque<_> = tasks.into_iter().enumerate().collect();
    let mut cx = Context::from_waker(Waker::noop());
    while let Some((i, mut t)) = queue.pop_front() {
        match t.as_mut().poll(&mut cx) {
            Poll::Ready(()) => println!("task {i} done"),
            Poll::Pending => queue.push_back((i, t)),
        }
    }
}

fn main() {
    let s = String::from("hello");
    let v = block_on(async move {
        let a = add(1, 2).await;
        let b = add(a, 3).await;
        println!("{s} {a} {b}");
        b * 2
    });
    println!("v = {v}");

    let text = String::from("borrowed text");
    println!("len = {}", block_on(borrow_len(&text)));

    println!("chain(20) = {:?}", block_on(chain(20)));
    println!("chain(3) = {:?}", block_on(chain(3)));
    println!("chain(-1) = {:?}", block_on(chain(-1)));

    println!("sum = {}", block_on(generic_sum(vec![1u64, 2, 3, 4], 0)));
    println!("fsum = {}", block_on(generic_sum(vec![0.5f64, 0.25], 0.0)));
    println!("countdown = {}", block_on(boxed_countdown(5)));

    let mut c = Counter { total: 10 };
    let r = block_on(async {
        c.bump(5).await;
        c.bump(7).await
    });
    println!("counter = {r} {}", c.total);

    // Drops: locals held across an await are dropped when the body ends, in order.
    block_on(async {
        let _a = Noisy("a");
        Yield(1).await;
        let b = Noisy("b");
        Yield(1).await;
        drop(b);
        let _c = Noisy("c");
        Yield(1).await;
        println!("body end");
    });

    // Cancellation: a suspended future dropped drops what it holds, an unpolled one
    // its captures.
    {
        let captured = Noisy("captured");
        let fut = async move {
            let _held = Noisy("held");
            let _cap = &captured;
            Yield(5).await;
            println!("never printed");
        };
        let mut fut = Box::pin(fut);
        let mut cx = Context::from_waker(Waker::noop());
        assert!(fut.as_mut().poll(&mut cx).is_pending());
        println!("dropping suspended");
        drop(fut);
        let unpolled = async move {
            let _x = Noisy("never created");
        };
        let cap2 = Noisy("captured2");
        let unpolled2 = async move {
            let _y = &cap2;
        };
        println!("dropping unpolled");
        drop(unpolled);
        drop(unpolled2);
    }

    // Interleaved tasks sharing state.
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut tasks: Vec<Pin<Box<dyn Future<Output = ()>>>> = Vec::new();
    for id in 0..3u32 {
        let log = log.clone();
        tasks.push(Box::pin(async move {
            for step in 0..id + 1 {
                log.borrow_mut().push(format!("t{id}s{step}"));
                Yield(1).await;
            }
        }));
    }
    run_all(tasks);
    println!("log = {:?}", log.borrow());

    // Futures from std.
    let r = block_on(async {
        let x = std::future::ready(41).await;
        let y = std::future::poll_fn(|_cx| Poll::Ready(1)).await;
        x + y
    });
    println!("std futures = {r}");

    // Nested async blocks and a match across awaits.
    let r = block_on(async {
        let inner = async { add(2, 2).await * 10 };
        let opt = Some(inner.await);
        match opt {
            Some(n) if n > 10 => {
                Yield(1).await;
                format!("big {n}")
            }
            _ => "small".to_string(),
        }
    });
    println!("nested = {r}");
    println!("size of a ready future: {}", std::mem::size_of_val(&std::future::ready(1u8)));
}
