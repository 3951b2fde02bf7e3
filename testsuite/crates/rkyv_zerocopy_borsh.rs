// Zero-copy archives (rkyv's derive, validated access), byte-level views of `repr(C)` structs
// (zerocopy's derives), Borsh encoding (borsh's derives), enums from integers (num_enum),
// arrays indexed by enums (enum-map) and fixed-capacity collections (heapless).
//@ dep: rkyv = "=0.8.18"
//@ dep: zerocopy = { version = "=0.8.66", features = ["derive"] }
//@ dep: borsh = { version = "=1.8.1", features = ["derive"] }
//@ dep: num_enum = "=0.7.6"
//@ dep: enum-map = "=2.7.3"
//@ dep: heapless = "=0.9.4"
use rkyv::rancor::Error as RkyvError;

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Debug, PartialEq)]
struct Record {
    id: u32,
    name: String,
    scores: Vec<i16>,
    parent: Option<Box<Inner>>,
    kind: Kind,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Debug, PartialEq)]
struct Inner {
    id: u32,
    name: String,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Debug, PartialEq)]
enum Kind {
    Leaf,
    Node(u8),
    Named { label: String },
}

#[derive(zerocopy::FromBytes, zerocopy::IntoBytes, zerocopy::Immutable, zerocopy::KnownLayout, Debug)]
#[repr(C)]
struct Header {
    magic: [u8; 4],
    len: u32,
    flags: u16,
    kind: u16,
}

#[derive(borsh::BorshSerialize, borsh::BorshDeserialize, Debug, PartialEq)]
struct Tx {
    nonce: u64,
    to: [u8; 4],
    memo: Option<String>,
    parts: Vec<(u8, bool)>,
    op: Op,
}

#[derive(borsh::BorshSerialize, borsh::BorshDeserialize, Debug, PartialEq)]
enum Op {
    Transfer { amount: u128 },
    Burn,
}

#[derive(num_enum::TryFromPrimitive, num_enum::IntoPrimitive, Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
enum Opcode {
    Nop = 0,
    Push = 0x10,
    Pop = 0x11,
    Jump = 0x20,
}

#[derive(enum_map::Enum, Debug, Clone, Copy)]
enum Color {
    Red,
    Green,
    Blue,
}

fn main() {
    let rec = Record {
        id: 7,
        name: "child".into(),
        scores: vec![-3, 0, 12345],
        parent: Some(Box::new(Inner { id: 1, name: "root".into() })),
        kind: Kind::Named { label: "x".repeat(20) },
    };
    let bytes = rkyv::to_bytes::<RkyvError>(&rec).unwrap();
    println!("{}", bytes.len());
    let archived = rkyv::access::<ArchivedRecord, RkyvError>(&bytes[..]).unwrap();
    println!("{} {} {:?}", archived.id, archived.name, archived.scores.iter().map(|s| s.to_native()).collect::<Vec<_>>());
    println!("{:?}", archived.parent.as_ref().map(|p| p.name.as_str()));
    match &archived.kind {
        ArchivedKind::Named { label } => println!("named {}", label.len()),
        _ => println!("other"),
    }
    let back: Record = rkyv::deserialize::<Record, RkyvError>(archived).unwrap();
    println!("{}", back == rec);
    let mut broken = bytes.to_vec();
    let n = broken.len();
    broken[n - 4] = 0xff;
    println!("{}", rkyv::access::<ArchivedRecord, RkyvError>(&broken[..]).is_err());

    use zerocopy::{FromBytes, IntoBytes};
    // Aligned for `Header` (a `u32` field): `ref_from_prefix` checks the alignment.
    #[repr(C, align(8))]
    struct Aligned([u8; 14]);
    let buf = Aligned([b'R', b'A', b'C', b'!', 12, 0, 0, 0, 3, 0, 9, 0, 0xaa, 0xbb]);
    let raw = &buf.0;
    let h = Header::read_from_bytes(&raw[..12]).unwrap();
    println!("{:?} {:?}", h, std::str::from_utf8(&h.magic));
    let (r, rest) = Header::ref_from_prefix(&raw[..]).unwrap();
    println!("{} {:?} {:?}", r.len, rest, r.as_bytes());
    println!("{}", Header::ref_from_bytes(&raw[..5]).is_err());
    println!("{}", Header::ref_from_bytes(&raw[1..13]).is_err());
    let words: &[u16] = <[u16]>::ref_from_bytes(&raw[..8]).unwrap();
    println!("{words:?}");

    let tx = Tx { nonce: 42, to: [1, 2, 3, 4], memo: Some("hi".into()), parts: vec![(1, true), (2, false)], op: Op::Transfer { amount: u128::MAX / 3 } };
    let enc = borsh::to_vec(&tx).unwrap();
    println!("{} {:?}", enc.len(), &enc[..16]);
    let dec: Tx = borsh::from_slice(&enc).unwrap();
    println!("{}", dec == tx);
    println!("{:?}", borsh::from_slice::<Tx>(&enc[..10]).map_err(|e| e.kind()));
    println!("{:?}", borsh::to_vec(&Op::Burn).unwrap());

    for b in [0u8, 0x10, 0x20, 0x30] {
        println!("{:?}", Opcode::try_from(b).map_err(|e| e.to_string()));
    }
    let code: u8 = Opcode::Pop.into();
    println!("{code}");

    let mut m = enum_map::enum_map! { Color::Red => 1, Color::Green => 2, Color::Blue => 3 };
    m[Color::Green] *= 10;
    println!("{:?} {}", m, m.values().sum::<i32>());
    for (c, v) in &m {
        print!("{c:?}={v} ");
    }
    println!();

    let mut hv: heapless::Vec<u16, 4> = heapless::Vec::new();
    for i in 0..6 {
        println!("{:?}", hv.push(i * 100));
    }
    println!("{:?} {}", hv, hv.is_full());
    let mut hs: heapless::String<8> = heapless::String::new();
    println!("{:?} {:?} {:?}", hs.push_str("abc"), hs.push_str("defghij"), hs);
    let mut dq: heapless::Deque<char, 3> = heapless::Deque::new();
    dq.push_back('a').unwrap();
    dq.push_front('z').unwrap();
    dq.push_back('b').unwrap();
    println!("{:?} {:?}", dq.iter().collect::<String>(), dq.push_back('c'));
}
