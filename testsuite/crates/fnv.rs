// fnv 1.0.7 from crates.io, compiled by rac from source.
//@ dep: fnv = "=1.0.7"
use fnv::FnvHashMap;
fn main() { let mut m = FnvHashMap::default(); m.insert("a", 1); m.insert("b", 2); let mut v: Vec<_> = m.iter().collect(); v.sort(); println!("{:?}", v); use std::hash::Hasher; let mut h = fnv::FnvHasher::default(); h.write(b"rac"); println!("{:x}", h.finish()); }
