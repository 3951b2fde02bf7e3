// Templates over JSON data (handlebars), CBOR and MessagePack encodings of serde types
// (ciborium, rmp-serde), text tables (comfy-table), terminal colors (owo-colors) and a parser
// combinator library (chumsky).
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: serde_json = { version = "=1.0.154", features = ["raw_value"] }
//@ dep: handlebars = "=6.3.2"
//@ dep: ciborium = "=0.2.2"
//@ dep: rmp-serde = "=1.3.0"
//@ dep: comfy-table = "=7.1.4"
//@ dep: owo-colors = "=4.2.2"
//@ dep: chumsky = "=0.10.1"
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
enum Shape {
    Circle { r: f64 },
    Rect(u32, u32),
    Empty,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Scene {
    name: String,
    shapes: Vec<Shape>,
    tags: std::collections::BTreeMap<String, i64>,
    bytes: Option<Vec<u8>>,
}

fn main() {
    let mut hb = handlebars::Handlebars::new();
    hb.register_template_string("page", "<h1>{{title}}</h1>\n{{#each items}}{{@index}}: {{name}} ({{#if done}}done{{else}}todo{{/if}})\n{{/each}}{{upper who}}!\n").unwrap();
    hb.register_helper(
        "upper",
        Box::new(|h: &handlebars::Helper, _: &handlebars::Handlebars, _: &handlebars::Context, _: &mut handlebars::RenderContext, out: &mut dyn handlebars::Output| -> handlebars::HelperResult {
            let v = h.param(0).and_then(|p| p.value().as_str()).unwrap_or("");
            out.write(&v.to_uppercase())?;
            Ok(())
        }),
    );
    let data = json!({"title": "Tasks & <more>", "who": "world", "items": [{"name": "a", "done": true}, {"name": "b", "done": false}]});
    print!("{}", hb.render("page", &data).unwrap());
    println!("{:?}", hb.render_template("{{#with p}}{{x}}-{{y}}{{/with}}", &json!({"p": {"x": 1, "y": [2]}})));
    println!("{}", hb.render_template("{{#each}", &data).is_err());

    let mut tags = std::collections::BTreeMap::new();
    tags.insert("z".to_string(), -5);
    tags.insert("a".to_string(), 1 << 40);
    let scene = Scene { name: "demo".into(), shapes: vec![Shape::Circle { r: 1.5 }, Shape::Rect(2, 3), Shape::Empty], tags, bytes: Some(vec![0, 255, 7]) };
    let mut cbor = Vec::new();
    ciborium::into_writer(&scene, &mut cbor).unwrap();
    println!("{} {:02x?}", cbor.len(), &cbor[..12]);
    let back: Scene = ciborium::from_reader(&cbor[..]).unwrap();
    println!("{}", back == scene);
    let v: ciborium::Value = ciborium::from_reader(&cbor[..]).unwrap();
    println!("{:?}", v.as_map().map(|m| m.len()));
    let mp = rmp_serde::to_vec(&scene).unwrap();
    let mp_named = rmp_serde::to_vec_named(&scene).unwrap();
    println!("{} {}", mp.len(), mp_named.len());
    let back: Scene = rmp_serde::from_slice(&mp_named).unwrap();
    println!("{:?}", back);
    println!("{:?}", rmp_serde::from_slice::<Scene>(&mp[..5]).map_err(|e| e.to_string()));

    use comfy_table::{presets::UTF8_FULL, Cell, CellAlignment, ContentArrangement, Table};
    let mut table = Table::new();
    table.load_preset(UTF8_FULL).set_content_arrangement(ContentArrangement::Dynamic).set_width(60).set_header(vec!["Name", "Qty", "Note"]);
    table.add_row(vec![Cell::new("apples"), Cell::new(3).set_alignment(CellAlignment::Right), Cell::new("red and green, a rather long note that must wrap")]);
    table.add_row(vec!["pears", "12", ""]);
    println!("{table}");

    use owo_colors::OwoColorize;
    println!("{} {} {}", "red".red(), "bold".bold().on_blue(), 42.green().underline());
    println!("{:?}", format!("{}", "x".truecolor(1, 2, 3)));

    use chumsky::prelude::*;
    #[derive(Debug)]
    enum Expr {
        Num(i64),
        Add(Box<Expr>, Box<Expr>),
        Mul(Box<Expr>, Box<Expr>),
    }
    fn eval(e: &Expr) -> i64 {
        match e {
            Expr::Num(n) => *n,
            Expr::Add(a, b) => eval(a) + eval(b),
            Expr::Mul(a, b) => eval(a) * eval(b),
        }
    }
    fn parser<'a>() -> impl Parser<'a, &'a str, Expr, extra::Err<Simple<'a, char>>> {
        recursive(|expr| {
            let num = text::int(10).map(|s: &str| Expr::Num(s.parse().unwrap())).padded();
            let atom = num.or(expr.delimited_by(just('(').padded(), just(')').padded()));
            let product = atom.clone().foldl(just('*').ignore_then(atom).repeated(), |a, b| Expr::Mul(Box::new(a), Box::new(b)));
            product.clone().foldl(just('+').ignore_then(product).repeated(), |a, b| Expr::Add(Box::new(a), Box::new(b)))
        })
    }
    for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 * (3 + 4) * 5 + 1", "1 + * 2"] {
        match parser().parse(src).into_result() {
            Ok(e) => println!("{src} = {} {:?}", eval(&e), e),
            Err(errs) => println!("{src}: {} errors, first at {:?}", errs.len(), errs[0].span()),
        }
    }
}
