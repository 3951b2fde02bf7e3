use std::hint::black_box;
use std::mem::size_of;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Color {
    Red = 1,
    Green = 10,
    Blue = 100,
    Custom = -5,
}

#[repr(u8)]
#[derive(Debug, Clone, Copy)]
enum Op {
    Nop,
    Load = 0x10,
    Store,
    Halt = 0xff,
}

#[repr(i64)]
#[derive(Debug)]
enum Big {
    A = -1,
    B = i64::MAX,
}

#[repr(C)]
#[derive(Debug)]
enum CEnum {
    X,
    Y = 7,
    Z,
}

#[repr(C)]
#[derive(Debug)]
struct CStruct {
    a: u8,
    b: u32,
    c: u16,
}

#[repr(u16)]
#[derive(Debug)]
enum Tagged {
    Int(i32) = 3,
    Pair(u8, u8) = 9,
    Nothing = 20,
}

fn main() {
    let colors = black_box([Color::Red, Color::Green, Color::Blue, Color::Custom]);
    for c in colors {
        println!("{:?} = {} as u8 {}", c, c as i32, c as u8);
    }
    let ops = black_box([Op::Nop, Op::Load, Op::Store, Op::Halt]);
    for o in ops {
        println!("{:?} = {:#04x} as i8 = {}", o, o as u8, o as i8);
    }
    println!("{:?} {} {:?} {}", Big::A, Big::A as i64, Big::B, Big::B as i64);
    println!("{:?} {} {:?} {} {:?} {}", CEnum::X, CEnum::X as i32, CEnum::Y, CEnum::Y as u32, CEnum::Z, CEnum::Z as i32);
    let cs = CStruct { a: 1, b: 2, c: 3 };
    println!("{:?}", cs);
    let ts = black_box([Tagged::Int(-4), Tagged::Pair(1, 2), Tagged::Nothing]);
    for t in &ts {
        let s = match t {
            Tagged::Int(v) => format!("int {}", v),
            Tagged::Pair(a, b) => format!("pair {}+{}={}", a, b, a + b),
            Tagged::Nothing => "nothing".to_string(),
        };
        println!("{:?} -> {}", t, s);
    }
    println!("sizes: Color={} Op={} Big={} CEnum={} CStruct={} Tagged={}",
        size_of::<Color>(), size_of::<Op>(), size_of::<Big>(), size_of::<CEnum>(), size_of::<CStruct>(), size_of::<Tagged>());
    println!("eq {} {}", colors[0] == Color::Red, colors[1] == Color::Blue);
    let from_u8 = |b: u8| match b {
        0 => Some(Op::Nop),
        0x10 => Some(Op::Load),
        0x11 => Some(Op::Store),
        0xff => Some(Op::Halt),
        _ => None,
    };
    for b in black_box([0u8, 0x11, 0x12, 0xff]) {
        println!("{:#x} -> {:?}", b, from_u8(b));
    }
}
