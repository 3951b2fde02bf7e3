// expect-stderr: rac cannot compile `async_closure::main`
// expect-stderr: async closures (`async |..| ..`): rac does not compile them yet
// expect-stderr: help: move this code behind a non-generic function
// Async closures (whose calls return coroutines borrowing the closure) are not compiled
// yet: refused with the reason, never compiled wrong. (`async fn`s and `async` blocks are:
// `testsuite/programs/async_*.rs`.)
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

fn main() {
    let base = 10;
    let add = async |x: u32| x + base;
    let mut cx = Context::from_waker(Waker::noop());
    let mut f = pin!(add(5));
    if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
        println!("{v}");
    }
}
