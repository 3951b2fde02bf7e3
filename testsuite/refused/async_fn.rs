// expect-stderr: rac cannot compile `async_fn::main`
// expect-stderr: async fn or coroutine: rac does not compile coroutines
// expect-stderr: help: move this code behind a non-generic function
// Async functions and blocks are coroutines, whose state machines rac does not build yet:
// refused with the reason, never compiled wrong.
use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct Noop;
impl Wake for Noop {
    fn wake(self: Arc<Self>) {}
}

async fn add(a: u32, b: u32) -> u32 {
    a + b
}

fn main() {
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    let mut f = pin!(add(1, 2));
    if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
        println!("{v}");
    }
}
