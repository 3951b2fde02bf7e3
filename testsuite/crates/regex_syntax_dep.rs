// regex-syntax 0.8.5 as a dependency built by rustc (not a workspace member): its parser,
// translator and the HIR's Display are called in its rlib (Tier 2); the generic code this
// program instantiates (iterators over its types, `Debug` of its enums through `dyn`) is
// compiled by rac. The unicode tables stay in the rlib.
//@ dep: regex-syntax = "=0.8.5"
use regex_syntax::hir::{Class, Hir, HirKind};
use regex_syntax::{ast, Parser, ParserBuilder};

fn describe(h: &Hir) -> String {
    match h.kind() {
        HirKind::Empty => "empty".into(),
        HirKind::Literal(l) => format!("lit({:?})", String::from_utf8_lossy(&l.0)),
        HirKind::Class(Class::Unicode(c)) => format!("uclass({} ranges)", c.ranges().len()),
        HirKind::Class(Class::Bytes(c)) => format!("bclass({} ranges)", c.ranges().len()),
        HirKind::Look(l) => format!("look({:?})", l),
        HirKind::Repetition(r) => format!("rep({}..{:?}, {})", r.min, r.max, describe(&r.sub)),
        HirKind::Capture(c) => format!("cap({:?}, {})", c.name, describe(&c.sub)),
        HirKind::Concat(v) => format!("cat[{}]", v.iter().map(describe).collect::<Vec<_>>().join(", ")),
        HirKind::Alternation(v) => format!("alt[{}]", v.iter().map(describe).collect::<Vec<_>>().join(" | ")),
    }
}

fn main() {
    for pat in ["a+b", r"(?P<year>\d{4})-(?P<m>\d{2})", r"\bfoo\b|bar*", "[a-z&&[^aeiou]]", r"\p{Greek}+", "x{2,5}?"] {
        match Parser::new().parse(pat) {
            Ok(h) => {
                println!("{pat:>28} => {}", describe(&h));
                println!("{:>28}    display: {}", "", h);
                println!("{:>28}    props: min={:?} max={:?} utf8={}", "", h.properties().minimum_len(), h.properties().maximum_len(), h.properties().is_utf8());
            }
            Err(e) => println!("{pat}: error {e}"),
        }
    }
    for bad in ["(unclosed", "a{3,1}", r"\p{NotAClass}"] {
        let e = Parser::new().parse(bad).unwrap_err();
        println!("--- {bad}\n{e}");
    }
    let h = ParserBuilder::new().case_insensitive(true).unicode(false).build().parse("k").unwrap();
    println!("{} {}", describe(&h), h);
    let a = ast::parse::Parser::new().parse("a(b|c)*").unwrap();
    println!("{:?}", a.span());
    println!("{}", regex_syntax::escape("a.b*c"));
}
