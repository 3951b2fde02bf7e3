use std::hint::black_box;

fn bump(x: &mut i32, by: i32) -> &mut i32 {
    *x += by;
    x
}

fn longest<'a>(a: &'a str, b: &'a str) -> &'a str {
    if a.len() >= b.len() { a } else { b }
}

struct Pair { a: i64, b: i64 }

fn main() {
    let mut v = black_box(10);
    {
        let r = &mut v;
        *bump(r, 5) *= 2;
    }
    println!("v = {}", v);
    let rr: &&i32 = &&v;
    println!("double ref {} {}", **rr, *rr + 1);
    println!("{}", longest("short", "longer one"));
    let mut arr = [1i32, 2, 3, 4, 5];
    let p: *mut i32 = arr.as_mut_ptr();
    unsafe {
        *p = 100;
        *p.add(2) += 50;
        let q = p.offset(4);
        *q = *p + *p.add(1);
        std::ptr::write(p.add(1), -7);
        println!("read {}", std::ptr::read(p.add(3)));
    }
    println!("arr = {:?}", arr);
    let mut pair = Pair { a: 1, b: 2 };
    let pa: *mut i64 = &mut pair.a;
    let pb: *mut i64 = &mut pair.b;
    unsafe {
        std::ptr::swap(pa, pb);
        *pa *= 10;
    }
    println!("pair = {} {}", pair.a, pair.b);
    let cp: *const Pair = &pair;
    let sum = unsafe { (*cp).a + (*cp).b };
    println!("sum via const ptr = {}", sum);
    let null: *const u8 = std::ptr::null();
    println!("null is_null={} p is_null={}", null.is_null(), p.is_null());
    let bytes = black_box([0x11u8, 0x22, 0x33, 0x44]);
    let word = unsafe { std::ptr::read_unaligned(bytes.as_ptr() as *const u32) };
    println!("word = {:#x}", word);
    let mut x = black_box(5u64);
    let px = &mut x as *mut u64;
    let px2 = px as *mut u8;
    unsafe { *px2 = 0xff; }
    println!("x = {:#x}", x);
    let s = black_box(String::from("raw str"));
    let sp: *const str = s.as_str();
    unsafe { let sr: &str = &*sp; println!("{} len {}", sr, sr.len()); }
    let diff = unsafe { p.add(4).offset_from(p) };
    println!("offset_from {}", diff);
    let b = Box::new(77i32);
    let raw = Box::into_raw(b);
    unsafe {
        *raw += 1;
        let back = Box::from_raw(raw);
        println!("box back {}", back);
    }
}
