use std::collections::HashMap;
use std::hint::black_box;

fn main() {
    let text = black_box("the cat sat on the mat the cat ran far and the dog sat");
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in text.split_whitespace() {
        *counts.entry(w).or_insert(0) += 1;
    }
    let mut sorted: Vec<(&str, usize)> = counts.iter().map(|(k, v)| (*k, *v)).collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("{:?}", sorted);
    println!("len {} the={:?} zebra={:?}", counts.len(), counts.get("the"), counts.get("zebra"));
    let mut letters: HashMap<char, Vec<usize>> = HashMap::new();
    for (i, c) in "mississippi".chars().enumerate() {
        letters.entry(c).or_default().push(i);
    }
    let mut keys: Vec<_> = letters.keys().copied().collect();
    keys.sort_unstable();
    for k in keys {
        println!("{} at {:?}", k, letters[&k]);
    }
    let mut inv: HashMap<String, i32> = HashMap::new();
    inv.insert("apple".to_string(), 3);
    inv.insert("pear".to_string(), 0);
    println!("insert existing returns {:?}", inv.insert("apple".to_string(), 5));
    inv.entry("banana".to_string()).and_modify(|v| *v += 1).or_insert(10);
    inv.entry("apple".to_string()).and_modify(|v| *v += 1).or_insert(10);
    println!("remove pear {:?} remove kiwi {:?}", inv.remove("pear"), inv.remove("kiwi"));
    println!("contains apple {} banana {}", inv.contains_key("apple"), inv.contains_key("banana"));
    if let Some(v) = inv.get_mut("banana") {
        *v *= 2;
    }
    let mut items: Vec<_> = inv.into_iter().collect();
    items.sort();
    println!("{:?}", items);
    let squares: HashMap<u32, u32> = (1..=10).map(|i| (i, i * i)).collect();
    let mut big: Vec<_> = squares.iter().filter(|(_, &v)| v > 40).map(|(&k, _)| k).collect();
    big.sort();
    println!("big keys {:?} sum values {}", big, squares.values().sum::<u32>());
    let mut m2: HashMap<(i32, i32), &str> = HashMap::with_capacity(4);
    m2.insert((0, 0), "origin");
    m2.insert((1, -1), "se");
    println!("{:?} {:?}", m2.get(&(1, -1)), m2.get(&(2, 2)));
    let e = m2.entry((5, 5)).or_insert_with(|| "lazy");
    *e = "changed";
    let mut all: Vec<_> = m2.iter().collect();
    all.sort();
    println!("{:?}", all);
    m2.retain(|k, _| k.0 != 0);
    println!("after retain len {}", m2.len());
    let merged: HashMap<&str, i32> = [("a", 1), ("b", 2), ("a", 10)].into_iter().collect();
    let mut mv: Vec<_> = merged.into_iter().collect();
    mv.sort();
    println!("later wins {:?}", mv);
}
