//! What `scripts/setup` builds and runs with `cargo rac run`: a small word counter.
use std::collections::BTreeMap;

fn word_counts(text: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if !word.is_empty() {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    counts
}

fn main() {
    let text = "Hello, rac! Hello, Cranelift. Rust debug builds, built by rac.";
    let counts = word_counts(text);
    let mut top: Vec<_> = counts.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("Hello from rac: {} words, {} distinct", counts.values().sum::<usize>(), counts.len());
    for (word, n) in top.iter().take(3) {
        println!("{word:>10} {n}");
    }
}
