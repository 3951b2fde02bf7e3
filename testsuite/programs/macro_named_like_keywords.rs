// Macros and paths named after contextual keywords: `safe` is a modifier only in `unsafe
// extern` blocks (`safe fn`), so `safe! { .. }` at module level is a macro call (bitvec
// 1.0.1 defines its `BitSafeU8`.. types with one), and `union`, `auto`, `default`, `raw`
// are ordinary names outside their own syntax.
use std::cell::Cell;

pub trait Guarded {
    type Mem: Copy + std::fmt::Debug;
    type Rad;
    fn load(&self) -> Self::Mem;
}

macro_rules! safe {
    ($($t:ident => $w:ident => $r:ty);+ $(;)?) => { $(
        #[derive(Debug)]
        #[repr(transparent)]
        pub struct $w {
            inner: <Self as Guarded>::Rad,
        }
        impl Guarded for $w {
            type Mem = $t;
            type Rad = $r;
            fn load(&self) -> $t {
                self.inner.get()
            }
        }
    )+ };
}

safe! {
    u8 => SafeU8 => Cell<u8>;
    u16 => SafeU16 => Cell<u16>;
}

mod safe {
    pub fn twice(x: u32) -> u32 {
        x * 2
    }
}

macro_rules! auto {
    ($e:expr) => {
        $e + 1
    };
}

unsafe extern "C" {
    safe fn abs(x: i32) -> i32;
    pub safe static environ: *const *const u8;
}

fn default() -> u32 {
    7
}

fn main() {
    let a = SafeU8 { inner: Cell::new(200) };
    let b = SafeU16 { inner: Cell::new(60000) };
    println!("{} {}", a.load(), b.load());
    println!("{:?}", a);
    println!("{}", std::any::type_name::<<SafeU8 as Guarded>::Rad>());
    println!("{}", safe::twice(21));
    println!("{}", auto!(41));
    let union = 3;
    let raw = 4;
    println!("{}", union + raw + default());
    println!("{}", abs(-5));
    println!("{}", !environ.is_null());
}
