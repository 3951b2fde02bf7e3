// Binary formats and numbers: bincode 1 and postcard over serde derives, rust_decimal's
// exact decimals, ordered-float in ordered collections, nalgebra's generic matrices and
// ndarray's n-dimensional arrays.
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: bincode = "=1.3.3"
//@ dep: postcard = { version = "=1.0.10", features = ["alloc"] }
//@ dep: rust_decimal = "=1.36.0"
//@ dep: ordered-float = "=4.6.0"
//@ dep: nalgebra = "=0.33.3"
//@ dep: ndarray = "=0.16.1"
use nalgebra::{Matrix3, Vector3};
use ndarray::{array, Array2, Axis};
use ordered_float::OrderedFloat;
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Serialize, Deserialize, PartialEq, Clone)]
enum Kind {
    Unit,
    Pair(u8, i64),
    Named { id: u32, tags: Vec<String> },
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Clone)]
struct Record {
    name: String,
    score: f32,
    kinds: Vec<Kind>,
    map: BTreeMap<String, Option<u16>>,
    bytes: Vec<u8>,
}

fn main() {
    let mut map = BTreeMap::new();
    map.insert("a".to_string(), Some(7));
    map.insert("b".to_string(), None);
    let r = Record {
        name: "rec".into(),
        score: -1.5,
        kinds: vec![Kind::Unit, Kind::Pair(3, -9), Kind::Named { id: 77, tags: vec!["x".into(), "yz".into()] }],
        map,
        bytes: vec![0, 255, 16],
    };
    let b = bincode::serialize(&r).unwrap();
    println!("bincode {} bytes: {:?}", b.len(), &b[..16]);
    let back: Record = bincode::deserialize(&b).unwrap();
    println!("{}", back == r);
    let bad: Result<Record, _> = bincode::deserialize(&b[..10]);
    println!("{}", bad.unwrap_err());
    let p = postcard::to_allocvec(&r).unwrap();
    println!("postcard {} bytes: {:?}", p.len(), p);
    let back: Record = postcard::from_bytes(&p).unwrap();
    println!("{:?}", back);

    let price = Decimal::from_str("19.99").unwrap();
    let qty = Decimal::from(3);
    let total = price * qty;
    println!("{total} {} {}", total.round_dp(1), total / Decimal::from_str("7").unwrap());
    let tax = (total * Decimal::new(825, 4)).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    println!("{tax} {} {}", total + tax, (total + tax).to_f64().unwrap());
    println!("{:?}", Decimal::from_str("abc").is_err());
    println!("{}", Decimal::MAX);

    let mut set = BTreeSet::new();
    for v in [3.5, -1.0, f64::NAN, 0.0, -0.0, 2.25, f64::INFINITY] {
        set.insert(OrderedFloat(v));
    }
    println!("{:?}", set.iter().map(|f| f.0).collect::<Vec<_>>());
    let mut v = vec![OrderedFloat(2.0f32), OrderedFloat(-3.0), OrderedFloat(1.0)];
    v.sort();
    println!("{:?} max {}", v, v.iter().max().unwrap());

    let m = Matrix3::new(2.0, 0.0, 1.0, 1.0, 3.0, 0.0, 0.0, 1.0, 4.0);
    let x = Vector3::new(1.0, -2.0, 0.5);
    println!("{}", m * x);
    println!("det {:.4}", m.determinant());
    let inv = m.try_inverse().unwrap();
    println!("{:.4}", inv);
    println!("{:.4}", (m * inv - Matrix3::identity()).norm());
    println!("{}", m.transpose() * m);
    let lu = m.lu();
    println!("{:.4}", lu.solve(&x).unwrap());

    let a: Array2<f64> = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    let bm = Array2::from_shape_fn((3, 2), |(i, j)| (i * 2 + j) as f64);
    println!("{}", a.dot(&bm));
    println!("{}", a.sum_axis(Axis(0)));
    println!("{:?}", a.mean_axis(Axis(1)).unwrap().to_vec());
    println!("{}", a.t());
    println!("{}", a.mapv(|v| v * v).slice(ndarray::s![.., 1..]));
}
