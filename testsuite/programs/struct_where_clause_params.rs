// A type parameter that only a where clause constrains (`struct Pairs<I, J, L, R> where
// I: Iterator<Item = L>`, roaring's bitmap operations) is inferred from the ADT's where
// clauses at struct expressions and patterns, as rustc does: unifying with the expected
// type leaves such a (bivariant) parameter unknown.
use std::borrow::Borrow;
use std::iter::Peekable;

struct Container(u32);

struct Pairs<I, J, L, R>
where
    I: Iterator<Item = L>,
    J: Iterator<Item = R>,
    L: Borrow<Container>,
    R: Borrow<Container>,
{
    left: Peekable<I>,
    right: Peekable<J>,
}

impl<I, J, L, R> Pairs<I, J, L, R>
where
    I: Iterator<Item = L>,
    J: Iterator<Item = R>,
    L: Borrow<Container>,
    R: Borrow<Container>,
{
    fn new<A, B>(left: A, right: B) -> Pairs<I, J, L, R>
    where
        A: IntoIterator<Item = L, IntoIter = I>,
        B: IntoIterator<Item = R, IntoIter = J>,
    {
        Pairs { left: left.into_iter().peekable(), right: right.into_iter().peekable() }
    }

    fn into_parts(self) -> (Peekable<I>, Peekable<J>) {
        let Pairs { left, right } = self;
        (left, right)
    }
}

impl<I, J, L, R> Iterator for Pairs<I, J, L, R>
where
    I: Iterator<Item = L>,
    J: Iterator<Item = R>,
    L: Borrow<Container>,
    R: Borrow<Container>,
{
    type Item = (Option<L>, Option<R>);
    fn next(&mut self) -> Option<Self::Item> {
        let l = self.left.peek().map(|c| c.borrow().0);
        let r = self.right.peek().map(|c| c.borrow().0);
        match (l, r) {
            (None, None) => None,
            (Some(a), Some(b)) if a == b => Some((self.left.next(), self.right.next())),
            (Some(a), Some(b)) if a < b => Some((self.left.next(), None)),
            (Some(_), None) => Some((self.left.next(), None)),
            _ => Some((None, self.right.next())),
        }
    }
}

struct Counted<I, T>(I, usize)
where
    I: Iterator<Item = T>;

fn count<I, T>(it: I) -> usize
where
    I: Iterator<Item = T>,
{
    let mut c = Counted(it, 0);
    while c.0.next().is_some() {
        c.1 += 1;
    }
    let Counted(_, n) = c;
    n
}

fn main() {
    let a = vec![Container(1), Container(3), Container(5), Container(7)];
    let b = vec![Container(3), Container(4), Container(7)];
    for pair in Pairs::new(&a, &b) {
        match pair {
            (Some(l), Some(r)) => println!("both {} {}", l.0, r.0),
            (Some(l), None) => println!("left {}", l.0),
            (None, Some(r)) => println!("right {}", r.0),
            (None, None) => unreachable!(),
        }
    }
    let owned: Vec<(Option<Container>, Option<Container>)> = Pairs::new(a, b).collect();
    println!("{}", owned.len());
    let (mut l, r) = Pairs::new(vec![Container(9)], Vec::<Container>::new()).into_parts();
    println!("{:?} {}", l.next().map(|c| c.0), r.count());
    println!("{}", count("hello".chars()));
}
