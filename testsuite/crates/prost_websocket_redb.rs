// Protocol buffers through prost's derive (encode, decode, nested and repeated fields,
// oneofs, maps); a WebSocket echo over 127.0.0.1 with tungstenite on std threads; an
// embedded transactional key-value store (redb) in a temporary file; serde_bytes.
//@ dep: prost = "=0.13.3"
//@ dep: tungstenite = "=0.24.0"
//@ dep: redb = "=2.2.0"
//@ dep: serde_bytes = "=0.11.15"
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: serde_json = { version = "=1.0.154", features = ["raw_value"] }
use std::collections::HashMap;

#[derive(Clone, PartialEq, prost::Message)]
struct Point {
    #[prost(sint32, tag = "1")]
    x: i32,
    #[prost(sint32, tag = "2")]
    y: i32,
}

#[derive(Clone, PartialEq, prost::Oneof)]
enum Shape {
    #[prost(message, tag = "3")]
    Center(Point),
    #[prost(string, tag = "4")]
    Named(String),
}

#[derive(Clone, PartialEq, prost::Message)]
struct Drawing {
    #[prost(string, tag = "1")]
    title: String,
    #[prost(message, repeated, tag = "2")]
    points: Vec<Point>,
    #[prost(oneof = "Shape", tags = "3, 4")]
    shape: Option<Shape>,
    #[prost(map = "string, uint64", tag = "5")]
    counts: HashMap<String, u64>,
    #[prost(bytes = "vec", tag = "6")]
    blob: Vec<u8>,
    #[prost(double, optional, tag = "7")]
    scale: Option<f64>,
}

fn protobuf() {
    use prost::Message;
    let mut counts = HashMap::new();
    counts.insert("a".to_string(), 3);
    let d = Drawing {
        title: "sketch".into(),
        points: vec![Point { x: -1, y: 2 }, Point { x: 300, y: -40000 }],
        shape: Some(Shape::Center(Point { x: 5, y: 6 })),
        counts,
        blob: vec![0, 255, 7],
        scale: Some(1.5),
    };
    let bytes = d.encode_to_vec();
    println!("protobuf {} bytes: {:02x?}", bytes.len(), &bytes[..12]);
    let back = Drawing::decode(bytes.as_slice()).unwrap();
    println!("round trip equal: {} {:?}", back == d, back.shape);
    let named = Drawing { shape: Some(Shape::Named("circle".into())), ..Default::default() };
    println!("named: {:?}", Drawing::decode(named.encode_to_vec().as_slice()).unwrap().shape);
    println!("bad: {:?}", Drawing::decode(&[0x0a, 0x05, 0x61][..]).is_err());
}

fn websocket() {
    use tungstenite::Message;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut ws = tungstenite::accept(stream).unwrap();
        loop {
            match ws.read().unwrap() {
                Message::Text(t) => ws.send(Message::Text(t.to_uppercase())).unwrap(),
                Message::Binary(b) => ws.send(Message::Binary(b.iter().rev().copied().collect())).unwrap(),
                Message::Close(_) => break,
                _ => {}
            }
        }
    });
    let (mut ws, resp) = tungstenite::connect(format!("ws://{addr}/chat")).unwrap();
    println!("ws handshake: {}", resp.status());
    ws.send(Message::Text("hello socket".into())).unwrap();
    println!("ws text: {:?}", ws.read().unwrap());
    ws.send(Message::Binary(vec![1, 2, 3])).unwrap();
    println!("ws binary: {:?}", ws.read().unwrap());
    ws.close(None).unwrap();
    while ws.read().is_ok() {}
    server.join().unwrap();
}

fn database() {
    use redb::{ReadableTable, TableDefinition};
    const T: TableDefinition<&str, u64> = TableDefinition::new("scores");
    let path = std::env::temp_dir().join(format!("rac-redb-{}", std::process::id()));
    let db = redb::Database::create(&path).unwrap();
    let tx = db.begin_write().unwrap();
    {
        let mut t = tx.open_table(T).unwrap();
        for (k, v) in [("ann", 3), ("bob", 9), ("cid", 4)] {
            t.insert(k, v).unwrap();
        }
    }
    tx.commit().unwrap();
    let tx = db.begin_write().unwrap();
    tx.open_table(T).unwrap().insert("dan", 1).unwrap();
    tx.abort().unwrap();
    let r = db.begin_read().unwrap();
    let t = r.open_table(T).unwrap();
    let all: Vec<(String, u64)> = t.iter().unwrap().map(|e| { let (k, v) = e.unwrap(); (k.value().to_string(), v.value()) }).collect();
    println!("redb: {all:?} bob={:?} dan={:?}", t.get("bob").unwrap().map(|v| v.value()), t.get("dan").unwrap().is_some());
    let range: Vec<String> = t.range("b".."d").unwrap().map(|e| e.unwrap().0.value().to_string()).collect();
    println!("redb range: {range:?}");
    drop(t);
    drop(r);
    drop(db);
    std::fs::remove_file(&path).unwrap();
}

#[derive(serde::Serialize, serde::Deserialize, Debug)]
struct Packet {
    #[serde(with = "serde_bytes")]
    payload: Vec<u8>,
}

fn main() {
    protobuf();
    websocket();
    database();
    let p = Packet { payload: vec![1, 2, 250] };
    let j = serde_json::to_string(&p).unwrap();
    println!("serde_bytes: {j} {:?}", serde_json::from_str::<Packet>(&j).unwrap());
}
