// HTTP without I/O: the http crate's types, httparse's request parser, mime, and digests
// (sha1, md-5, hmac over sha2, crc), unicase comparisons, fancy-regex backreferences.
//@ dep: http = "=1.6.0"
//@ dep: httparse = "=1.10.1"
//@ dep: mime = "=0.3.18"
//@ dep: sha1 = "=0.10.7"
//@ dep: md-5 = "=0.10.6"
//@ dep: hmac = "=0.12.1"
//@ dep: sha2 = "=0.10.8"
//@ dep: crc = "=3.4.0"
//@ dep: unicase = "=2.10.0"
//@ dep: fancy-regex = "=0.14.0"
use hmac::{Hmac, Mac};
use sha1::Digest;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn main() {
    let req = http::Request::builder()
        .method("POST")
        .uri("https://example.com/api/v1/items?limit=10&sort=desc")
        .header("Content-Type", "application/json")
        .header("X-Trace", "abc")
        .body(b"{}".to_vec())
        .unwrap();
    println!("{} {} {:?} {:?}", req.method(), req.uri().path(), req.uri().query(), req.uri().host());
    for (k, v) in req.headers() {
        println!("{k}: {v:?}");
    }
    let resp = http::Response::builder().status(404).body(()).unwrap();
    println!("{} {:?} {}", resp.status(), resp.status().canonical_reason(), resp.status().is_client_error());
    println!("{}", "bad uri with spaces".parse::<http::Uri>().is_err());

    let raw = b"GET /index.html?x=1 HTTP/1.1\r\nHost: example.org\r\nAccept: */*\r\nContent-Length: 5\r\n\r\nhello";
    let mut headers = [httparse::EMPTY_HEADER; 8];
    let mut r = httparse::Request::new(&mut headers);
    let status = r.parse(raw).unwrap();
    println!("{:?} {:?} {:?} {:?}", r.method, r.path, r.version, status);
    for h in r.headers.iter() {
        println!("{} = {}", h.name, String::from_utf8_lossy(h.value));
    }
    let mut headers = [httparse::EMPTY_HEADER; 4];
    let mut partial = httparse::Request::new(&mut headers);
    println!("{:?}", partial.parse(b"GET / HTTP/1.1\r\nHost: a").map(|s| s.is_partial()));

    let m: mime::Mime = "text/html; charset=utf-8".parse().unwrap();
    println!("{} {} {:?} {}", m.type_(), m.subtype(), m.get_param(mime::CHARSET).map(|c| c.to_string()), m == mime::TEXT_HTML_UTF_8);
    println!("{}", mime::APPLICATION_JSON.essence_str());

    let mut h = sha1::Sha1::new();
    h.update(b"The quick brown fox jumps over the lazy dog");
    println!("sha1 {}", hex(&h.finalize()));
    println!("md5 {}", hex(&md5::Md5::digest(b"The quick brown fox jumps over the lazy dog")));
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(b"key").unwrap();
    mac.update(b"The quick brown fox jumps over the lazy dog");
    let tag = mac.finalize().into_bytes();
    println!("hmac {}", hex(&tag));
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(b"key").unwrap();
    mac.update(b"The quick brown fox jumps over the lazy dog");
    println!("{}", mac.verify_slice(&tag).is_ok());
    let crc32 = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);
    println!("crc32 {:08x}", crc32.checksum(b"123456789"));
    let crc16 = crc::Crc::<u16>::new(&crc::CRC_16_IBM_SDLC);
    let mut d = crc16.digest();
    d.update(b"1234");
    d.update(b"56789");
    println!("crc16 {:04x}", d.finalize());

    println!("{}", unicase::UniCase::new("Straße") == unicase::UniCase::new("STRASSE"));
    println!("{}", unicase::eq_ascii("Content-Type", "content-type"));
    let mut words = vec![unicase::Ascii::new("beta"), unicase::Ascii::new("Alpha"), unicase::Ascii::new("GAMMA")];
    words.sort();
    println!("{:?}", words);

    let re = fancy_regex::Regex::new(r"\b(\w+)\s+\1\b").unwrap();
    let text = "this is is a test test of the the regex";
    for m in re.find_iter(text) {
        println!("{:?}", m.unwrap().as_str());
    }
    let look = fancy_regex::Regex::new(r"\d+(?=px)").unwrap();
    println!("{:?}", look.find("width: 120px; height: 3em").unwrap().map(|m| m.as_str()));
}
