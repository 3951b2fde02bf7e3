use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::hint::black_box;

fn sorted<T: Ord + Clone>(it: impl Iterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = it.collect();
    v.sort();
    v
}

fn main() {
    let a: HashSet<i32> = black_box(vec![1, 2, 3, 4, 5, 3, 1]).into_iter().collect();
    let b: HashSet<i32> = [4, 5, 6, 7].into_iter().collect();
    println!("a len {}", a.len());
    println!("union {:?}", sorted(a.union(&b).copied()));
    println!("intersection {:?}", sorted(a.intersection(&b).copied()));
    println!("difference {:?}", sorted(a.difference(&b).copied()));
    println!("symmetric {:?}", sorted(a.symmetric_difference(&b).copied()));
    let mut seen = HashSet::new();
    let dups: Vec<char> = "programming".chars().filter(|c| !seen.insert(*c)).collect();
    println!("dups {:?}", dups);
    println!("subset {} disjoint {}", [4, 5].iter().copied().collect::<HashSet<_>>().is_subset(&a), a.is_disjoint(&b));

    let mut bm: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, w) in "zeta alpha mu alpha beta zeta alpha".split(' ').enumerate() {
        bm.entry(w.to_string()).or_default().push(i as u32);
    }
    for (k, v) in &bm {
        println!("{} -> {:?}", k, v);
    }
    println!("first {:?} last {:?}", bm.first_key_value(), bm.keys().next_back());
    println!("range b..n {:?}", bm.range("b".to_string().."n".to_string()).map(|(k, _)| k.as_str()).collect::<Vec<_>>());
    let mut scores: BTreeMap<u32, &str> = BTreeMap::new();
    for (s, n) in [(88, "ann"), (72, "bob"), (95, "cy"), (60, "di"), (81, "ed")] {
        scores.insert(s, n);
    }
    println!("below 80 {:?}", scores.range(..80).collect::<Vec<_>>());
    println!("80 and up rev {:?}", scores.range(80..).rev().map(|(_, n)| *n).collect::<Vec<_>>());
    println!("pop_first {:?} pop_last {:?}", scores.pop_first(), scores.pop_last());
    println!("{:?}", scores);
    let mut bs: BTreeSet<char> = "hello world".chars().filter(|c| c.is_alphabetic()).collect();
    println!("{:?}", bs);
    bs.insert('a');
    bs.remove(&'o');
    println!("{:?} first {:?} last {:?}", bs, bs.first(), bs.last());
    println!("range {:?}", bs.range('e'..='l').collect::<String>());
    let evens: BTreeSet<u32> = (0..20).step_by(2).collect();
    let threes: BTreeSet<u32> = (0..20).step_by(3).collect();
    println!("both {:?}", evens.intersection(&threes).collect::<Vec<_>>());
    println!("either count {}", evens.union(&threes).count());
    let nested: BTreeMap<(u8, u8), BTreeSet<&str>> = [((1, 2), "x"), ((0, 9), "y"), ((1, 2), "a")]
        .into_iter()
        .fold(BTreeMap::new(), |mut m, (k, v)| { m.entry(k).or_insert_with(BTreeSet::new).insert(v); m });
    println!("{:?}", nested);
}
