// chrono's naive dates and durations (no clock), uuid parsing and formatting, strsim,
// unicode-segmentation, byteorder.
//@ dep: chrono = { version = "=0.4.38", default-features = false, features = ["alloc", "std"] }
//@ dep: uuid = "=1.11.0"
//@ dep: strsim = "=0.11.1"
//@ dep: unicode-segmentation = "=1.12.0"
//@ dep: byteorder = "=1.5.0"
use byteorder::{BigEndian, LittleEndian, ReadBytesExt, WriteBytesExt};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use unicode_segmentation::UnicodeSegmentation;

fn main() {
    let d = NaiveDate::from_ymd_opt(2024, 2, 28).unwrap();
    let later = d + Duration::days(2);
    println!("{d} {later} {:?} {}", later.weekday(), later.ordinal());
    let dt = NaiveDateTime::parse_from_str("2023-10-05 14:30:00", "%Y-%m-%d %H:%M:%S").unwrap();
    println!("{} {}", dt.format("%A %d %B %Y %H:%M"), (dt + Duration::minutes(95)).time());
    println!("{:?}", d.iter_days().take(3).map(|x| x.weekday() == Weekday::Thu).collect::<Vec<_>>());
    let u = uuid::Uuid::parse_str("67e55044-10b1-426f-9247-bb680e5fe0c8").unwrap();
    println!("{} {} {:?}", u.hyphenated(), u.simple(), u.get_version());
    println!("{} {:.3} {}", strsim::levenshtein("kitten", "sitting"), strsim::jaro_winkler("martha", "marhta"), strsim::hamming("abc", "abd").unwrap());
    let s = "Ünïcödé e\u{301} 👨‍👩‍👧 ok";
    println!("{} {:?}", s.graphemes(true).count(), s.unicode_words().collect::<Vec<_>>());
    let mut buf = Vec::new();
    buf.write_u32::<BigEndian>(0xdeadbeef).unwrap();
    buf.write_i16::<LittleEndian>(-2).unwrap();
    let mut rd = &buf[..];
    println!("{buf:?} {:#x} {}", rd.read_u32::<BigEndian>().unwrap(), rd.read_i16::<LittleEndian>().unwrap());
}
