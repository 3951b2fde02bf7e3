// Vector math with SIMD types (glam), half-precision floats (half), rationals (num-rational),
// compressed bitmaps (roaring), seeded ChaCha randomness and distributions (rand_chacha,
// rand_distr), and small collections (hashlink, bimap, priority-queue, smol_str).
//@ dep: glam = "=0.30.5"
//@ dep: half = "=2.6.0"
//@ dep: num-rational = "=0.4.2"
//@ dep: roaring = "=0.10.9"
//@ dep: rand = { version = "=0.8.5", features = ["small_rng"] }
//@ dep: rand_chacha = "=0.3.1"
//@ dep: rand_distr = "=0.4.3"
//@ dep: hashlink = "=0.10.0"
//@ dep: bimap = "=0.6.3"
//@ dep: priority-queue = "=2.5.0"
//@ dep: smol_str = "=0.3.2"
use glam::{Mat4, Quat, Vec2, Vec3, Vec4};

fn main() {
    let a = Vec3::new(1.0, 2.0, 3.0);
    let b = Vec3::new(-2.0, 0.5, 4.0);
    println!("{} {} {} {:?}", a + b, a.dot(b), a.cross(b), a.normalize());
    println!("{:.4} {}", a.length(), a.max_element());
    let v4 = Vec4::new(1.0, 2.0, 3.0, 4.0) * 2.0 - Vec4::ONE;
    println!("{v4} {}", v4.element_sum());
    let m = Mat4::from_scale_rotation_translation(Vec3::splat(2.0), Quat::from_rotation_z(std::f32::consts::FRAC_PI_2), Vec3::new(1.0, 0.0, 0.0));
    let p = m.transform_point3(Vec3::new(1.0, 0.0, 0.0));
    println!("{:.3} {:.3} {:.3}", p.x, p.y, p.z);
    println!("{:.3}", m.determinant());
    let inv = m.inverse() * m;
    println!("{}", inv.abs_diff_eq(Mat4::IDENTITY, 1e-5));
    let q = Quat::from_axis_angle(Vec3::Y, 1.0) * Quat::from_axis_angle(Vec3::X, 0.5);
    let r = q * Vec3::Z;
    println!("{:.4} {:.4} {:.4}", r.x, r.y, r.z);
    println!("{:?}", Vec2::new(3.0, 4.0).perp());

    use half::{bf16, f16};
    let h = f16::from_f32(3.14159);
    let bf = bf16::from_f64(-2.5e10);
    println!("{h} {} {bf} {} {:#06x}", h.to_f32(), f16::MAX, h.to_bits());
    println!("{} {}", f16::from_f32(1e10).is_infinite(), (f16::ONE + f16::ONE) * f16::from_f32(0.5));

    use num_rational::Rational64;
    let x = Rational64::new(3, 4) + Rational64::new(5, 6) * Rational64::new(2, 3);
    println!("{x} {} {} {}", x.numer(), x.floor(), x.recip());
    let sum: Rational64 = (1..=10).map(|n| Rational64::new(1, n * (n + 1))).sum();
    println!("{sum}");

    let mut rb = roaring::RoaringBitmap::new();
    rb.insert_range(10..20);
    rb.insert(1_000_000);
    for i in (0..200_000).step_by(7) {
        rb.insert(i);
    }
    let other: roaring::RoaringBitmap = (15..40).collect();
    println!("{} {} {:?} {:?}", rb.len(), (&rb & &other).len(), rb.min(), rb.max());
    println!("{:?}", (&rb - &other).iter().take(8).collect::<Vec<u32>>());
    let mut bytes = Vec::new();
    rb.serialize_into(&mut bytes).unwrap();
    let back = roaring::RoaringBitmap::deserialize_from(&bytes[..]).unwrap();
    println!("{} {}", bytes.len(), back == rb);

    use rand::{Rng, SeedableRng};
    use rand_distr::{Distribution, Normal, Poisson};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(42);
    let xs: Vec<u32> = (0..5).map(|_| rng.gen_range(0..100)).collect();
    println!("{xs:?}");
    let normal = Normal::new(10.0, 2.0).unwrap();
    let samples: Vec<String> = (0..4).map(|_| format!("{:.4}", normal.sample(&mut rng))).collect();
    println!("{samples:?}");
    let pois = Poisson::new(3.0).unwrap();
    let ps: Vec<f64> = (0..6).map(|_| pois.sample(&mut rng)).collect();
    println!("{ps:?}");
    let mut rng20 = rand_chacha::ChaCha20Rng::from_seed([7; 32]);
    println!("{:#x}", rng20.gen::<u64>());

    let mut lru = hashlink::LruCache::new(2);
    lru.insert("a", 1);
    lru.insert("b", 2);
    lru.get(&"a");
    lru.insert("c", 3);
    println!("{:?}", lru.iter().collect::<Vec<_>>());
    let mut lhm = hashlink::LinkedHashMap::new();
    for (i, w) in ["z", "y", "x"].iter().enumerate() {
        lhm.insert(*w, i);
    }
    lhm.to_front(&"x");
    println!("{:?}", lhm.keys().collect::<Vec<_>>());

    let mut bm = bimap::BiMap::new();
    bm.insert("one", 1);
    bm.insert("two", 2);
    bm.insert("uno", 1);
    println!("{:?} {:?} {:?} {}", bm.get_by_left(&"one"), bm.get_by_right(&1), bm.get_by_left(&"two"), bm.len());

    let mut pq = priority_queue::PriorityQueue::new();
    pq.push("low", 1);
    pq.push("high", 10);
    pq.push("mid", 5);
    pq.change_priority("low", 20);
    while let Some((item, prio)) = pq.pop() {
        print!("{item}:{prio} ");
    }
    println!();

    let s = smol_str::SmolStr::new("short");
    let long = smol_str::SmolStr::new("a considerably longer string that goes to the heap");
    println!("{s} {} {} {}", s.is_heap_allocated(), long.is_heap_allocated(), long.len());
    let f = smol_str::format_smolstr!("{}-{}", s, 42);
    println!("{f} {:?}", f.chars().rev().collect::<String>());
}
