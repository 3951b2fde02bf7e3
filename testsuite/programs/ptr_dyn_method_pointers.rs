trait Shape { fn area(&self) -> i32; fn name(&self) -> &'static str { "shape" } }
struct Circle(i32);
struct Sq(i32);
impl Shape for Circle { fn area(&self) -> i32 { 3 * self.0 * self.0 } fn name(&self) -> &'static str { "circle" } }
impl Shape for Sq { fn area(&self) -> i32 { self.0 * self.0 } }

struct Node { v: i32, next: Option<&'static Node> }
static LOOP: Node = Node { v: 7, next: Some(&LOOP) };

fn let_else(v: Option<Vec<i32>>) -> usize {
    let Some(mut v) = v else { return 0 };
    v.push(1);
    v.len()
}

fn dyn_method_pointer() {
    let f: fn(&'static dyn ToString) -> String = <dyn ToString as ToString>::to_string;
    println!("{}", f(&5));
}
fn trait_method_pointer() {
    let g: fn(&i32) -> String = ToString::to_string;
    println!("{}", g(&6));
    let v: Vec<String> = [1, 2, 3].iter().map(ToString::to_string).collect();
    println!("{:?}", v);
}
fn binary_search_tuples() {
    let pairs = [(1, 'a'), (3, 'b'), (5, 'c')];
    println!("{:?}", pairs.binary_search_by(|(k, _)| k.cmp(&3)));
    println!("{:?}", pairs.binary_search_by(|&(k, _)| k.cmp(&4)));
    println!("{:?}", pairs.binary_search_by_key(&5, |&(k, _)| k));
    println!("{:?}", [1u8, 4, 9].binary_search(&4));
}
fn dyn_arrays() -> i32 {
    let shapes: [&dyn Shape; 2] = [&Circle(1), &Sq(2)];
    for s in shapes.iter() { println!("{} {}", s.name(), s.area()); }
    let boxed: [Box<dyn Shape>; 2] = [Box::new(Circle(2)), Box::new(Sq(3))];
    let total: i32 = boxed.iter().map(|b| b.area()).sum();
    println!("{}", total);
    total
}
fn closure_arrays(total: i32) {
    let fs: [Box<dyn Fn(i32) -> i32>; 3] = [Box::new(|x| x + 1), Box::new(|x| x * 2), Box::new(move |x| x - total + 7 - x)];
    println!("{:?}", fs.iter().map(|f| f(10)).collect::<Vec<_>>());
}
fn fn_pointer_array() {
    let fp: [fn(i32) -> i32; 2] = [|x| x * 100, |x| x + 1];
    println!("{}", fp.iter().fold(3, |a, f| f(a)));
}
fn main() {
    dyn_method_pointer();
    trait_method_pointer();
    binary_search_tuples();
    let t = dyn_arrays();
    closure_arrays(t);
    fn_pointer_array();
    println!("{} {}", LOOP.v, LOOP.next.unwrap().next.unwrap().v);
    println!("{} {}", let_else(Some(vec![1])), let_else(None));
}
