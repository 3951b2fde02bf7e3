// regex 1.11.1 with itertools, bytes and hashbrown: regex's cache pool keeps a thread id in
// a `thread_local!` static inside a `const` item of regex-automata (shared with the rlib's
// code through its exported symbol), iterator adapters and closures of itertools compiled
// by rac, Bytes' vtable-based sharing.
//@ dep: regex = "=1.11.1"
//@ dep: itertools = "=0.13.0"
//@ dep: bytes = "=1.10.1"
//@ dep: hashbrown = "=0.15.2"
use itertools::Itertools;
use std::collections::BTreeMap;

fn main() {
    let re = regex::Regex::new(r"(?P<k>[a-z]+)=(?P<v>\d+)").unwrap();
    let text = "a=1 bb=22 ccc=333 a=4 zz=9";
    let mut m: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for c in re.captures_iter(text) {
        m.entry(c["k"].to_string()).or_default().push(c["v"].parse().unwrap());
    }
    println!("{m:?}");
    let joined = m.keys().map(|k| k.to_uppercase()).join("-");
    println!("{joined}");
    let groups: Vec<(bool, Vec<i32>)> = (1..20)
        .chunk_by(|x| x % 3 == 0)
        .into_iter()
        .map(|(k, g)| (k, g.collect()))
        .collect();
    println!("{groups:?}");
    let perms: Vec<String> = "abc".chars().permutations(2).map(|p| p.into_iter().collect()).collect();
    println!("{perms:?}");
    let mut b = bytes::BytesMut::with_capacity(16);
    b.extend_from_slice(b"hello ");
    b.extend_from_slice(b"world");
    let frozen = b.freeze();
    println!("{:?} {}", frozen.slice(0..5), frozen.len());
    let mut h: hashbrown::HashMap<&str, usize> = hashbrown::HashMap::new();
    for w in text.split_whitespace() {
        *h.entry(w).or_insert(0) += w.len();
    }
    let mut v: Vec<_> = h.into_iter().collect();
    v.sort();
    println!("{v:?}");
    let s: u64 = (1..=1000u64).filter(|x| x % 7 == 3).map(|x| x * x).sum();
    println!("{s} {}", (1..10).fold(String::new(), |acc, x| format!("{acc}{x}")));
}
