// rustc promotes `&<constant expression>` to static memory, so such references may
// outlive the function that made them (anyhow's `&ErrorVTable { .. }` of generic fn
// pointers). Each reference below is used after the stack it would otherwise live on has
// been overwritten.
use std::cell::Cell;

struct VTable {
    call: fn(u32) -> u32,
    name: &'static str,
    scale: i64,
}

fn double(x: u32) -> u32 {
    x * 2
}

fn table() -> &'static [i32] {
    &[1, -2, 3, 4]
}

fn vtable() -> &'static VTable {
    &VTable { call: double, name: "double", scale: -7 }
}

fn pair() -> &'static (i32, &'static str, char) {
    &(5, "five", 'v')
}

fn nested() -> &'static [&'static [u8]] {
    &[&[1, 2], &[], &[3]]
}

#[derive(Debug, PartialEq)]
enum Shape {
    Dot,
    Circle(u32),
}

fn shapes() -> &'static [Shape; 3] {
    &[Shape::Dot, Shape::Circle(4), Shape::Dot]
}

fn none() -> &'static Option<u64> {
    &None
}

fn casts() -> &'static (u8, f64, i64) {
    &(300u32 as u8, 1 as f64, -(9 as i64))
}

trait Named {
    fn name(&self) -> String;
}

impl Named for u16 {
    fn name(&self) -> String {
        format!("u16:{self}")
    }
}

impl Named for bool {
    fn name(&self) -> String {
        format!("bool:{self}")
    }
}

struct ErasedVTable {
    name: unsafe fn(*const ()) -> String,
    size: fn() -> usize,
}

unsafe fn name_erased<T: Named>(p: *const ()) -> String {
    unsafe { (*(p as *const T)).name() }
}

fn size_of<T>() -> usize {
    std::mem::size_of::<T>()
}

fn erased_vtable<T: Named>() -> &'static ErasedVTable {
    &ErasedVTable { name: name_erased::<T>, size: size_of::<T> }
}

const BASE: [u32; 3] = [10, 20, 30];

fn with_const() -> &'static ([u32; 3], u32) {
    &(BASE, 4)
}

fn clobber(n: u64) -> u64 {
    let a = [n; 128];
    a.iter().sum()
}

fn main() {
    let t = table();
    let v = vtable();
    let p = pair();
    let n = nested();
    let s = shapes();
    let o = none();
    let c = casts();
    let a = erased_vtable::<u16>();
    let b = erased_vtable::<bool>();
    let w = with_const();
    println!("{}", clobber(3));
    println!("{t:?} {} {} {}", (v.call)(21), v.name, v.scale);
    println!("{p:?} {n:?} {s:?} {o:?} {c:?} {w:?}");
    let x = 7u16;
    let y = true;
    unsafe {
        println!("{} {}", (a.name)(&x as *const u16 as *const ()), (a.size)());
        println!("{} {}", (b.name)(&y as *const bool as *const ()), (b.size)());
    }
    // Not promoted (interior mutability): a fresh value each time.
    for i in 0..3 {
        let cell = &Cell::new(i);
        cell.set(cell.get() * 10);
        print!("{} ", cell.get());
    }
    println!();
    // Not promoted (drop glue): a temporary String, dropped at the end of the statement.
    let len = (&String::from("temporary")).len();
    println!("{len} {}", std::ptr::eq(table(), table()));
}
