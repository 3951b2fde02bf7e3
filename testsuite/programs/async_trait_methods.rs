// Trait methods returning `impl Trait` (`async fn` in traits, `-> impl Trait`): rust-analyzer
// types a call through a generic `S: Trait` with the *trait* method's opaque type, whose
// hidden type is the default body's. When an impl overrides the method, rac uses the
// impl's return type instead (as rustc's projection does): with the default body's, a
// `String` returned by the impl was read as a `&str`, and an impl's `async fn` future was
// polled as the default body's.
use std::fmt::Display;
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

struct Yield(u32);
impl Future for Yield {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            Poll::Ready(())
        } else {
            self.0 -= 1;
            Poll::Pending
        }
    }
}

trait Shape {
    fn name(&self) -> impl Display {
        "shape"
    }
    fn corners(&self) -> impl Iterator<Item = u32> {
        0..0
    }
    async fn area(&self) -> f64 {
        1.0
    }
    async fn scaled(&self, k: f64) -> f64 {
        self.area().await * k
    }
}

struct Square(f64);
impl Shape for Square {
    fn name(&self) -> impl Display {
        format!("square {}", self.0)
    }
    fn corners(&self) -> impl Iterator<Item = u32> {
        vec![1, 2, 3, 4].into_iter()
    }
    async fn area(&self) -> f64 {
        Yield(2).await;
        self.0 * self.0
    }
}

struct Dot;
impl Shape for Dot {}

struct Named(String);
impl Shape for Named {
    // A refining impl: a concrete return type instead of `impl Trait`.
    fn name(&self) -> String {
        self.0.clone()
    }
    async fn scaled(&self, k: f64) -> f64 {
        let s = self.0.clone();
        Yield(1).await;
        s.len() as f64 * k
    }
}

fn describe<S: Shape>(s: &S) -> String {
    let corners: Vec<u32> = s.corners().collect();
    format!("{} {:?}", s.name(), corners)
}

async fn report<S: Shape>(s: &S) -> String {
    let a = s.area().await;
    let b = s.scaled(2.0).await;
    format!("{} area={a} scaled={b}", s.name())
}

trait Store {
    fn get(&self, key: u32) -> impl Future<Output = Option<String>>;
}
struct MemStore(Vec<String>);
impl Store for MemStore {
    fn get(&self, key: u32) -> impl Future<Output = Option<String>> {
        let v = self.0.get(key as usize).cloned();
        async move {
            Yield(1).await;
            v
        }
    }
}

async fn both<S: Store>(s: &S) -> (Option<String>, Option<String>) {
    (s.get(0).await, s.get(5).await)
}

fn main() {
    println!("{}", describe(&Square(2.0)));
    println!("{}", describe(&Dot));
    println!("{}", describe(&Named("n".into())));
    println!("{}", block_on(report(&Square(3.0))));
    println!("{}", block_on(report(&Dot)));
    println!("{}", block_on(report(&Named("four".into()))));
    println!("{:?}", block_on(both(&MemStore(vec!["zero".into()]))));
}
