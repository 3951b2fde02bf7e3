// Polling an async body again after it returned, or after it panicked, panics as with
// rustc ("`async fn` resumed after completion" / "... after panicking"), at the
// `async` block or the body of the `async fn`. A panic inside a body leaves it poisoned.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Waker};

async fn one() -> u32 {
    1
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut f = pin!(one());
    println!("{:?}", f.as_mut().poll(&mut cx));
    let b = async { 5 };
    let mut b = pin!(b);
    println!("{:?}", b.as_mut().poll(&mut cx));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| b.as_mut().poll(&mut cx)));
    println!("{}", r.is_err());
    let mut p = Box::pin(async { if true { panic!("inside") } });
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| p.as_mut().poll(&mut cx)));
    println!("{}", r.is_err());
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| p.as_mut().poll(&mut cx)));
    println!("{}", r.is_err());
    println!("{:?}", f.as_mut().poll(&mut cx));
}
