use std::collections::{HashMap, HashSet};
use std::hint::black_box;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Coord {
    x: i32,
    y: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    Wall,
    Floor,
    Door(bool),
}

#[derive(Debug, Default, Clone, PartialEq)]
struct Config {
    name: String,
    retries: u32,
    ratio: f64,
    verbose: bool,
    tags: Vec<String>,
    limit: Option<u64>,
    inner: Inner,
}

#[derive(Debug, Default, Clone, PartialEq)]
struct Inner(u8, char);

#[derive(Debug, Default, PartialEq)]
enum Mode {
    Fast,
    #[default]
    Balanced,
    Slow,
}

#[derive(Clone, Copy, Debug)]
struct Px(u8, u8, u8);

fn main() {
    let mut grid: HashMap<Coord, Kind> = HashMap::new();
    for i in 0..4 {
        grid.insert(Coord { x: i, y: i % 2 }, if i % 2 == 0 { Kind::Wall } else { Kind::Floor });
    }
    grid.insert(Coord { x: 9, y: 9 }, Kind::Door(true));
    *grid.get_mut(&Coord { x: 1, y: 1 }).unwrap() = Kind::Door(false);
    println!("lookup {:?} {:?}", grid.get(&Coord { x: 2, y: 0 }), grid.get(&Coord { x: 5, y: 5 }));
    let mut entries: Vec<_> = grid.iter().collect();
    entries.sort();
    println!("{:?}", entries);
    let kinds: HashSet<Kind> = grid.values().copied().collect();
    let mut kv: Vec<_> = kinds.into_iter().collect();
    kv.sort();
    println!("distinct kinds {:?}", kv);
    let set: HashSet<Coord> = black_box(vec![Coord { x: 1, y: 1 }, Coord { x: 1, y: 1 }, Coord { x: 0, y: 1 }]).into_iter().collect();
    println!("set len {} contains {}", set.len(), set.contains(&Coord { x: 0, y: 1 }));
    let c = Config::default();
    println!("{:?}", c);
    let c2 = Config { name: "custom".into(), retries: 3, ..Default::default() };
    println!("{:#?}", c2);
    let mut c3 = c2.clone();
    c3.tags.push("t".into());
    println!("clone eq {} {}", c2 == c2.clone(), c2 == c3);
    println!("{:?} {:?}", Mode::default(), Mode::default() == Mode::Balanced);
    println!("{:?} {:?}", Mode::Fast, Mode::Slow);
    let p = Px(1, 2, 3);
    let mut q = p;
    q.0 = 200;
    println!("copy {:?} {:?}", p, q);
    let v = vec![Coord { x: 1, y: 2 }];
    let mut w = v.clone();
    w[0].x = 100;
    println!("vec clone {:?} {:?}", v, w);
    let defaults: (i32, String, Vec<u8>, Option<char>, bool, [u16; 3]) = Default::default();
    println!("{:?}", defaults);
}
