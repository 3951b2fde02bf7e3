// unicode-width 0.2.3 from crates.io, compiled by rac from source.
//@ dep: unicode-width = "=0.2.3"
use unicode_width::UnicodeWidthStr;
fn main() { for s in ["abc", "日本語", "é", "🦀x", "\u{200b}"] { println!("{} {}", s, s.width()); } }
