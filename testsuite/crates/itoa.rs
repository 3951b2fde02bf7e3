// itoa 1.0.19 from crates.io, compiled by rac from source.
//@ dep: itoa = "=1.0.19"
fn main() { let mut b = itoa::Buffer::new(); for v in [0i64, -1, 42, i64::MIN, i64::MAX] { println!("{}", b.format(v)); } println!("{}", b.format(3.5f64 as u8)); }
