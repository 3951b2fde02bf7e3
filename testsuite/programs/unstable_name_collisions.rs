// A stable trait method wins over an unstable std method of the same name, as with rustc
// on stable (its `unstable_name_collisions` lint): `Iterator::intersperse` is unstable, so
// `iter.intersperse(x)` with a trait of the program in scope calls the trait's method
// (itertools' `Itertools::intersperse`). rust-analyzer found both and gave up.
#![allow(unstable_name_collisions)]

struct Intersperse<I: Iterator> { iter: std::iter::Peekable<I>, sep: I::Item, sep_next: bool }
impl<I: Iterator> Iterator for Intersperse<I> where I::Item: Clone {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        if self.sep_next && self.iter.peek().is_some() {
            self.sep_next = false;
            return Some(self.sep.clone());
        }
        self.sep_next = true;
        self.iter.next()
    }
}

trait MyItertools: Iterator + Sized {
    fn intersperse(self, sep: Self::Item) -> Intersperse<Self> {
        Intersperse { iter: self.peekable(), sep, sep_next: false }
    }
    fn is_sorted_by_key2(self) -> &'static str { "mine" }
}
impl<I: Iterator> MyItertools for I {}

fn main() {
    let v: Vec<i32> = [1, 2, 3].into_iter().intersperse(0).collect();
    println!("{v:?}");
    let s: String = "abc".chars().intersperse('-').collect();
    println!("{s}");
    println!("{}", [1, 2].iter().is_sorted_by_key2());
}
