// num-bigint arithmetic, csv through serde derives.
//@ dep: num-bigint = "=0.4.6"
//@ dep: num-traits = "=0.2.19"
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: csv = "=1.3.1"
use num_bigint::BigUint;
use num_traits::{One, Zero};
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, Serialize)]
struct Row { city: String, pop: u64, area: Option<f64> }

fn main() {
    let mut f = BigUint::one();
    for i in 1..=40u32 { f *= i; }
    println!("{f} {} {}", f.bits(), (&f % 1_000_007u32));
    let mut a = BigUint::zero(); let mut b = BigUint::one();
    for _ in 0..150 { let t = &a + &b; a = b; b = t; }
    println!("{a}");
    let data = "city,pop,area\nOslo,709000,454.0\nBergen,291000,\n";
    let mut rdr = csv::Reader::from_reader(data.as_bytes());
    let rows: Vec<Row> = rdr.deserialize().map(|r| r.unwrap()).collect();
    println!("{rows:?}");
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in &rows { w.serialize(r).unwrap(); }
    println!("{}", String::from_utf8(w.into_inner().unwrap()).unwrap());
}
