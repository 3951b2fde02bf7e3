// rustc inlines literal arguments of `{}` placeholders into the format string (its
// `inline_literals`): `format_args!("a {} b", 1).as_str()` is `Some`, and `panic!("x {}", 1)`
// has a `&str` payload where `panic!("x {}", var)` has a `String`.
fn kind(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() { format!("str {s}") }
    else if let Some(s) = p.downcast_ref::<String>() { format!("String {s}") }
    else { "other".into() }
}
fn main() {
    let x = 5;
    println!("{:?}", format_args!("a {} b", 1).as_str());
    println!("{:?}", format_args!("a {} b {}", "s\"q{}", 255u8).as_str());
    println!("{:?}", format_args!("a {} b", 3_000_000_000u32).as_str());
    println!("{:?}", format_args!("a {} b", 3_000_000_000i64).as_str());
    println!("{:?}", format_args!("a {} b", 30u8 as u16).as_str());
    println!("{:?}", format_args!("a {:?} b", 1).as_str());
    println!("{:?}", format_args!("a {:>3} b", 1).as_str());
    println!("{:?}", format_args!("a {} {} b", 1, x).as_str());
    println!("{:?}", format_args!("{0} {0} {1}", 1, "two").as_str());
    println!("{}", format_args!("{} {x} {} {:?}", 1, 2.5, "q"));
    println!("{:?}", format_args!("{}", &&"ref").as_str());
    for r in [
        std::panic::catch_unwind(|| panic!("owned {}", 1)),
        std::panic::catch_unwind(|| panic!("owned {}", x)),
        std::panic::catch_unwind(|| panic!("plain")),
    ] {
        println!("{}", kind(&*r.unwrap_err()));
    }
}
