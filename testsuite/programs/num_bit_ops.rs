use std::hint::black_box;

fn main() {
    let a: u32 = black_box(0x00f0_1000);
    println!("lz={} tz={} ones={} zeros={}", a.leading_zeros(), a.trailing_zeros(), a.count_ones(), a.count_zeros());
    println!("lo={} to={}", black_box(0xff00_0000u32).leading_ones(), black_box(0x0000_00ffu32).trailing_ones());
    println!("rotl={:#010x} rotr={:#010x}", black_box(0x1234_5678u32).rotate_left(8), black_box(0x1234_5678u32).rotate_right(4));
    println!("swap={:#x} {:#x} {:#x}", black_box(0x1234u16).swap_bytes(), black_box(0x1234_5678u32).swap_bytes(), black_box(0x0102_0304_0506_0708u64).swap_bytes());
    println!("rev={:#x} {:#b}", black_box(0x1234_5678u32).reverse_bits(), black_box(0b0000_0110u8).reverse_bits());
    println!("be={:?} le={:?}", black_box(0x0102_0304u32).to_be_bytes(), black_box(0x0102_0304u32).to_le_bytes());
    println!("from_be={:#x} from_le={:#x}", u32::from_be_bytes([1, 2, 3, 4]), u16::from_le_bytes(black_box([0xcd, 0xab])));
    let i: i16 = black_box(-1);
    println!("i16 -1: lz={} ones={} rotl={}", i.leading_zeros(), i.count_ones(), i.rotate_left(3));
    let n: i8 = black_box(-64);
    println!("i8 -64: lz={} tz={} lo={} swap={}", n.leading_zeros(), n.trailing_zeros(), n.leading_ones(), n.swap_bytes());
    let big: u128 = black_box(1u128 << 100);
    println!("u128: lz={} tz={} rot={:#x}", big.leading_zeros(), big.trailing_zeros(), big.rotate_left(30));
    println!("u64 rotl={:#x}", black_box(0x8000_0000_0000_0001u64).rotate_left(1));
    println!("pow2? {} {} next={} {}", black_box(64u32).is_power_of_two(), black_box(65u32).is_power_of_two(), black_box(65u32).next_power_of_two(), black_box(0u32).next_power_of_two());
    println!("ilog2={} ilog10={}", black_box(1000u32).ilog2(), black_box(1000u32).ilog10());
    let x: u64 = black_box(0xdead_beef_cafe_babe);
    println!("and={:#x} or={:#x} xor={:#x} not={:#x}", x & 0xffff, x | 0xf, x ^ x.rotate_left(32), !x);
    println!("shl={:#x} shr={:#x} sar={}", x << 4, x >> 60, (x as i64) >> 60);
    let mut bits = 0u16;
    for k in [1u16, 3, 5, 15] {
        bits |= 1 << black_box(k);
    }
    println!("bits={:#018b} {:016b}", bits, bits & !(1 << 3));
    let mut m = black_box(0b1011_0110u8);
    let mut lowbits = Vec::new();
    while m != 0 {
        lowbits.push(m.trailing_zeros());
        m &= m - 1;
    }
    println!("set bit positions: {:?}", lowbits);
}
