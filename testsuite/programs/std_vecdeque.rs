use std::collections::VecDeque;
use std::hint::black_box;

fn bfs(adj: &[Vec<usize>], start: usize) -> Vec<usize> {
    let mut dist = vec![usize::MAX; adj.len()];
    let mut q = VecDeque::new();
    dist[start] = 0;
    q.push_back(start);
    while let Some(u) = q.pop_front() {
        for &v in &adj[u] {
            if dist[v] == usize::MAX {
                dist[v] = dist[u] + 1;
                q.push_back(v);
            }
        }
    }
    dist
}

fn main() {
    let mut d: VecDeque<i32> = VecDeque::new();
    d.push_back(1);
    d.push_back(2);
    d.push_front(0);
    d.push_front(-1);
    println!("{:?} len {}", d, d.len());
    println!("front {:?} back {:?}", d.front(), d.back());
    println!("pop_front {:?} pop_back {:?}", d.pop_front(), d.pop_back());
    println!("{:?}", d);
    for i in 0..10 {
        d.push_back(i * 10);
        if i % 3 == 0 {
            d.pop_front();
        }
    }
    println!("after churn {:?}", d);
    println!("d[2]={} get(100)={:?}", d[2], d.get(100));
    d.rotate_left(3);
    println!("rotate_left {:?}", d);
    d.rotate_right(1);
    println!("rotate_right {:?}", d);
    let (a, b) = d.as_slices();
    println!("slices total {}", a.len() + b.len());
    d.make_contiguous().sort();
    println!("sorted {:?}", d);
    println!("contains 50 {} iter rev {:?}", d.contains(&50), d.iter().rev().take(3).collect::<Vec<_>>());
    d.retain(|x| *x % 20 == 0);
    println!("retain {:?}", d);
    let v: Vec<i32> = d.into_iter().collect();
    println!("vec {:?}", v);
    let mut window: VecDeque<u32> = VecDeque::with_capacity(3);
    let mut maxes = Vec::new();
    for x in black_box([5u32, 1, 9, 3, 7, 2, 8]) {
        if window.len() == 3 {
            window.pop_front();
        }
        window.push_back(x);
        maxes.push(*window.iter().max().unwrap());
    }
    println!("sliding max {:?}", maxes);
    let adj = vec![vec![1, 2], vec![3], vec![3, 4], vec![5], vec![5], vec![], vec![0]];
    println!("bfs {:?}", bfs(&adj, 0).iter().map(|&x| if x == usize::MAX { -1 } else { x as i64 }).collect::<Vec<_>>());
    let mut dq: VecDeque<String> = ["x", "y", "z"].iter().map(|s| s.to_string()).collect();
    dq.swap(0, 2);
    dq.insert(1, "mid".into());
    println!("{:?} removed {:?}", dq, dq.clone().remove(1));
    dq.extend(vec!["end".to_string()]);
    dq.truncate(4);
    println!("{:?}", dq);
}
