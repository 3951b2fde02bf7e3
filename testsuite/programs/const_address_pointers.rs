// Constants holding pointers that are just addresses (no allocation behind them): null,
// dangling, sentinels such as `usize::MAX as *const u8` (semver's identifiers use such
// tags), in statics, in constants of structs, and compared at run time.
use std::ptr::NonNull;

struct Tagged {
    ptr: *const u8,
    len: usize,
}

const EMPTY: Tagged = Tagged { ptr: usize::MAX as *const u8, len: 0 };
const NONE_LIKE: *const u64 = 0x8 as *const u64;
struct Ptrs([*const u8; 3]);
unsafe impl Sync for Ptrs {}
static SENTINELS: Ptrs = Ptrs([std::ptr::null(), 1 as *const u8, usize::MAX as *const u8]);

fn dangling() -> NonNull<u32> {
    const D: NonNull<u32> = NonNull::dangling();
    D
}

fn main() {
    let e = EMPTY;
    println!("{:#x} {}", e.ptr as usize, e.len);
    println!("{}", e.ptr == usize::MAX as *const u8);
    println!("{:#x}", NONE_LIKE as usize);
    for p in SENTINELS.0.iter() {
        println!("{:#x} {}", *p as usize, p.is_null());
    }
    println!("{:#x}", dangling().as_ptr() as usize);
    let tags: Vec<Tagged> = vec![EMPTY, Tagged { ptr: "abc".as_ptr(), len: 3 }];
    for t in &tags {
        if t.ptr == EMPTY.ptr {
            println!("empty");
        } else {
            println!("{}", unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(t.ptr, t.len)) });
        }
    }
}
