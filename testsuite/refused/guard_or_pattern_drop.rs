// A match guard on an or-pattern that binds a value with drop glue by value: when the
// guard fails, which alternative's place the value goes back to is known only at run
// time, so rac refuses the function instead of dropping the value twice.
// expect-stderr: rac cannot compile `guard_or_pattern_drop::describe`
// expect-stderr: a match guard on an or-pattern that binds a value with drop glue
enum Named {
    A(String),
    B(u8, String),
}

fn describe(n: Named) -> String {
    match n {
        Named::A(s) | Named::B(_, s) if s.len() > 3 => format!("long {s}"),
        Named::A(s) => format!("a {s}"),
        Named::B(k, s) => format!("b {k} {s}"),
    }
}

fn main() {
    println!("{}", describe(Named::A("hello".into())));
    println!("{}", describe(Named::B(1, "x".into())));
}
