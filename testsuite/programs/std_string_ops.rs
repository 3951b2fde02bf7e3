use std::hint::black_box;

fn main() {
    let mut s = String::new();
    s.push('H');
    s.push_str("ello");
    s.insert(0, '>');
    s.insert_str(1, "> ");
    println!("{:?} len {} cap>=len {}", s, s.len(), s.capacity() >= s.len());
    s += ", world";
    s = s + "!";
    println!("{}", s);
    println!("{}", s.replace("l", "L"));
    println!("{}", s.replacen('l', "_", 2));
    println!("{} | {}", s.to_uppercase(), s.to_lowercase());
    let padded = black_box("   \t trim me \n ");
    println!("[{}] [{}] [{}]", padded.trim(), padded.trim_start(), padded.trim_end());
    let words = "the  quick brown   fox jumps";
    let ws: Vec<&str> = words.split_whitespace().collect();
    println!("{:?} count {}", ws, ws.len());
    let caps: Vec<String> = ws.iter().map(|w| {
        let mut c = w.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => String::new(),
        }
    }).collect();
    println!("{}", caps.join(" "));
    for t in ["42", "-17", "+8", " 5", "3.0", "", "99999999999", "2147483647"] {
        println!("parse {:?} -> {:?}", t, t.parse::<i32>());
    }
    println!("{:?}", "1,2,3".split(',').map(|x| x.parse::<u8>().unwrap()).collect::<Vec<_>>());
    let rev: String = "stressed".chars().rev().collect();
    println!("{}", rev);
    let pal = |s: &str| {
        let c: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
        c.iter().eq(c.iter().rev())
    };
    println!("{} {}", pal("A man, a plan, a canal: Panama"), pal("hello"));
    let mut t = String::from("abcdef");
    println!("pop {:?} remove {} -> {}", t.pop(), t.remove(1), t);
    t.truncate(2);
    println!("truncate {}", t);
    t.retain(|c| c != 'a');
    println!("retain {}", t);
    t.clear();
    println!("clear {:?} empty {}", t, t.is_empty());
    let u = String::from("héllo wörld");
    println!("{} {} {:?}", u.len(), u.chars().count(), u.char_indices().nth(2));
    let drained: String = { let mut x = u.clone(); x.drain(..6).collect() };
    println!("drained {:?}", drained);
    let bytes = u.clone().into_bytes();
    println!("{} {:?}", bytes.len(), String::from_utf8(bytes).map(|s| s.len()));
    println!("{:?}", String::from_utf8_lossy(&[72, 105, 0xff, 33]));
    println!("{}", ["a", "b", "c"].concat());
    let mut acc = String::new();
    for i in 0..5 {
        use std::fmt::Write;
        write!(acc, "{}-", i * i).unwrap();
    }
    println!("{}", acc.trim_end_matches('-'));
    println!("{:?}", "Hello".char_indices().map(|(i, c)| format!("{}{}", i, c)).collect::<Vec<_>>());
    println!("{}", "abc" < "abd" && String::from("b") > String::from("a"));
}
