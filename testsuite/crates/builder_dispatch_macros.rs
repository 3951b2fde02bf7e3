// Derive and attribute macros that generate builders, dispatch and caches: typed-builder,
// derive_builder, enum_dispatch, ouroboros's self-referencing structs, cached's
// memoization, getset, educe, auto_impl; smartstring and ustr's interned strings.
//@ dep: typed-builder = "=0.20.1"
//@ dep: derive_builder = "=0.20.2"
//@ dep: enum_dispatch = "=0.3.13"
//@ dep: ouroboros = "=0.18.5"
//@ dep: cached = { version = "=0.54.0", default-features = false, features = ["proc_macro"] }
//@ dep: smartstring = "=1.0.1"
//@ dep: ustr = "=1.1.0"
//@ dep: getset = "=0.1.7"
//@ dep: educe = "=0.6.0"
//@ dep: auto_impl = "=1.4.0"
use cached::proc_macro::cached;
use enum_dispatch::enum_dispatch;
use std::fmt::Debug;

#[derive(typed_builder::TypedBuilder, Debug)]
struct Server {
    host: String,
    #[builder(default = 8080)]
    port: u16,
    #[builder(default, setter(strip_option))]
    name: Option<String>,
    #[builder(setter(into))]
    path: String,
}

#[derive(derive_builder::Builder, Debug, Clone)]
#[builder(setter(into))]
struct Request {
    method: String,
    url: String,
    #[builder(default = "3")]
    retries: u32,
    #[builder(default)]
    headers: Vec<(String, String)>,
}

#[enum_dispatch]
trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String {
        "shape".into()
    }
}
struct Circle(f64);
struct Rect(f64, f64);
impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.0 * self.0
    }
    fn name(&self) -> String {
        "circle".into()
    }
}
impl Shape for Rect {
    fn area(&self) -> f64 {
        self.0 * self.1
    }
}
#[enum_dispatch(Shape)]
enum AnyShape {
    Circle,
    Rect,
}

#[ouroboros::self_referencing]
struct Parsed {
    text: String,
    #[borrows(text)]
    #[covariant]
    words: Vec<&'this str>,
}

#[cached]
fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

#[cached(size = 2)]
fn slow_len(s: String) -> usize {
    println!("  computing len of {s}");
    s.len()
}

#[derive(getset::Getters, getset::Setters, getset::CopyGetters, Default)]
struct Config {
    #[getset(get = "pub", set = "pub")]
    label: String,
    #[getset(get_copy = "pub", set = "pub")]
    level: u8,
}

#[derive(educe::Educe)]
#[educe(Debug, PartialEq, Default)]
struct Secret {
    user: String,
    #[educe(Debug(ignore), PartialEq(ignore))]
    token: String,
    #[educe(Default = 5)]
    tries: u32,
}

#[auto_impl::auto_impl(&, Box, std::sync::Arc)]
trait Greeter {
    fn greet(&self, who: &str) -> String;
}
struct Hello;
impl Greeter for Hello {
    fn greet(&self, who: &str) -> String {
        format!("hello, {who}")
    }
}
fn use_greeter(g: impl Greeter) -> String {
    g.greet("rac")
}

fn main() {
    let s = Server::builder().host("localhost".into()).path("/api").build();
    println!("{s:?}");
    let s = Server::builder().host("h".into()).port(1).name("n".into()).path("/").build();
    println!("{s:?}");

    let r = RequestBuilder::default().method("GET").url("http://x").build().unwrap();
    println!("{r:?}");
    let e = RequestBuilder::default().method("GET").build().unwrap_err();
    println!("error: {e}");

    let shapes: Vec<AnyShape> = vec![Circle(1.0).into(), Rect(2.0, 3.0).into()];
    for sh in &shapes {
        println!("{} {}", sh.name(), sh.area());
    }

    let p = ParsedBuilder { text: "the self referencing struct".to_string(), words_builder: |t: &String| t.split(' ').collect() }.build();
    p.with_words(|w| println!("{} words, last {:?}", w.len(), w.last()));
    println!("text {}", p.borrow_text());
    let p = p.into_heads();
    println!("heads {}", p.text);

    println!("fib(80) = {}", fib(80));
    for w in ["a", "bb", "a", "ccc", "a"] {
        println!("len {}", slow_len(w.to_string()));
    }

    let mut c = Config::default();
    c.set_label("main".into()).set_level(3);
    println!("{} {}", c.label(), c.level());

    let a = Secret { user: "u".into(), token: "t1".into(), tries: 1 };
    let b = Secret { user: "u".into(), token: "t2".into(), tries: 1 };
    println!("{a:?} eq {} default {:?}", a == b, Secret::default());

    let mut ss: smartstring::alias::String = "short".into();
    println!("inline {}", ss.is_inline());
    ss.push_str(" and now a much longer string that spills");
    println!("inline {} {ss}", ss.is_inline());

    let u1 = ustr::ustr("interned");
    let u2 = ustr::ustr(&format!("inter{}", "ned"));
    println!("ustr same {} {}", u1 == u2, u1.as_str().as_ptr() == u2.as_str().as_ptr());

    println!("{}", use_greeter(&Hello));
    println!("{}", use_greeter(Box::new(Hello)));
    println!("{}", use_greeter(std::sync::Arc::new(Hello)));
}
