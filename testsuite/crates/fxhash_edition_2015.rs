// fxhash 0.2.1, an edition-2015 crate whose trait declares a method with an anonymous
// parameter (`fn hash_word(&mut self, Self);`): its `#[inline]` hashing methods are
// compiled by rac from source, so rust-analyzer must parse edition 2015's anonymous
// parameters (a type where a pattern would be). FxHashMap, FxHashSet, the 32- and
// 64-bit hashers, `hash64` of strings and slices.
//@ dep: fxhash = "=0.2.1"
use std::hash::{Hash, Hasher};

fn main() {
    let mut h = fxhash::FxHasher::default();
    h.write_u8(1);
    h.write_u16(2);
    h.write_u32(3);
    h.write_u64(4);
    h.write_usize(5);
    h.write(b"bytes of odd length");
    println!("FxHasher {}", h.finish());
    let mut h32 = fxhash::FxHasher32::default();
    "text".hash(&mut h32);
    h32.write_u32(9);
    println!("FxHasher32 {}", h32.finish());
    let mut h64 = fxhash::FxHasher64::default();
    (1u8, 'c', "s", [1u16, 2, 3]).hash(&mut h64);
    println!("FxHasher64 {}", h64.finish());
    println!("hash64 {} {}", fxhash::hash64("hello"), fxhash::hash64(&[1u32, 2, 3][..]));
    println!("hash32 {} hash {}", fxhash::hash32(&42u64), fxhash::hash(&(7i32, 8i64)));

    let mut words: fxhash::FxHashMap<&str, usize> = Default::default();
    for w in "the quick brown fox jumps over the lazy dog the end".split(' ') {
        *words.entry(w).or_default() += 1;
    }
    let mut counts: Vec<_> = words.iter().collect();
    counts.sort();
    println!("{counts:?}");
    let set: fxhash::FxHashSet<u64> = (0..1000u64).map(|i| i * i % 97).collect();
    println!("distinct squares mod 97: {}", set.len());
}
