// Match arms with guards over values with drop glue: while the guard runs, the bindings
// only borrow (rustc binds by reference and moves on success), so when the guard fails
// the next arm still owns the value, and nothing is dropped twice. rac bound by value
// before the guard and dropped the binding when the guard failed: std's
// `default_read_to_end` (`Err(e) if e.is_interrupted() => continue, res => break res`)
// freed the io::Error it returned.
struct Noisy(String);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn pick(r: Result<usize, Noisy>) -> Result<usize, Noisy> {
    let res = match r {
        Err(e) if e.0.is_empty() => Ok(0),
        res => res,
    };
    println!("picked");
    res
}

fn pair(p: (Noisy, Noisy, u32)) -> String {
    match p {
        (a, b, n) if n > 10 && a.0 == b.0 => format!("same {} {}", a.0, n),
        (mut a, b, n) if n > 5 => {
            a.0.push('!');
            format!("{} {} {}", a.0, b.0, n)
        }
        (a, _, 0) => format!("zero {}", a.0),
        (_, b, n) => format!("other {} {}", b.0, n),
    }
}

fn retry(mut results: Vec<Result<u32, Noisy>>) -> Result<u32, Noisy> {
    loop {
        let r = results.pop().unwrap();
        match r {
            Err(e) if e.0.starts_with("retry") => {
                println!("retrying after {}", e.0);
                continue;
            }
            Err(e) if e.0.len() > 100 => break Err(e),
            res => break res,
        }
    }
}

enum Shape {
    Circle(Noisy, f64),
    Rect(Noisy, f64, f64),
}

fn area(s: Shape) -> f64 {
    match s {
        // An or-pattern with a guard, binding only a value without drop glue.
        Shape::Circle(_, r) | Shape::Rect(_, r, _) if r < 0.0 => {
            println!("negative {r}");
            0.0
        }
        Shape::Circle(name, r) if name.0.len() > 3 => 3.0 * r * r,
        Shape::Circle(_, r) => 3.14 * r * r,
        Shape::Rect(_, w, h) => w * h,
    }
}

fn main() {
    let a = pick(Err(Noisy("x".into())));
    println!("{}", a.is_err());
    drop(a);
    let b = pick(Err(Noisy(String::new())));
    println!("{:?}", b.is_ok());

    println!("{}", pair((Noisy("a".into()), Noisy("a".into()), 11)));
    println!("{}", pair((Noisy("a".into()), Noisy("b".into()), 11)));
    println!("{}", pair((Noisy("c".into()), Noisy("d".into()), 0)));
    println!("{}", pair((Noisy("e".into()), Noisy("f".into()), 3)));

    let r = retry(vec![Err(Noisy("final".into())), Err(Noisy("retry 2".into())), Err(Noisy("retry 1".into()))]);
    println!("{}", r.as_ref().err().map_or("ok", |e| e.0.as_str()));
    drop(r);
    println!("{:?}", retry(vec![Ok(7), Err(Noisy("retry".into()))]).ok());

    for s in [
        Shape::Circle(Noisy("neg".into()), -1.0),
        Shape::Circle(Noisy("long name".into()), 2.0),
        Shape::Circle(Noisy("c".into()), 1.0),
        Shape::Rect(Noisy("r".into()), 2.0, 3.0),
        Shape::Rect(Noisy("negr".into()), -2.0, 3.0),
    ] {
        println!("area {}", area(s));
    }
    let strings = vec![String::from("keep"), String::from(""), String::from("x")];
    let kept: Vec<String> = strings
        .into_iter()
        .filter_map(|s| match s {
            s if s.is_empty() => None,
            s => Some(s.to_uppercase()),
        })
        .collect();
    println!("{:?}", kept);
}
