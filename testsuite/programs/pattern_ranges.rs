// Range patterns: exclusive ends (`a..b`, `..b`), inclusive ends, half-open starts, chars,
// signed values and associated constants, at every boundary; and code in core that relies
// on them (`char::len_utf8`, `{:?}` of chars and strs at encoding boundaries).

fn class(x: usize) -> &'static str {
    match x {
        0..1 => "zero",
        1..5 => "small",
        5..=9 => "medium",
        10.. => "large",
    }
}

fn utf8_len(code: u32) -> usize {
    match code {
        ..0x80 => 1,
        ..0x800 => 2,
        ..0x10000 => 3,
        _ => 4,
    }
}

fn signed(x: i32) -> i32 {
    match x {
        i32::MIN..-100 => -2,
        -100..0 => -1,
        0 => 0,
        1..100 => 1,
        100..=i32::MAX => 2,
    }
}

fn letter(c: char) -> u8 {
    match c {
        'a'..'n' => 1,
        'n'..='z' => 2,
        '0'..'9' => 3,
        _ => 0,
    }
}

const LIMIT: u8 = 200;

fn bytes(b: u8) -> u8 {
    match b {
        0..LIMIT => 0,
        LIMIT..255 => 1,
        255 => 2,
    }
}

fn main() {
    for x in [0usize, 1, 4, 5, 6, 7, 9, 10, 11, 100] {
        println!("{x}: {}", class(x));
    }
    match 7_usize {
        6..7 => println!("6..7 matched 7: wrong"),
        _ => println!("6..7 does not match 7"),
    }
    for c in [0x7f, 0x80, 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff] {
        println!("{c:#x}: {}", utf8_len(c));
    }
    for x in [i32::MIN, -101, -100, -99, -1, 0, 1, 99, 100, i32::MAX] {
        println!("{x}: {}", signed(x));
    }
    for c in ['a', 'm', 'n', 'z', '0', '8', '9', 'A'] {
        println!("{c}: {}", letter(c));
    }
    for b in [0u8, 199, 200, 254, 255] {
        println!("{b}: {}", bytes(b));
    }
    for c in ['\u{7f}', '\u{80}', '\u{7ff}', '\u{800}', '\u{ffff}', '\u{10000}', 'é', '€', '𝄞'] {
        let s = format!("{c:?}");
        println!("{} {:?} {} {:?}", c.len_utf8(), s.as_bytes(), c.len_utf16(), c.to_string());
    }
    let text = "a\u{800}b\u{ffff}c\u{10000}d";
    println!("{text:?} {} {}", text.len(), text.chars().count());
    let mut buf = [0u8; 4];
    for c in ['\u{800}', '\u{10000}'] {
        println!("{:?}", c.encode_utf8(&mut buf).as_bytes());
    }
}
