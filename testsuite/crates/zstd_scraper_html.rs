// A dependency with a native C library built by its build script and linked into the
// binary (zstd, through zstd-sys), and an HTML5 parser with CSS selectors (scraper over
// html5ever, markup5ever's generated atoms, selectors, cssparser).
//@ dep: zstd = "=0.13.2"
//@ dep: scraper = "=0.21.0"

fn zstd_part() {
    let text: String = (0..200).map(|i| format!("line {i}: the quick brown fox {}\n", i % 7)).collect();
    let compressed = zstd::encode_all(text.as_bytes(), 3).unwrap();
    println!("{} -> {} bytes (smaller: {})", text.len(), compressed.len(), compressed.len() < text.len() / 4);
    let back = zstd::decode_all(&compressed[..]).unwrap();
    println!("round trip: {}", back == text.as_bytes());
    let bulk = zstd::bulk::compress(b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbbbbbbbbbbb", 1).unwrap();
    println!("{:?}", String::from_utf8(zstd::bulk::decompress(&bulk, 1000).unwrap()).unwrap());
    use std::io::{Read, Write};
    let mut enc = zstd::stream::Encoder::new(Vec::new(), 5).unwrap();
    for i in 0..50 {
        write!(enc, "{i},").unwrap();
    }
    let framed = enc.finish().unwrap();
    let mut dec = zstd::stream::Decoder::new(&framed[..]).unwrap();
    let mut s = String::new();
    dec.read_to_string(&mut s).unwrap();
    println!("{}", &s[..40]);
    println!("{:?}", zstd::decode_all(&b"definitely not zstd"[..]).map_err(|e| e.kind()));
    println!("levels {:?}", zstd::compression_level_range());
}

fn scraper_part() {
    use scraper::{Html, Selector};
    let html = r#"<!DOCTYPE html>
        <html><head><title>Shop &amp; Co</title></head>
        <body>
          <ul id="items">
            <li class="item sale" data-price="3.50">Apple</li>
            <li class="item" data-price="1.25">Banana <b>fresh</b></li>
            <li class="item sale" data-price="7">Cherry</li>
          </ul>
          <p>Unclosed paragraph <a href="/a?x=1&y=2">link</a>
          <table><tr><td>1</td><td>2</td></tr></table>
        </body></html>"#;
    let doc = Html::parse_document(html);
    let title = Selector::parse("title").unwrap();
    println!("title: {:?}", doc.select(&title).next().map(|t| t.text().collect::<String>()));
    let items = Selector::parse("ul#items > li.item").unwrap();
    for li in doc.select(&items) {
        println!("{:?} price={:?} classes={:?}", li.text().collect::<Vec<_>>().concat().trim(), li.value().attr("data-price"), li.value().classes().collect::<Vec<_>>());
    }
    let sale = Selector::parse("li.sale:not([data-price='7'])").unwrap();
    println!("{}", doc.select(&sale).count());
    let a = Selector::parse("p a[href]").unwrap();
    let link = doc.select(&a).next().unwrap();
    println!("{:?} {}", link.value().attr("href"), link.html());
    let td = Selector::parse("table td").unwrap();
    let sum: i32 = doc.select(&td).map(|e| e.inner_html().parse::<i32>().unwrap()).sum();
    println!("sum {sum}");
    let frag = Html::parse_fragment("<div><span>one</span><span>two</span></div>");
    let span = Selector::parse("span:nth-child(2)").unwrap();
    println!("{:?}", frag.select(&span).map(|e| e.inner_html()).collect::<Vec<_>>());
    println!("{}", frag.root_element().html());
    println!("{:?}", Selector::parse("li[").is_err());
    println!("errors: {}", doc.errors.len());
}

fn main() {
    zstd_part();
    scraper_part();
}
