// Layouts computed by rac must be rustc 1.95's: sizes, alignments, field offsets and the
// values that encode enum variants (niches and tags), because rac-compiled code and
// rustc-compiled std exchange these values.
use std::mem::{align_of, size_of, MaybeUninit};
use std::num::{NonZeroU32, NonZeroU8};

macro_rules! sa {
    ($($t:ty),* $(,)?) => {$(
        println!("{:<40} size {:>3} align {:>2}", stringify!($t), size_of::<$t>(), align_of::<$t>());
    )*};
}

#[allow(dead_code)]
struct Mixed { a: u8, b: u64, c: u16, d: u8, e: u32 }
#[allow(dead_code)]
#[repr(C)]
struct MixedC { a: u8, b: u64, c: u16, d: u8, e: u32 }
#[allow(dead_code)]
struct Tup(u8, u32, u8);
#[allow(dead_code)]
#[repr(packed)]
struct Packed { a: u8, b: u32 }
#[allow(dead_code)]
#[repr(align(16))]
struct Aligned { a: u8 }
#[allow(dead_code)]
struct Zst;
#[allow(dead_code)]
enum Tagged { A(u8), B(u32), C }
#[allow(dead_code)]
#[repr(u8)]
enum ReprU8 { A = 3, B = 200 }
#[allow(dead_code)]
#[repr(i32)]
enum ReprI32 { A = -5, B(u8) = 7 }
#[allow(dead_code)]
#[repr(C)]
enum ReprC { A(u16), B(u64) }
#[allow(dead_code)]
enum Niche { A(bool), B, C }
#[allow(dead_code)]
enum Never {}
#[allow(dead_code)]
enum WithUninhabited { A(u32), B(Never) }
#[allow(dead_code)]
enum Single { Only(u16, u8) }
#[allow(dead_code)]
enum Explicit { A = 10, B = 20, C = 30 }
#[allow(dead_code)]
enum Big { A(u64, u64), B(u8), C(Vec<u8>) }
#[allow(dead_code)]
enum Pair { A(String), B(u8, u32) }

// `offset_of!` is a builtin r-a does not lower; compute offsets from raw field addresses.
macro_rules! offset_of {
    ($t:ty, $f:tt) => {{
        let m = MaybeUninit::<$t>::uninit();
        let p = m.as_ptr();
        unsafe { std::ptr::addr_of!((*p).$f) as usize - p as usize }
    }};
}

fn offset_in<T, F>(base: &T, field: &F) -> usize {
    field as *const F as usize - base as *const T as usize
}

fn word_at<T>(v: &T, i: usize) -> u64 {
    unsafe { *(v as *const T as *const u64).add(i) }
}

fn main() {
    sa!(u8, u16, u32, u64, u128, i128, usize, f32, f64, bool, char, (), Zst);
    sa!(&u8, &[u8], &str, &dyn std::fmt::Debug, Box<[u32]>, *const u8, fn(u8) -> u8);
    sa!(Mixed, MixedC, Tup, Packed, Aligned, (u8, u64, u8), [u16; 3], (u8, [u32; 0]));
    sa!(Tagged, ReprU8, ReprI32, ReprC, Niche, WithUninhabited, Single, Explicit, Big, Pair);
    sa!(Option<u8>, Option<u32>, Option<u64>, Option<u128>, Option<&u8>, Option<Box<u8>>);
    sa!(Option<bool>, Option<Option<bool>>, Option<char>, Option<NonZeroU32>, Option<Vec<u8>>);
    sa!(Option<String>, Option<Option<String>>, Result<u32, ()>, Result<String, u8>, Result<(), String>);
    sa!(Option<std::cmp::Ordering>, Option<(u8, bool)>, Option<Tagged>, Option<Niche>, Option<Big>);
    sa!(Vec<u8>, String, std::rc::Rc<u8>, std::cell::RefCell<u32>, std::collections::HashMap<u8, u8>);

    println!("Mixed {} {} {} {} {}", offset_of!(Mixed, a), offset_of!(Mixed, b), offset_of!(Mixed, c), offset_of!(Mixed, d), offset_of!(Mixed, e));
    println!("MixedC {} {} {} {} {}", offset_of!(MixedC, a), offset_of!(MixedC, b), offset_of!(MixedC, c), offset_of!(MixedC, d), offset_of!(MixedC, e));
    println!("Tup {} {} {}", offset_of!(Tup, 0), offset_of!(Tup, 1), offset_of!(Tup, 2));
    let t = (1u8, 2u64, 3u8, 4u32);
    println!("tuple {} {} {} {}", offset_in(&t, &t.0), offset_in(&t, &t.1), offset_in(&t, &t.2), offset_in(&t, &t.3));

    // Variant field offsets.
    let v = ReprI32::B(9);
    if let ReprI32::B(x) = &v { println!("ReprI32::B.0 at {}", offset_in(&v, x)); }
    let v = Pair::B(1, 2);
    if let Pair::B(a, b) = &v { println!("Pair::B at {} {}", offset_in(&v, a), offset_in(&v, b)); }
    let v = Big::B(5);
    if let Big::B(a) = &v { println!("Big::B at {}", offset_in(&v, a)); }
    let v = Tagged::B(5);
    if let Tagged::B(a) = &v { println!("Tagged::B at {}", offset_in(&v, a)); }

    // Encodings of fully initialized values.
    unsafe {
        println!("Option<char> None = {:#x}", std::mem::transmute::<Option<char>, u32>(None));
        println!("Option<bool> None = {}", std::mem::transmute::<Option<bool>, u8>(None));
        println!("Option<Option<bool>> None = {}", std::mem::transmute::<Option<Option<bool>>, u8>(None));
        println!("Option<Option<bool>> Some(None) = {}", std::mem::transmute::<Option<Option<bool>>, u8>(Some(None)));
        println!("Option<Ordering> None = {}", std::mem::transmute::<Option<std::cmp::Ordering>, i8>(None));
        println!("Option<NonZeroU8> None = {}", std::mem::transmute::<Option<NonZeroU8>, u8>(None));
        println!("Niche::B = {}, Niche::C = {}", std::mem::transmute::<Niche, u8>(Niche::B), std::mem::transmute::<Niche, u8>(Niche::C));
        println!("ReprU8 = {} {}", std::mem::transmute::<ReprU8, u8>(ReprU8::A), std::mem::transmute::<ReprU8, u8>(ReprU8::B));
        println!("Explicit = {}", Explicit::C as isize);
    }

    // Niches inside multi-word values: locate the capacity word of a Vec (all words are
    // initialized for `Some`), then read only that word of `None`.
    let some: Option<Vec<u8>> = Some(Vec::with_capacity(77));
    let cap_word = (0..3).find(|&i| word_at(&some, i) == 77).unwrap();
    let none: Option<Vec<u8>> = None;
    println!("Option<Vec<u8>> None: capacity word {} = {:#x}", cap_word, word_at(&none, cap_word));
    let none: Option<Option<String>> = None;
    let some_none: Option<Option<String>> = Some(None);
    println!("Option<Option<String>>: {:#x} {:#x}", word_at(&none, cap_word), word_at(&some_none, cap_word));
    let r: Result<(), String> = Ok(());
    println!("Result<(), String> Ok: {:#x}", word_at(&r, cap_word));
    let b = Big::A(1, 2);
    if let Big::A(x, y) = &b { println!("Big::A at {} {}", offset_in(&b, x), offset_in(&b, y)); }

    // Values that cross into std and back must keep their encoding.
    println!("var_os: {:?}", std::env::var_os("RAC_SURELY_UNSET_VARIABLE"));
    println!("var: {:?}", std::env::var("RAC_SURELY_UNSET_VARIABLE"));
    println!("from_utf8: {:?}", String::from_utf8(vec![0xff, 0x41]).map_err(|e| e.utf8_error().valid_up_to()));
    println!("from_u32: {:?} {:?}", char::from_u32(0x41), char::from_u32(0xd800));
}
