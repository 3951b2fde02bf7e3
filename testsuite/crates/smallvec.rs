// smallvec 1.16.6 from crates.io, compiled by rac from source.
//@ dep: smallvec = "=1.16.6"
use smallvec::{SmallVec, smallvec};
fn main() { let mut v: SmallVec<[u32; 4]> = smallvec![1, 2, 3]; v.push(4); println!("{:?} {}", v, v.spilled()); v.push(5); println!("{:?} {}", v, v.spilled()); v.retain(|x| *x % 2 == 1); println!("{:?}", v); let s: SmallVec<[String; 2]> = ["a","b","c"].iter().map(|s| s.to_string()).collect(); println!("{:?}", s); }
