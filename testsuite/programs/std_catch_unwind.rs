use std::panic;

fn risky(n: i32) -> i32 {
    if n < 0 {
        panic!("negative input: {}", n);
    }
    if n == 0 {
        panic!("zero");
    }
    100 / n
}

fn describe(payload: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        format!("&str payload: {}", s)
    } else if let Some(s) = payload.downcast_ref::<String>() {
        format!("String payload: {}", s)
    } else if let Some(n) = payload.downcast_ref::<i32>() {
        format!("i32 payload: {}", n)
    } else {
        "unknown payload".to_string()
    }
}

fn main() {
    panic::set_hook(Box::new(|_| {}));
    for n in [5, 0, -3] {
        let r = panic::catch_unwind(|| risky(n));
        match &r {
            Ok(v) => println!("risky({}) = {}", n, v),
            Err(p) => println!("risky({}) caught: {}", n, describe(p)),
        }
    }
    let r = panic::catch_unwind(|| {
        panic::panic_any(42i32);
    });
    println!("panic_any caught={} {}", r.is_err(), describe(&r.unwrap_err()));
    let r = panic::catch_unwind(|| {
        let v: Vec<i32> = Vec::new();
        v[3]
    });
    println!("index caught={} {}", r.is_err(), describe(r.as_ref().unwrap_err()));
    let r = panic::catch_unwind(|| {
        let x: Option<u8> = None;
        x.expect("expected a value")
    });
    println!("expect caught: {}", describe(&r.unwrap_err()));
    let mut state = vec![1, 2];
    let r = panic::catch_unwind(panic::AssertUnwindSafe(|| {
        state.push(3);
        if state.len() == 3 {
            panic!("after mutation");
        }
    }));
    println!("mutated state survives: {:?} caught={}", state, r.is_err());
    let ok = panic::catch_unwind(|| "fine");
    println!("no panic: {:?}", ok);
    let nested = panic::catch_unwind(|| {
        let inner = panic::catch_unwind(|| panic!("inner"));
        println!("inner caught={}", inner.is_err());
        panic!("outer")
    });
    println!("outer caught: {}", describe(&nested.unwrap_err()));
    let _ = panic::take_hook();
    println!("done");
}
