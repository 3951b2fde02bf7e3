// rand 0.8 with seeded generators: SmallRng (xoshiro) and StdRng (ChaCha12), ranges,
// shuffles and floats, all reproducible from the seed.
//@ dep: rand = { version = "=0.8.5", features = ["small_rng"] }
use rand::rngs::{SmallRng, StdRng};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

fn main() {
    let mut r = SmallRng::seed_from_u64(42);
    let xs: Vec<u32> = (0..5).map(|_| r.gen_range(0..100)).collect();
    println!("{xs:?}");
    let f: f64 = r.gen();
    println!("{f:.6}");
    let mut v: Vec<u8> = (1..=10).collect();
    v.shuffle(&mut r);
    println!("{v:?}");
    let mut s = StdRng::seed_from_u64(7);
    println!("{} {} {}", s.gen::<u64>(), s.gen_range(-5i32..5), s.gen_bool(0.5));
}
