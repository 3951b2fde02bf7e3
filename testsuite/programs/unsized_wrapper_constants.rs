// Constants that point to unsized single-field wrappers (`struct Secret([u8])` made from a
// slice by a transmute in a `const fn`, twox-hash's `DEFAULT_SECRET`): the wrapper's bytes
// are the slice's, exported by rust-analyzer's evaluator and emitted as data.
#[repr(transparent)]
struct Secret([u8]);

impl Secret {
    const unsafe fn new_unchecked(b: &[u8]) -> &Self {
        unsafe { std::mem::transmute(b) }
    }
    fn sum(&self) -> u32 {
        self.0.iter().map(|&b| b as u32).sum()
    }
}

#[repr(transparent)]
struct Name(str);

#[repr(transparent)]
struct Outer(Inner);
#[repr(transparent)]
struct Inner([u32]);

const RAW: [u8; 12] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 250];
const SECRET: &Secret = unsafe { Secret::new_unchecked(&RAW) };
const NAME: &Name = unsafe { std::mem::transmute::<&str, &Name>("a name") };
const WORDS: &Outer = unsafe { std::mem::transmute::<&[u32], &Outer>(&[7, 70, 700, 7000]) };
static SECRETS: [&Secret; 2] = [SECRET, unsafe { Secret::new_unchecked(b"xyz") }];

fn main() {
    println!("{:?} {} {}", &SECRET.0, SECRET.0.len(), SECRET.sum());
    println!("{:?} {}", &NAME.0, NAME.0.len());
    println!("{:?}", &WORDS.0 .0);
    for s in SECRETS.iter() {
        println!("{}", s.sum());
    }
}
