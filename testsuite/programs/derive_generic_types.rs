use std::collections::{BTreeSet, HashSet};
use std::hint::black_box;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
struct Pair<A, B> {
    first: A,
    second: B,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Tree<T> {
    Leaf(T),
    Node2(T, T),
    Empty,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Wrapper<T>(Vec<T>, Option<T>);

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Clone, Copy, Default)]
struct Meters(u32);

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Shape<'a> {
    Named(&'a str),
    Sized { w: Meters, h: Meters },
}

fn main() {
    let mut pairs = black_box(vec![
        Pair { first: 2, second: "b" },
        Pair { first: 1, second: "z" },
        Pair { first: 2, second: "a" },
    ]);
    pairs.sort();
    println!("{:?}", pairs);
    println!("{:?}", Pair::<u8, String>::default());
    println!("{:#?}", pairs[0]);
    let trees = [Tree::Node2(1, 2), Tree::Leaf(5), Tree::Empty, Tree::Leaf(-1), Tree::Node2(1, 1)];
    let sorted: BTreeSet<Tree<i32>> = trees.iter().copied().collect();
    println!("{:?}", sorted);
    let hs: HashSet<Tree<i32>> = trees.iter().copied().chain([Tree::Leaf(5)]).collect();
    println!("hashset len {} has Empty {}", hs.len(), hs.contains(&Tree::Empty));
    println!("{}", Tree::Leaf(3) < Tree::Node2(0, 0));
    let w: Wrapper<char> = Wrapper(vec!['a', 'b'], Some('c'));
    let w2 = w.clone();
    println!("{:?} eq {} default {:?}", w, w == w2, Wrapper::<i8>::default());
    let shapes = vec![
        Shape::Sized { w: Meters(3), h: Meters(1) },
        Shape::Named("circle"),
        Shape::Sized { w: Meters(2), h: Meters(9) },
        Shape::Named("arc"),
    ];
    let mut s2 = shapes.clone();
    s2.sort();
    println!("{:?}", s2);
    println!("max {:?}", shapes.iter().max());
    println!("{:#?}", shapes[0]);
    let nested: Pair<Tree<Meters>, Wrapper<Pair<u8, bool>>> = Pair {
        first: Tree::Node2(Meters(1), Meters(2)),
        second: Wrapper(vec![Pair { first: 1, second: true }], None),
    };
    println!("{:?}", nested);
    println!("{}", nested.clone() == nested);
}
