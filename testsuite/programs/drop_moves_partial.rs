struct Tok(&'static str);

impl Drop for Tok {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct Pair {
    left: Tok,
    right: Tok,
    mid: Tok,
}

fn consume(t: Tok) {
    println!("consume {}", t.0);
}

fn pass_through(t: Tok) -> Tok {
    println!("pass {}", t.0);
    t
}

fn maybe_consume(t: Tok, really: bool) {
    if really {
        consume(t);
        println!("after consume in branch");
    } else {
        println!("not consumed, dropped at fn end");
    }
}

fn main() {
    let a = Tok("a");
    consume(a);
    println!("after consume a");
    let b = pass_through(Tok("b"));
    println!("got back {}", b.0);
    let c = b;
    println!("moved b into c {}", c.0);
    maybe_consume(Tok("m1"), true);
    maybe_consume(Tok("m2"), false);
    println!("-- partial move");
    let p = Pair { left: Tok("p.left"), right: Tok("p.right"), mid: Tok("p.mid") };
    let l = p.left;
    println!("moved out {}", l.0);
    {
        let r = p.right;
        println!("moved out {} into inner scope", r.0);
    }
    println!("end of partial section");
    println!("-- conditional move");
    let x = Tok("x");
    let flag = std::hint::black_box(true);
    if flag {
        let y = x;
        println!("moved x into y: {}", y.0);
    }
    println!("after conditional");
    let z = Tok("z");
    let flag2 = std::hint::black_box(false);
    if flag2 {
        consume(z);
    }
    println!("main end");
}
