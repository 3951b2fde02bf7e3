// bitflags 2.13.2 from crates.io: its generated types and impls live in `const _: () = { .. }`.
//@ dep: bitflags = "=2.13.2"
use bitflags::bitflags;
bitflags! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct Flags: u32 {
        const A = 0b0001;
        const B = 0b0010;
        const C = 0b0100;
        const ABC = Self::A.bits() | Self::B.bits() | Self::C.bits();
    }
}
fn main() {
    let e = Flags::A | Flags::C;
    println!("{:?}", e);
    println!("{:?} {:?}", Flags::empty(), Flags::all());
    println!("{:?}", Flags::from_bits(0b1000));
    println!("{:?}", Flags::from_bits_truncate(0b1011));
    println!("{}", e.contains(Flags::A));
    let mut f = Flags::B; f.insert(Flags::A); f.remove(Flags::B); f.toggle(Flags::C);
    println!("{:?} {}", f, f.bits());
    for (name, v) in Flags::ABC.iter_names() { println!("{name} {}", v.bits()); }
    println!("{}", bitflags::parser::to_writer(&e, String::new()).is_ok());
    let parsed: Flags = bitflags::parser::from_str("A | B").unwrap();
    println!("{:?}", parsed);
    println!("{:?}", bitflags::parser::from_str::<Flags>("A | Z"));
}
