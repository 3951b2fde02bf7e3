struct Item(i32);

impl Drop for Item {
    fn drop(&mut self) {
        println!("drop Item({})", self.0);
    }
}

struct Slot {
    content: Option<Item>,
}

fn main() {
    println!("-- loop with reassignment");
    let mut cur = Item(0);
    for i in 1..=3 {
        println!("iteration {}", i);
        cur = Item(i * 10);
        println!("assigned {}", cur.0);
    }
    println!("-- loop body locals");
    for i in 0..2 {
        let _tmp = Item(100 + i);
        let _tmp2 = Item(200 + i);
        println!("body {}", i);
    }
    println!("-- while with break value");
    let mut n = 0;
    let found = loop {
        let it = Item(300 + n);
        if n == 2 {
            break it;
        }
        n += 1;
    };
    println!("found {}", found.0);
    println!("-- Option take");
    let mut slot = Slot { content: Some(Item(7)) };
    let taken = slot.content.take();
    println!("taken is_some={} slot is_none={}", taken.is_some(), slot.content.is_none());
    drop(taken);
    println!("after dropping taken");
    slot.content = Some(Item(8));
    slot.content = Some(Item(9));
    println!("after overwrite");
    let old = slot.content.replace(Item(11));
    println!("replaced old {:?}", old.as_ref().map(|i| i.0));
    if let Some(inner) = slot.content.take() {
        println!("if-let got {}", inner.0);
    }
    println!("after if-let");
    let mut opt = Some(Item(12));
    opt = None;
    println!("set to None {}", opt.is_none());
    let _ = opt.insert(Item(13));
    println!("-- end of main");
}
