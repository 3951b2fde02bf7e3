// Structs whose last field is a trait object more aligned than the fields before it
// (flume's `Hook<T, dyn Signal>`): the tail's offset is rounded up to the alignment the
// vtable holds, in field projections, in drop glue, and in `size_of_val`/`align_of_val`
// (which `Arc` and `Box` free with).
use std::rc::Rc;
use std::sync::Arc;

trait Sig {
    fn s(&self) -> u64;
}

struct Big {
    a: u64,
    t: String,
}

impl Sig for Big {
    fn s(&self) -> u64 {
        self.a + self.t.len() as u64
    }
}

impl Drop for Big {
    fn drop(&mut self) {
        println!("drop Big {} {}", self.a, self.t);
    }
}

#[repr(align(32))]
struct Wide(u8);

impl Sig for Wide {
    fn s(&self) -> u64 {
        self.0 as u64
    }
}

impl Drop for Wide {
    fn drop(&mut self) {
        println!("drop Wide {}", self.0);
    }
}

struct Tiny(u8);

impl Sig for Tiny {
    fn s(&self) -> u64 {
        self.0 as u64 * 2
    }
}

struct Hook<T, S: ?Sized>(Option<(bool, T)>, S);

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop Noisy {}", self.0);
    }
}

struct Nested<S: ?Sized> {
    head: u8,
    label: Noisy,
    hook: Hook<u16, S>,
}

fn describe(h: &Hook<i32, dyn Sig>) -> String {
    format!(
        "s={} head={:?} size={} align={}",
        h.1.s(),
        h.0,
        std::mem::size_of_val(h),
        std::mem::align_of_val(h)
    )
}

fn main() {
    let a: Arc<Hook<i32, dyn Sig>> = Arc::new(Hook(Some((true, 5)), Big { a: 7, t: "x".into() }));
    println!("arc {}", describe(&a));
    let b: Box<Hook<i32, dyn Sig>> = Box::new(Hook(None, Wide(9)));
    println!("box {}", describe(&b));
    let c: Rc<Hook<i32, dyn Sig>> = Rc::new(Hook(Some((false, -1)), Tiny(4)));
    println!("rc {}", describe(&c));
    let n: Box<Nested<dyn Sig>> = Box::new(Nested {
        head: 1,
        label: Noisy("nested"),
        hook: Hook(Some((true, 3)), Wide(11)),
    });
    println!(
        "nested head={} label={} s={} size={} align={}",
        n.head,
        n.label.0,
        n.hook.1.s(),
        std::mem::size_of_val(&*n),
        std::mem::align_of_val(&*n)
    );
    let list: Vec<Box<Hook<i32, dyn Sig>>> = vec![
        Box::new(Hook(Some((true, 1)), Tiny(1))),
        Box::new(Hook(None, Big { a: 2, t: "yy".into() })),
        Box::new(Hook(Some((false, 3)), Wide(3))),
    ];
    let total: u64 = list.iter().map(|h| h.1.s()).sum();
    println!("total {total}");
    drop(list);
    drop(n);
    drop(b);
    drop(c);
    let a2 = a.clone();
    drop(a);
    println!("strong {}", Arc::strong_count(&a2));
    drop(a2);
    println!("done");
}
