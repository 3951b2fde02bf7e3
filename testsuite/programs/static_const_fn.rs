const fn square(x: u64) -> u64 {
    x * x
}

const fn fib(n: u32) -> u64 {
    let mut a = 0u64;
    let mut b = 1u64;
    let mut i = 0;
    while i < n {
        let t = a + b;
        a = b;
        b = t;
        i += 1;
    }
    a
}

const fn make_table<const N: usize>() -> [u32; N] {
    let mut t = [0u32; N];
    let mut i = 0;
    while i < N {
        t[i] = (i * i) as u32 + 1;
        i += 1;
    }
    t
}

struct Rgb(u8, u8, u8);

impl Rgb {
    const BLACK: Rgb = Rgb(0, 0, 0);
    const WHITE: Rgb = Rgb::gray(255);
    const fn gray(v: u8) -> Rgb {
        Rgb(v, v, v)
    }
    const fn packed(&self) -> u32 {
        ((self.0 as u32) << 16) | ((self.1 as u32) << 8) | self.2 as u32
    }
}

trait HasId {
    const ID: u32;
    const NAME: &'static str = "default-name";
    fn id_twice() -> u32 {
        Self::ID * 2
    }
}
struct A;
struct B;
impl HasId for A { const ID: u32 = 7; }
impl HasId for B { const ID: u32 = 100; const NAME: &'static str = "bee"; }

const SQ: u64 = square(12);
const F50: u64 = fib(50);
const TABLE: [u32; 6] = make_table::<6>();
const WHITE_PACKED: u32 = Rgb::WHITE.packed();
static STATIC_FROM_CONST_FN: u64 = square(fib(10));

fn describe<T: HasId>() -> String {
    format!("{} {} {}", T::ID, T::NAME, T::id_twice())
}

fn main() {
    println!("{} {} {:?}", SQ, F50, TABLE);
    println!("{:#08x} {:#08x}", WHITE_PACKED, Rgb::BLACK.packed());
    println!("{}", STATIC_FROM_CONST_FN);
    println!("runtime call {} {}", square(std::hint::black_box(9)), fib(std::hint::black_box(20)));
    println!("{}", describe::<A>());
    println!("{}", describe::<B>());
    let arr = [0u8; square(3) as usize];
    println!("array len from const fn {}", arr.len());
    const INLINE: u32 = { let mut s = 0; let mut i = 1; while i <= 10 { s += i; i += 1; } s };
    println!("inline block const {}", INLINE);
    let gray = Rgb::gray(std::hint::black_box(0x80));
    println!("{:#x}", gray.packed());
}
