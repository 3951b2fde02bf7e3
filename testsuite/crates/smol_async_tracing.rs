// The smol ecosystem (async-executor, async-io, blocking): `block_on`, a `LocalExecutor`
// of workers over async-channel, async-lock's `Mutex`/`RwLock`/`Semaphore`,
// futures-lite's combinators and streams, `unblock`, the global executor's `spawn`; a
// hand-written future through pin-project's `#[pin_project]`; `#[tracing::instrument]`
// on async fns with tracing-subscriber's `fmt` output (its per-method thread-local).
// In a batch with actix-web, tracing-core is built twice (without `std` for a build
// script's side): rac must link and call the target's build only.
//@ dep: smol = "=2.0.2"
//@ dep: async-channel = "=2.3.1"
//@ dep: async-lock = "=3.4.0"
//@ dep: futures-lite = "=2.6.0"
//@ dep: pin-project = "=1.1.7"
//@ dep: tracing = "=0.1.40"
//@ dep: tracing-subscriber = { version = "=0.3.19", default-features = false, features = ["fmt", "std"] }
use futures_lite::{future, stream, StreamExt};
use pin_project::pin_project;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

#[pin_project]
struct Counted<F> {
    #[pin]
    inner: F,
    polls: u32,
}

impl<F: Future> Future for Counted<F> {
    type Output = (F::Output, u32);
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        *this.polls += 1;
        match this.inner.poll(cx) {
            Poll::Ready(v) => Poll::Ready((v, *this.polls)),
            Poll::Pending => Poll::Pending,
        }
    }
}

#[tracing::instrument(level = "info", skip(data))]
async fn summarize(name: &str, data: Vec<u32>) -> u32 {
    tracing::info!(len = data.len(), "summing");
    let mut total = 0;
    for d in data {
        total += d;
        future::yield_now().await;
    }
    tracing::debug!(total, "done");
    total
}

async fn worker(id: u32, rx: async_channel::Receiver<u32>, out: Arc<async_lock::Mutex<Vec<(u32, u32)>>>) {
    while let Ok(v) = rx.recv().await {
        out.lock().await.push((id, v * v));
        smol::Timer::after(Duration::from_millis(1)).await;
    }
}

fn main() {
    tracing_subscriber::fmt().without_time().with_ansi(false).with_target(false).with_writer(std::io::stdout).init();
    smol::block_on(async {
        let (v, polls) = Counted { inner: async { future::yield_now().await; future::yield_now().await; 7 }, polls: 0 }.await;
        println!("counted {v} after {polls} polls");
        let total = summarize("first", vec![1, 2, 3, 4]).await;
        println!("total {total}");

        let (tx, rx) = async_channel::bounded(2);
        let out = Arc::new(async_lock::Mutex::new(Vec::new()));
        let ex = smol::LocalExecutor::new();
        let tasks: Vec<_> = (0..3).map(|id| ex.spawn(worker(id, rx.clone(), out.clone()))).collect();
        ex.run(async {
            for i in 1..=9 {
                tx.send(i).await.unwrap();
            }
            tx.close();
            for t in tasks {
                t.await;
            }
        })
        .await;
        let mut got: Vec<u32> = out.lock().await.iter().map(|&(_, sq)| sq).collect();
        got.sort();
        println!("squares {got:?}");

        let rw = async_lock::RwLock::new(String::from("a"));
        {
            let r1 = rw.read().await;
            let r2 = rw.read().await;
            println!("readers {} {}", *r1, *r2);
        }
        rw.write().await.push('b');
        println!("after write {}", rw.read().await);

        let sem = Arc::new(async_lock::Semaphore::new(2));
        let g1 = sem.acquire().await;
        let g2 = sem.try_acquire();
        let g3 = sem.try_acquire();
        println!("semaphore {} {}", g2.is_some(), g3.is_some());
        drop(g1);

        let s: Vec<u32> = stream::iter(1..=10).filter(|x| x % 2 == 1).map(|x| x * 3).collect().await;
        println!("stream {s:?}");
        let r = future::or(async { smol::Timer::after(Duration::from_millis(200)).await; "slow" }, async { "fast" }).await;
        println!("race {r}");
        let joined = future::zip(async { 1 }, async { "two" }).await;
        println!("zip {joined:?}");
        let blocking = smol::unblock(|| (1..=100u64).sum::<u64>()).await;
        println!("unblock {blocking}");
        let task = smol::spawn(async { summarize("spawned", vec![10, 20]).await * 2 });
        println!("spawned {}", task.await);
    });
}
