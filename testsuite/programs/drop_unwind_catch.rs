use std::panic;

struct Loud(&'static str);

impl Drop for Loud {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn inner(n: u32) -> u32 {
    let _l = Loud("inner local");
    if n > 2 {
        panic!("n too big: {}", n);
    }
    n * 2
}

fn outer(n: u32) -> u32 {
    let _a = Loud("outer a");
    let v = vec![Loud("vec 0"), Loud("vec 1")];
    let r = inner(n);
    println!("outer got {} with {} items", r, v.len());
    r
}

fn main() {
    panic::set_hook(Box::new(|_| {}));
    for n in [1u32, 5] {
        println!("== call {}", n);
        let result = panic::catch_unwind(|| outer(n));
        match result {
            Ok(v) => println!("ok {}", v),
            Err(e) => {
                let msg = e.downcast_ref::<String>().cloned().unwrap_or_default();
                println!("caught panic: {}", msg);
            }
        }
    }
    let _ = panic::take_hook();
    println!("done");
}
