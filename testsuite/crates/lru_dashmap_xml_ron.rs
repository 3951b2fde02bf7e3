// Caches and maps (lru, dashmap across threads, arc-swap), byte strings (bstr), float
// and duration formatting (ryu, humantime), an XML event reader (quick-xml) and RON
// with serde derive.
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: lru = "=0.12.5"
//@ dep: dashmap = "=6.1.0"
//@ dep: arc-swap = "=1.7.1"
//@ dep: bstr = "=1.11.0"
//@ dep: ryu = "=1.0.18"
//@ dep: humantime = "=2.1.0"
//@ dep: quick-xml = "=0.37.1"
//@ dep: ron = "=0.8.1"
use bstr::ByteSlice;
use std::num::NonZeroUsize;
use std::sync::Arc;

#[derive(Debug, serde::Serialize, serde::Deserialize, PartialEq)]
enum Shape {
    Circle { r: f32 },
    Rect(u32, u32),
    Empty,
}

#[derive(Debug, serde::Serialize, serde::Deserialize, PartialEq)]
struct Scene {
    name: String,
    shapes: Vec<Shape>,
    scale: Option<f64>,
}

fn main() {
    let mut cache = lru::LruCache::new(NonZeroUsize::new(3).unwrap());
    for (k, v) in [("a", 1), ("b", 2), ("c", 3)] {
        cache.put(k, v);
    }
    println!("{:?}", cache.get(&"a"));
    println!("{:?}", cache.put("d", 4));
    let peeked = cache.peek(&"b").copied();
    println!("{peeked:?} {:?}", cache.pop_lru());
    let order: Vec<(&&str, &i32)> = cache.iter().collect();
    println!("{order:?} len={}", cache.len());

    let map = Arc::new(dashmap::DashMap::new());
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let map = map.clone();
            std::thread::spawn(move || {
                for i in 0..100u64 {
                    *map.entry(i % 10).or_insert(0u64) += t + 1;
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut entries: Vec<(u64, u64)> = map.iter().map(|e| (*e.key(), *e.value())).collect();
    entries.sort();
    println!("{entries:?}");

    let config = arc_swap::ArcSwap::from_pointee(String::from("v1"));
    let before = config.load_full();
    config.store(Arc::new(String::from("v2")));
    config.rcu(|old| format!("{old}+"));
    println!("{before} {}", config.load());

    let bytes = b"foo\xFFbar baz\nqux  quux";
    println!("{}", bytes.to_str_lossy());
    let words: Vec<String> = bytes.fields().map(|w| w.to_str_lossy().into_owned()).collect();
    println!("{words:?} {:?} {:?}", bytes.find("bar"), bytes.lines().count());
    println!("{:?}", b"a,b,,c".split_str(",").map(|s| s.as_bstr()).collect::<Vec<_>>());

    let mut buf = ryu::Buffer::new();
    for f in [0.1f64, 1.0 / 3.0, 1e300, -0.0, 123456.789] {
        print!("{} ", buf.format(f));
    }
    println!();
    for secs in [0u64, 59, 3600, 90061] {
        print!("{} | ", humantime::format_duration(std::time::Duration::from_secs(secs)));
    }
    println!("{:?}", humantime::parse_duration("1h 30m 5s"));

    let xml = r#"<root a="1"><item id="x">text &amp; more</item><empty/><!-- c --></root>"#;
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => {
                let attrs: Vec<String> = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        format!("{}={}", String::from_utf8_lossy(a.key.as_ref()), a.unescape_value().unwrap())
                    })
                    .collect();
                println!("start {} {attrs:?}", String::from_utf8_lossy(e.name().as_ref()));
            }
            Ok(quick_xml::events::Event::Empty(e)) => println!("empty {}", String::from_utf8_lossy(e.name().as_ref())),
            Ok(quick_xml::events::Event::Text(t)) => println!("text {:?}", t.unescape().unwrap()),
            Ok(quick_xml::events::Event::End(e)) => println!("end {}", String::from_utf8_lossy(e.name().as_ref())),
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(other) => println!("other {other:?}"),
            Err(e) => {
                println!("error {e}");
                break;
            }
        }
    }

    let scene = Scene {
        name: "demo".into(),
        shapes: vec![Shape::Circle { r: 1.5 }, Shape::Rect(2, 3), Shape::Empty],
        scale: Some(0.5),
    };
    let text = ron::to_string(&scene).unwrap();
    println!("{text}");
    let pretty = ron::ser::to_string_pretty(&scene, ron::ser::PrettyConfig::default()).unwrap();
    println!("{pretty}");
    let back: Scene = ron::from_str(&text).unwrap();
    println!("{}", back == scene);
    println!("{:?}", ron::from_str::<Scene>("(name: 1)").map_err(|e| e.to_string()));
}
