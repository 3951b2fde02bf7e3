// arrayvec 0.7.8 from crates.io, compiled by rac from source.
//@ dep: arrayvec = "=0.7.8"
use arrayvec::{ArrayVec, ArrayString};
fn main() { let mut v = ArrayVec::<i32, 3>::new(); v.push(1); v.push(2); println!("{:?} {:?}", v.try_push(3), v.try_push(4).is_err()); let mut s = ArrayString::<8>::new(); s.push_str("rac"); println!("{} {}", s, s.capacity()); println!("{:?}", v.iter().rev().collect::<Vec<_>>()); }
