// sha2's SHA-256 and SHA-512 (runtime CPU feature detection picks an implementation).
//@ dep: sha2 = "=0.10.8"
use sha2::{Digest, Sha256, Sha512};

fn hex(b: &[u8]) -> String { b.iter().map(|x| format!("{x:02x}")).collect() }

fn main() {
    println!("{}", hex(&Sha256::digest(b"hello world")));
    let mut h = Sha512::new();
    for chunk in [&b"abc"[..], &[0u8; 200][..], b"tail"] { h.update(chunk); }
    println!("{}", hex(&h.finalize()));
    let big: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
    println!("{}", hex(&Sha256::digest(&big)));
}
