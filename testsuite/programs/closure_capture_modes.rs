use std::hint::black_box;

fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {
    f(x)
}

fn apply_mut(mut f: impl FnMut(i32), xs: &[i32]) {
    for &x in xs {
        f(x);
    }
}

fn apply_once<F: FnOnce() -> String>(f: F) -> String {
    f()
}

fn apply_dyn(f: &dyn Fn(&str) -> usize, s: &str) -> usize {
    f(s)
}

fn main() {
    let base = black_box(10);
    let add_base = |x| x + base;
    println!("by ref: {} {}", add_base(1), apply(add_base, 5));
    println!("base still usable {}", base);

    let mut total = 0;
    let mut log = Vec::new();
    apply_mut(|x| { total += x; log.push(x * x); }, &[1, 2, 3, 4]);
    println!("by mut ref: total={} log={:?}", total, log);

    let name = String::from("owned");
    let consume = move || { let mut n = name; n.push_str("!"); n };
    println!("by move (FnOnce): {}", apply_once(consume));

    let suffix = String::from("-sfx");
    let keep = move |s: &str| s.len() + suffix.len();
    println!("move Fn: {} {}", keep("abc"), apply_dyn(&keep, "hello"));

    let mut counter = 0u32;
    let mut inc = || { counter += 1; counter };
    inc();
    inc();
    println!("inc returns {}", inc());
    println!("counter after {}", counter);

    let mut boxed: Box<dyn FnMut() -> u64> = {
        let mut state = 1u64;
        Box::new(move || { state *= 3; state })
    };
    println!("boxed FnMut: {} {} {}", boxed(), boxed(), boxed());

    let once: Box<dyn FnOnce(i32) -> Vec<i32>> = {
        let v = vec![1, 2, 3];
        Box::new(move |k| v.into_iter().map(|x| x * k).collect())
    };
    println!("boxed FnOnce: {:?}", once(7));

    let pair = (String::from("left"), String::from("right"));
    let c = || pair.0.len();
    println!("disjoint capture {} {}", c(), pair.1);

    let fs: Vec<Box<dyn Fn(i32) -> i32>> = (1..=3).map(|k| Box::new(move |x| x * k) as Box<dyn Fn(i32) -> i32>).collect();
    println!("{:?}", fs.iter().map(|f| f(10)).collect::<Vec<_>>());
    let compose = |f: &dyn Fn(i32) -> i32, g: &dyn Fn(i32) -> i32, x| g(f(x));
    println!("compose {}", compose(&fs[1], &fs[2], 5));
}
