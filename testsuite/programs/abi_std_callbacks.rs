use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::hint::black_box;

#[derive(Debug, Clone)]
struct Caseless(String);

impl PartialEq for Caseless {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}
impl Eq for Caseless {}
impl Hash for Caseless {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for b in self.0.bytes() {
            state.write_u8(b.to_ascii_lowercase());
        }
    }
}

struct Temp {
    celsius: f64,
}
impl fmt::Display for Temp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            write!(f, "{:.1}F", self.celsius * 9.0 / 5.0 + 32.0)
        } else if let Some(p) = f.precision() {
            write!(f, "{:.*}C", p, self.celsius)
        } else {
            write!(f, "{}C", self.celsius)
        }
    }
}

struct Countdown(u32);
impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.0 == 0 { None } else { self.0 -= 1; Some(self.0 + 1) }
    }
}

fn main() {
    let mut words = black_box(vec!["Banana", "apple", "cherry", "Apple", "banana", "date"]);
    let mut calls = 0;
    words.sort_by(|a, b| {
        calls += 1;
        a.to_lowercase().cmp(&b.to_lowercase()).then_with(|| a.cmp(b))
    });
    println!("{:?} comparator called: {}", words, calls > 0);
    words.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    println!("{:?}", words);
    let mut map: HashMap<Caseless, u32> = HashMap::new();
    for w in ["Hello", "HELLO", "world", "hello", "World", "rust"] {
        *map.entry(Caseless(w.to_string())).or_insert(0) += 1;
    }
    let mut counts: Vec<(String, u32)> = map.iter().map(|(k, v)| (k.0.to_lowercase(), *v)).collect();
    counts.sort();
    println!("{:?}", counts);
    println!("lookup {:?} {:?}", map.get(&Caseless("RUST".into())), map.get(&Caseless("go".into())));
    let set: HashSet<Caseless> = ["a", "A", "b"].iter().map(|s| Caseless(s.to_string())).collect();
    println!("set len {}", set.len());
    let t = Temp { celsius: 21.456 };
    println!("{} | {:.2} | {:#} | [{:>10}]", t, t, t, format!("{:.0}", t));
    let temps: Vec<String> = [0.0, 100.0, -40.0].iter().map(|&c| format!("{:#}", Temp { celsius: c })).collect();
    println!("{}", temps.join(", "));
    let cd: Vec<u32> = Countdown(5).collect();
    println!("{:?}", cd);
    let s: u32 = Countdown(10).filter(|x| x % 2 == 1).map(|x| x * x).sum();
    println!("sum odd squares {}", s);
    let zipped: Vec<(u32, char)> = Countdown(3).zip("xyz".chars()).collect();
    println!("{:?}", zipped);
    let by_parity: BTreeMap<bool, Vec<u32>> = Countdown(7).fold(BTreeMap::new(), |mut m, x| {
        m.entry(x % 2 == 0).or_insert_with(Vec::new).push(x);
        m
    });
    println!("{:?}", by_parity);
    let mut keyed = vec![(3, "c"), (1, "a"), (2, "b"), (1, "z")];
    keyed.sort_by_key(|&(k, v)| (std::cmp::Reverse(k), v));
    println!("{:?}", keyed);
    let maxw = words.iter().copied().max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)));
    println!("{:?}", maxw);
}
