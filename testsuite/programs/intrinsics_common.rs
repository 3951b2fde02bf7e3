// The intrinsics std's common paths reach, called directly or through their std wrappers.
use std::hint::black_box;
use std::mem::{self, MaybeUninit};
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicPtr, AtomicU8, AtomicUsize, Ordering};

#[derive(Debug, Clone, Copy, PartialEq)]
struct Pixel {
    r: u8,
    g: u8,
    b: u8,
    a: u8,
}

#[derive(Debug)]
enum Shape {
    Dot,
    Circle(f64),
    Rect { w: u32, h: u32 },
}

trait Named {
    fn name(&self) -> String;
}
impl Named for Pixel {
    fn name(&self) -> String {
        format!("pixel {:?}", self)
    }
}

fn pick(n: u32) -> &'static str {
    match n % 3 {
        0 => "zero",
        1 => "one",
        2 => "two",
        // SAFETY: n % 3 < 3.
        _ => unsafe { std::hint::unreachable_unchecked() },
    }
}

fn halve(n: usize) -> usize {
    // SAFETY: callers pass even numbers.
    unsafe { std::hint::assert_unchecked(n % 2 == 0) };
    n / 2
}

fn main() {
    // copy, copy_nonoverlapping, write_bytes, read, write, replace, swap
    let mut buf = black_box([1u16, 2, 3, 4, 5, 6, 7, 8]);
    unsafe {
        let p = buf.as_mut_ptr();
        ptr::copy(p, p.add(2), 4);
        println!("copy (overlapping) {:?}", buf);
        let src = [9u16, 9, 9];
        ptr::copy_nonoverlapping(src.as_ptr(), p.add(5), 3);
        println!("copy_nonoverlapping {:?}", buf);
        ptr::write_bytes(p, 0xab, 2);
        println!("write_bytes {:04x?}", buf);
        let v = ptr::read(p.add(7));
        ptr::write(p.add(7), v * 100);
        let old = ptr::replace(p.add(6), 42);
        ptr::swap(p.add(0), p.add(7));
        println!("read/write/replace/swap old={} {:?}", old, buf);
    }
    let mut a = String::from("left");
    let mut b = String::from("right");
    mem::swap(&mut a, &mut b);
    let taken = mem::take(&mut a);
    let replaced = mem::replace(&mut b, "new".to_string());
    println!("swap/take/replace {:?} {:?} {:?} {:?}", a, b, taken, replaced);

    // transmute, size_of_val, align_of_val, discriminant, needs_drop, type_name
    let px: Pixel = unsafe { mem::transmute(black_box(0x04030201u32)) };
    let back: u32 = unsafe { mem::transmute(px) };
    let bits: u64 = unsafe { mem::transmute(black_box(1.5f64)) };
    println!("transmute {:?} {:#x} {:#x}", px, back, bits);
    let arr: [u8; 4] = unsafe { mem::transmute(black_box(-2i32)) };
    println!("transmute to array {:?}", arr);
    let slice: &[u32] = &[1, 2, 3];
    let s: &str = "héllo";
    let dynp: &dyn Named = &px;
    println!(
        "size_of_val {} {} {} align_of_val {} {}",
        mem::size_of_val(slice),
        mem::size_of_val(s),
        mem::size_of_val(dynp),
        mem::align_of_val(slice),
        mem::align_of_val(dynp)
    );
    println!("dyn call {}", dynp.name());
    let shapes = [Shape::Dot, Shape::Circle(1.0), Shape::Rect { w: 2, h: 3 }, Shape::Circle(9.0)];
    println!(
        "discriminant eq {} {} {:?}",
        mem::discriminant(&shapes[1]) == mem::discriminant(&shapes[3]),
        mem::discriminant(&shapes[0]) == mem::discriminant(&shapes[2]),
        shapes[2]
    );
    println!(
        "needs_drop {} {} {}",
        mem::needs_drop::<String>(),
        mem::needs_drop::<Pixel>(),
        mem::needs_drop::<Vec<u8>>()
    );
    println!("type_name {} {} {} {}", std::any::type_name::<Pixel>(), std::any::type_name::<Option<Vec<i32>>>(), std::any::type_name::<(&str, [u8; 3], *const String)>(), std::any::type_name::<std::collections::HashMap<u8, Shape>>());

    // MaybeUninit and zeroed
    let mut slot = MaybeUninit::<Pixel>::uninit();
    slot.write(Pixel { r: 9, g: 8, b: 7, a: 6 });
    let px2 = unsafe { slot.assume_init() };
    let z: (u64, f32, bool) = unsafe { mem::zeroed() };
    println!("MaybeUninit {:?} zeroed {:?}", px2, z);

    // bit intrinsics: ctpop, ctlz, cttz, bswap, bitreverse, rotates
    for x in [black_box(0u32), 1, 0x80, 0xf0f0, u32::MAX] {
        println!(
            "{:#010x}: ones={} lz={} tz={} swap={:#010x} rev={:#010x} rol={:#010x} ror={:#010x}",
            x,
            x.count_ones(),
            x.leading_zeros(),
            x.trailing_zeros(),
            x.swap_bytes(),
            x.reverse_bits(),
            x.rotate_left(5),
            x.rotate_right(5)
        );
    }
    let w = black_box(0x8000_0000_0000_0001u64);
    println!("u64 {} {} {} {:#x}", w.count_ones(), w.leading_zeros(), w.trailing_zeros(), w.rotate_left(4));
    let n = black_box(-1i8);
    println!("i8 {} {} {}", n.count_ones(), n.leading_zeros(), (n as u8).rotate_right(3));
    println!("u128 lz={} tz={}", black_box(1u128 << 100).leading_zeros(), black_box(1u128 << 100).trailing_zeros());

    // atomics, every ordering
    let counter = AtomicUsize::new(black_box(10));
    println!("fetch_add {}", counter.fetch_add(5, Ordering::Relaxed));
    println!("fetch_sub {}", counter.fetch_sub(3, Ordering::AcqRel));
    println!("swap {}", counter.swap(100, Ordering::SeqCst));
    println!("cas ok {:?}", counter.compare_exchange(100, 7, Ordering::Acquire, Ordering::Relaxed));
    println!("cas err {:?}", counter.compare_exchange(100, 8, Ordering::SeqCst, Ordering::SeqCst));
    println!("cas weak loop {:?}", {
        let mut cur = counter.load(Ordering::Relaxed);
        loop {
            match counter.compare_exchange_weak(cur, cur * 3, Ordering::Release, Ordering::Relaxed) {
                Ok(v) => break v,
                Err(v) => cur = v,
            }
        }
    });
    println!("fetch_max {} fetch_min {}", counter.fetch_max(50, Ordering::SeqCst), counter.fetch_min(2, Ordering::SeqCst));
    println!("fetch_update {:?}", counter.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |v| Some(v + 1)));
    println!("load {}", counter.load(Ordering::SeqCst));
    let flag = AtomicBool::new(false);
    println!("bool fetch_or {} fetch_xor {} fetch_and {} now {}", flag.fetch_or(true, Ordering::SeqCst), flag.fetch_xor(true, Ordering::SeqCst), flag.fetch_and(true, Ordering::SeqCst), flag.load(Ordering::Acquire));
    let signed = AtomicI64::new(-5);
    signed.fetch_add(-10, Ordering::Relaxed);
    println!("i64 fetch_min {} now {}", signed.fetch_min(-100, Ordering::Relaxed), signed.load(Ordering::Relaxed));
    let byte = AtomicU8::new(250);
    println!("u8 wraps {} now {}", byte.fetch_add(10, Ordering::Relaxed), byte.load(Ordering::Relaxed));
    byte.store(3, Ordering::Release);
    println!("u8 fetch_nand {} now {}", byte.fetch_nand(1, Ordering::SeqCst), byte.load(Ordering::SeqCst));
    let mut target = 5i32;
    let aptr = AtomicPtr::new(ptr::null_mut());
    aptr.store(&mut target, Ordering::SeqCst);
    unsafe { *aptr.load(Ordering::SeqCst) += 1 };
    println!("AtomicPtr {}", target);
    std::sync::atomic::fence(Ordering::SeqCst);
    std::sync::atomic::compiler_fence(Ordering::SeqCst);
    std::hint::spin_loop();

    // unreachable_unchecked / assert_unchecked on paths that hold
    let picks: Vec<&str> = (0..5).map(|i| pick(black_box(i))).collect();
    println!("{:?} {}", picks, halve(black_box(42)));
    println!("ptr::eq {} {}", ptr::eq(&buf[0], &buf[0]), ptr::eq(&buf[0], &buf[1]));
}
