// petgraph's Dijkstra and toposort, flate2 (miniz_oxide) compression round trip,
// crc32fast, textwrap.
//@ dep: petgraph = "=0.6.5"
//@ dep: flate2 = "=1.0.34"
//@ dep: crc32fast = "=1.4.2"
//@ dep: textwrap = "=0.16.1"
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use petgraph::algo::{dijkstra, toposort};
use petgraph::graph::DiGraph;
use std::io::{Read, Write};

fn main() {
    let mut g = DiGraph::<&str, u32>::new();
    let a = g.add_node("a"); let b = g.add_node("b"); let c = g.add_node("c"); let d = g.add_node("d");
    g.extend_with_edges([(a, b, 4), (a, c, 1), (c, b, 2), (b, d, 5), (c, d, 9)]);
    let dist = dijkstra(&g, a, None, |e| *e.weight());
    let mut v: Vec<_> = dist.iter().map(|(n, d)| (g[*n], *d)).collect(); v.sort();
    println!("{v:?}");
    println!("{:?}", toposort(&g, None).unwrap().iter().map(|n| g[*n]).collect::<Vec<_>>());
    let input: Vec<u8> = (0..5000u32).map(|i| (i % 17) as u8 + b'a').collect();
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(&input).unwrap();
    let gz = e.finish().unwrap();
    let mut out = Vec::new();
    GzDecoder::new(&gz[..]).read_to_end(&mut out).unwrap();
    println!("{} {} {}", gz.len() < input.len(), out == input, crc32fast::hash(&input));
    let mut h = crc32fast::Hasher::new(); h.update(b"hello "); h.update(b"world");
    println!("{:08x}", h.finalize());
    println!("{}", textwrap::fill("The quick brown fox jumps over the lazy dog and keeps running far away.", 20));
}
