use std::hint::black_box;

fn adder(n: i32) -> impl Fn(i32) -> i32 {
    move |x| x + n
}

fn multiplier(n: i32) -> Box<dyn Fn(i32) -> i32> {
    Box::new(move |x| x * n)
}

fn counter(start: u32) -> impl FnMut() -> u32 {
    let mut c = start;
    move || {
        c += 1;
        c
    }
}

fn pick(op: &str) -> Box<dyn Fn(f64, f64) -> f64> {
    match op {
        "+" => Box::new(|a, b| a + b),
        "-" => Box::new(|a, b| a - b),
        "*" => Box::new(|a, b| a * b),
        _ => Box::new(|a, b| a / b),
    }
}

fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C {
    move |x| g(f(x))
}

fn make_greeter(greeting: String) -> impl Fn(&str) -> String {
    move |name| format!("{}, {}!", greeting, name)
}

fn main() {
    let add5 = adder(black_box(5));
    let times3 = multiplier(black_box(3));
    println!("{} {}", add5(10), times3(10));
    let both = compose(add5, times3);
    println!("compose {}", both(1));
    let to_str = compose(|x: i32| x * x, |y: i32| format!("<{}>", y));
    println!("{}", to_str(12));
    let mut c1 = counter(10);
    let mut c2 = counter(100);
    println!("{} {} {} {}", c1(), c1(), c2(), c1());
    for op in ["+", "-", "*", "/"] {
        let f = pick(op);
        println!("7 {} 2 = {}", op, f(7.0, 2.0));
    }
    let g = make_greeter("Hi".to_string());
    println!("{} {}", g("Ann"), g("Bo"));
    let fns: Vec<Box<dyn Fn(i32) -> i32>> = vec![Box::new(adder(1)), multiplier(2), Box::new(|x| -x)];
    let result = fns.iter().fold(black_box(4), |acc, f| f(acc));
    println!("pipeline {}", result);
    let curry = |a: i32| move |b: i32| move |c: i32| a * 100 + b * 10 + c;
    println!("curry {}", curry(1)(2)(3));
}
