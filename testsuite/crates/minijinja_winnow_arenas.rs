// A template engine (minijinja: its own lexer, parser and VM over serde values), a parser
// combinator library (winnow), inline strings (compact_str) and arenas and slot maps
// (bumpalo, typed-arena, slotmap).
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: minijinja = "=2.24.0"
//@ dep: winnow = "=0.6.26"
//@ dep: compact_str = "=0.8.2"
//@ dep: slotmap = "=1.1.1"
//@ dep: bumpalo = { version = "=3.20.4", features = ["collections"] }
//@ dep: typed-arena = "=2.0.2"
use compact_str::{format_compact, CompactString};
use minijinja::{context, Environment};
use serde::Serialize;
use slotmap::{DefaultKey, SlotMap};
use winnow::ascii::{digit1, multispace0};
use winnow::combinator::{alt, delimited, separated};
use winnow::prelude::*;

#[derive(Serialize)]
struct Item {
    name: String,
    price: f64,
    tags: Vec<&'static str>,
}

fn number(input: &mut &str) -> PResult<i64> {
    digit1.try_map(|s: &str| s.parse::<i64>()).parse_next(input)
}

fn list(input: &mut &str) -> PResult<Vec<i64>> {
    delimited(
        ('[', multispace0),
        separated(0.., delimited(multispace0, number, multispace0), ','),
        (multispace0, ']'),
    )
    .parse_next(input)
}

fn word<'s>(input: &mut &'s str) -> PResult<&'s str> {
    alt(("yes", "no", "maybe")).parse_next(input)
}

struct Node<'a> {
    value: i32,
    next: Option<&'a Node<'a>>,
}

fn main() {
    let mut env = Environment::new();
    env.add_template(
        "list",
        "{% for item in items %}{{ loop.index }}. {{ item.name|upper }} ${{ \"%.2f\"|format(item.price) }}{% if item.tags %} [{{ item.tags|join(\", \") }}]{% endif %}\n{% endfor %}total: {{ items|map(attribute=\"price\")|sum }}",
    )
    .unwrap();
    env.add_filter("twice", |v: i64| v * 2);
    let items = vec![
        Item { name: "apple".into(), price: 1.25, tags: vec!["fruit", "red"] },
        Item { name: "bread".into(), price: 3.5, tags: vec![] },
    ];
    println!("{}", env.get_template("list").unwrap().render(context! { items => items }).unwrap());
    println!("{}", env.render_str("{{ 21|twice }} {{ [1, 2, 3]|reverse|list }} {{ 'x' ~ 7 }}", context! {}).unwrap());
    match env.render_str("{{ missing.field }}", context! {}) {
        Ok(s) => println!("ok {s:?}"),
        Err(e) => println!("error: {}", e.kind()),
    }
    match env.add_template("bad", "{% for %}") {
        Ok(_) => println!("parsed"),
        Err(e) => println!("syntax error: {}", e.kind()),
    }

    println!("{:?}", list.parse("[1, 22 ,333]"));
    println!("{:?}", list.parse("[]"));
    println!("{}", list.parse("[1, x]").is_err());
    println!("{:?}", word.parse("maybe"));

    let s: CompactString = CompactString::from("short");
    let long = format_compact!("{}-{}", "a".repeat(30), 42);
    println!("{} {} {} {}", s, s.is_heap_allocated(), long.len(), long.is_heap_allocated());

    let mut sm: SlotMap<DefaultKey, &str> = SlotMap::new();
    let a = sm.insert("a");
    let b = sm.insert("b");
    sm.remove(a);
    let c = sm.insert("c");
    println!("{:?} {:?} {:?} {}", sm.get(a), sm.get(b), sm.get(c), sm.len());

    let bump = bumpalo::Bump::new();
    let mut v = bumpalo::collections::Vec::new_in(&bump);
    for i in 0..10 {
        v.push(i * i);
    }
    let s = bumpalo::format!(in &bump, "{:?}", v);
    println!("{} {}", s, bump.allocated_bytes() >= 40);

    let arena = typed_arena::Arena::new();
    let n1 = arena.alloc(Node { value: 1, next: None });
    let n2 = arena.alloc(Node { value: 2, next: Some(n1) });
    let n3 = arena.alloc(Node { value: 3, next: Some(n2) });
    let mut cur: Option<&Node> = Some(n3);
    let mut sum = 0;
    while let Some(n) = cur {
        sum += n.value;
        cur = n.next;
    }
    println!("{sum} {}", arena.len());
}
