use std::hint::black_box;

fn double(x: i32) -> i32 { x * 2 }
fn square(x: i32) -> i32 { x * x }
fn negate(x: i32) -> i32 { -x }
fn add(a: i32, b: i32) -> i32 { a + b }

fn apply_all(fs: &[fn(i32) -> i32], x: i32) -> Vec<i32> {
    fs.iter().map(|f| f(x)).collect()
}

fn apply_twice(f: fn(i32) -> i32, x: i32) -> i32 {
    f(f(x))
}

fn call_generic<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {
    f(x)
}

struct Calculator {
    ops: Vec<(&'static str, fn(i32, i32) -> i32)>,
}

fn main() {
    let table: [fn(i32) -> i32; 3] = [double, square, negate];
    println!("{:?}", apply_all(&table, black_box(7)));
    println!("twice {} {}", apply_twice(square, 3), apply_twice(negate, 5));
    let closure_as_fp: fn(i32) -> i32 = |x| x + 100;
    println!("closure as fn ptr {}", apply_twice(closure_as_fp, 1));
    println!("generic with fn item {} {}", call_generic(double, 21), call_generic(i32::abs, -8));
    let v = black_box(vec![-3, 4, -5, 6]);
    println!("{:?}", v.iter().map(|&x| i32::abs(x)).collect::<Vec<_>>());
    println!("{:?}", v.iter().copied().map(i32::abs).collect::<Vec<_>>());
    println!("{:?}", v.iter().copied().map(i32::signum).collect::<Vec<_>>());
    println!("{:?}", ["a", "bb", "ccc"].iter().map(|s| str::len(s)).collect::<Vec<_>>());
    println!("{:?}", vec!["x", "y"].into_iter().map(String::from).collect::<Vec<String>>());
    println!("{:?}", [1.5f64, -2.25].iter().copied().map(f64::abs).collect::<Vec<_>>());
    println!("{:?}", ["hi", "yo"].iter().map(ToString::to_string).collect::<Vec<_>>());
    println!("{:?}", [Some(1), None, Some(3)].iter().map(Option::is_some).collect::<Vec<_>>());
    println!("{}", v.iter().copied().fold(0, add));
    let calc = Calculator {
        ops: vec![("add", add), ("sub", |a, b| a - b), ("max", std::cmp::max), ("pow", |a, b| a.pow(b as u32))],
    };
    for (name, op) in &calc.ops {
        println!("{} 5 3 = {}", name, op(5, 3));
    }
    let fp: fn(i32) -> i32 = if black_box(true) { double } else { square };
    println!("chosen {}", fp(9));
    let method: fn(&String) -> usize = String::len;
    println!("method ptr {}", method(&"hello".to_string()));
    let ctor: fn(i32) -> Option<i32> = Some;
    println!("{:?}", (0..3).map(ctor).collect::<Vec<_>>());
}
