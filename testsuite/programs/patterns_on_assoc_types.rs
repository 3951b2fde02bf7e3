// Destructuring a value whose declared type is an associated type of the impl being
// compiled (ndarray's `let (a, b) = stride;` with `stride: Self::Args`): the tuple and
// struct patterns see the normalized type.
trait Offset: Copy {
    type Stride: Copy;
    fn step(self, s: Self::Stride, n: usize) -> Self;
}

impl Offset for usize {
    type Stride = isize;
    fn step(self, s: isize, n: usize) -> usize {
        (self as isize + s * n as isize) as usize
    }
}

#[derive(Clone, Copy, Debug)]
struct P {
    x: i32,
    y: i32,
}

impl Offset for P {
    type Stride = P;
    fn step(self, s: Self::Stride, n: usize) -> P {
        let P { x, y } = s;
        P { x: self.x + x * n as i32, y: self.y + y * n as i32 }
    }
}

trait OffsetTuple {
    type Args;
    fn stride_offset(self, stride: Self::Args, index: usize) -> Self;
}

macro_rules! offset_impl {
    ($([$($param:ident)*][$($q:ident)*],)+) => {
        $(
        #[allow(non_snake_case)]
        impl<$($param: Offset),*> OffsetTuple for ($($param, )*) {
            type Args = ($($param::Stride,)*);
            fn stride_offset(self, stride: Self::Args, index: usize) -> Self {
                let ($($param, )*) = self;
                let ($($q, )*) = stride;
                ($(Offset::step($param, $q, index),)*)
            }
        }
        )+
    };
}

offset_impl! {
    [A][a],
    [A B][a b],
    [A B C][a b c],
}

trait Shape {
    type Dims;
    fn dims(&self) -> Self::Dims;
    fn volume(&self) -> i64;
}

struct Boxed(i64, i64, i64);

impl Shape for Boxed {
    type Dims = (i64, i64, i64);
    fn dims(&self) -> Self::Dims {
        (self.0, self.1, self.2)
    }
    fn volume(&self) -> i64 {
        let (w, h, d) = self.dims();
        match self.dims() {
            (0, _, _) | (_, 0, _) => 0,
            _ => w * h * d,
        }
    }
}

fn generic_volume<S: Shape<Dims = (i64, i64, i64)>>(s: &S) -> i64 {
    let (a, b, c) = s.dims();
    a + b + c
}

fn main() {
    println!("{:?}", (10usize,).stride_offset((2,), 3));
    println!("{:?}", (10usize, P { x: 1, y: 2 }).stride_offset((-1, P { x: 3, y: 0 }), 2));
    println!("{:?}", (1usize, 2usize, 3usize).stride_offset((1, 1, 1), 5));
    let b = Boxed(2, 3, 4);
    println!("{} {}", b.volume(), generic_volume(&b));
    println!("{}", Boxed(0, 3, 4).volume());
}
