// rayon: parallel iterators (map/filter/sum, collect in order, sort, reduce, join) on a
// pool of the program's own.
//@ dep: rayon = "=1.10.0"
use rayon::prelude::*;

fn fib(n: u32) -> u64 { if n < 2 { n as u64 } else { let (a, b) = rayon::join(|| fib(n - 1), || fib(n - 2)); a + b } }

fn main() {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
    pool.install(|| {
        let v: Vec<u64> = (0..10_000).collect();
        let s: u64 = v.par_iter().map(|x| x * x).filter(|x| x % 3 == 0).sum();
        println!("{s}");
        let strs: Vec<String> = v.par_iter().take(8).map(|x| format!("<{x}>")).collect();
        println!("{strs:?}");
        let mut w: Vec<i64> = (0..2000).map(|i| (i * 7919) % 1009 - 500).collect();
        w.par_sort_unstable();
        println!("{:?} {:?}", &w[..5], w.par_iter().max());
        let r = (1..=20u64).into_par_iter().reduce(|| 1, |a, b| a * b % 1_000_000_007);
        println!("{r} {}", fib(20));
    });
}
