// `let ref x = make();` extends the initializer's temporary to the end of the block, as
// `let x = &make();` does (rustc's `is_binding_pat`): a `ref` or `ref mut` binding anywhere
// in the pattern (tuple, struct, slice, box-free patterns), and through field projections.
// rac used to drop the temporary at the end of the `let`, so `x` pointed to freed memory.
struct Noisy(&'static str, Vec<u32>);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {} {:?}", self.0, self.1);
    }
}

struct Pair {
    left: Noisy,
    right: Noisy,
}

fn make(name: &'static str, n: u32) -> Noisy {
    Noisy(name, (0..n).collect())
}

fn repeated(s: &mut String, n: usize) -> usize {
    let ref big = s.repeat(n);
    s.push('x');
    big.len() + big.bytes().filter(|&b| b == b'1').count()
}

fn main() {
    {
        let ref a = make("a", 3);
        println!("a has {:?}", a.1);
        let ref mut b = make("b", 2);
        b.1.push(99);
        println!("b has {:?}", b.1);
        let (ref c, d) = (make("c", 1), 5);
        println!("c has {:?}, d = {}", c.1, d);
        let Pair { ref left, .. } = Pair { left: make("left", 2), right: make("right", 1) };
        println!("left has {:?}", left.1);
        let [ref first, _] = [make("first", 1), make("second", 1)];
        println!("first has {:?}", first.1);
        let ref inner = make("field", 4).1;
        println!("field has {:?}", inner);
        println!("end of block");
    }
    let mut s = String::from("11");
    println!("{}", repeated(&mut s, 20000));
    println!("{}", s);
    let names: Vec<String> = (0..3).map(|i| format!("n{i}")).collect();
    let ref joined = names.join("+");
    println!("{joined}");
}
