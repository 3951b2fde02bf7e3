struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct Outer {
    first: Noisy,
    second: Noisy,
    inner: Inner,
    last: Noisy,
}

struct Inner {
    a: Noisy,
    b: Noisy,
}

impl Drop for Outer {
    fn drop(&mut self) {
        println!("drop Outer (before its fields), first={}", self.first.0);
    }
}

struct TupleS(Noisy, Noisy);

fn scope_demo() {
    println!("-- scope_demo start");
    let _a = Noisy("local a");
    let _b = Noisy("local b");
    {
        let _c = Noisy("inner c");
        println!("inner scope end");
    }
    let _d = Noisy("local d");
    println!("-- scope_demo end");
}

fn main() {
    scope_demo();
    println!("-- struct fields");
    {
        let _o = Outer {
            last: Noisy("o.last"),
            first: Noisy("o.first"),
            inner: Inner { b: Noisy("o.inner.b"), a: Noisy("o.inner.a") },
            second: Noisy("o.second"),
        };
        println!("built outer");
    }
    println!("-- tuple and tuple struct");
    {
        let _t = (Noisy("t.0"), Noisy("t.1"), Noisy("t.2"));
        let _ts = TupleS(Noisy("ts.0"), Noisy("ts.1"));
    }
    println!("-- array");
    {
        let _arr = [Noisy("arr0"), Noisy("arr1"), Noisy("arr2")];
    }
    println!("-- shadowing");
    {
        let x = Noisy("shadow 1");
        let x = Noisy(if x.0.len() > 3 { "shadow 2" } else { "?" });
        println!("using {}", x.0);
    }
    println!("-- underscore binding");
    let _ = Noisy("underscore pattern");
    println!("after underscore");
    let _keep = Noisy("kept until main end");
    println!("main end");
}
