// hex 0.4.3 from crates.io, compiled by rac from source.
//@ dep: hex = "=0.4.3"
fn main() { let s = hex::encode(b"Hello rac"); println!("{s}"); println!("{:?}", hex::decode(&s).map(|v| String::from_utf8(v).unwrap())); println!("{:?}", hex::decode("zz")); println!("{}", hex::encode_upper([0xde, 0xad, 0xbe, 0xef])); }
