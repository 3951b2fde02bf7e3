// tokio's runtimes driven without async syntax (`tokio_async.rs` has it): futures built from
// futures' combinators and tokio's own futures (sleep with a paused clock, channels,
// JoinHandle, spawn_blocking), on the current-thread and the multi-thread schedulers.
//@ dep: tokio = { version = "=1.42.0", features = ["rt", "rt-multi-thread", "sync", "time", "test-util", "macros", "net", "io-util", "fs", "process"] }
//@ dep: futures = "=0.3.31"
use futures::future::{self, FutureExt};
use futures::stream::{self, StreamExt};
use std::time::Duration;

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread().enable_time().start_paused(true).build().unwrap();
    let v = rt.block_on(future::ready(20).map(|x| x + 1));
    println!("{v}");
    let slept = rt.block_on(tokio::time::sleep(Duration::from_secs(3600)).map(|()| "slept an hour"));
    println!("{slept}");
    let start = rt.block_on(future::lazy(|_| tokio::time::Instant::now()));
    let elapsed = rt.block_on(tokio::time::sleep(Duration::from_millis(1500)).map(move |()| start.elapsed()));
    println!("{:?}", elapsed);
    let timeout = rt.block_on(tokio::time::timeout(Duration::from_secs(1), future::pending::<()>()));
    println!("timeout: {}", timeout.is_err());

    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    let producer = rt.spawn(stream::iter(1..=6).for_each(move |i| {
        let tx = tx.clone();
        async_send(tx, i)
    }));
    let mut got = Vec::new();
    rt.block_on(future::poll_fn(|cx| {
        while let std::task::Poll::Ready(v) = rx.poll_recv(cx) {
            match v {
                Some(x) => got.push(x),
                None => return std::task::Poll::Ready(()),
            }
        }
        std::task::Poll::Pending
    }));
    rt.block_on(producer).unwrap();
    println!("{got:?}");

    let (otx, orx) = tokio::sync::oneshot::channel::<String>();
    rt.spawn(future::lazy(move |_| otx.send("oneshot".to_string()).unwrap()));
    println!("{:?}", rt.block_on(orx));

    let multi = tokio::runtime::Builder::new_multi_thread().worker_threads(2).build().unwrap();
    let handles: Vec<_> = (0..8u64).map(|i| multi.spawn(future::lazy(move |_| (0..=i * 1000).sum::<u64>()))).collect();
    let sums: Vec<u64> = multi.block_on(future::join_all(handles)).into_iter().map(|r| r.unwrap()).collect();
    println!("{sums:?}");
    let blocking = multi.block_on(tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_millis(10))).map(|r| r.is_ok()));
    println!("blocking ok: {blocking}");
    let sem = std::sync::Arc::new(tokio::sync::Semaphore::new(2));
    let p1 = sem.clone().try_acquire_owned().unwrap();
    let _p2 = sem.clone().try_acquire_owned().unwrap();
    println!("available {} third {:?}", sem.available_permits(), sem.clone().try_acquire_owned().is_err());
    drop(p1);
    println!("available {}", sem.available_permits());
    let (wtx, wrx) = tokio::sync::watch::channel(0);
    wtx.send(5).unwrap();
    println!("watch {} changed {}", *wrx.borrow(), wrx.has_changed().unwrap());
    let (btx, mut brx) = tokio::sync::broadcast::channel::<&str>(8);
    btx.send("a").unwrap();
    btx.send("b").unwrap();
    println!("{:?} {:?} {:?}", brx.try_recv(), brx.try_recv(), brx.try_recv().is_err());
    let panicked = multi.block_on(multi.spawn(future::lazy(|_| -> u8 { panic!("task failed") })));
    println!("join error: panic={}", panicked.unwrap_err().is_panic());
    multi.shutdown_timeout(Duration::from_secs(1));
}

fn async_send(tx: tokio::sync::mpsc::Sender<u32>, i: u32) -> impl std::future::Future<Output = ()> {
    // `Sender::send` and `reserve` are `async fn`s, which rac does not compile yet.
    future::lazy(move |_| tx.try_send(i * i).unwrap())
}
