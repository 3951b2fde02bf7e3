// A configuration read with toml + serde derive, URLs parsed and joined with url (idna,
// percent-encoding), names converted by heck, text normalized by unicode-normalization.
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: toml = "=0.8.23"
//@ dep: url = "=2.5.4"
//@ dep: heck = "=0.5.0"
//@ dep: unicode-normalization = "=0.1.24"
use heck::{ToKebabCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Deserialize, Serialize, PartialEq)]
struct Config {
    name: String,
    version: Option<String>,
    port: u16,
    ratio: f64,
    tags: Vec<String>,
    server: Server,
    #[serde(default)]
    limits: BTreeMap<String, i64>,
}

#[derive(Debug, Deserialize, Serialize, PartialEq)]
struct Server {
    host: String,
    tls: bool,
    #[serde(rename = "backends")]
    upstream: Vec<Backend>,
}

#[derive(Debug, Deserialize, Serialize, PartialEq)]
struct Backend {
    url: String,
    weight: u32,
}

const TEXT: &str = r#"
name = "demo"
port = 8080
ratio = 0.75
tags = ["a", "b", "c"]

[server]
host = "example.org"
tls = true

[[server.backends]]
url = "http://10.0.0.1:9000/api"
weight = 3

[[server.backends]]
url = "https://b\u00fccher.example/p?q=1 2"
weight = 1

[limits]
cpu = 4
mem = -1
"#;

fn main() {
    let cfg: Config = toml::from_str(TEXT).unwrap();
    println!("{cfg:?}");
    let back = toml::to_string(&cfg).unwrap();
    println!("{back}");
    let again: Config = toml::from_str(&back).unwrap();
    println!("round trip equal: {}", again == cfg);
    match toml::from_str::<Config>("name = 1") {
        Ok(_) => println!("unexpected"),
        Err(e) => println!("error: {}", e.message()),
    }

    for b in &cfg.server.upstream {
        let u = url::Url::parse(&b.url).unwrap();
        println!(
            "{} scheme={} host={:?} port={:?} path={} query={:?}",
            u,
            u.scheme(),
            u.host_str(),
            u.port_or_known_default(),
            u.path(),
            u.query()
        );
        let j = u.join("../v2/items?id=7#frag").unwrap();
        println!("joined: {j} fragment={:?}", j.fragment());
        let pairs: Vec<(String, String)> = j.query_pairs().into_owned().collect();
        println!("pairs: {pairs:?}");
    }
    println!("{:?}", url::Url::parse("not a url"));
    let mut u = url::Url::parse("https://example.com/a/b").unwrap();
    u.path_segments_mut().unwrap().push("c d").push("ü");
    u.query_pairs_mut().append_pair("k", "v&w").append_pair("emoji", "😀");
    println!("{u}");

    for name in ["HTTPServerConfig", "max_retry_count", "Some Title here", "xml-http-request"] {
        println!(
            "{name}: {} {} {} {}",
            name.to_snake_case(),
            name.to_kebab_case(),
            name.to_upper_camel_case(),
            name.to_shouty_snake_case()
        );
    }

    let s = "e\u{301}cole \u{212B} ﬁ";
    let nfc: String = s.nfc().collect();
    let nfd: String = s.nfd().collect();
    let nfkc: String = s.nfkc().collect();
    println!("{} {} {} {}", s.len(), nfc.len(), nfd.len(), nfkc.len());
    println!("{nfc:?} {nfkc:?}");
}
