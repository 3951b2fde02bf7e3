use std::mem;

struct Res {
    name: String,
}

impl Drop for Res {
    fn drop(&mut self) {
        println!("release {}", self.name);
    }
}

fn res(n: &str) -> Res {
    Res { name: n.to_string() }
}

fn main() {
    let a = res("a");
    let b = res("b");
    let c = res("c");
    drop(b);
    println!("after drop(b)");
    mem::forget(c);
    println!("after forget(c)");
    let mut d = res("d1");
    let old = mem::replace(&mut d, res("d2"));
    println!("replaced, old = {}", old.name);
    drop(old);
    let mut e = res("e1");
    mem::swap(&mut d, &mut e);
    println!("swapped d={} e={}", d.name, e.name);
    let taken = mem::take(&mut d.name);
    println!("took name {:?}, d.name now {:?}", taken, d.name);
    d.name = "d-renamed".to_string();
    let md = mem::ManuallyDrop::new(res("manual"));
    println!("manual {}", md.name);
    let mut md2 = mem::ManuallyDrop::new(res("manual2"));
    unsafe { mem::ManuallyDrop::drop(&mut md2); }
    println!("after ManuallyDrop::drop");
    let boxed = Box::new(res("leaked box"));
    let leaked: &'static mut Res = Box::leak(boxed);
    leaked.name.push_str("!");
    println!("leaked {}", leaked.name);
    let v = vec![res("v0"), res("v1")];
    mem::forget(v);
    println!("forgot vec");
    let _ = a;
    println!("main end (a still alive)");
}
