// Closures whose bodies always `return` (the body's type is `!`, the closure's return type
// comes from its signature), including a `return` behind `#[cfg]` as anyhow writes it.
fn pick(v: Option<&i32>, d: &i32) -> i32 {
    *v.or_else(|| {
        #[cfg(any())]
        return None;
        #[cfg(not(any()))]
        return Some(d);
    })
    .expect("x")
}
fn main() {
    let f = |x: i32| {
        if x > 2 { return Some(x); }
        None
    };
    let g = |x: u8| -> Result<u8, String> { return Err(format!("bad {x}")); };
    let mut v = vec![3, 1, 2];
    v.sort_by(|a, b| { return b.cmp(a); });
    println!("{:?} {:?} {} {:?} {:?}", f(3), f(1), pick(None, &5), g(4), v);
}
