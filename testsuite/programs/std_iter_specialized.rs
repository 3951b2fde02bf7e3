// Iterator adapters whose std implementation is chosen by specialization: `Zip` over
// slice and vec iterators takes `fold`, `get_unchecked` and `size_hint` from the
// `TrustedRandomAccessNoCoerce` impl that the selected `TrustedRandomAccess` impl
// specializes; `rev`, `nth`, `step_by`, `skip`, `enumerate`, `copied` and `cloned` over
// them use the same machinery.
fn dot(a: &[i64], b: &[i64]) -> i64 {
    a.iter().zip(b.iter()).fold(0, |acc, (x, y)| acc + x * y)
}

fn main() {
    let a = [1usize, 2, 3, 4, 5];
    let b = [10usize, 20, 30];
    println!("{}", a.iter().zip(b.iter()).fold(0isize, |s, (x, y)| s + (*x as isize) * (*y as isize)));
    println!("{}", a.iter().zip(b.iter()).zip(a.iter().skip(1)).all(|((x, y), z)| x < y && z > x));
    println!("{:?}", a.iter().zip(b.iter()).rev().collect::<Vec<_>>());
    println!("{:?}", a.iter().zip(b.iter()).nth(1));
    println!("{:?}", a.iter().zip(b.iter()).size_hint());
    println!("{}", dot(&[1, -2, 3], &[4, 5, -6]));
    let v: Vec<u8> = (0..10).collect();
    let w: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    println!("{}", v.iter().zip(w.iter()).map(|(n, s)| *n as usize + s.len()).sum::<usize>());
    println!("{:?}", v.iter().copied().zip(v.iter().cloned().rev()).map(|(x, y)| x * y).collect::<Vec<_>>());
    println!("{:?}", v.iter().step_by(3).zip(w.iter().skip(2)).collect::<Vec<_>>());
    println!("{:?}", v.iter().enumerate().zip(w.iter()).filter(|((i, _), _)| i % 4 == 0).collect::<Vec<_>>());
    println!("{:?}", v.chunks(3).zip(v.windows(2)).map(|(c, w)| c.len() + w[1] as usize).collect::<Vec<_>>());
    let owned: Vec<String> = w.clone().into_iter().zip(v.clone()).map(|(s, n)| format!("{s}{n}")).collect();
    println!("{:?}", owned);
    let mut m = vec![0i32; 5];
    for (dst, src) in m.iter_mut().zip([5, 4, 3, 2, 1].iter()) {
        *dst = src * 2;
    }
    println!("{:?}", m);
    let mut it = a.iter().zip(b.iter());
    it.next();
    println!("{:?} {:?}", it.next_back(), it.fold(0, |s, (x, y)| s + x + y));
    let s = "héllo wörld";
    println!("{:?}", s.chars().zip(s.bytes()).take(4).collect::<Vec<_>>());
    println!("{}", std::iter::zip(&a, &b).map(|(x, y)| x * y).max().unwrap());
}
