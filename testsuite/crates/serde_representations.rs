// serde's less common shapes: untagged and adjacently tagged enums, flatten (buffered
// `Content`), borrowed and `Cow` fields, `with`/`deserialize_with`, `transparent`,
// `try_from`/`into`, generic structs, raw JSON values, streams of values, error positions,
// form encoding (serde_urlencoded) and error paths (serde_path_to_error).
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: serde_json = { version = "=1.0.154", features = ["raw_value"] }
//@ dep: serde_urlencoded = "=0.7.1"
//@ dep: serde_path_to_error = "=0.1.16"
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(untagged)]
enum Value {
    Int(i64),
    Pair(String, f64),
    Named { name: String, tags: Vec<String> },
    Nothing,
}

#[derive(Serialize, Deserialize, Debug)]
#[serde(tag = "t", content = "c", rename_all = "SCREAMING_SNAKE_CASE")]
enum Message {
    Ping,
    Move { x: i32, y: i32 },
    Say(String),
}

#[derive(Serialize, Deserialize, Debug)]
struct Envelope {
    id: u32,
    #[serde(flatten)]
    meta: Meta,
    #[serde(flatten)]
    rest: BTreeMap<String, serde_json::Value>,
}

#[derive(Serialize, Deserialize, Debug)]
struct Meta {
    #[serde(rename = "created-at")]
    created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<String>,
}

#[derive(Deserialize, Debug)]
struct Borrowed<'a> {
    #[serde(borrow)]
    name: &'a str,
    #[serde(borrow)]
    note: Cow<'a, str>,
    #[serde(with = "hex_bytes")]
    data: Vec<u8>,
    #[serde(deserialize_with = "from_csv")]
    list: Vec<u16>,
}

mod hex_bytes {
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&v.iter().map(|b| format!("{b:02x}")).collect::<String>())
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let s = String::deserialize(d)?;
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(serde::de::Error::custom)).collect()
    }
}

fn from_csv<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u16>, D::Error> {
    let s: &str = Deserialize::deserialize(d)?;
    s.split(',').map(|p| p.trim().parse().map_err(serde::de::Error::custom)).collect()
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy)]
#[serde(transparent)]
struct Meters(f32);

#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(try_from = "String", into = "String")]
struct Email { user: String, host: String }
impl TryFrom<String> for Email {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let (u, h) = s.split_once('@').ok_or_else(|| format!("no @ in {s:?}"))?;
        Ok(Email { user: u.into(), host: h.into() })
    }
}
impl From<Email> for String {
    fn from(e: Email) -> String { format!("{}@{}", e.user, e.host) }
}

#[derive(Serialize, Deserialize, Debug)]
struct Page<T> {
    items: Vec<T>,
    next: Option<u32>,
}

#[derive(Deserialize, Debug)]
struct Deep { outer: Vec<Inner> }
#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Inner { value: u8 }

#[derive(Serialize, Deserialize, Debug)]
struct Search { q: String, page: u32, exact: bool, lang: Option<String> }

fn main() {
    let vals: Vec<Value> = serde_json::from_str(r#"[3, ["pi", 3.14], {"name": "n", "tags": ["a"]}, null]"#).unwrap();
    println!("{vals:?}");
    println!("{}", serde_json::to_string(&vals).unwrap());
    for m in [Message::Ping, Message::Move { x: 1, y: -2 }, Message::Say("hi".into())] {
        let s = serde_json::to_string(&m).unwrap();
        let back: Message = serde_json::from_str(&s).unwrap();
        println!("{s} {back:?}");
    }
    let env: Envelope = serde_json::from_str(r#"{"id": 7, "created-at": "today", "extra": [1, 2], "flag": true}"#).unwrap();
    println!("{env:?}");
    println!("{}", serde_json::to_string(&env).unwrap());
    let src = r#"{"name": "borrowed", "note": "with \"escape\"", "data": "00ff10", "list": "1, 2,30"}"#;
    let b: Borrowed = serde_json::from_str(src).unwrap();
    println!("{} {:?} {} {:?} {:?}", b.name, b.note, matches!(b.note, Cow::Owned(_)), b.data, b.list);
    let m: Vec<Meters> = serde_json::from_str("[1.5, 2]").unwrap();
    println!("{m:?} {}", serde_json::to_string(&m).unwrap());
    let e: Email = serde_json::from_str(r#""ada@example.org""#).unwrap();
    println!("{e:?} {}", serde_json::to_string(&e).unwrap());
    println!("{}", serde_json::from_str::<Email>(r#""nope""#).unwrap_err());
    let page: Page<Page<u8>> = serde_json::from_str(r#"{"items": [{"items": [1, 2], "next": null}], "next": 3}"#).unwrap();
    println!("{page:?}");
    let raw: BTreeMap<String, Box<serde_json::value::RawValue>> = serde_json::from_str(r#"{"a": {"x": [1, 2 ]}, "b": "s"}"#).unwrap();
    println!("{:?}", raw.iter().map(|(k, v)| format!("{k}={}", v.get())).collect::<Vec<_>>());
    let stream = serde_json::Deserializer::from_str("1 [2] {\"3\": 4} \"five\"").into_iter::<serde_json::Value>();
    println!("{:?}", stream.map(|v| v.unwrap().to_string()).collect::<Vec<_>>());
    let err = serde_json::from_str::<Page<u8>>("{\"items\": [1, 2,\n 300], \"next\": null}").unwrap_err();
    println!("{err} line={} col={} {:?}", err.line(), err.column(), err.classify());
    let jd = &mut serde_json::Deserializer::from_str(r#"{"outer": [{"value": 1}, {"value": "x"}]}"#);
    let r: Result<Deep, _> = serde_path_to_error::deserialize(jd);
    let e = r.unwrap_err();
    println!("path {} : {}", e.path(), e.inner());
    let form = serde_urlencoded::to_string(Search { q: "rust & c++".into(), page: 2, exact: true, lang: None }).unwrap();
    println!("{form}");
    let s: Search = serde_urlencoded::from_str("q=a%20b%2Bc&page=9&exact=false&lang=en").unwrap();
    println!("{s:?}");
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str("x=1&y=%C3%A9&x=3").unwrap();
    println!("{pairs:?}");
    let v = serde_json::json!({"n": [1, 2.5, -3], "s": null, "nested": {"k": ["v"]}});
    let p: Page<f64> = serde_json::from_value(serde_json::json!({"items": v["n"].clone(), "next": 1})).unwrap();
    println!("{p:?} {}", serde_json::to_string_pretty(&v).unwrap());
}
