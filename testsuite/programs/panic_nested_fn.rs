use std::hint::black_box;

struct Parser {
    depth: u32,
}

impl Parser {
    fn level3(&self, v: i32) -> i32 {
        if v > 100 {
            panic!("value {} too large at depth {}", v, self.depth);
        }
        v * 2
    }
    fn level2(&mut self, v: i32) -> i32 {
        self.depth += 1;
        self.level3(v + 10)
    }
    fn level1(&mut self, v: i32) -> i32 {
        self.depth += 1;
        self.level2(v * 3)
    }
}

fn main() {
    let mut p = Parser { depth: 0 };
    for v in black_box([1, 20, 40]) {
        let r = p.level1(v);
        println!("level1({}) = {}", v, r);
    }
}
