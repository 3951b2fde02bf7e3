use std::hint::black_box;

trait Op {
    fn apply(&self, x: i64) -> i64;
    fn name(&self) -> &str;
}
struct AddN(i64);
struct MulN(i64, String);
impl Op for AddN {
    fn apply(&self, x: i64) -> i64 { x + self.0 }
    fn name(&self) -> &str { "add" }
}
impl Op for MulN {
    fn apply(&self, x: i64) -> i64 { x * self.0 }
    fn name(&self) -> &str { &self.1 }
}

#[derive(Debug, Clone, Copy)]
enum Mini { A, B(u8), C { x: i16, y: i16 } }

#[inline(never)] fn opt_u64(o: Option<u64>) -> Option<u64> { o.map(|v| v * 2).filter(|v| *v < 100) }
#[inline(never)] fn res(r: Result<u32, u8>) -> Result<u8, u32> {
    match r { Ok(v) => Err(v + 1), Err(e) => Ok(e.wrapping_mul(2)) }
}
#[inline(never)] fn opt_ref(o: Option<&str>) -> usize { o.map_or(0, |s| s.len()) }
#[inline(never)] fn opt_f64(o: Option<f64>) -> Option<f64> { o.map(|x| x.sqrt()) }
#[inline(never)] fn opt_char(o: Option<char>) -> Option<u32> { o.map(|c| c as u32) }
#[inline(never)] fn opt_i128(o: Option<i128>) -> Option<i128> { o.and_then(|v| v.checked_mul(1 << 64)) }
#[inline(never)] fn mini(m: Mini) -> Mini {
    match m { Mini::A => Mini::B(1), Mini::B(v) => Mini::C { x: v as i16, y: -(v as i16) }, Mini::C { .. } => Mini::A }
}
#[inline(never)] fn slice_sum(s: &[i32]) -> (i32, usize) { (s.iter().sum(), s.len()) }
#[inline(never)] fn slice_mut(s: &mut [u8]) { for (i, x) in s.iter_mut().enumerate() { *x = x.wrapping_mul(i as u8 + 1); } }
#[inline(never)] fn str_fn(s: &str, t: &str) -> String { format!("{}|{}|{}", s.to_uppercase(), t.len(), s.len() + t.len()) }
#[inline(never)] fn ret_str(b: bool) -> &'static str { if b { "yes" } else { "no" } }
#[inline(never)] fn ret_slice(v: &Vec<u16>, from: usize) -> &[u16] { &v[from..] }
#[inline(never)] fn dyn_op(o: &dyn Op, x: i64) -> String { format!("{}({})={}", o.name(), x, o.apply(x)) }
#[inline(never)] fn dyn_box(o: Box<dyn Op>) -> i64 { o.apply(10) }
#[inline(never)] fn dyn_many(ops: &[&dyn Op], x: i64) -> i64 { ops.iter().fold(x, |acc, o| o.apply(acc)) }
#[inline(never)] fn closure_generic<F: Fn(u8) -> u16>(f: F) -> u16 { f(3) + f(4) }
#[inline(never)] fn closure_dyn(f: &dyn Fn(f64, f64) -> f64) -> f64 { f(1.5, 2.0) }
#[inline(never)] fn closure_mut(f: &mut dyn FnMut(&str)) { f("a"); f("bc"); }
#[inline(never)] fn closure_ret(k: i32) -> impl Fn(i32) -> (i32, i32) { move |x| (x + k, x * k) }

fn main() {
    println!("{:?} {:?} {:?}", opt_u64(black_box(Some(21))), opt_u64(black_box(Some(60))), opt_u64(black_box(None)));
    println!("{:?} {:?}", res(black_box(Ok(41))), res(black_box(Err(200))));
    println!("{} {}", opt_ref(black_box(Some("four"))), opt_ref(black_box(None)));
    println!("{:?} {:?} {:?}", opt_f64(black_box(Some(2.25))), opt_char(black_box(Some('Z'))), opt_char(black_box(None)));
    println!("{:?} {:?}", opt_i128(black_box(Some(3))), opt_i128(black_box(Some(i128::MAX))));
    println!("{:?} {:?} {:?}", mini(black_box(Mini::A)), mini(black_box(Mini::B(9))), mini(black_box(Mini::C { x: 1, y: 2 })));
    let v = black_box(vec![3, 1, 4, 1, 5]);
    println!("{:?} {:?}", slice_sum(&v), slice_sum(&v[1..3]));
    let mut b = black_box([10u8, 20, 30, 40]);
    slice_mut(&mut b[1..]);
    println!("{:?}", b);
    println!("{} {} {}", str_fn(black_box("abc"), "xy"), ret_str(black_box(true)), ret_str(false));
    let w = black_box(vec![1u16, 2, 3, 4]);
    println!("{:?}", ret_slice(&w, 2));
    let a = AddN(5);
    let m = MulN(-3, "neg-triple".to_string());
    println!("{} {}", dyn_op(&a, 1), dyn_op(&m, 7));
    println!("{} {}", dyn_box(Box::new(AddN(-20))), dyn_box(Box::new(MulN(4, "q".into()))));
    println!("{}", dyn_many(&[&a, &m, &a], black_box(2)));
    let base = black_box(100u16);
    println!("{}", closure_generic(|x| x as u16 * base));
    println!("{}", closure_dyn(&|x, y| x.powf(y)));
    let mut seen = Vec::new();
    closure_mut(&mut |s| seen.push(s.len()));
    println!("{:?}", seen);
    let c = closure_ret(black_box(6));
    println!("{:?}", c(7));
}
