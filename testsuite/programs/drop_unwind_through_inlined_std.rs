// Panics raised inside small std functions that rac inlines into their callers
// (`Option::unwrap`, `Result::expect`, slice indexing, `RefCell::borrow_mut`, iterator
// adapters): the caller's locals are dropped while unwinding, in rustc's order, and
// `catch_unwind` stops the panic.
use std::cell::RefCell;
use std::panic;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn unwrap_it(o: Option<u32>) -> u32 {
    let _g = Noisy("unwrap guard");
    o.unwrap() + 1
}

fn expect_it(r: Result<u32, String>) -> u32 {
    let _g = Noisy("expect guard");
    r.expect("not a number") * 2
}

fn index_it(v: &[u32], i: usize) -> u32 {
    let _g = Noisy("index guard");
    v[i]
}

fn borrow_twice(c: &RefCell<Vec<u32>>) -> usize {
    let _g = Noisy("borrow guard");
    let a = c.borrow_mut();
    let b = c.borrow_mut();
    a.len() + b.len()
}

fn sum_until_bad(v: &[u32]) -> u32 {
    let _g = Noisy("sum guard");
    let names = vec![Noisy("in vec 1"), Noisy("in vec 2")];
    let total = v
        .iter()
        .map(|&x| if x == 0 { panic!("zero in the input") } else { 100 / x })
        .sum();
    println!("names {}", names.len());
    total
}

fn main() {
    panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        println!("panic: {msg}");
    }));
    for o in [Some(4), None] {
        println!("unwrap {:?}", panic::catch_unwind(|| unwrap_it(o)).ok());
    }
    for r in [Ok(5), Err("x".to_string())] {
        println!("expect {:?}", panic::catch_unwind(move || expect_it(r)).ok());
    }
    for i in [2, 7] {
        println!("index {:?}", panic::catch_unwind(|| index_it(&[1, 2, 3], i)).ok());
    }
    let c = RefCell::new(vec![1, 2]);
    println!(
        "borrow {:?}",
        panic::catch_unwind(panic::AssertUnwindSafe(|| borrow_twice(&c))).ok()
    );
    println!("after borrow {:?}", c.borrow());
    for v in [vec![1, 2, 4], vec![5, 0, 1]] {
        println!("sum {:?}", panic::catch_unwind(|| sum_until_bad(&v)).ok());
    }
}
