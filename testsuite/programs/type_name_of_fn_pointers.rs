// type_name of fn pointer types, as rustc spells them: `fn(A, B) -> R`, no `-> ()`,
// `unsafe fn`, nested in other types and through generic code (slotmap's tests print
// `type_name::<fn(DefaultKey) -> DefaultKey>()` in an assertion message).
struct Key(u32);
fn id(k: Key) -> Key {
    k
}
fn name<T>(_: T) -> &'static str {
    std::any::type_name::<T>()
}
mod m {
    pub struct Inner<T>(pub T);
}
fn main() {
    println!("{}", std::any::type_name::<fn(Key) -> Key>());
    println!("{}", name(id as fn(Key) -> Key));
    println!("{}", std::any::type_name::<unsafe fn(u8, Vec<String>)>());
    println!("{}", std::any::type_name::<fn()>());
    println!("{}", std::any::type_name::<fn() -> !>());
    println!("{}", std::any::type_name::<Option<fn(i32) -> (i32, bool)>>());
    println!("{}", std::any::type_name::<m::Inner<fn(m::Inner<u8>) -> [u16; 3]>>());
    println!("{}", std::any::type_name::<fn(fn(u8) -> u8) -> *const fn()>());
    println!("{}", id(Key(7)).0);
}
