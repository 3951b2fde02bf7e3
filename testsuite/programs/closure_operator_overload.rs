use std::fmt;
use std::hint::black_box;
use std::ops::{Add, AddAssign, Index, IndexMut, Mul, Neg, Not, Sub};

#[derive(Debug, Clone, Copy, PartialEq)]
struct V2 {
    x: i32,
    y: i32,
}

impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 { V2 { x: self.x + o.x, y: self.y + o.y } }
}
impl Sub for V2 {
    type Output = V2;
    fn sub(self, o: V2) -> V2 { V2 { x: self.x - o.x, y: self.y - o.y } }
}
impl Mul<i32> for V2 {
    type Output = V2;
    fn mul(self, k: i32) -> V2 { V2 { x: self.x * k, y: self.y * k } }
}
impl Mul for V2 {
    type Output = i32;
    fn mul(self, o: V2) -> i32 { self.x * o.x + self.y * o.y }
}
impl Neg for V2 {
    type Output = V2;
    fn neg(self) -> V2 { V2 { x: -self.x, y: -self.y } }
}
impl AddAssign for V2 {
    fn add_assign(&mut self, o: V2) { self.x += o.x; self.y += o.y; }
}
impl<'a> Add<&'a V2> for &'a V2 {
    type Output = V2;
    fn add(self, o: &V2) -> V2 { *self + *o }
}
impl fmt::Display for V2 {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "({}, {})", self.x, self.y) }
}

struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f64>,
}
impl Index<(usize, usize)> for Matrix {
    type Output = f64;
    fn index(&self, (r, c): (usize, usize)) -> &f64 { &self.data[r * self.cols + c] }
}
impl IndexMut<(usize, usize)> for Matrix {
    fn index_mut(&mut self, (r, c): (usize, usize)) -> &mut f64 { &mut self.data[r * self.cols + c] }
}

#[derive(Debug, Clone, Copy)]
struct Flags(u8);
impl Not for Flags {
    type Output = Flags;
    fn not(self) -> Flags { Flags(!self.0) }
}

fn sum_all<T: Add<Output = T> + Copy>(xs: &[T], zero: T) -> T {
    xs.iter().fold(zero, |a, &b| a + b)
}

fn main() {
    let a = V2 { x: black_box(1), y: 2 };
    let b = V2 { x: 3, y: -4 };
    println!("{} {} {} {} {}", a + b, a - b, a * 3, a * b, -a);
    let mut c = a;
    c += b;
    c += V2 { x: 10, y: 10 };
    println!("c = {} {:?}", c, c == V2 { x: 14, y: 8 });
    println!("ref add {}", &a + &b);
    println!("sum {}", sum_all(&[a, b, c], V2 { x: 0, y: 0 }));
    println!("sum ints {}", sum_all(&[1.5, 2.5], 0.0));
    let mut m = Matrix { rows: 2, cols: 3, data: vec![0.0; 6] };
    for r in 0..m.rows {
        for col in 0..m.cols {
            m[(r, col)] = (r * 10 + col) as f64 / 4.0;
        }
    }
    m[(1, 1)] += 100.0;
    println!("{:?} m[1,2]={}", m.data, m[(1, 2)]);
    println!("{:?}", !Flags(0b1010_0000));
}
