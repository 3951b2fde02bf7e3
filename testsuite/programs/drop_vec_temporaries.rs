struct D(u32);

impl Drop for D {
    fn drop(&mut self) {
        println!("drop D({})", self.0);
    }
}

impl D {
    fn val(&self) -> u32 {
        self.0
    }
}

fn make(n: u32) -> D {
    println!("make D({})", n);
    D(n)
}

fn main() {
    println!("-- vec elements");
    {
        let mut v = vec![make(1), make(2), make(3)];
        v.push(make(4));
        println!("popped {:?}", v.pop().map(|d| d.0 * 10));
        let removed = v.remove(0);
        println!("removed {}", removed.0);
        v.truncate(1);
        println!("after truncate len {}", v.len());
        v.insert(0, make(5));
        println!("vec scope end");
    }
    println!("-- temporaries");
    let x = make(10).val() + make(11).val();
    println!("sum {}", x);
    println!("in println {}", make(12).val());
    let r = &make(13);
    println!("extended temporary {}", r.0);
    match make(14).val() {
        14 => println!("matched 14"),
        _ => println!("other"),
    }
    if make(15).val() > 0 {
        println!("in if body");
    }
    let len = vec![make(16), make(17)].len();
    println!("len {}", len);
    println!("-- clear and drain");
    let mut w: Vec<D> = (20..24).map(D).collect();
    let drained: Vec<D> = w.drain(1..3).collect();
    println!("drained {}", drained.len());
    drop(drained);
    w.clear();
    println!("cleared");
    w.push(D(30));
    w[0] = D(31);
    println!("replaced by index");
    println!("main end");
}
