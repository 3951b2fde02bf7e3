use std::cell::{Cell, RefCell};

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static TRACE: RefCell<Vec<String>> = RefCell::new(Vec::new());
    static NEXT_ID: Cell<u64> = Cell::new(1000);
}

fn next_id() -> u64 {
    NEXT_ID.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    })
}

fn enter(name: &str) {
    let d = DEPTH.with(|d| {
        let v = d.get();
        d.set(v + 1);
        v
    });
    TRACE.with(|t| t.borrow_mut().push(format!("{}enter {}", "  ".repeat(d as usize), name)));
}

fn leave(name: &str) {
    DEPTH.with(|d| d.set(d.get() - 1));
    let d = DEPTH.get();
    TRACE.with_borrow_mut(|t| t.push(format!("{}leave {}", "  ".repeat(d as usize), name)));
}

fn recurse(n: u32) -> u32 {
    enter(&format!("recurse({})", n));
    let r = if n == 0 { 1 } else { n * recurse(n - 1) };
    leave(&format!("recurse({})", n));
    r
}

fn main() {
    println!("ids {} {} {}", next_id(), next_id(), next_id());
    println!("result {}", recurse(4));
    TRACE.with(|t| {
        for line in t.borrow().iter() {
            println!("{}", line);
        }
    });
    println!("depth now {}", DEPTH.get());
    let other = std::thread::spawn(|| {
        let a = next_id();
        let b = next_id();
        let len = TRACE.with(|t| t.borrow().len());
        (a, b, len, DEPTH.get())
    })
    .join()
    .unwrap();
    println!("other thread sees {:?}", other);
    println!("main continues ids {}", next_id());
    TRACE.with_borrow_mut(|t| t.clear());
    TRACE.with_borrow(|t| println!("trace cleared len {}", t.len()));
    DEPTH.set(9);
    println!("depth set {}", DEPTH.replace(3));
    println!("depth after replace {}", DEPTH.take());
}
