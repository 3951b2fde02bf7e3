use std::collections::HashMap;
use std::hint::black_box;

fn fib(n: u32) -> u64 {
    if n < 2 { n as u64 } else { fib(n - 1) + fib(n - 2) }
}

fn fib_memo(n: u64, memo: &mut HashMap<u64, u64>) -> u64 {
    if n < 2 {
        return n;
    }
    if let Some(&v) = memo.get(&n) {
        return v;
    }
    let r = fib_memo(n - 1, memo) + fib_memo(n - 2, memo);
    memo.insert(n, r);
    r
}

fn ackermann(m: u64, n: u64) -> u64 {
    match (m, n) {
        (0, n) => n + 1,
        (m, 0) => ackermann(m - 1, 1),
        (m, n) => ackermann(m - 1, ackermann(m, n - 1)),
    }
}

fn is_even(n: u32) -> bool { if n == 0 { true } else { is_odd(n - 1) } }
fn is_odd(n: u32) -> bool { if n == 0 { false } else { is_even(n - 1) } }

fn hanoi(n: u32, from: char, to: char, via: char, moves: &mut Vec<(char, char)>) {
    if n == 0 { return; }
    hanoi(n - 1, from, via, to, moves);
    moves.push((from, to));
    hanoi(n - 1, via, to, from, moves);
}

fn permutations(items: &mut Vec<char>, k: usize, out: &mut Vec<String>) {
    if k == items.len() {
        out.push(items.iter().collect());
        return;
    }
    for i in k..items.len() {
        items.swap(k, i);
        permutations(items, k + 1, out);
        items.swap(k, i);
    }
}

fn main() {
    println!("fib {:?}", (0..15).map(fib).collect::<Vec<_>>());
    println!("fib(25) = {}", fib(black_box(25)));
    let mut memo = HashMap::new();
    println!("fib_memo(90) = {}", fib_memo(black_box(90), &mut memo));
    for m in 0..=3 {
        println!("ackermann({}, 0..4) = {:?}", m, (0..4).map(|n| ackermann(m, n)).collect::<Vec<_>>());
    }
    println!("even 10 {} odd 7 {} even 7 {}", is_even(10), is_odd(7), is_even(black_box(7)));
    let mut moves = Vec::new();
    hanoi(black_box(4), 'A', 'C', 'B', &mut moves);
    println!("hanoi moves {} first {:?} last {:?}", moves.len(), &moves[..3], moves.last());
    let mut out = Vec::new();
    permutations(&mut vec!['a', 'b', 'c'], 0, &mut out);
    println!("perms {:?}", out);
    fn fact(n: u128) -> u128 { if n == 0 { 1 } else { n * fact(n - 1) } }
    println!("fact(25) = {}", fact(25));
    fn depth(n: u32) -> u32 { if n == 0 { 0 } else { 1 + depth(n - 1) } }
    println!("depth {}", depth(black_box(10000)));
}
