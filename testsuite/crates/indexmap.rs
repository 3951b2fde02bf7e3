// indexmap 2.14.2 from crates.io, compiled by rac from source.
//@ dep: indexmap = "=2.14.2"
use indexmap::IndexMap;
fn main() { let mut m = IndexMap::new(); for w in "the quick brown fox jumps over the lazy dog the end".split(' ') { *m.entry(w).or_insert(0) += 1; } println!("{:?}", m); m.sort_by(|_, a, _, b| b.cmp(a)); println!("{:?}", m.first()); println!("{:?}", m.get_index_of("fox")); m.swap_remove("the"); println!("{}", m.len()); }
