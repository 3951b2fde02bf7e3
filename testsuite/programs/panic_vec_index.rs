use std::hint::black_box;

fn main() {
    let v: Vec<String> = vec!["alpha".to_string(), "beta".to_string(), "gamma".to_string()];
    let idx = black_box([0usize, 2, 1, 7]);
    for i in idx {
        println!("v[{}] = {}", i, v[i]);
    }
}
