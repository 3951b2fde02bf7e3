use std::hint::black_box;

fn avg(total: i32, count: i32) -> i32 {
    total / count
}

fn main() {
    let groups: Vec<Vec<i32>> = black_box(vec![vec![1, 2, 3], vec![10, 20], vec![]]);
    for g in &groups {
        let total: i32 = g.iter().sum();
        println!("group {:?} total {}", g, total);
        println!("avg {}", avg(total, g.len() as i32));
    }
}
