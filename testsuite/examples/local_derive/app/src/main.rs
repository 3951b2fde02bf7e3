use describe::Describe;

#[derive(Describe)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Describe)]
struct Named {
    name: String,
    tags: Vec<&'static str>,
    weight: Option<f64>,
}

fn main() {
    println!("{}", Point { x: 3, y: -4 }.describe());
    let n = Named { name: "rac".into(), tags: vec!["fast", "debug"], weight: Some(1.5) };
    println!("{}", n.describe());
}
