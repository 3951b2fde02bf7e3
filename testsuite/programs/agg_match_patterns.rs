use std::hint::black_box;

#[derive(Debug)]
enum Msg {
    Move { x: i32, y: i32 },
    Write(String),
    Color(u8, u8, u8),
    Quit,
}

fn classify(n: i32) -> &'static str {
    match n {
        i32::MIN..=-1 => "negative",
        0 => "zero",
        1..=9 => "digit",
        10 | 20 | 30 => "round",
        x if x % 2 == 0 => "even",
        _ => "odd",
    }
}

fn handle(m: &Msg) -> String {
    match m {
        Msg::Move { x: 0, y } => format!("vertical {}", y),
        Msg::Move { x, y: 0 } => format!("horizontal {}", x),
        Msg::Move { x, y } if x == y => format!("diagonal {}", x),
        Msg::Move { x, y } => format!("move {},{}", x, y),
        Msg::Write(s) if s.is_empty() => "empty write".to_string(),
        Msg::Write(s) => format!("write {:?} ({} bytes)", s, s.len()),
        Msg::Color(r, _, b @ 200..=255) => format!("bluish r={} b={}", r, b),
        &Msg::Color(r, g, b) => format!("rgb #{:02x}{:02x}{:02x}", r, g, b),
        Msg::Quit => "quit".to_string(),
    }
}

fn main() {
    for n in black_box([-5, 0, 7, 20, 44, 45, 10]) {
        println!("{} -> {}", n, classify(n));
    }
    let msgs = vec![
        Msg::Move { x: 0, y: 5 },
        Msg::Move { x: 3, y: 0 },
        Msg::Move { x: 4, y: 4 },
        Msg::Move { x: 1, y: 2 },
        Msg::Write(String::new()),
        Msg::Write("hi".into()),
        Msg::Color(1, 2, 250),
        Msg::Color(255, 128, 0),
        Msg::Quit,
    ];
    for m in &msgs {
        println!("{:?} => {}", m, handle(m));
    }
    let pair = black_box((3, -3));
    match pair {
        (x, y) if x + y == 0 => println!("opposites {} {}", x, y),
        (x, _) if x % 2 == 0 => println!("even first"),
        _ => println!("other"),
    }
    let c = black_box('m');
    let kind = match c {
        'a' | 'e' | 'i' | 'o' | 'u' => "vowel",
        'a'..='z' => "consonant",
        '0'..='9' => "digit",
        _ => "other",
    };
    println!("{} is {}", c, kind);
    let n @ 1..=100 = black_box(42) else { panic!() };
    println!("bound n = {}", n);
    let v = black_box(Some(15u32));
    match v {
        Some(big @ 10..) => println!("big {}", big),
        Some(small) => println!("small {}", small),
        None => println!("none"),
    }
    let refs = &(1, (2, 3));
    let &(a, (ref b, c)) = refs;
    println!("{} {} {}", a, b, c);
    let boxed = Box::new((String::from("left"), 5));
    let (ref s, k) = *boxed;
    println!("{} {}", s, k);
}
