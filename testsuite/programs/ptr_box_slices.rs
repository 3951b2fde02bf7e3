use std::hint::black_box;

#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

fn build(n: i32) -> List {
    let mut l = List::Nil;
    for i in (1..=n).rev() {
        l = List::Cons(i, Box::new(l));
    }
    l
}

fn list_sum(l: &List) -> i32 {
    match l {
        List::Cons(v, rest) => v + list_sum(rest),
        List::Nil => 0,
    }
}

fn slice_stats(s: &[i64]) -> (i64, i64, usize) {
    (*s.iter().min().unwrap_or(&0), *s.iter().max().unwrap_or(&0), s.len())
}

fn main() {
    let l = build(black_box(5));
    println!("{:?}", l);
    println!("sum {}", list_sum(&l));
    let mut b = Box::new([1u8; 6]);
    b[3] = 9;
    let total: u32 = b.iter().map(|&x| x as u32).sum();
    println!("boxed arr {:?} total {}", b, total);
    let bs: Box<[i64]> = vec![5, -2, 9, 0].into_boxed_slice();
    println!("boxed slice {:?} stats {:?}", bs, slice_stats(&bs));
    let bstr: Box<str> = "boxed str".into();
    println!("{} {}", bstr, bstr.len());
    let arr = black_box([3i64, 1, 4, 1, 5, 9, 2, 6]);
    let whole: &[i64] = &arr;
    println!("stats {:?} {:?}", slice_stats(whole), slice_stats(&arr[2..5]));
    println!("first {:?} last {:?} get(10) {:?}", whole.first(), whole.last(), whole.get(10));
    let (l1, r1) = whole.split_at(3);
    println!("split_at {:?} {:?}", l1, r1);
    for w in whole.windows(3).filter(|w| w[1] > w[0] && w[1] > w[2]) {
        println!("peak window {:?}", w);
    }
    for c in whole.chunks(3) {
        println!("chunk {:?}", c);
    }
    println!("exact {:?} rem {:?}", whole.chunks_exact(3).collect::<Vec<_>>(), whole.chunks_exact(3).remainder());
    println!("rchunks {:?}", whole.rchunks(3).next());
    let parts: Vec<&[i64]> = whole.split(|x| *x == 1).collect();
    println!("split on 1 {:?}", parts);
    println!("contains 9 {} starts {} ends {}", whole.contains(&9), whole.starts_with(&[3, 1]), whole.ends_with(&[6]));
    let mut m = arr;
    m[1..6].reverse();
    println!("partially reversed {:?}", m);
    m.rotate_left(2);
    println!("rotated {:?}", m);
    let ms: &mut [i64] = &mut m[..4];
    ms.fill(0);
    println!("filled {:?}", m);
    m.copy_from_slice(&arr);
    m.swap(0, 7);
    println!("{:?} {:?}", m, m.iter().rposition(|&x| x == 1));
    let v2: Vec<i64> = [whole, &[100, 200]].concat();
    println!("concat {:?}", v2);
    let empty: &[u8] = &[];
    println!("empty {:?} {}", empty, empty.is_empty());
}
