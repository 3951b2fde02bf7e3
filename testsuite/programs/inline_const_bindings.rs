// Bindings inside an inline `const { .. }` block belong to the function that contains it:
// the block is lowered in place. They used to get no local, so the function was refused;
// std's `IsZero for Option<usize>` has one, which `vec![None::<usize>; n]` reaches.
fn check<T: Copy + std::fmt::Debug>(x: T) -> usize {
    const {
        let size = std::mem::size_of::<usize>();
        assert!(size == 8);
    }
    let n = const {
        let a = 20;
        let b = 22;
        a + b
    };
    println!("{x:?} {n}");
    n
}

fn main() {
    let v: Vec<Option<usize>> = vec![None; 5];
    let w: Vec<Option<u8>> = vec![Some(3); 2];
    println!("{v:?} {w:?}");
    println!("{}", check(1u8) + check("s"));
}
