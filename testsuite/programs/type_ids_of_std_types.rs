// `TypeId`s of std types are rustc's, not only those of a fixed list: rustc-compiled code
// (std, dependencies) may compute the same ids and compare them with rac's (rhai keys its
// function table by the ids of parameter types). Printing an id shows its value, so
// rustc's run and rac's run print the same only if the ids are rustc's.
use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::rc::Rc;
use std::sync::{Arc, Mutex};

struct Local;

fn id_of<T: ?Sized + 'static>() -> TypeId {
    TypeId::of::<T>()
}

fn main() {
    println!("{:?}", TypeId::of::<Vec<i64>>());
    println!("{:?}", TypeId::of::<HashMap<String, Vec<u8>>>());
    println!("{:?}", TypeId::of::<BTreeMap<u32, (char, bool)>>());
    println!("{:?}", TypeId::of::<Rc<RefCell<u8>>>());
    println!("{:?}", TypeId::of::<Arc<Mutex<VecDeque<u16>>>>());
    println!("{:?}", TypeId::of::<Option<&'static str>>());
    println!("{:?}", TypeId::of::<(u8, String, [u16; 4])>());
    println!("{:?}", TypeId::of::<&'static [u8]>());
    println!("{:?}", TypeId::of::<*const i32>());
    println!("{:?}", TypeId::of::<Box<dyn Any>>());
    println!("{:?}", TypeId::of::<Box<dyn std::error::Error + Send + Sync>>());
    println!("{:?}", TypeId::of::<std::io::ErrorKind>());
    println!("{:?}", id_of::<std::num::Wrapping<u64>>());
    println!("{:?}", id_of::<dyn std::fmt::Debug>());
    println!("{:?}", id_of::<Result<std::path::PathBuf, std::ffi::OsString>>());
    // Types of the program's own crate: only rac code computes their ids.
    println!("{}", TypeId::of::<Local>() == id_of::<Local>());
    println!("{}", TypeId::of::<Vec<Local>>() == TypeId::of::<Vec<u8>>());
    let boxed: Box<dyn Any> = Box::new(Rc::new(RefCell::new(5u8)));
    println!("{}", boxed.is::<Rc<RefCell<u8>>>());
    println!("{:?}", (*boxed).type_id() == TypeId::of::<Rc<RefCell<u8>>>());
}
