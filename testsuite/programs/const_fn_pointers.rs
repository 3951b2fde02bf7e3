// Function pointers inside constants and statics: a vtable of fn pointers built as a
// constant (as anyhow builds its error vtables), generic instances taken as pointers in a
// constant of a generic function, Option<fn> niches, arrays and statics of fn pointers.
use std::fmt;

struct VTable {
    name: &'static str,
    display: fn(&Obj, &mut fmt::Formatter<'_>) -> fmt::Result,
    size: unsafe fn(*const u8) -> usize,
    drop: Option<fn(&mut Obj)>,
}

struct Obj {
    vtable: &'static VTable,
    value: u64,
}

fn display_hex(o: &Obj, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{:#x}", o.value)
}

fn display_dec(o: &Obj, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{}", o.value)
}

unsafe fn size_eight(_: *const u8) -> usize {
    8
}

fn clear(o: &mut Obj) {
    o.value = 0;
}

const HEX: VTable = VTable {
    name: "hex",
    display: display_hex,
    size: size_eight,
    drop: Some(clear),
};

static DEC: VTable = VTable {
    name: "dec",
    display: display_dec,
    size: size_eight,
    drop: None,
};

impl fmt::Display for Obj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.vtable.display)(self, f)
    }
}

trait Describe {
    fn describe(&self) -> String;
}

impl Describe for u8 {
    fn describe(&self) -> String {
        format!("u8 {self}")
    }
}

impl Describe for &str {
    fn describe(&self) -> String {
        format!("str {self:?}")
    }
}

struct GenericVTable {
    describe: unsafe fn(*const ()) -> String,
    size: fn() -> usize,
}

unsafe fn describe_erased<T: Describe>(p: *const ()) -> String {
    unsafe { (*(p as *const T)).describe() }
}

fn size_of_t<T>() -> usize {
    std::mem::size_of::<T>()
}

fn vtable_for<T: Describe>() -> &'static GenericVTable {
    // A constant that names generic instances: promoted to static memory like anyhow's.
    &GenericVTable {
        describe: describe_erased::<T>,
        size: size_of_t::<T>,
    }
}

fn call_erased<T: Describe>(v: &T) -> String {
    let vt = vtable_for::<T>();
    let s = unsafe { (vt.describe)(v as *const T as *const ()) };
    format!("{s} ({} bytes)", (vt.size)())
}

static OPS: [(&str, fn(i32, i32) -> i32); 3] = [("add", add), ("sub", sub), ("mul", |a, b| a * b)];

fn add(a: i32, b: i32) -> i32 {
    a + b
}

fn sub(a: i32, b: i32) -> i32 {
    a - b
}

const MAYBE: [Option<fn() -> &'static str>; 2] = [None, Some(hello)];

fn hello() -> &'static str {
    "hello"
}

fn main() {
    let mut a = Obj { vtable: &HEX, value: 255 };
    let b = Obj { vtable: &DEC, value: 255 };
    println!("{} {} {} {}", a.vtable.name, a, b.vtable.name, b);
    println!("{}", unsafe { (a.vtable.size)(std::ptr::null()) });
    if let Some(d) = a.vtable.drop {
        d(&mut a);
    }
    println!("after drop: {a} {}", DEC.drop.is_none());
    println!("{}", call_erased(&7u8));
    println!("{}", call_erased(&"text"));
    for (name, op) in OPS.iter() {
        println!("{name}: {}", op(6, 3));
    }
    for m in MAYBE {
        println!("{:?}", m.map(|f| f()));
    }
    let table: &[fn(i32, i32) -> i32] = &[add, sub];
    println!("{:?}", table.iter().map(|f| f(10, 4)).collect::<Vec<_>>());
}
