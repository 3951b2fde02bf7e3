use std::fmt::{Debug, Display};
use std::hint::black_box;
use std::rc::Rc;

trait Speak {
    fn speak(&self) -> String;
}
struct Dog { name: &'static str }
struct Num(i32);
impl Speak for Dog { fn speak(&self) -> String { format!("{} says woof", self.name) } }
impl Speak for Num { fn speak(&self) -> String { format!("number {}", self.0) } }

fn sum_slice(s: &[u16]) -> u32 { s.iter().map(|&x| x as u32).sum() }
fn show_all(items: &[&dyn Display]) -> String {
    items.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("|")
}

struct Holder<T: ?Sized> {
    tag: u8,
    data: T,
}

fn main() {
    let arr: [u16; 5] = black_box([1, 2, 3, 4, 5]);
    let s: &[u16] = &arr;
    println!("sum {} len {}", sum_slice(s), s.len());
    println!("sum direct {}", sum_slice(&arr));
    let boxed_arr: Box<[u16; 3]> = Box::new([7, 8, 9]);
    let boxed_slice: Box<[u16]> = boxed_arr;
    println!("boxed slice {:?} {}", boxed_slice, sum_slice(&boxed_slice));
    let d = Dog { name: "Rex" };
    let sp: &dyn Speak = &d;
    println!("{}", sp.speak());
    let b: Box<dyn Speak> = Box::new(Num(5));
    println!("{}", b.speak());
    let bd: Box<Dog> = Box::new(Dog { name: "Fido" });
    let bdyn: Box<dyn Speak> = bd;
    println!("{}", bdyn.speak());
    let rc: Rc<dyn Speak> = Rc::new(Num(-1));
    let rc2 = Rc::clone(&rc);
    println!("{} {} count={}", rc.speak(), rc2.speak(), Rc::strong_count(&rc));
    let disp: Vec<&dyn Display> = vec![&1, &"two", &3.5, &'c'];
    println!("{}", show_all(&disp));
    let dbg: Box<dyn Debug> = Box::new(vec![Some(1), None]);
    println!("{:?}", dbg);
    let h: Holder<[i32; 3]> = Holder { tag: 1, data: [10, 20, 30] };
    let hr: &Holder<[i32]> = &h;
    println!("holder tag {} len {} data {:?}", hr.tag, hr.data.len(), &hr.data);
    let hd: Box<Holder<dyn Speak>> = Box::new(Holder { tag: 9, data: Dog { name: "Box" } });
    println!("holder dyn {} {}", hd.tag, hd.data.speak());
    let v: Vec<Box<dyn Fn(i32) -> i32>> = vec![Box::new(|x| x + 1), Box::new(move |x| x * arr[4] as i32)];
    println!("{:?}", v.iter().map(|f| f(3)).collect::<Vec<_>>());
    let strs: [&str; 2] = ["a", "bc"];
    let rs: Rc<[&str]> = Rc::new(strs);
    println!("{:?} {}", rs, rs.len());
    let st: Rc<str> = Rc::from("rc str");
    println!("{} {}", st, st.len());
}
