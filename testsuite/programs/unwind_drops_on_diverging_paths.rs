// Unwinding drops every initialized local, also on paths where rust-analyzer's MIR has no
// scope-exit drop because the code after them never returns: a guard followed by `panic!`,
// a loop that only ends by panicking, parameters of a diverging function, a partly moved
// struct. These used to leak silently (scopeguard's `defer_on_unwind!` never ran).
use std::panic::{catch_unwind, AssertUnwindSafe};

struct Noisy(String);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {} (panicking: {})", self.0, std::thread::panicking());
    }
}

#[allow(dead_code)]
struct Pair { a: Noisy, b: Noisy }

fn guard_then_panic() {
    let _g = Noisy("guard".into());
    let _h = Noisy("second".into());
    panic!("boom");
}

fn may_panic(i: u32) {
    if i == 3 {
        panic!("at {i}");
    }
}

fn loop_until_panic() {
    let _g = Noisy("loop guard".into());
    let mut i = 0;
    loop {
        let _each = Noisy(format!("iteration {i}"));
        may_panic(i);
        i += 1;
    }
}

fn diverging_with_params(owned: Noisy, moved: Noisy) -> ! {
    let keep = moved;
    println!("have {} and {}", owned.0, keep.0);
    panic!("diverged");
}

fn partly_moved() {
    let p = Pair { a: Noisy("a".into()), b: Noisy("b".into()) };
    let taken = p.a;
    println!("took {}", taken.0);
    drop(taken);
    panic!("after a partial move");
}

fn nested_closure() {
    let outer = Noisy("outer".into());
    let f = move || {
        let _inner = Noisy("inner".into());
        println!("closure sees {}", outer.0);
        panic!("in closure");
    };
    f();
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<&str>().map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned());
        println!("panic: {}", msg.unwrap_or_default());
    }));
    for (name, f) in [
        ("guard_then_panic", guard_then_panic as fn()),
        ("loop_until_panic", loop_until_panic),
        ("partly_moved", partly_moved),
        ("nested_closure", nested_closure),
    ] {
        println!("-- {name}");
        let r = catch_unwind(f);
        println!("caught: {}", r.is_err());
    }
    println!("-- diverging_with_params");
    let r = catch_unwind(AssertUnwindSafe(|| diverging_with_params(Noisy("p1".into()), Noisy("p2".into()))));
    println!("caught: {}", r.is_err());
    println!("panicking after: {}", std::thread::panicking());
}
