// Threads the way programs use them: scoped threads over chunks, mpsc channels, RwLock,
// Condvar, Barrier, OnceLock, and results joined in a deterministic order.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Barrier, Condvar, Mutex, OnceLock, RwLock};
use std::thread;

static CONFIG: OnceLock<Vec<u32>> = OnceLock::new();

fn main() {
    let data: Vec<u64> = (1..=10_000).collect();
    let total = AtomicU64::new(0);
    let partials: Vec<u64> = thread::scope(|s| {
        let handles: Vec<_> = data
            .chunks(2500)
            .map(|chunk| {
                let total = &total;
                s.spawn(move || {
                    let sum: u64 = chunk.iter().map(|x| x * x).sum();
                    total.fetch_add(sum, Ordering::Relaxed);
                    sum
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    println!("partials {:?} total {}", partials, total.load(Ordering::SeqCst));

    let (tx, rx) = mpsc::channel::<(usize, String)>();
    let mut workers = Vec::new();
    for id in 0..3 {
        let tx = tx.clone();
        workers.push(thread::spawn(move || {
            for j in 0..3 {
                tx.send((id * 10 + j, format!("worker {id} item {j}"))).unwrap();
            }
        }));
    }
    drop(tx);
    for w in workers {
        w.join().unwrap();
    }
    let mut got: Vec<(usize, String)> = rx.iter().collect();
    got.sort();
    println!("received {} first={:?} last={:?}", got.len(), got.first(), got.last());

    let (stx, srx) = mpsc::sync_channel::<i32>(1);
    let producer = thread::spawn(move || {
        for i in 0..5 {
            stx.send(i * i).unwrap();
        }
    });
    let squares: Vec<i32> = srx.iter().collect();
    producer.join().unwrap();
    println!("sync_channel {:?}", squares);

    let table = Arc::new(RwLock::new(vec![1, 2, 3]));
    {
        let r1 = table.read().unwrap();
        let r2 = table.read().unwrap();
        println!("two readers {} {}", r1.len(), r2[2]);
    }
    let writers: Vec<_> = (0..4)
        .map(|i| {
            let t = Arc::clone(&table);
            thread::spawn(move || t.write().unwrap().push(10 + i))
        })
        .collect();
    writers.into_iter().for_each(|h| h.join().unwrap());
    let mut v = table.read().unwrap().clone();
    v.sort();
    println!("after writers {:?}", v);

    let pair = Arc::new((Mutex::new(false), Condvar::new()));
    let pair2 = Arc::clone(&pair);
    let waiter = thread::spawn(move || {
        let (lock, cv) = &*pair2;
        let mut ready = lock.lock().unwrap();
        while !*ready {
            ready = cv.wait(ready).unwrap();
        }
        "woken"
    });
    {
        let (lock, cv) = &*pair;
        *lock.lock().unwrap() = true;
        cv.notify_all();
    }
    println!("condvar {}", waiter.join().unwrap());

    let barrier = Arc::new(Barrier::new(3));
    let leaders: usize = (0..3)
        .map(|_| {
            let b = Arc::clone(&barrier);
            thread::spawn(move || b.wait().is_leader())
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().unwrap() as usize)
        .sum();
    println!("barrier leaders {}", leaders);

    let cfg = CONFIG.get_or_init(|| vec![4, 5, 6]);
    let again = CONFIG.get_or_init(|| vec![0]);
    println!("oncelock {:?} same={}", cfg, std::ptr::eq(cfg, again));
    // The default hook prints the thread id, which differs from run to run.
    std::panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<&str>().copied().unwrap_or("?");
        eprintln!("hook: {msg} at line {}", info.location().map_or(0, |l| l.line()));
    }));
    let r = thread::spawn(|| -> u32 { panic!("worker failed") }).join();
    println!("panicked thread joined: is_err={}", r.is_err());
}
