use std::cmp::Ordering;
use std::hint::black_box;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Suit {
    Clubs,
    Diamonds,
    Hearts,
    Spades,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Card {
    rank: u8,
    suit: Suit,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
enum Priority {
    Low,
    Mid(u8),
    High { level: u32, tag: String },
}

#[derive(Debug, PartialEq, PartialOrd, Clone, Copy)]
struct Score(f64, i32);

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Version(u32, u32, u32);

fn main() {
    let mut cards = black_box(vec![
        Card { rank: 10, suit: Suit::Hearts },
        Card { rank: 2, suit: Suit::Spades },
        Card { rank: 10, suit: Suit::Clubs },
        Card { rank: 14, suit: Suit::Diamonds },
        Card { rank: 2, suit: Suit::Clubs },
    ]);
    cards.sort();
    println!("{:?}", cards);
    println!("max {:?} min {:?}", cards.iter().max(), cards.iter().min());
    println!("{} {} {}", cards[0] < cards[1], cards[2] == Card { rank: 10, suit: Suit::Clubs }, cards[3] >= cards[4]);
    println!("{:?}", cards[0].cmp(&cards[1]));
    println!("{:?} {:?}", Suit::Hearts.cmp(&Suit::Clubs), Suit::Spades.partial_cmp(&Suit::Spades));
    let mut ps = vec![
        Priority::High { level: 2, tag: "b".into() },
        Priority::Low,
        Priority::Mid(5),
        Priority::High { level: 2, tag: "a".into() },
        Priority::Mid(1),
        Priority::High { level: 1, tag: "z".into() },
    ];
    ps.sort();
    println!("{:?}", ps);
    ps.sort_by(|a, b| b.cmp(a));
    println!("rev {:?}", ps);
    println!("max {:?}", ps.iter().cloned().max().unwrap());
    let scores = [Score(1.5, 2), Score(1.5, -1), Score(f64::NAN, 0), Score(-0.0, 9)];
    for w in scores.windows(2) {
        println!("{:?} vs {:?}: {:?} lt={} eq={}", w[0], w[1], w[0].partial_cmp(&w[1]), w[0] < w[1], w[0] == w[1]);
    }
    let mut vs = vec![Version(1, 10, 0), Version(1, 2, 3), Version(0, 99, 99), Version(1, 2, 10)];
    vs.sort_unstable();
    println!("{:?}", vs);
    println!("{:?}", vs.binary_search(&Version(1, 2, 10)));
    println!("{:?}", std::cmp::max(Version(2, 0, 0), Version(1, 99, 99)));
    println!("{:?}", (1, "b").cmp(&(1, "a")));
    println!("{:?}", [1, 2, 3][..].cmp(&[1, 2][..]));
    println!("{:?}", "abc".partial_cmp("abd"));
    println!("{:?}", Some(3).cmp(&None));
    println!("{:?}", Ordering::Less.reverse());
    println!("{:?}", 5.cmp(&5).then(Ordering::Greater));
    println!("{}", Card { rank: 3, suit: Suit::Hearts }.clamp(cards[0].clone(), cards[1].clone()).rank);
}
