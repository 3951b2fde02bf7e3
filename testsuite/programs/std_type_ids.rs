// `TypeId`s of std types are rustc's in rac-compiled code: code of rustc-compiled crates
// compares them with ids computed in rac-compiled generic code (clap's check that an
// argument's action and value parser agree on `TypeId::of::<u8>()`), and std's panic
// payloads are downcast by rac code. The ids and `type_name`s printed here must be
// rustc's exactly; ids of the program's own types only need to be distinct.
use std::any::{type_name, TypeId};

struct Local;
struct Other;

fn show<T: ?Sized + 'static>() {
    println!("{} {:?}", type_name::<T>(), TypeId::of::<T>());
}

fn main() {
    show::<&'static str>();
    show::<String>();
    show::<u8>();
    show::<u16>();
    show::<u32>();
    show::<u64>();
    show::<u128>();
    show::<usize>();
    show::<i8>();
    show::<i16>();
    show::<i32>();
    show::<i64>();
    show::<i128>();
    show::<isize>();
    show::<f32>();
    show::<f64>();
    show::<bool>();
    show::<char>();
    show::<()>();
    show::<str>();
    show::<std::ffi::OsString>();
    show::<std::path::PathBuf>();
    show::<Vec<u8>>();
    show::<Vec<String>>();
    show::<Option<String>>();
    show::<Box<str>>();
    show::<&'static [u8]>();
    show::<std::io::Error>();
    show::<std::num::ParseIntError>();
    show::<std::num::ParseFloatError>();
    show::<std::fmt::Error>();
    show::<std::str::Utf8Error>();
    show::<std::string::FromUtf8Error>();
    show::<std::time::Duration>();
    show::<std::ffi::CString>();
    show::<std::net::IpAddr>();
    show::<std::net::SocketAddr>();
    println!("{}", TypeId::of::<Local>() == TypeId::of::<Other>());
    println!("{}", TypeId::of::<Local>() == TypeId::of::<Local>());
    println!("{}", TypeId::of::<Vec<Local>>() == TypeId::of::<Vec<Other>>());
    let payload = std::panic::catch_unwind(|| panic!("owned {}", 1)).unwrap_err();
    println!("{:?}", payload.downcast_ref::<String>());
    let b: Box<dyn std::any::Any> = Box::new(7u8);
    println!("{:?} {:?}", b.downcast_ref::<u8>(), b.downcast_ref::<i8>());
}
