// A promoted constant (`&Struct {}` returned as `&'static`) is inferred on its own, and
// must see the items of the blocks around it: structs imported by a `use` inside the
// function, or declared there. It used to resolve paths in the function's module only,
// so `&GenericDialect {}` (sqlparser) was refused as an unresolved name.
mod dialects {
    pub trait Dialect: Sync {
        fn name(&self) -> String;
    }
    #[derive(Debug)]
    pub struct Generic {}
    impl Dialect for Generic {
        fn name(&self) -> String { "generic".into() }
    }
    #[derive(Debug)]
    pub struct Tagged { pub tag: u8, pub label: &'static str }
    impl Dialect for Tagged {
        fn name(&self) -> String { format!("{}#{}", self.label, self.tag) }
    }
}

fn imported() -> &'static dyn dialects::Dialect {
    use dialects::Generic;
    &Generic {}
}

fn imported_with_fields(which: bool) -> &'static dyn dialects::Dialect {
    use dialects::Tagged as T;
    if which { &T { tag: 1, label: "one" } } else { &T { tag: 2, label: "two" } }
}

fn declared_inside() -> &'static [(u8, char)] {
    #[derive(Clone, Copy)]
    struct Pair(u8, char);
    const BASE: u8 = 40;
    let pairs: &'static [Pair; 3] = &[Pair(BASE, 'a'), Pair(BASE + 1, 'b'), Pair(BASE + 2, 'c')];
    let out: Vec<(u8, char)> = pairs.iter().map(|p| (p.0, p.1)).collect();
    Box::leak(out.into_boxed_slice())
}

fn nested_block() -> &'static u64 {
    {
        const INNER: u64 = 1 << 40;
        {
            &(INNER | 7)
        }
    }
}

fn main() {
    println!("{}", imported().name());
    println!("{} {}", imported_with_fields(true).name(), imported_with_fields(false).name());
    println!("{:?}", declared_inside());
    println!("{}", nested_block());
}
