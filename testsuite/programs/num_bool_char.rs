use std::hint::black_box;

fn main() {
    let t = black_box(true);
    let f = black_box(false);
    println!("{} {} {} {} {}", t && f, t || f, !t, t ^ f, t & !f);
    println!("{} {} {}", t as i32, f as u8, t as u64 + t as u64);
    println!("{:?} {}", t.then(|| 5), f.then_some(6).is_none());
    println!("{} {}", t > f, std::cmp::max(t, f));
    println!("{:>6}|{:<6}|", t, f);
    let chars = black_box(['a', 'Z', '0', ' ', 'é', 'ß', '中', '😀', '\n', '\u{7f}']);
    for c in chars.iter() {
        println!(
            "{:?} u32={} alpha={} num={} alnum={} ws={} up={} low={} ctl={} ascii={} len8={} len16={}",
            c, *c as u32, c.is_alphabetic(), c.is_numeric(), c.is_alphanumeric(),
            c.is_whitespace(), c.is_uppercase(), c.is_lowercase(), c.is_control(),
            c.is_ascii(), c.len_utf8(), c.len_utf16()
        );
    }
    for c in ['a', 'ß', 'ǆ', 'İ', 'z', '9'] {
        let up: String = c.to_uppercase().collect();
        let low: String = c.to_lowercase().collect();
        println!("{} -> up {} low {} ascii_up {}", c, up, low, c.to_ascii_uppercase());
    }
    println!("{:?}", char::from_u32(black_box(0x41)));
    println!("{:?}", char::from_u32(black_box(0xD800)));
    println!("{:?}", char::from_u32(black_box(0x1F600)));
    println!("{:?}", char::from_digit(black_box(7), 10));
    println!("{:?}", char::from_digit(black_box(11), 16));
    println!("{:?} {:?}", 'f'.to_digit(16), 'g'.to_digit(16));
    println!("{}", black_box(65u8) as char);
    println!("{}", char::from(black_box(200u8)));
    println!("{}", ('a'..='e').collect::<String>());
    println!("{:?}", ('x'..'{').map(|c| c as u32).collect::<Vec<_>>());
    let mut buf = [0u8; 4];
    let s = '€'.encode_utf8(&mut buf);
    println!("{} {:?}", s, s.as_bytes());
    println!("{}", 'A' < 'a');
    println!("{:?} {:?}", 'q'.escape_unicode().to_string(), '\t'.escape_default().to_string());
    println!("{}", char::MAX as u32);
}
