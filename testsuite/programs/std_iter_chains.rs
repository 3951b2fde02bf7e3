use std::collections::HashMap;
use std::hint::black_box;

fn main() {
    let v: Vec<i32> = black_box((1..=12).collect());
    let r: Vec<i32> = v.iter().map(|x| x * x).filter(|x| x % 3 != 0).collect();
    println!("squares not div3 {:?}", r);
    let z: Vec<(i32, char)> = v.iter().copied().zip("abcdef".chars()).collect();
    println!("zip {:?}", z);
    for (i, x) in v.iter().enumerate().skip(2).step_by(4) {
        println!("enumerate/skip/step_by {} {}", i, x);
    }
    println!("rev take {:?}", v.iter().rev().take(3).collect::<Vec<_>>());
    let s: String = v.iter().map(|d| char::from_digit((*d % 10) as u32, 10).unwrap()).collect();
    println!("string {}", s);
    let hm: HashMap<i32, bool> = v.iter().map(|&x| (x, x % 2 == 0)).collect();
    println!("hashmap len {} 7 even? {:?}", hm.len(), hm.get(&7));
    println!("fold {}", v.iter().fold(String::new(), |acc, x| if acc.is_empty() { x.to_string() } else { acc + "," + &x.to_string() }));
    let ch: Vec<i32> = v[..2].iter().chain(v[10..].iter()).chain(std::iter::once(&100)).cloned().collect();
    println!("chain {:?}", ch);
    let fm: Vec<String> = vec!["ab", "cd"].iter().flat_map(|s| s.chars().map(|c| c.to_string().repeat(2))).collect();
    println!("flat_map {:?}", fm);
    println!("any>11 {} all>0 {} pos of 5 {:?} rpos {:?}", v.iter().any(|&x| x > 11), v.iter().all(|&x| x > 0), v.iter().position(|&x| x == 5), v.iter().rposition(|&x| x < 3));
    let words = ["apple", "fig", "banana", "kiwi", "cherry"];
    println!("max_by_key {:?} min_by_key {:?}", words.iter().max_by_key(|w| w.len()), words.iter().min_by_key(|w| w.len()));
    println!("sum {} product {} count {}", v.iter().sum::<i32>(), v.iter().take(10).map(|&x| x as i64).product::<i64>(), v.iter().filter(|&&x| x > 4).count());
    println!("windows sums {:?}", v.windows(3).map(|w| w.iter().sum::<i32>()).collect::<Vec<_>>());
    println!("chunks {:?}", v.chunks(5).map(|c| c.len()).collect::<Vec<_>>());
    println!("last {:?} nth {:?} min {:?} max {:?}", v.iter().last(), v.iter().nth(4), v.iter().min(), v.iter().max());
    let mut it = v.iter().peekable();
    let mut groups = Vec::new();
    while let Some(&x) = it.next() {
        let mut g = vec![x];
        while let Some(&&y) = it.peek() {
            if y / 4 == x / 4 { g.push(y); it.next(); } else { break; }
        }
        groups.push(g);
    }
    println!("groups {:?}", groups);
    let fib: Vec<u64> = std::iter::successors(Some((0u64, 1u64)), |&(a, b)| Some((b, a + b))).map(|p| p.0).take(15).collect();
    println!("successors {:?}", fib);
    let rep: Vec<&str> = std::iter::repeat("ab").take(3).collect();
    println!("repeat {:?}", rep);
    let mut c = 0;
    let from_fn: Vec<i32> = std::iter::from_fn(|| { c += 1; if c < 5 { Some(c * c) } else { None } }).collect();
    println!("from_fn {:?}", from_fn);
    let (evens, odds): (Vec<i32>, Vec<i32>) = v.iter().partition(|&&x| x % 2 == 0);
    println!("partition {:?} {:?}", evens, odds);
    let (aa, bb): (Vec<i32>, Vec<char>) = z.iter().cloned().unzip();
    println!("unzip {:?} {:?}", aa, bb);
    println!("cycle {:?}", [1, 2, 3].iter().cycle().take(7).collect::<Vec<_>>());
    println!("inspect sum {}", (1..4).inspect(|x| print!("<{}>", x)).sum::<i32>());
    println!("cmp {:?} eq {}", (1..3).cmp(1..4), (0..3).eq([0, 1, 2].iter().copied()));
    println!("flatten {:?}", vec![vec![1], vec![], vec![2, 3]].into_iter().flatten().collect::<Vec<_>>());
    println!("dedup via fold {:?}", [1, 1, 2, 2, 2, 3, 1].iter().fold(Vec::new(), |mut acc: Vec<i32>, &x| { if acc.last() != Some(&x) { acc.push(x); } acc }));
    println!("reduce {:?} try_fold {:?}", (1..=5).reduce(|a, b| a * b), (1..=5).try_fold(0i8, |a, b| a.checked_add(b * 30)));
}
