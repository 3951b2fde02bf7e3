// Graph and collection code of the kind people write: Dijkstra over a BinaryHeap with
// Reverse, a generic binary search tree, slice windows/chunks, drain/retain/split_off,
// the entry API, and str splitting.
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet, VecDeque};

#[derive(Debug)]
struct Tree<T: Ord> {
    root: Option<Box<Node<T>>>,
    len: usize,
}

#[derive(Debug)]
struct Node<T: Ord> {
    val: T,
    left: Option<Box<Node<T>>>,
    right: Option<Box<Node<T>>>,
}

impl<T: Ord + Clone> Tree<T> {
    fn new() -> Self {
        Tree { root: None, len: 0 }
    }
    fn insert(&mut self, val: T) -> bool {
        let mut cur = &mut self.root;
        while let Some(node) = cur {
            cur = match val.cmp(&node.val) {
                Ordering::Less => &mut node.left,
                Ordering::Greater => &mut node.right,
                Ordering::Equal => return false,
            };
        }
        *cur = Some(Box::new(Node { val, left: None, right: None }));
        self.len += 1;
        true
    }
    fn in_order(&self) -> Vec<T> {
        fn walk<T: Ord + Clone>(n: &Option<Box<Node<T>>>, out: &mut Vec<T>) {
            if let Some(n) = n {
                walk(&n.left, out);
                out.push(n.val.clone());
                walk(&n.right, out);
            }
        }
        let mut out = Vec::with_capacity(self.len);
        walk(&self.root, &mut out);
        out
    }
    fn depth(&self) -> usize {
        fn d<T: Ord>(n: &Option<Box<Node<T>>>) -> usize {
            n.as_ref().map_or(0, |n| 1 + d(&n.left).max(d(&n.right)))
        }
        d(&self.root)
    }
}

fn dijkstra(adj: &HashMap<u32, Vec<(u32, u64)>>, start: u32) -> BTreeMap<u32, u64> {
    let mut dist = BTreeMap::new();
    let mut heap = BinaryHeap::new();
    heap.push(Reverse((0u64, start)));
    while let Some(Reverse((d, n))) = heap.pop() {
        if dist.contains_key(&n) {
            continue;
        }
        dist.insert(n, d);
        for &(m, w) in adj.get(&n).map(|v| v.as_slice()).unwrap_or(&[]) {
            if !dist.contains_key(&m) {
                heap.push(Reverse((d + w, m)));
            }
        }
    }
    dist
}

fn bfs_order(adj: &HashMap<u32, Vec<(u32, u64)>>, start: u32) -> Vec<u32> {
    let mut seen = HashSet::new();
    let mut q = VecDeque::from([start]);
    let mut order = vec![];
    while let Some(n) = q.pop_front() {
        if !seen.insert(n) {
            continue;
        }
        order.push(n);
        let mut next: Vec<u32> = adj.get(&n).into_iter().flatten().map(|&(m, _)| m).collect();
        next.sort_unstable();
        q.extend(next);
    }
    order
}

fn main() {
    let edges = [(1, 2, 7), (1, 3, 9), (1, 6, 14), (2, 3, 10), (2, 4, 15), (3, 4, 11), (3, 6, 2), (4, 5, 6), (5, 6, 9)];
    let mut adj: HashMap<u32, Vec<(u32, u64)>> = HashMap::new();
    for &(a, b, w) in &edges {
        adj.entry(a).or_default().push((b, w));
        adj.entry(b).or_insert_with(Vec::new).push((a, w));
    }
    println!("dijkstra {:?}", dijkstra(&adj, 1));
    println!("bfs {:?}", bfs_order(&adj, 1));

    let mut t = Tree::new();
    let inserted: Vec<bool> = [50, 30, 70, 20, 40, 60, 80, 30, 65].iter().map(|&v| t.insert(v)).collect();
    println!("tree {:?} depth={} len={} inserted={:?}", t.in_order(), t.depth(), t.len, inserted);
    let mut words = Tree::new();
    for w in "the quick brown fox jumps over the lazy dog".split_whitespace() {
        words.insert(w.to_string());
    }
    println!("words {:?}", words.in_order());

    let data: Vec<i32> = (1..=12).map(|i| (i * 37) % 23 - 11).collect();
    println!("data {:?}", data);
    println!("windows max sums {:?}", data.windows(3).map(|w| w.iter().sum::<i32>()).max());
    println!("chunks {:?}", data.chunks(5).map(|c| c.to_vec()).collect::<Vec<_>>());
    println!("rchunks {:?}", data.rchunks(5).map(|c| c.len()).collect::<Vec<_>>());
    let mut sorted = data.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    println!("sorted desc {:?} search 5 -> {:?}", sorted, sorted.binary_search_by(|p| 5.cmp(p)));
    let mut v = data.clone();
    v.retain(|&x| x % 2 == 0);
    let drained: Vec<i32> = v.drain(1..3).collect();
    let tail = v.split_off(v.len() / 2);
    println!("retain/drain/split_off {:?} {:?} {:?}", v, drained, tail);
    let (evens, odds): (Vec<i32>, Vec<i32>) = data.iter().partition(|&&x| x % 2 == 0);
    println!("partition {:?} {:?}", evens, odds);
    println!("position {:?} rposition {:?} any {} all {}", data.iter().position(|&x| x < 0), data.iter().rposition(|&x| x < 0), data.contains(&-11), data.iter().all(|x| x.abs() <= 11));
    let fib: Vec<u64> = std::iter::successors(Some((0u64, 1u64)), |&(a, b)| Some((b, a + b))).map(|p| p.0).take_while(|&x| x < 200).collect();
    println!("fib {:?}", fib);
    let mut n = 27u64;
    let collatz: Vec<u64> = std::iter::from_fn(|| {
        if n == 1 {
            return None;
        }
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        Some(n)
    })
    .collect();
    println!("collatz len={} max={:?} last={:?}", collatz.len(), collatz.iter().max(), collatz.last());

    let text = "  Alpha,beta;;Gamma , delta\nEPSILON:zeta  ";
    let parts: Vec<String> = text
        .trim()
        .split(|c: char| c == ',' || c == ';' || c == ':' || c == '\n')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.to_lowercase())
        .collect();
    println!("parts {:?}", parts);
    let mut freq: BTreeMap<char, usize> = BTreeMap::new();
    for c in text.chars().filter(char::is_ascii_alphabetic) {
        *freq.entry(c.to_ascii_lowercase()).or_insert(0) += 1;
    }
    let mut top: Vec<(char, usize)> = freq.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("top {:?}", &top[..4]);
    println!("rsplitn {:?} char_indices {:?}", "a/b/c/d".rsplitn(2, '/').collect::<Vec<_>>(), "héllo".char_indices().map(|(i, c)| format!("{i}{c}")).collect::<String>());
    println!("{}|{}|{}", "ab".repeat(3), "xxhixx".trim_matches('x'), "Hello".replace('l', "L"));
}
