use std::mem::{align_of, size_of, size_of_val};

#[allow(dead_code)]
struct A { a: u8, b: u32, c: u8 }
#[allow(dead_code)]
#[repr(C)]
struct B { a: u8, b: u32, c: u8 }
#[allow(dead_code)]
#[repr(C, packed)]
struct P { a: u8, b: u32 }
#[allow(dead_code)]
#[repr(align(16))]
struct Al(u8);
struct Zst;
#[allow(dead_code)]
enum E1 { X(u32), Y(u8) }
#[allow(dead_code)]
enum E2 { X(Box<u8>), Y }
#[allow(dead_code)]
struct Wide(u128, u8);

trait T { fn f(&self) {} }
impl T for u8 {}

fn main() {
    println!("prims: {} {} {} {} {} {} {} {}", size_of::<u8>(), size_of::<i16>(), size_of::<u32>(), size_of::<i64>(), size_of::<u128>(), size_of::<usize>(), size_of::<f32>(), size_of::<f64>());
    println!("bool={} char={} ()={}", size_of::<bool>(), size_of::<char>(), size_of::<()>());
    println!("A={} align {}", size_of::<A>(), align_of::<A>());
    println!("B={} align {}", size_of::<B>(), align_of::<B>());
    println!("P={} align {}", size_of::<P>(), align_of::<P>());
    println!("Al={} align {}", size_of::<Al>(), align_of::<Al>());
    println!("Zst={} [Zst;10]={}", size_of::<Zst>(), size_of::<[Zst; 10]>());
    println!("E1={} E2={} Wide={} align {}", size_of::<E1>(), size_of::<E2>(), size_of::<Wide>(), align_of::<Wide>());
    println!("&u8={} &[u8]={} &str={} &dyn T={} Box<dyn T>={}", size_of::<&u8>(), size_of::<&[u8]>(), size_of::<&str>(), size_of::<&dyn T>(), size_of::<Box<dyn T>>());
    println!("*const u8={} *const [u8]={} fn()={}", size_of::<*const u8>(), size_of::<*const [u8]>(), size_of::<fn()>());
    println!("[u16;7]={} (u8,u16,u8)={} (u64,u8)={}", size_of::<[u16; 7]>(), size_of::<(u8, u16, u8)>(), size_of::<(u64, u8)>());
    println!("String={} Vec<u64>={} Option<String>={}", size_of::<String>(), size_of::<Vec<u64>>(), size_of::<Option<String>>());
    println!("Result<u32,()>={} Result<(),Box<u8>>={}", size_of::<Result<u32, ()>>(), size_of::<Result<(), Box<u8>>>());
    let arr = [1u32; 9];
    let sl: &[u32] = &arr[2..];
    println!("size_of_val arr={} slice={} str={}", size_of_val(&arr), size_of_val(sl), size_of_val("hello"));
    let d: &dyn T = &5u8;
    println!("size_of_val dyn={}", size_of_val(d));
    let closure_cap = { let a = 1u64; let b = 2u16; move || a + b as u64 };
    println!("closure size={} result={}", size_of_val(&closure_cap), closure_cap());
    let empty_closure = || 3;
    println!("empty closure size={} {}", size_of_val(&empty_closure), empty_closure());
    println!("align u128={} f64={} u16={}", align_of::<u128>(), align_of::<f64>(), align_of::<u16>());
}
