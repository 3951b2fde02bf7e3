// base64 0.22.1 from crates.io, compiled by rac from source.
//@ dep: base64 = "=0.22.1"
use base64::{Engine as _, engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD}};
fn main() { let e = STANDARD.encode(b"any carnal pleasure."); println!("{e}"); println!("{:?}", STANDARD.decode(&e).map(|v| String::from_utf8(v).unwrap())); println!("{}", URL_SAFE_NO_PAD.encode([0xfb, 0xff, 0x01])); println!("{:?}", STANDARD.decode("!!!")); }
