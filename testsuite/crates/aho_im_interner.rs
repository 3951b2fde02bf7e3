// Multi-pattern search (aho-corasick), persistent data structures (im's HAMT maps and RRB
// vectors, rpds), string interning (lasso), an arena tree (indextree), bit sets
// (bit-set, fixedbitset) and rustc's FxHash maps.
//@ dep: aho-corasick = "=1.1.5"
//@ dep: im = "=15.1.0"
//@ dep: rpds = "=1.2.1"
//@ dep: lasso = "=0.7.3"
//@ dep: indextree = "=4.9.2"
//@ dep: bit-set = "=0.8.0"
//@ dep: fixedbitset = "=0.5.9"
//@ dep: rustc-hash = "=2.1.3"
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

fn main() {
    let patterns = ["apple", "maple", "snapple", "app"];
    let hay = "Nobody likes maple in their apple flavored Snapple or an app.";
    let ac = AhoCorasick::new(patterns).unwrap();
    for m in ac.find_iter(hay) {
        println!("{:?} {}..{} {:?}", m.pattern(), m.start(), m.end(), &hay[m.start()..m.end()]);
    }
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .unwrap();
    let found: Vec<usize> = ac.find_iter(hay).map(|m| m.pattern().as_usize()).collect();
    println!("{found:?}");
    println!("{}", ac.replace_all(hay, &["A", "M", "S", "P"]));
    println!("{}", ac.is_match("nothing here"));

    let mut v: im::Vector<i32> = (1..=10).collect();
    let v2 = v.clone();
    v.push_back(11);
    v.set(0, 100);
    println!("{:?} {:?} {}", v.iter().take(3).collect::<Vec<_>>(), v2.iter().take(3).collect::<Vec<_>>(), v.len());
    let (left, right) = v.clone().split_at(4);
    println!("{} {} {:?}", left.len(), right.len(), right.head());
    let mut m = im::HashMap::new();
    for (i, w) in ["a", "b", "c", "d"].iter().enumerate() {
        m.insert(*w, i);
    }
    let m2 = m.update("e", 9).without("a");
    let mut keys: Vec<_> = m2.keys().cloned().collect();
    keys.sort();
    println!("{} {} {:?}", m.len(), m2.len(), keys);
    let ord: im::OrdMap<i32, &str> = [(3, "c"), (1, "a"), (2, "b")].into_iter().collect();
    println!("{:?}", ord);

    let l1 = rpds::List::new().push_front(3).push_front(2).push_front(1);
    let l2 = l1.push_front(0);
    println!("{:?} {:?}", l1.iter().collect::<Vec<_>>(), l2.iter().collect::<Vec<_>>());
    let hm = rpds::HashTrieMap::new().insert("x", 1).insert("y", 2);
    let hm2 = hm.remove("x");
    println!("{:?} {:?} {}", hm.get("x"), hm2.get("x"), hm2.size());

    let mut rodeo = lasso::Rodeo::default();
    let a = rodeo.get_or_intern("hello");
    let b = rodeo.get_or_intern("world");
    let c = rodeo.get_or_intern("hello");
    println!("{} {} {:?} {}", a == c, a == b, rodeo.resolve(&b), rodeo.len());

    let arena = &mut indextree::Arena::new();
    let root = arena.new_node("root");
    let x = arena.new_node("x");
    let y = arena.new_node("y");
    let z = arena.new_node("z");
    root.append(x, arena);
    root.append(y, arena);
    x.append(z, arena);
    let names: Vec<&str> = root.descendants(arena).map(|n| *arena[n].get()).collect();
    println!("{names:?} {}", y.ancestors(arena).count());

    let mut bs = bit_set::BitSet::new();
    for i in [1, 5, 9, 200] {
        bs.insert(i);
    }
    let other: bit_set::BitSet = [5, 9, 10].into_iter().collect();
    println!("{:?} {:?}", bs.iter().collect::<Vec<_>>(), bs.intersection(&other).collect::<Vec<_>>());
    let mut fb = fixedbitset::FixedBitSet::with_capacity(70);
    fb.insert_range(3..8);
    fb.insert(65);
    println!("{} {:?} {}", fb.count_ones(..), fb.ones().collect::<Vec<_>>(), fb.contains(6));

    let mut fx: FxHashMap<&str, u32> = FxHashMap::default();
    for w in "the cat and the hat and the bat".split(' ') {
        *fx.entry(w).or_default() += 1;
    }
    let mut counts: Vec<_> = fx.into_iter().collect();
    counts.sort();
    println!("{counts:?}");
}
