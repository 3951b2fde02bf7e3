use std::cell::{Cell, RefCell};
use std::collections::HashMap;

struct Counter {
    hits: Cell<u32>,
    log: RefCell<Vec<String>>,
    cache: RefCell<HashMap<u64, u64>>,
}

impl Counter {
    fn hit(&self, what: &str) {
        self.hits.set(self.hits.get() + 1);
        self.log.borrow_mut().push(format!("{}#{}", what, self.hits.get()));
    }
    fn slow_square(&self, n: u64) -> u64 {
        if let Some(v) = self.cache.borrow().get(&n) {
            self.hit("cached");
            return *v;
        }
        self.hit("computed");
        let v = n * n;
        self.cache.borrow_mut().insert(n, v);
        v
    }
}

fn main() {
    let c = Counter { hits: Cell::new(0), log: RefCell::new(vec![]), cache: RefCell::new(HashMap::new()) };
    for n in [3, 4, 3, 3, 5, 4] {
        print!("{} ", c.slow_square(n));
    }
    println!();
    println!("hits {} log {:?}", c.hits.get(), c.log.borrow());
    let cell = Cell::new(10);
    let old = cell.replace(20);
    cell.set(cell.get() * 2);
    println!("cell old {} now {} take {} after {}", old, cell.get(), cell.take(), cell.get());
    let swap_a = Cell::new('a');
    let swap_b = Cell::new('b');
    swap_a.swap(&swap_b);
    println!("swapped {} {}", swap_a.get(), swap_b.get());
    let r = RefCell::new(vec![1, 2, 3]);
    {
        let b1 = r.borrow();
        let b2 = r.borrow();
        println!("two shared borrows {} {} try_mut err {}", b1.len(), b2[0], r.try_borrow_mut().is_err());
    }
    r.borrow_mut().push(4);
    {
        let _m = r.borrow_mut();
        println!("try_borrow while mut: err {}", r.try_borrow().is_err());
    }
    println!("{:?}", r.borrow());
    let replaced = r.replace(vec![9]);
    println!("replaced {:?} now {:?}", replaced, r.borrow());
    let inner = r.into_inner();
    println!("into_inner {:?}", inner);
    let cells: Vec<Cell<i32>> = (0..5).map(Cell::new).collect();
    for w in cells.windows(2) {
        w[1].set(w[1].get() + w[0].get());
    }
    println!("prefix via cells {:?}", cells.iter().map(|c| c.get()).collect::<Vec<_>>());
    let rc = RefCell::new(String::from("abc"));
    std::cell::RefMut::map(rc.borrow_mut(), |s| s).push('d');
    let len = std::cell::Ref::map(rc.borrow(), |s| &s[1..]).len();
    println!("{} {}", rc.borrow(), len);
}
