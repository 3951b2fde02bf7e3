// Closures are laid out as rustc lays them out: a sized struct of the captures, every
// field free to move (largest alignment first), not the tuple of the captures (whose last
// field stays last). A closure built by rustc code and run by rac code (an iterator a
// dependency returns, aho-corasick's `iter_trans`) must find its captures where rustc put
// them. The offsets are found by searching the closure's bytes for each capture's value.
fn offset_of_u64<T>(c: &T, v: u64) -> Option<usize> {
    let b = unsafe { std::slice::from_raw_parts(c as *const T as *const u8, std::mem::size_of::<T>()) };
    (0..b.len().saturating_sub(7))
        .find(|&i| u64::from_le_bytes(b[i..i + 8].try_into().unwrap()) == v)
}

fn offset_of_u32<T>(c: &T, v: u32) -> Option<usize> {
    let b = unsafe { std::slice::from_raw_parts(c as *const T as *const u8, std::mem::size_of::<T>()) };
    (0..b.len().saturating_sub(3))
        .find(|&i| u32::from_le_bytes(b[i..i + 4].try_into().unwrap()) == v)
}

struct Node {
    items: Vec<u8>,
}

impl Node {
    fn walk(&self, mut link: u32) -> impl FnMut() -> usize + '_ {
        move || {
            if link == 0 {
                return 0;
            }
            link -= 1;
            self.items.len()
        }
    }
}

fn main() {
    let n = Node { items: vec![1, 2, 3] };
    let mut c = n.walk(0x1122_3344);
    let me = &n as *const Node as u64;
    println!(
        "size {} self at {:?} link at {:?}",
        std::mem::size_of_val(&c),
        offset_of_u64(&c, me),
        offset_of_u32(&c, 0x1122_3344)
    );
    println!("{} {}", c(), c());

    let (a, l) = (0x0102_0304_0506_0708u64, 0x5566_7788u32);
    let c2 = move || { let x = l; x as u64 + a };
    println!("size {} a at {:?} l at {:?} -> {}", std::mem::size_of_val(&c2), offset_of_u64(&c2, a), offset_of_u32(&c2, l), c2());

    let (b1, w, b2) = (0xAAu8, 0x1234_5678_9ABC_DEF0u64, 0xBBu8);
    let c3 = move || b1 as u64 + w + b2 as u64;
    println!("size {} w at {:?} -> {}", std::mem::size_of_val(&c3), offset_of_u64(&c3, w), c3());

    let v = vec![5u16; 3];
    let k = 0xCAFE_F00Du32;
    let c4 = move || v.len() as u32 + k;
    println!("size {} k at {:?} -> {}", std::mem::size_of_val(&c4), offset_of_u32(&c4, k), c4());
    let it: Vec<u32> = (0..4u32).map(move |i| i.wrapping_mul(k) % 7).collect();
    println!("{it:?}");
}
