// async-std's runtime through `#[async_std::main]`: tasks on its executor, timers, its
// channels and `Mutex`, `spawn_blocking`, TCP on 127.0.0.1, async files; a recursive
// async fn boxed by `async-recursion`; futures' streams and `join`. async-std's
// `block_on` moves the whole main future through several frames: this needs futures as
// small as rustc's layouts keep them (before coroutines shared bytes between locals
// never live together, this program overflowed the main thread's stack).
//@ dep: async-std = { version = "=1.13.0", features = ["attributes"] }
//@ dep: async-recursion = "=1.1.1"
//@ dep: futures = "=0.3.31"
use async_std::channel;
use futures::{AsyncReadExt, AsyncWriteExt, StreamExt};
use async_std::sync::{Arc, Mutex};
use async_std::task;
use std::time::Duration;

#[async_recursion::async_recursion]
async fn fib(n: u32) -> u64 {
    if n < 2 {
        n as u64
    } else {
        fib(n - 1).await + fib(n - 2).await
    }
}

async fn tcp_roundtrip() -> std::io::Result<String> {
    let listener = async_std::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server = task::spawn(async move {
        let (mut s, _) = listener.accept().await.unwrap();
        let mut buf = vec![0u8; 5];
        s.read_exact(&mut buf).await.unwrap();
        buf.reverse();
        s.write_all(&buf).await.unwrap();
    });
    let mut c = async_std::net::TcpStream::connect(addr).await?;
    c.write_all(b"hello").await?;
    let mut back = String::new();
    c.read_to_string(&mut back).await?;
    server.await;
    Ok(back)
}

#[async_std::main]
async fn main() {
    println!("fib {}", fib(15).await);
    let counter = Arc::new(Mutex::new(0u64));
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let c = counter.clone();
            task::spawn(async move {
                task::sleep(Duration::from_millis(5 * (4 - i))).await;
                *c.lock().await += i;
                i * i
            })
        })
        .collect();
    let mut squares = Vec::new();
    for h in handles {
        squares.push(h.await);
    }
    println!("squares {squares:?} counter {}", *counter.lock().await);
    let (tx, rx) = channel::bounded(2);
    task::spawn(async move {
        for w in ["a", "b", "c"] {
            tx.send(w.to_string()).await.unwrap();
        }
    });
    let words: Vec<String> = rx.collect().await;
    println!("words {words:?}");
    let s: Vec<u32> = futures::stream::iter(1..6u32).map(|x| x * 10).filter(|x| futures::future::ready(*x != 30)).collect().await;
    println!("stream {s:?}");
    let t = async_std::future::timeout(Duration::from_millis(10), async_std::future::pending::<()>()).await;
    println!("timeout {}", t.is_err());
    println!("tcp {:?}", tcp_roundtrip().await);
    let blocking = task::spawn_blocking(|| (1..=10u64).product::<u64>()).await;
    println!("blocking {blocking}");
    let dir = std::env::temp_dir().join(format!("as-{}", std::process::id()));
    async_std::fs::create_dir_all(&dir).await.unwrap();
    async_std::fs::write(dir.join("f"), "content").await.unwrap();
    println!("fs {:?}", async_std::fs::read_to_string(dir.join("f")).await);
    async_std::fs::remove_dir_all(&dir).await.unwrap();
    let joined = futures::future::join(async { 1 }, fib(10)).await;
    println!("joined {joined:?}");
}
