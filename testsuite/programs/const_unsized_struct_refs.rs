// References to unsized structs with sized fields in statics and constants, made by
// unsizing coercion through a type parameter: `&AlignAs<[u8], u32>` from
// `&AlignAs<[u8; N], u32>`, as regex-automata's serialized DFAs are embedded (bstr's
// grapheme tables). The data is the sized struct's, the pointer carries the length.
#[repr(C)]
struct AlignAs<B: ?Sized, T> {
    _align: [T; 0],
    bytes: B,
}

struct Tagged<T: ?Sized> {
    tag: u8,
    wide: u64,
    data: T,
}

static ALIGNED: &AlignAs<[u8], u32> = &AlignAs {
    _align: [],
    bytes: *b"serialized table, 29 bytes...",
};

const TAGGED: &Tagged<[u16]> = &Tagged { tag: 7, wide: u64::MAX - 1, data: [1, 2, 3, 65535] };

static NESTED: &[&Tagged<[i8]>] = &[
    &Tagged { tag: 1, wide: 10, data: [-1, -2] },
    &Tagged { tag: 2, wide: 20, data: [] },
];

fn sum(t: &Tagged<[u16]>) -> u32 {
    t.data.iter().map(|&x| x as u32).sum()
}

fn main() {
    println!("{:?} {}", std::str::from_utf8(&ALIGNED.bytes).unwrap(), ALIGNED.bytes.len());
    println!("aligned to 4: {}", ALIGNED.bytes.as_ptr() as usize % 4 == 0);
    println!("{} {} {:?} {}", TAGGED.tag, TAGGED.wide, &TAGGED.data, sum(TAGGED));
    println!("{}", std::mem::size_of_val(TAGGED));
    for t in NESTED {
        println!("{} {} {:?}", t.tag, t.wide, &t.data);
    }
}
