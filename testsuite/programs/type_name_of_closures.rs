// type_name of closures, as rustc spells them: the owner's path (generic arguments
// included, trait impls as `<S as Tr>::m`) and one `::{{closure}}` per level of nesting.
fn name<T>(_: &T) -> &'static str { std::any::type_name::<T>() }
struct S;
impl S { fn m(&self) -> &'static str { let c = |x: i32| x; name(&c) } }
trait Tr { fn t(&self) -> &'static str; }
impl Tr for S { fn t(&self) -> &'static str { let c = || 1; name(&c) } }
fn g<T: Default>() -> &'static str { let c = || T::default(); name(&c) }
mod inner { pub fn f() -> &'static str { let c = || { let d = || 2; super::name(&d) }; c() } }
fn main() {
    let c = |x: i64| x * 2;
    println!("{}", name(&c));
    println!("{}", S.m());
    println!("{}", S.t());
    println!("{}", g::<u8>());
    println!("{}", inner::f());
    println!("{}", name(&Some(c)));
    let v = vec![1];
    let m = move || v.len();
    println!("{}", name(&m));
    println!("{}", name(&(|| 3)));
}
