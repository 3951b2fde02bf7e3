// parking_lot's Mutex/RwLock/Condvar and crossbeam's channels and scoped threads: results
// gathered deterministically.
//@ dep: parking_lot = "=0.12.3"
//@ dep: crossbeam-channel = "=0.5.15"
//@ dep: crossbeam-utils = "=0.8.20"
use parking_lot::{Condvar, Mutex, RwLock};
use std::sync::Arc;

fn main() {
    let m = Arc::new(Mutex::new(0u64));
    let hs: Vec<_> = (0..4).map(|i| { let m = m.clone(); std::thread::spawn(move || { for _ in 0..500 { *m.lock() += i; } }) }).collect();
    for h in hs { h.join().unwrap(); }
    println!("{}", *m.lock());
    let rw = RwLock::new(vec![1, 2]);
    rw.write().push(3);
    println!("{:?} {}", *rw.read(), rw.read().len());
    let pair = Arc::new((Mutex::new(false), Condvar::new()));
    let p2 = pair.clone();
    let t = std::thread::spawn(move || { *p2.0.lock() = true; p2.1.notify_one(); });
    { let mut ready = pair.0.lock(); while !*ready { pair.1.wait(&mut ready); } }
    t.join().unwrap();
    println!("ready");
    let (tx, rx) = crossbeam_channel::bounded(4);
    crossbeam_utils::thread::scope(|s| {
        for i in 0..3 { let tx = tx.clone(); s.spawn(move |_| { for j in 0..3 { tx.send(i * 10 + j).unwrap(); } }); }
        drop(tx);
        let mut got: Vec<i32> = rx.iter().collect();
        got.sort();
        println!("{got:?}");
    }).unwrap();
    let (tx, rx) = crossbeam_channel::unbounded::<String>();
    tx.send("x".into()).unwrap();
    crossbeam_channel::select! {
        recv(rx) -> msg => println!("got {:?}", msg),
        default => println!("none"),
    }
}
