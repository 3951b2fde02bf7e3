// memchr 2.8.3 from crates.io: std links a memchr of its own into the sysroot, which must
// not be mistaken for this one (Tier 2 only into the crate's own rlib); its runtime CPU
// dispatch keeps function pointers in statics; its AVX2 searchers need 32-byte aligned
// stack slots.
//@ dep: memchr = "=2.8.3"
fn main() {
    let h = b"hello world, hello rac";
    println!("{:?} {:?} {:?}", memchr::memchr(b'w', h), memchr::memrchr(b'o', h), memchr::memchr2(b'x', b'r', h));
    let f = memchr::memmem::Finder::new("hello");
    println!("{:?}", f.find_iter(h).collect::<Vec<_>>());
    println!("{:?}", memchr::memmem::find_iter(h, "o").collect::<Vec<_>>());
    println!("{:?}", memchr::memmem::rfind_iter(h, "l").collect::<Vec<_>>());
    // Not `+ &String`: every program of the testsuite's batch may use every crate, and with
    // smartstring in the batch (rhai brings it) rust-analyzer sees its `impl
    // Add<SmartString> for String`, so `String + &String` no longer infers (README).
    let long = "ab".repeat(300) + "needle" + "cd".repeat(100).as_str();
    println!("{:?}", memchr::memmem::find(long.as_bytes(), b"needle"));
    println!("{:?}", memchr::memchr3_iter(b'n', b'e', b'd', long.as_bytes()).count());
}
