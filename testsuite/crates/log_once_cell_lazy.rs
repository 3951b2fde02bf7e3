// log with a logger of the program's own (levels, targets, format args), once_cell's
// Lazy and OnceCell, lazy_static!.
//@ dep: log = "=0.4.22"
//@ dep: once_cell = "=1.20.2"
//@ dep: lazy_static = "=1.5.0"
use log::{Level, LevelFilter, Log, Metadata, Record};
use once_cell::sync::{Lazy, OnceCell};
use std::collections::HashMap;
use std::sync::Mutex;

struct Collect(Mutex<Vec<String>>);
impl Log for Collect {
    fn enabled(&self, m: &Metadata) -> bool { m.level() <= Level::Info }
    fn log(&self, r: &Record) {
        if self.enabled(r.metadata()) {
            self.0.lock().unwrap().push(format!("[{}] {}: {}", r.level(), r.target(), r.args()));
        }
    }
    fn flush(&self) {}
}
static LOGGER: Lazy<Collect> = Lazy::new(|| Collect(Mutex::new(Vec::new())));
static CONFIG: OnceCell<HashMap<&'static str, u32>> = OnceCell::new();
lazy_static::lazy_static! {
    static ref PRIMES: Vec<u32> = (2..40).filter(|n| (2..*n).all(|d| n % d != 0)).collect();
}

fn main() {
    log::set_logger(&*LOGGER).unwrap();
    log::set_max_level(LevelFilter::Debug);
    log::info!("starting {} v{}", "app", 3);
    log::debug!("hidden");
    log::warn!(target: "net", "slow: {:.1}ms", 12.345);
    CONFIG.set([("a", 1), ("b", 2)].into_iter().collect()).unwrap();
    println!("{:?}", CONFIG.get().map(|c| c["b"]));
    println!("{:?}", *PRIMES);
    for l in LOGGER.0.lock().unwrap().iter() {
        println!("{l}");
    }
}
