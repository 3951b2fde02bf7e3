// serde 1.0.229 (#[derive(Serialize)], expanded by the toolchain's proc-macro server),
// serde_json 1.0.154 and thiserror 2.0.21 (#[derive(Error)]) from crates.io: proc-macro
// crates and build scripts (serde, serde_core, serde_json, thiserror, proc-macro2) built
// and run by cargo, the code compiled by rac from source.
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: serde_json = { version = "=1.0.154", features = ["raw_value"] }
//@ dep: thiserror = "=2.0.21"
//@ dep: proc-macro2 = "=1.0.107"
//@ dep: quote = "=1.0.47"
//@ dep: syn = "=3.0.10"
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Order {
    order_id: u32,
    item: String,
    qty: Option<u16>,
    tags: Vec<String>,
    kind: Kind,
    #[serde(skip)]
    _secret: u8,
}

#[derive(Serialize)]
enum Kind {
    Retail,
    Wholesale { min: u32 },
    Sample(bool),
}

#[derive(Debug, thiserror::Error)]
enum MyError {
    #[error("bad value {0}")]
    Bad(i32),
    #[error("missing field `{name}` at line {line}")]
    Missing { name: String, line: usize },
    #[error(transparent)]
    Parse(#[from] std::num::ParseIntError),
}

fn check(s: &str) -> Result<i32, MyError> {
    let v: i32 = s.parse()?;
    if v > 10 {
        return Err(MyError::Bad(v));
    }
    if v == 0 {
        return Err(MyError::Missing { name: "zero".into(), line: 3 });
    }
    Ok(v)
}

fn main() {
    for s in ["4", "11", "0", "x"] {
        match check(s) {
            Ok(v) => println!("ok {v}"),
            Err(e) => println!("error: {e} / {e:?} / source: {:?}", std::error::Error::source(&e).map(|s| s.to_string())),
        }
    }
    let orders = vec![
        Order { order_id: 7, item: "pen".into(), qty: Some(3), tags: vec!["a".into(), "b\"c".into()], kind: Kind::Retail, _secret: 1 },
        Order { order_id: 8, item: "ink".into(), qty: None, tags: vec![], kind: Kind::Wholesale { min: 100 }, _secret: 2 },
        Order { order_id: 9, item: "caf\u{e9}\n\t".into(), qty: Some(0), tags: vec!["x".into()], kind: Kind::Sample(true), _secret: 3 },
    ];
    for o in &orders {
        println!("{}", serde_json::to_string(o).unwrap());
    }
    println!("{}", serde_json::to_string_pretty(&orders[1]).unwrap());
    let bytes = serde_json::to_vec(&orders).unwrap();
    println!("{} bytes", bytes.len());
}
