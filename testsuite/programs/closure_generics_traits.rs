use std::fmt::Display;
use std::hint::black_box;

trait Describe {
    fn describe(&self) -> String;
    fn twice(&self) -> String {
        format!("{0} {0}", self.describe())
    }
}

impl Describe for i32 {
    fn describe(&self) -> String { format!("int({})", self) }
}
impl Describe for &str {
    fn describe(&self) -> String { format!("str({})", self) }
}
impl<T: Describe> Describe for Vec<T> {
    fn describe(&self) -> String {
        format!("[{}]", self.iter().map(|x| x.describe()).collect::<Vec<_>>().join(", "))
    }
}
impl<T: Describe, U: Describe> Describe for (T, U) {
    fn describe(&self) -> String { format!("<{} & {}>", self.0.describe(), self.1.describe()) }
}

fn largest<T: PartialOrd + Copy>(xs: &[T]) -> T {
    let mut m = xs[0];
    for &x in xs {
        if x > m { m = x; }
    }
    m
}

fn show_all<T>(items: &[T]) -> String where T: Display {
    items.iter().map(|i| format!("'{}'", i)).collect::<Vec<_>>().join(" ")
}

struct Stack<T> {
    items: Vec<T>,
}

impl<T: Clone + std::fmt::Debug> Stack<T> {
    fn new() -> Self { Stack { items: Vec::new() } }
    fn push(&mut self, t: T) -> &mut Self { self.items.push(t); self }
    fn peek(&self) -> Option<&T> { self.items.last() }
    fn map<U, F: Fn(&T) -> U>(&self, f: F) -> Stack<U> { Stack { items: self.items.iter().map(f).collect() } }
}

trait Visitor {
    fn visit<T: std::fmt::Debug>(&mut self, t: &T);
}
struct Collect(Vec<String>);
impl Visitor for Collect {
    fn visit<T: std::fmt::Debug>(&mut self, t: &T) { self.0.push(format!("{:?}", t)); }
}

fn sum_generic<I: Iterator<Item = u32>>(it: I) -> u32 { it.sum() }
fn default_of<T: Default + std::fmt::Debug>() -> String { format!("{:?}", T::default()) }

fn main() {
    println!("{}", black_box(5).describe());
    println!("{}", "hey".twice());
    println!("{}", vec![1, 2, 3].describe());
    println!("{}", (7, vec!["a", "b"]).describe());
    println!("{} {} {}", largest(&[3, 9, 2]), largest(&[1.5, -2.0]), largest(&['x', 'b', 'z']));
    println!("{}", show_all(&["a", "b"]));
    println!("{}", show_all(&[1.5, 2.25]));
    let mut s: Stack<i32> = Stack::new();
    s.push(1).push(2).push(3);
    println!("{:?} {:?}", s.peek(), s.map(|x| format!("#{}", x)).items);
    let mut c = Collect(Vec::new());
    c.visit(&1u8);
    c.visit(&"two");
    c.visit(&Some(3.0));
    c.visit(&vec![(1, 'a')]);
    println!("{:?}", c.0);
    println!("{}", sum_generic((1..=10u32).filter(|x| x % 3 != 0)));
    println!("{} {} {} {}", default_of::<i64>(), default_of::<String>(), default_of::<Vec<u8>>(), default_of::<(bool, char, Option<i8>)>());
}
