use std::hint::black_box;

fn main() {
    let mut v: Vec<i32> = Vec::with_capacity(4);
    v.push(5);
    v.push(3);
    v.extend([8, 1, 3, 3, 9]);
    v.extend_from_slice(&[2, 2]);
    println!("{:?} len {}", v, v.len());
    println!("pop {:?} {:?}", v.pop(), v.last());
    v.insert(2, 42);
    println!("insert {:?}", v);
    println!("remove {} -> {:?}", v.remove(0), v);
    println!("swap_remove {} -> {:?}", v.swap_remove(1), v);
    v.dedup();
    println!("dedup {:?}", v);
    v.sort();
    println!("sort {:?}", v);
    println!("binary_search 8 {:?} 4 {:?}", v.binary_search(&8), v.binary_search(&4));
    v.reverse();
    println!("reverse {:?}", v);
    v.sort_unstable();
    v.dedup();
    println!("sorted unique {:?}", v);
    for x in v.iter_mut() {
        *x = *x * 10 + 1;
    }
    println!("iter_mut {:?}", v);
    let drained: Vec<i32> = v.drain(1..3).collect();
    println!("drained {:?} left {:?}", drained, v);
    v.truncate(2);
    println!("truncate {:?} contains 11 {} contains 99 {}", v, v.contains(&11), v.contains(&99));
    let mut w = black_box(vec![1, 2, 3, 4, 5, 6, 7, 8]);
    w.retain(|x| x % 3 != 0);
    println!("retain {:?}", w);
    let tail = w.split_off(3);
    println!("split_off {:?} {:?}", w, tail);
    w.append(&mut tail.clone());
    println!("append {:?}", w);
    w.resize(8, -1);
    println!("resize {:?}", w);
    w.dedup_by_key(|x| *x / 4);
    println!("dedup_by_key {:?}", w);
    let mut names = vec!["delta".to_string(), "alpha".into(), "charlie".into(), "bravo".into()];
    names.sort();
    println!("{:?} {:?}", names, names.binary_search_by(|n| n.as_str().cmp("charlie")));
    println!("{:?}", names.iter().position(|n| n.starts_with('d')));
    println!("join {}", names.join("-"));
    let v2 = vec![0u8; 5];
    let v3: Vec<Vec<i32>> = vec![vec![]; 3];
    println!("{:?} {:?} {}", v2, v3, v3.is_empty());
    let mut stack: Vec<char> = Vec::new();
    let balanced = "({[]})[]".chars().all(|c| match c {
        '(' | '{' | '[' => { stack.push(c); true }
        ')' => stack.pop() == Some('('),
        '}' => stack.pop() == Some('{'),
        ']' => stack.pop() == Some('['),
        _ => true,
    }) && stack.is_empty();
    println!("balanced {}", balanced);
    let mut m = vec![3, 1, 2];
    m.clear();
    println!("cleared {:?} {}", m, m.first().is_none());
    let mut big: Vec<u64> = (0..1000).map(|i| i * i).collect();
    big.retain(|x| x % 7 == 1);
    println!("big {} {:?} sum {}", big.len(), &big[..5], big.iter().sum::<u64>());
    println!("{:?}", vec![[1, 2], [3, 4]].concat());
    println!("{:?}", vec![3; 2].iter().chain(&[4]).collect::<Vec<_>>());
}
