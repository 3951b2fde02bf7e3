// A borrowed struct of closures coerced to function pointers is a constant that rustc
// promotes to static memory (minijinja's hand-made vtables: `&VTable { f: |ptr| .. }`
// built inside a generic `new::<T>`); a reference to it outlives the function. rac once
// built it on the stack and returned a dangling pointer.
use std::sync::Arc;

trait Obj {
    fn show(&self) -> String;
}

impl Obj for u32 {
    fn show(&self) -> String {
        format!("u32 {self}")
    }
}

impl Obj for String {
    fn show(&self) -> String {
        format!("string {self:?}")
    }
}

struct ObjVTable {
    show: fn(*const ()) -> String,
    type_name: fn() -> &'static str,
    decref: fn(*const ()),
}

struct DynObj {
    ptr: *const (),
    vtable: *const (),
}

impl DynObj {
    fn new<T: Obj + 'static>(v: Arc<T>) -> Self {
        let ptr = Arc::into_raw(v) as *const T as *const ();
        let vtable = &ObjVTable {
            show: |ptr| unsafe {
                let arc = std::mem::ManuallyDrop::new(Arc::<T>::from_raw(ptr as *const T));
                <T as Obj>::show(&arc)
            },
            type_name: || std::any::type_name::<T>(),
            decref: |ptr| unsafe {
                drop(Arc::from_raw(ptr as *const T));
            },
        };
        DynObj { ptr, vtable: vtable as *const ObjVTable as *const () }
    }

    fn vt(&self) -> &ObjVTable {
        unsafe { &*(self.vtable as *const ObjVTable) }
    }
}

impl Drop for DynObj {
    fn drop(&mut self) {
        (self.vt().decref)(self.ptr)
    }
}

struct VTable {
    a: fn(u32) -> u32,
    b: fn() -> &'static str,
    c: fn(u32) -> u32,
}
fn make<T>() -> &'static VTable {
    &VTable {
        a: |x| x + 1,
        b: || std::any::type_name::<T>(),
        c: |x| x * std::mem::size_of::<T>() as u32,
    }
}
fn plain() -> &'static VTable {
    &VTable { a: |x| x + 2, b: || "plain", c: (|x| x * 3) as fn(u32) -> u32 }
}
fn main() {
    let objs = vec![DynObj::new(Arc::new(7u32)), DynObj::new(Arc::new(String::from("hi")))];
    for o in &objs {
        println!("{} ({})", (o.vt().show)(o.ptr), (o.vt().type_name)());
    }
    let again = DynObj::new(Arc::new(9u32));
    println!("{}", std::ptr::eq(objs[0].vtable, again.vtable));
    let p = plain();
    let q = plain();
    println!("{} {} {} {}", (p.a)(1), (p.b)(), (p.c)(2), std::ptr::eq(p, q));
    let v = make::<u64>();
    let w = make::<u8>();
    println!("{} {} {}", (v.a)(1), (v.c)(2), (v.b)());
    println!("{} {} {}", (w.a)(1), (w.c)(2), (w.b)());
}
