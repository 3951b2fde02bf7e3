// serde_json 1.0.154 with serde 1.0.229 derives, floats and `Value`: serde_json's
// monomorphic code (float formatting through zmij's inline assembly, `Value`'s Display,
// its error messages) is called in serde_json's rlib built by rustc (Tier 2); the generic
// code instantiated for this program's types is compiled by rac.
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: serde_json = { version = "=1.0.154", features = ["raw_value"] }
//@ dep: proc-macro2 = "=1.0.107"
//@ dep: quote = "=1.0.47"
//@ dep: syn = "=3.0.10"
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Order {
    id: u32,
    item: String,
    qty: Option<u16>,
    price: f64,
    tags: Vec<String>,
    #[serde(default)]
    extra: BTreeMap<String, i64>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type")]
enum Event {
    Created { order: Order },
    Cancelled { id: u32, reason: Option<String> },
}

fn main() {
    let o = Order { id: 7, item: "pen".into(), qty: Some(3), price: 1.25, tags: vec!["a".into(), "b".into()], extra: BTreeMap::new() };
    let j = serde_json::to_string(&o).unwrap();
    println!("{j}");
    let back: Order = serde_json::from_str(&j).unwrap();
    println!("{:?} {}", back, back == o);
    let events = vec![Event::Created { order: o }, Event::Cancelled { id: 7, reason: None }];
    let text = serde_json::to_string_pretty(&events).unwrap();
    println!("{text}");
    let again: Vec<Event> = serde_json::from_str(&text).unwrap();
    println!("{}", again == events);
    let v: serde_json::Value = serde_json::from_str(r#"{"x":[1,2,{"y":null}],"z":1.5e3,"s":"str\u00e9","n":-0.0001}"#).unwrap();
    println!("{v} {} {:?} {}", v["x"][1], v["z"].as_f64(), v["n"]);
    for bad in [r#"{"id": "seven"}"#, r#"{"id": 1, "item": "x", "qty": 70000, "price": 1, "tags": []}"#, "[1, 2", r#"{"type": "Shipped"}"#] {
        match serde_json::from_str::<Order>(bad) {
            Ok(o) => println!("ok {o:?}"),
            Err(e) => println!("error: {e} (line {}, column {})", e.line(), e.column()),
        }
    }
    println!("{:?}", serde_json::from_str::<Event>(r#"{"type": "Shipped"}"#).map_err(|e| e.to_string()));
    for f in [0.1f64, 1e21, 123456789.125, f64::MIN_POSITIVE] {
        println!("{}", serde_json::json!({ "f": f, "list": [f, -f] }));
    }
}
