fn same<I, J>(a: I, b: J) -> bool
where
    I: IntoIterator,
    J: IntoIterator,
    I::Item: PartialEq<J::Item>,
{
    a.into_iter().zip(b).all(|(x, y)| x == y)
}

fn main() {
    let v: Vec<i32> = Vec::new();
    println!("{} {}", v == Vec::new(), same(vec![vec![1, 2]], std::iter::once(vec![1, 2])));
}
