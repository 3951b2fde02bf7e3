use std::hint::black_box;

fn main() {
    let s: &str = black_box("Hello, Wörld! 你好 rust-lang");
    println!("len bytes={} chars={}", s.len(), s.chars().count());
    for part in s.split(' ') {
        println!("part {:?}", part);
    }
    println!("{:?}", s.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).collect::<Vec<_>>());
    println!("{:?}", s.splitn(2, ", ").collect::<Vec<_>>());
    println!("{:?}", s.rsplit('-').collect::<Vec<_>>());
    println!("{:?}", s.char_indices().filter(|(_, c)| !c.is_ascii()).collect::<Vec<_>>());
    println!("bytes {:?}", &s.bytes().take(8).collect::<Vec<u8>>());
    println!("find {:?} {:?} rfind {:?}", s.find('W'), s.find("zzz"), s.rfind('l'));
    println!("{} {}", s.starts_with("Hell"), s.ends_with("lang"));
    println!("{}", &s[7..13]);
    println!("is_char_boundary(9)={} (8)={}", s.is_char_boundary(9), s.is_char_boundary(8));
    println!("{:?}", s.get(8..9));
    let words: Vec<&str> = "  the quick  brown\tfox\n".split_whitespace().collect();
    println!("{:?}", words);
    let csv = "a,b,,c,";
    println!("{:?} {:?}", csv.split(',').collect::<Vec<_>>(), csv.split_terminator(',').collect::<Vec<_>>());
    let lines = "one\ntwo\r\nthree";
    for (i, l) in lines.lines().enumerate() {
        println!("line {} {:?}", i, l);
    }
    println!("{:?}", "abc".chars().rev().collect::<String>());
    println!("{:?}", "Mississippi".matches("ss").count());
    println!("{:?}", "Mississippi".match_indices("issi").collect::<Vec<_>>());
    println!("{}", "x".repeat(5));
    println!("{:?}", "key: value".split_once(": "));
    println!("{:?}", "prefix_body".strip_prefix("prefix_"));
    println!("{:?}", "body.rs".strip_suffix(".txt"));
    println!("{:?}", "--trim--".trim_matches('-'));
    println!("{:?}", "  lead".trim_start());
    println!("cmp {} {} {:?}", "apple" < "banana", "Zebra" < "apple", "abc".cmp("abd"));
    println!("eq_ignore_case {}", "HeLLo".eq_ignore_ascii_case("hello"));
    let bytes = s.as_bytes();
    println!("{} {}", bytes[0], bytes[bytes.len() - 1]);
    println!("{:?}", std::str::from_utf8(&bytes[0..5]));
    println!("{}", std::str::from_utf8(&bytes[8..9]).is_err());
    let utf16: Vec<u16> = "hé😀".encode_utf16().collect();
    println!("{:?} {}", utf16, String::from_utf16(&utf16).unwrap());
    let ch: Vec<char> = s.chars().filter(|c| c.is_uppercase()).collect();
    println!("{:?}", ch);
}
