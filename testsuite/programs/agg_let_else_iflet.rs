use std::hint::black_box;

fn parse_kv(s: &str) -> Option<(&str, i32)> {
    let Some((k, v)) = s.split_once('=') else {
        println!("  no '=' in {:?}", s);
        return None;
    };
    let Ok(n) = v.trim().parse::<i32>() else {
        println!("  bad number {:?}", v);
        return None;
    };
    Some((k.trim(), n))
}

#[derive(Debug)]
enum Token {
    Num(i64),
    Op(char),
    Ident(String),
}

fn main() {
    for s in ["a = 5", "b=-12", "novalue", "c = x1"] {
        println!("{:?} -> {:?}", s, parse_kv(s));
    }
    let toks = vec![Token::Num(3), Token::Op('+'), Token::Ident("y".into()), Token::Num(-8)];
    for t in &toks {
        if let Token::Num(n) = t {
            println!("num {}", n);
        } else if let Token::Op(c) = t {
            println!("op {}", c);
        } else {
            println!("other {:?}", t);
        }
    }
    let mut stack = vec![1, 2, 3];
    while let Some(top) = stack.pop() {
        println!("popped {}", top);
        if top == 2 {
            stack.push(10);
            stack.push(20);
        }
        if stack.len() > 5 { break; }
    }
    let mut it = "a1b2c3".chars().peekable();
    let mut out = Vec::new();
    while let Some(c) = it.next() {
        if let Some(&d) = it.peek() {
            if d.is_ascii_digit() {
                out.push(format!("{}x{}", c, d));
                it.next();
                continue;
            }
        }
        out.push(c.to_string());
    }
    println!("{:?}", out);
    println!("{} {} {}", matches!(toks[0], Token::Num(n) if n > 0), matches!(toks[1], Token::Op('-' | '*')), matches!(toks[3], Token::Num(..)));
    let count = toks.iter().filter(|t| matches!(t, Token::Num(_) | Token::Ident(_))).count();
    println!("count {}", count);
    let opt: Option<(i32, Option<&str>)> = black_box(Some((4, Some("inner"))));
    if let Some((n @ 1..=5, Some(s))) = opt {
        println!("matched {} {}", n, s);
    }
    let val = if let Some((_, None)) = opt { "no inner" } else { "has inner or none" };
    println!("{}", val);
    let mut counter = black_box(Some(3));
    while let Some(n) = counter {
        println!("counter {}", n);
        counter = if n > 0 { Some(n - 1) } else { None };
    }
}
