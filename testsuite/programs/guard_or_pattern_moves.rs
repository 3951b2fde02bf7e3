// Match guards on or-patterns that bind values with drop glue by value: when the guard
// fails, the value goes back to the place of the alternative that matched, so the next
// arm owns it and nothing is dropped twice.
enum Named {
    A(String),
    B(u8, String),
    C(Vec<String>, String),
}

fn describe(n: Named) -> String {
    match n {
        Named::A(s) | Named::B(_, s) if s.len() > 3 => format!("long {s}"),
        Named::A(s) => format!("a {s}"),
        Named::B(k, s) => format!("b {k} {s}"),
        Named::C(_, s) | Named::C(_, s @ _) if v_len(&s) > 100 => format!("never {s}"),
        Named::C(v, s) => format!("c {} {s}", v.join("+")),
    }
}

fn v_len(s: &str) -> usize {
    s.len()
}

fn pairs(p: (Option<String>, Option<String>), limit: usize) -> String {
    match p {
        (Some(x), _) | (None, Some(x)) if x.len() < limit => format!("short {x}"),
        (Some(x), Some(y)) => format!("both {x} {y}"),
        (Some(x), None) | (None, Some(x)) => format!("one {x}"),
        (None, None) => "none".to_string(),
    }
}

fn boxed(v: Vec<Box<i32>>) -> i32 {
    match v.len() {
        n @ (1 | 2) if n > 5 => -1,
        _ => match (v.first().cloned(), v.last().cloned()) {
            (Some(b), None) | (None, Some(b)) if *b > 100 => *b,
            (Some(a), Some(b)) | (Some(b), Some(a)) if *a == 0 => *b,
            (Some(a), Some(b)) => *a * 10 + *b,
            _ => 0,
        },
    }
}

fn main() {
    println!("{}", describe(Named::A("hello".into())));
    println!("{}", describe(Named::A("hi".into())));
    println!("{}", describe(Named::B(1, "x".into())));
    println!("{}", describe(Named::B(2, "longer".into())));
    println!("{}", describe(Named::C(vec!["p".into(), "q".into()], "r".into())));
    for limit in [0, 3, 10] {
        println!("{}", pairs((Some("ab".into()), Some("cdefg".into())), limit));
        println!("{}", pairs((None, Some("cdefg".into())), limit));
        println!("{}", pairs((Some("xyz".into()), None), limit));
        println!("{}", pairs((None, None), limit));
    }
    println!("{}", boxed(vec![Box::new(3), Box::new(4)]));
    println!("{}", boxed(vec![Box::new(0), Box::new(7)]));
    println!("{}", boxed(vec![Box::new(500)]));
    println!("{}", boxed(vec![]));
}
