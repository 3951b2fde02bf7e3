fn main() {
    let mut v: Vec<i32> = Vec::new();
    for i in 0..10 {
        v.push(i * i);
    }
    for x in &v {
        print!("{} ", x);
    }
    println!();
    let total: i32 = v.iter().sum();
    println!("len {} sum {}", v.len(), total);
}
