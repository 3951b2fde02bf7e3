// Hash functions (sha3, blake2, blake3, xxhash-rust's XXH3 with SSE2, twox-hash, siphasher,
// crc32c) and compression (lz4_flex, snap, brotli), checked against each other by
// round trips.
//@ dep: sha3 = "=0.10.8"
//@ dep: blake2 = "=0.10.6"
//@ dep: blake3 = "=1.8.2"
//@ dep: xxhash-rust = { version = "=0.8.15", features = ["xxh3", "xxh64", "xxh32"] }
//@ dep: twox-hash = "=2.1.2"
//@ dep: siphasher = "=1.0.1"
//@ dep: crc32c = "=0.6.8"
//@ dep: lz4_flex = "=0.11.7"
//@ dep: snap = "=1.1.1"
//@ dep: brotli = "=8.0.1"
use std::hash::Hasher;
use std::io::{Read, Write};

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn main() {
    use sha3::Digest;
    let data = b"The quick brown fox jumps over the lazy dog";
    println!("{}", hex(&sha3::Sha3_256::digest(data)));
    println!("{}", hex(&sha3::Keccak256::digest(b"")));
    let mut sh = sha3::Sha3_512::new();
    Digest::update(&mut sh, &data[..10]);
    Digest::update(&mut sh, &data[10..]);
    println!("{}", hex(&sh.finalize()[..16]));
    use sha3::digest::{ExtendableOutput, Update, XofReader};
    let mut shake = sha3::Shake128::default();
    Update::update(&mut shake, data);
    let mut xof = shake.finalize_xof();
    let mut buf = [0u8; 20];
    XofReader::read(&mut xof, &mut buf);
    println!("{}", hex(&buf));

    println!("{}", hex(&blake2::Blake2b512::digest(data)[..32]));
    println!("{}", hex(&blake2::Blake2s256::digest(data)));

    println!("{}", blake3::hash(data).to_hex());
    let big: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
    println!("{}", blake3::hash(&big).to_hex());
    let mut h3 = blake3::Hasher::new_keyed(&[7; 32]);
    h3.update(&big[..5000]);
    h3.update(&big[5000..]);
    println!("{}", h3.finalize().to_hex());
    println!("{}", blake3::derive_key("rac 2026 test context", b"key material").iter().map(|b| format!("{b:02x}")).collect::<String>());

    println!("{:016x}", xxhash_rust::xxh3::xxh3_64(data));
    println!("{:016x}", xxhash_rust::xxh3::xxh3_64(&big));
    println!("{:032x}", xxhash_rust::xxh3::xxh3_128_with_seed(&big[..777], 99));
    println!("{:016x} {:08x}", xxhash_rust::xxh64::xxh64(data, 1), xxhash_rust::xxh32::xxh32(data, 2));
    let mut st = xxhash_rust::xxh3::Xxh3::new();
    for chunk in big.chunks(333) {
        st.update(chunk);
    }
    println!("{:016x}", st.digest());
    println!("{:016x}", twox_hash::XxHash64::oneshot(5, data));
    println!("{:016x}", twox_hash::XxHash3_64::oneshot(&big));
    let mut sip = siphasher::sip::SipHasher13::new_with_keys(1, 2);
    sip.write(data);
    println!("{:016x}", sip.finish());
    let mut sip24 = siphasher::sip128::SipHasher24::new_with_keys(3, 4);
    sip24.write(&big[..100]);
    println!("{:032x}", siphasher::sip128::Hasher128::finish128(&sip24).as_u128());
    println!("{:08x} {:08x}", crc32c::crc32c(data), crc32c::crc32c_append(crc32c::crc32c(&big[..50000]), &big[50000..]));

    let text: Vec<u8> = data.iter().cycle().take(5000).copied().chain(big[..3000].iter().copied()).collect();
    let c = lz4_flex::compress_prepend_size(&text);
    let d = lz4_flex::decompress_size_prepended(&c).unwrap();
    println!("lz4 {} -> {} {}", text.len(), c.len(), d == text);
    println!("{}", lz4_flex::decompress_size_prepended(&c[..c.len() / 2]).is_err());
    let c = snap::raw::Encoder::new().compress_vec(&text).unwrap();
    let d = snap::raw::Decoder::new().decompress_vec(&c).unwrap();
    println!("snap {} {}", c.len(), d == text);
    let mut w = snap::write::FrameEncoder::new(Vec::new());
    w.write_all(&text).unwrap();
    let framed = w.into_inner().unwrap();
    let mut back = Vec::new();
    snap::read::FrameDecoder::new(&framed[..]).read_to_end(&mut back).unwrap();
    println!("snap frames {} {}", framed.len(), back == text);
    let mut compressed = Vec::new();
    {
        let mut bw = brotli::CompressorWriter::new(&mut compressed, 4096, 5, 20);
        bw.write_all(&text).unwrap();
    }
    let mut out = Vec::new();
    brotli::Decompressor::new(&compressed[..], 4096).read_to_end(&mut out).unwrap();
    println!("brotli {} {}", compressed.len(), out == text);
}
