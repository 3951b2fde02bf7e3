// Markdown to HTML (pulldown-cmark), an XML tree (roxmltree), format-preserving TOML edits
// (toml_edit), percent-encoding, legacy text encodings (encoding_rs) and the Unicode
// bidirectional algorithm (unicode-bidi).
//@ dep: pulldown-cmark = "=0.13.0"
//@ dep: roxmltree = "=0.21.1"
//@ dep: toml_edit = "=0.22.27"
//@ dep: percent-encoding = "=2.3.2"
//@ dep: encoding_rs = "=0.8.35"
//@ dep: unicode-bidi = "=0.3.18"
use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};
use toml_edit::{value, DocumentMut};

fn main() {
    let md = "# Title\n\nSome *emphasis* and **strong** text with `code`.\n\n- one\n- two\n  - nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```rust\nfn main() {}\n```\n\n[link](http://example.com) ~~gone~~\n";
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(md, opts));
    print!("{out}");
    let mut headings = 0;
    let mut texts = Vec::new();
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                headings += 1;
                println!("heading {level:?}");
            }
            Event::Text(t) => texts.push(t.into_string()),
            Event::End(TagEnd::CodeBlock) => println!("end of code block"),
            _ => {}
        }
    }
    println!("{headings} {}", texts.join("|"));

    let xml = r#"<?xml version="1.0"?>
<library name="city">
  <book id="1" lang="en"><title>Dune</title><year>1965</year></book>
  <book id="2"><title>Solaris</title><year>1961</year></book>
  <!-- a comment -->
  <magazine id="3">Wired &amp; more</magazine>
</library>"#;
    match roxmltree::Document::parse(xml) {
        Ok(doc) => {
            let root = doc.root_element();
            println!("{} {:?}", root.tag_name().name(), root.attribute("name"));
            for n in root.children().filter(|n| n.is_element()) {
                let title = n.children().find(|c| c.has_tag_name("title")).and_then(|c| c.text());
                println!("{} id={:?} lang={:?} title={:?} text={:?}", n.tag_name().name(), n.attribute("id"), n.attribute("lang"), title, n.text());
            }
            let years: Vec<u32> = doc.descendants().filter(|n| n.has_tag_name("year")).filter_map(|n| n.text()?.parse().ok()).collect();
            println!("{years:?} {}", doc.descendants().count());
        }
        Err(e) => println!("xml error: {e}"),
    }
    println!("{:?}", roxmltree::Document::parse("<a><b></a>").map(|_| ()).map_err(|e| e.to_string()));

    let src = "# settings\n[package]\nname = \"demo\"  # the name\nversion = \"0.1.0\"\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n";
    let mut doc = src.parse::<DocumentMut>().expect("toml");
    doc["package"]["version"] = value("0.2.0");
    doc["package"]["edition"] = value("2021");
    doc["dependencies"]["regex"] = value("1.10");
    if let Some(t) = doc["dependencies"]["serde"].as_inline_table_mut() {
        t.insert("optional", true.into());
    }
    print!("{doc}");
    println!("{:?}", doc["package"]["name"].as_str());
    println!("{}", "x = [1, 2".parse::<DocumentMut>().is_err());

    use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS, NON_ALPHANUMERIC};
    const FRAGMENT: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'<').add(b'>').add(b'`');
    println!("{}", utf8_percent_encode("foo bar?baz=ä&x", NON_ALPHANUMERIC));
    println!("{}", utf8_percent_encode("a b<c>\"d`", FRAGMENT));
    println!("{:?}", percent_decode_str("foo%20bar%C3%A4").decode_utf8().unwrap());

    let (text, enc, errors) = encoding_rs::SHIFT_JIS.decode(b"\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd");
    println!("{text} {} {errors}", enc.name());
    let (bytes, enc, errors) = encoding_rs::WINDOWS_1252.encode("café €5 ☃");
    println!("{:?} {} {errors}", bytes, enc.name());
    let (text, errors) = encoding_rs::UTF_8.decode_without_bom_handling(b"ok \xff bad");
    println!("{text} {errors}");
    println!("{:?}", encoding_rs::Encoding::for_label(b"latin1").map(|e| e.name()));

    use unicode_bidi::BidiInfo;
    let text = "abc \u{05D0}\u{05D1}\u{05D2} def 123";
    let bidi = BidiInfo::new(text, None);
    for para in &bidi.paragraphs {
        let line = para.range.clone();
        println!("{:?} {}", para.level, bidi.reorder_line(para, line));
    }
    println!("{}", bidi.has_rtl());
}
