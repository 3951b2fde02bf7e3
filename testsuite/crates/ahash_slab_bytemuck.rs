// ahash's hashers and maps (deterministic seeds), slab, tinyvec, bytemuck casts.
//@ dep: ahash = "=0.8.11"
//@ dep: slab = "=0.4.9"
//@ dep: tinyvec = { version = "=1.8.0", features = ["alloc"] }
//@ dep: bytemuck = { version = "=1.19.0", features = ["derive"] }
use std::hash::{BuildHasher, Hasher};

#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable, Debug)]
#[repr(C)]
struct Px { r: u8, g: u8, b: u8, a: u8 }

fn main() {
    let s = ahash::RandomState::with_seeds(1, 2, 3, 4);
    let mut h = s.build_hasher(); h.write(b"abc");
    let h1 = h.finish();
    let mut h = s.build_hasher(); h.write(b"abc");
    println!("{}", h1 == h.finish());
    let mut m: ahash::AHashMap<String, u32> = ahash::AHashMap::new();
    for (i, w) in "a b c a b a".split(' ').enumerate() { *m.entry(w.to_string()).or_insert(0) += i as u32; }
    let mut v: Vec<_> = m.into_iter().collect(); v.sort();
    println!("{v:?}");
    let mut slab = slab::Slab::new();
    let k1 = slab.insert("one"); let k2 = slab.insert("two"); slab.remove(k1); let k3 = slab.insert("three");
    println!("{k1} {k2} {k3} {} {:?}", slab.len(), slab.get(k3));
    let mut tv: tinyvec::TinyVec<[u16; 4]> = tinyvec::tiny_vec!(1, 2, 3);
    tv.extend([4, 5, 6]);
    println!("{tv:?} {}", tv.is_heap());
    let px = [Px { r: 1, g: 2, b: 3, a: 4 }, Px { r: 5, g: 6, b: 7, a: 8 }];
    let bytes: &[u8] = bytemuck::cast_slice(&px);
    let words: &[u32] = bytemuck::cast_slice(&px);
    println!("{bytes:?} {words:x?} {:?}", bytemuck::cast::<u32, Px>(0x01020304));
}
