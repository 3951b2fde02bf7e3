// Templates: tera (runtime templates over serde values, filters, inheritance) and askama
// (templates compiled by a derive); command-line parsing without the process's arguments:
// lexopt and pico-args; sizes for humans (humansize, bytesize).
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: tera = { version = "=1.20.0", default-features = false }
//@ dep: askama = "=0.12.1"
//@ dep: lexopt = "=0.3.0"
//@ dep: pico-args = "=0.5.0"
//@ dep: humansize = "=2.1.3"
//@ dep: bytesize = "=1.3.0"
use askama::Template;

#[derive(serde::Serialize)]
struct Item {
    name: String,
    price: f64,
    tags: Vec<&'static str>,
}

#[derive(Template)]
#[template(source = "Hello {{ name }}! {% for x in items %}[{{ loop.index }}:{{ x|upper }}]{% endfor %}{% if items.is_empty() %} none{% endif %}", ext = "txt")]
struct Hello<'a> {
    name: &'a str,
    items: Vec<&'a str>,
}

#[derive(Template)]
#[template(source = "<p>{{ text }}</p> {{ n * 2 }} {{ \"{:05.1}\"|format(f) }}", ext = "html")]
struct Escaped<'a> {
    text: &'a str,
    n: i32,
    f: f64,
}

fn main() {
    let mut tera = tera::Tera::default();
    tera.add_raw_templates(vec![
        ("base.html", "<title>{% block title %}Base{% endblock %}</title>{% block body %}{% endblock %}"),
        (
            "page.html",
            "{% extends \"base.html\" %}{% block title %}{{ title | title }}{% endblock %}{% block body %}\n{% for i in items %}{{ loop.index }}. {{ i.name | truncate(length=6) }} {{ i.price | round(precision=1) }} {{ i.tags | join(sep=\",\") }}\n{% endfor %}{% set total = items | map(attribute=\"price\") | length %}items: {{ total }}{% if missing is defined %}!{% endif %}{% endblock %}",
        ),
    ])
    .unwrap();
    let mut ctx = tera::Context::new();
    ctx.insert("title", "the shop");
    ctx.insert(
        "items",
        &vec![
            Item { name: "apple pie".into(), price: 3.14159, tags: vec!["sweet", "baked"] },
            Item { name: "tea".into(), price: 1.0, tags: vec![] },
        ],
    );
    println!("{}", tera.render("page.html", &ctx).unwrap());
    println!("{:?}", tera::Tera::one_off("{{ a + b * 2 }} {{ s | upper | replace(from=\"O\", to=\"0\") }}", &tera::Context::from_serialize(serde_json_like()).unwrap(), false));
    match tera.render("nope.html", &ctx) {
        Ok(_) => println!("unexpected"),
        Err(e) => println!("error: {e}"),
    }
    println!("{}", tera::Tera::one_off("{% for x in [1,2 %}", &ctx, false).is_err());

    println!("{}", Hello { name: "rac", items: vec!["a", "bc"] }.render().unwrap());
    println!("{}", Hello { name: "<you>", items: vec![] }.render().unwrap());
    println!("{}", Escaped { text: "a < b & \"c\"", n: 21, f: 3.14159 }.render().unwrap());

    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(["-n", "3", "--name=x", "-v", "free", "--", "-z"]);
    loop {
        match parser.next() {
            Ok(Some(Short('n'))) => println!("n = {}", parser.value().unwrap().parse::<u32>().unwrap()),
            Ok(Some(Long("name"))) => println!("name = {:?}", parser.value().unwrap()),
            Ok(Some(Short('v'))) => println!("verbose"),
            Ok(Some(Value(v))) => println!("value {v:?}"),
            Ok(Some(other)) => println!("unexpected {:?}", other.unexpected().to_string()),
            Ok(None) => break,
            Err(e) => {
                println!("error {e}");
                break;
            }
        }
    }

    let mut pargs = pico_args::Arguments::from_vec(vec!["--width".into(), "10".into(), "-q".into(), "in.txt".into()]);
    let width: u32 = pargs.value_from_str("--width").unwrap();
    let quiet = pargs.contains("-q");
    let missing: Option<u32> = pargs.opt_value_from_str("--height").unwrap();
    let free = pargs.finish();
    println!("{width} {quiet} {missing:?} {free:?}");

    for n in [0u64, 1023, 1024, 1_500_000, 3_000_000_000, u64::MAX] {
        println!("{} | {} | {}", humansize::format_size(n, humansize::DECIMAL), humansize::format_size(n, humansize::BINARY), bytesize::ByteSize(n));
    }
    println!("{:?}", "1.5 MiB".parse::<bytesize::ByteSize>().map(|b| b.as_u64()));
}

fn serde_json_like() -> std::collections::BTreeMap<&'static str, tera::Value> {
    let mut m = std::collections::BTreeMap::new();
    m.insert("a", tera::Value::from(1));
    m.insert("b", tera::Value::from(20));
    m.insert("s", tera::Value::from("foo"));
    m
}
