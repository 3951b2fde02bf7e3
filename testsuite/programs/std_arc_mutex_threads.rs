use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::thread;

fn main() {
    let data = Arc::new(Mutex::new(Vec::new()));
    let mut handles = Vec::new();
    for t in 0..4u64 {
        let d = Arc::clone(&data);
        handles.push(thread::spawn(move || {
            let mut local = 0u64;
            for i in 0..1000u64 {
                local += i * (t + 1);
            }
            d.lock().unwrap().push((t, local));
            local
        }));
    }
    let results: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("join results in order {:?}", results);
    let mut v = data.lock().unwrap().clone();
    v.sort();
    println!("collected sorted {:?}", v);
    println!("arc strong count {}", Arc::strong_count(&data));
    let counter = Arc::new(AtomicU64::new(0));
    let ths: Vec<_> = (0..8)
        .map(|_| {
            let c = counter.clone();
            thread::spawn(move || {
                for _ in 0..500 {
                    c.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for h in ths {
        h.join().unwrap();
    }
    println!("atomic total {}", counter.load(Ordering::SeqCst));
    let total = Arc::new(Mutex::new(0i64));
    thread::scope(|s| {
        for k in 1..=5 {
            let total = &total;
            s.spawn(move || {
                *total.lock().unwrap() += k * k;
            });
        }
    });
    println!("scoped sum of squares {}", *total.lock().unwrap());
    let (tx, rx) = mpsc::channel();
    let producers: Vec<_> = (0..3)
        .map(|id| {
            let tx = tx.clone();
            thread::spawn(move || {
                for j in 0..3 {
                    tx.send(id * 10 + j).unwrap();
                }
            })
        })
        .collect();
    drop(tx);
    for p in producers {
        p.join().unwrap();
    }
    let mut got: Vec<i32> = rx.iter().collect();
    got.sort();
    println!("channel got {:?}", got);
    let rw = RwLock::new(String::from("init"));
    {
        let r1 = rw.read().unwrap();
        let r2 = rw.read().unwrap();
        println!("readers {} {}", *r1, r2.len());
    }
    rw.write().unwrap().push_str("+written");
    println!("after write {}", rw.read().unwrap());
    let name = thread::Builder::new().name("worker-7".into()).spawn(|| thread::current().name().map(|s| s.to_string())).unwrap().join().unwrap();
    println!("thread name {:?}", name);
    let m = Mutex::new(5);
    let locked_ok = m.try_lock().is_ok();
    println!("try_lock ok {} into_inner {}", locked_ok, m.into_inner().unwrap());
}
