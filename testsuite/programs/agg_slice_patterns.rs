use std::hint::black_box;

fn describe(v: &[i32]) -> String {
    match v {
        [] => "empty".to_string(),
        [x] => format!("one: {}", x),
        [a, b] => format!("two: {} {}", a, b),
        [first, .., last] if first == last => format!("bookends {}", first),
        [first, middle @ .., last] => format!("first={} middle={:?} last={}", first, middle, last),
    }
}

fn sum(v: &[i32]) -> i32 {
    match v {
        [] => 0,
        [head, rest @ ..] => head + sum(rest),
    }
}

fn starts(v: &[u8]) -> &'static str {
    match v {
        [b'#', b'!', ..] => "shebang",
        [b'/', b'/', ..] => "comment",
        [.., b';'] => "statement",
        [_, _, _] => "three bytes",
        _ => "unknown",
    }
}

fn main() {
    let cases: Vec<Vec<i32>> = black_box(vec![vec![], vec![7], vec![1, 2], vec![5, 0, 5], vec![1, 2, 3, 4, 5]]);
    for c in &cases {
        println!("{:?}: {} sum={}", c, describe(c), sum(c));
    }
    for s in ["#!/bin/sh", "// hi", "x = 1;", "abc", "hello"] {
        println!("{:?} -> {}", s, starts(s.as_bytes()));
    }
    let arr = black_box([10, 20, 30, 40, 50]);
    let [a, b, rest @ ..] = arr;
    println!("a={} b={} rest={:?}", a, b, rest);
    let [.., y, z] = arr;
    println!("y={} z={}", y, z);
    if let [x, .., 50] = arr {
        println!("ends with 50, starts with {}", x);
    }
    let mut m = black_box([1, 2, 3, 4]);
    if let [first, .., last] = &mut m {
        std::mem::swap(first, last);
    }
    println!("{:?}", m);
    let words = vec!["let", "x", "=", "5"];
    match words.as_slice() {
        ["let", name, "=", value] => println!("binding {} to {}", name, value),
        _ => println!("no"),
    }
    let strs: Vec<String> = vec!["a".into(), "b".into(), "c".into()];
    match &strs[..] {
        [s1, rest @ ..] => println!("{} then {}", s1, rest.join("+")),
        [] => {}
    }
    let nested = [[1, 2], [3, 4], [5, 6]];
    let [[_, p], .., [q, _]] = nested;
    println!("p={} q={}", p, q);
}
