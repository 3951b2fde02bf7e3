// futures with async syntax: executors (`block_on`, `LocalPool` with spawned tasks),
// `join!`/`select!`/`try_join!`, streams (`unfold`, `then`, `buffer_unordered`,
// `FuturesUnordered`), channels, `Shared` and `Abortable` futures, async I/O on cursors.
//@ dep: futures = "=0.3.31"
use futures::channel::{mpsc, oneshot};
use futures::executor::{block_on, LocalPool};
use futures::future::{self, AbortHandle, Abortable, FutureExt, TryFutureExt};
use futures::io::{AsyncReadExt, AsyncWriteExt, Cursor};
use futures::stream::{self, FuturesUnordered, StreamExt};
use futures::task::LocalSpawnExt;
use std::cell::RefCell;
use std::rc::Rc;

/// Pending once, after asking to be polled again.
async fn yield_now() {
    let mut yielded = false;
    future::poll_fn(|cx| {
        if yielded {
            std::task::Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    })
    .await
}

async fn double(x: u32) -> u32 {
    future::ready(()).await;
    x * 2
}

async fn parse(s: &str) -> Result<i64, String> {
    s.trim().parse::<i64>().map_err(|e| format!("{s:?}: {e}"))
}

async fn fib_stream(n: usize) -> Vec<u64> {
    stream::unfold((0u64, 1u64), |(a, b)| async move { Some((a, (b, a + b))) })
        .take(n)
        .collect()
        .await
}

fn main() {
    println!("double: {}", block_on(double(21)));
    println!("fib: {:?}", block_on(fib_stream(10)));

    let (a, b, c) = block_on(async { futures::join!(double(1), double(2), async { "c" }) });
    println!("join: {a} {b} {c}");
    println!("try_join: {:?}", block_on(async { futures::try_join!(parse("4"), parse(" 5 ")) }));
    println!("try_join err: {:?}", block_on(async { futures::try_join!(parse("4"), parse("x")) }));

    let picked = block_on(async {
        let a = double(5).fuse();
        let b = future::pending::<u32>().fuse();
        futures::pin_mut!(a, b);
        futures::select! {
            x = a => format!("a {x}"),
            y = b => format!("b {y}"),
        }
    });
    println!("select: {picked}");

    let squares: Vec<u32> = block_on(
        stream::iter(1..=6u32)
            .then(|x| async move { x * x })
            .filter(|x| future::ready(x % 2 == 0))
            .collect(),
    );
    println!("then/filter: {squares:?}");
    let mut buffered: Vec<u32> =
        block_on(stream::iter(0..8u32).map(double).buffer_unordered(3).collect());
    buffered.sort();
    println!("buffer_unordered: {buffered:?}");

    let mut unordered: FuturesUnordered<_> = (0..5u32).map(|i| async move { i + 100 }).collect();
    let mut got = block_on(async {
        let mut v = Vec::new();
        while let Some(x) = unordered.next().await {
            v.push(x);
        }
        v
    });
    got.sort();
    println!("futures_unordered: {got:?}");

    // A local executor with spawned tasks talking over channels.
    let mut pool = LocalPool::new();
    let spawner = pool.spawner();
    let log = Rc::new(RefCell::new(Vec::new()));
    let (tx, mut rx) = mpsc::unbounded::<String>();
    let (done_tx, done_rx) = oneshot::channel::<usize>();
    for id in 0..3 {
        let tx = tx.clone();
        spawner
            .spawn_local(async move {
                for step in 0..2 {
                    tx.unbounded_send(format!("task{id}:{step}")).unwrap();
                    yield_now().await;
                }
            })
            .unwrap();
    }
    drop(tx);
    let log2 = log.clone();
    spawner
        .spawn_local(async move {
            let mut n = 0;
            while let Some(m) = rx.next().await {
                log2.borrow_mut().push(m);
                n += 1;
            }
            done_tx.send(n).unwrap();
        })
        .unwrap();
    let n = pool.run_until(done_rx).unwrap();
    println!("local pool: {n} messages {:?}", log.borrow());

    let shared = async { double(50).await }.boxed().shared();
    let s2 = shared.clone();
    println!("shared: {} {}", block_on(shared), block_on(s2));

    let (handle, reg) = AbortHandle::new_pair();
    let aborted = Abortable::new(future::pending::<()>(), reg);
    handle.abort();
    println!("aborted: {:?}", block_on(aborted).is_err());

    let mapped = block_on(parse("41").map_ok(|v| v + 1).and_then(|v| async move { Ok::<_, String>(v * 2) }));
    println!("try ext: {mapped:?}");

    let text = block_on(async {
        let mut w = Cursor::new(Vec::new());
        w.write_all(b"hello async io").await.unwrap();
        w.flush().await.unwrap();
        let mut r = Cursor::new(w.into_inner());
        let mut s = String::new();
        r.read_to_string(&mut s).await.unwrap();
        s
    });
    println!("io: {text}");
}
