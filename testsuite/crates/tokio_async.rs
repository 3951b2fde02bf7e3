// tokio with async syntax: `#[tokio::main]`, tasks (`spawn`, `JoinSet`,
// `spawn_blocking`), channels (mpsc, oneshot, broadcast, watch), locks and `Notify`,
// `select!`/`join!`/`try_join!`, timers on a paused clock, and `async-trait`'s boxed
// futures; the multi-thread runtime's results are sorted (their order is not fixed).
//@ dep: tokio = { version = "=1.42.0", features = ["rt", "rt-multi-thread", "sync", "time", "test-util", "macros", "net", "io-util", "fs", "process"] }
//@ dep: futures = "=0.3.31"
//@ dep: async-trait = "=0.1.83"
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{broadcast, mpsc, oneshot, watch, Mutex, Notify, RwLock, Semaphore};
use tokio::task::JoinSet;

async fn square(x: u64) -> u64 {
    tokio::task::yield_now().await;
    x * x
}

async fn fallible(x: i32) -> Result<i32, String> {
    tokio::time::sleep(Duration::from_millis(10)).await;
    if x < 0 {
        Err(format!("negative {x}"))
    } else {
        Ok(x + 1)
    }
}

#[async_trait::async_trait]
trait Repo: Send + Sync {
    async fn load(&self, id: u32) -> Option<String>;
    async fn load_all(&self, ids: &[u32]) -> Vec<Option<String>> {
        let mut out = Vec::new();
        for id in ids {
            out.push(self.load(*id).await);
        }
        out
    }
}

struct MemRepo {
    items: RwLock<Vec<String>>,
}

#[async_trait::async_trait]
impl Repo for MemRepo {
    async fn load(&self, id: u32) -> Option<String> {
        tokio::task::yield_now().await;
        self.items.read().await.get(id as usize).cloned()
    }
}

async fn pipeline() -> Vec<String> {
    let (tx, mut rx) = mpsc::channel::<(usize, String)>(2);
    let mut producers = Vec::new();
    for p in 0..3usize {
        let tx = tx.clone();
        producers.push(tokio::spawn(async move {
            for i in 0..3 {
                tx.send((p, format!("p{p}-{i}"))).await.unwrap();
                tokio::task::yield_now().await;
            }
        }));
    }
    drop(tx);
    let mut got = Vec::new();
    while let Some((_, m)) = rx.recv().await {
        got.push(m);
    }
    for p in producers {
        p.await.unwrap();
    }
    got.sort();
    got
}

async fn timers() -> Vec<String> {
    let start = tokio::time::Instant::now();
    let mut log = Vec::new();
    let slow = async {
        tokio::time::sleep(Duration::from_secs(30)).await;
        "slow"
    };
    let fast = async {
        tokio::time::sleep(Duration::from_secs(2)).await;
        "fast"
    };
    tokio::select! {
        s = slow => log.push(s.to_string()),
        f = fast => log.push(f.to_string()),
    }
    let mut interval = tokio::time::interval(Duration::from_secs(5));
    for _ in 0..3 {
        interval.tick().await;
    }
    log.push(format!("elapsed {}s", start.elapsed().as_secs()));
    let r = tokio::time::timeout(Duration::from_secs(1), futures::future::pending::<()>()).await;
    log.push(format!("timeout {}", r.is_err()));
    log
}

fn multi_thread() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).build().unwrap();
    let out = rt.block_on(async {
        let counter = Arc::new(Mutex::new(Vec::new()));
        let mut set = JoinSet::new();
        for i in 0..8u64 {
            let c = counter.clone();
            set.spawn(async move {
                let v = square(i).await;
                c.lock().await.push(v);
                v
            });
        }
        let mut total = 0;
        while let Some(r) = set.join_next().await {
            total += r.unwrap();
        }
        let blocking = tokio::task::spawn_blocking(|| (1..=10u64).product::<u64>()).await.unwrap();
        let mut v = counter.lock().await.clone();
        v.sort();
        (total, blocking, v)
    });
    println!("multi-thread: {out:?}");
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    println!("square: {}", square(12).await);
    let h = tokio::spawn(async { square(3).await + 1 });
    println!("spawned: {}", h.await.unwrap());
    println!("pipeline: {:?}", pipeline().await);
    println!("timers: {:?}", timers().await);

    let (a, b) = tokio::join!(square(2), square(5));
    println!("join: {a} {b}");
    println!("try_join ok: {:?}", tokio::try_join!(fallible(1), fallible(2)));
    println!("try_join err: {:?}", tokio::try_join!(fallible(1), fallible(-2)));

    let (otx, orx) = oneshot::channel();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(5)).await;
        otx.send(99u32).unwrap();
    });
    println!("oneshot: {}", orx.await.unwrap());

    let (btx, mut brx1) = broadcast::channel::<u32>(8);
    let mut brx2 = btx.subscribe();
    for i in 0..3 {
        btx.send(i).unwrap();
    }
    drop(btx);
    let mut seen = Vec::new();
    while let Ok(v) = brx1.recv().await {
        seen.push(v);
    }
    while let Ok(v) = brx2.recv().await {
        seen.push(v * 10);
    }
    println!("broadcast: {seen:?}");

    let (wtx, mut wrx) = watch::channel("init");
    let watcher = tokio::spawn(async move {
        let mut values = Vec::new();
        while wrx.changed().await.is_ok() {
            values.push(*wrx.borrow());
        }
        values
    });
    wtx.send("one").unwrap();
    tokio::task::yield_now().await;
    wtx.send("two").unwrap();
    drop(wtx);
    println!("watch: {:?}", watcher.await.unwrap());

    let notify = Arc::new(Notify::new());
    let n2 = notify.clone();
    let waiter = tokio::spawn(async move {
        n2.notified().await;
        "notified"
    });
    tokio::task::yield_now().await;
    notify.notify_one();
    println!("notify: {}", waiter.await.unwrap());

    let sem = Arc::new(Semaphore::new(2));
    let mut tasks = Vec::new();
    for i in 0..4u32 {
        let sem = sem.clone();
        tasks.push(tokio::spawn(async move {
            let _permit = sem.acquire().await.unwrap();
            tokio::time::sleep(Duration::from_millis(10)).await;
            i
        }));
    }
    let mut done = Vec::new();
    for t in tasks {
        done.push(t.await.unwrap());
    }
    println!("semaphore: {done:?}");

    let repo: Arc<dyn Repo> = Arc::new(MemRepo { items: RwLock::new(vec!["a".into(), "b".into()]) });
    println!("repo: {:?}", repo.load_all(&[0, 1, 7]).await);

    let r = tokio::spawn(async {
        if square(2).await == 4 {
            panic!("task failed");
        }
    })
    .await;
    println!("panicked task: {}", r.unwrap_err().is_panic());

    tokio::task::spawn_blocking(multi_thread).await.unwrap();
}
