// hyper 1 without a framework: an HTTP/1 server (`service_fn`, per-connection tasks) and
// client connections (`handshake`, `send_request`) over TCP on 127.0.0.1 through
// hyper-util's tokio adapter; `async-stream`'s `stream!`/`try_stream!` generators;
// tokio-stream's combinators and channel wrappers; tokio's `fs`, `process` and timeouts.
//@ dep: tokio = { version = "=1.42.0", features = ["rt", "rt-multi-thread", "sync", "time", "test-util", "macros", "net", "io-util", "fs", "process"] }
//@ dep: hyper = { version = "=1.6.0", features = ["http1", "server", "client"] }
//@ dep: hyper-util = { version = "=0.1.10", features = ["tokio"] }
//@ dep: http-body-util = "=0.1.2"
//@ dep: tokio-stream = { version = "=0.1.17", features = ["sync"] }
//@ dep: async-stream = "=0.3.6"
//@ dep: bytes = "=1.10.1"
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::net::{TcpListener, TcpStream};
use tokio_stream::StreamExt;

async fn handle(req: Request<Incoming>, hits: Arc<AtomicUsize>) -> Result<Response<Full<Bytes>>, Infallible> {
    let n = hits.fetch_add(1, Ordering::SeqCst) + 1;
    let path = req.uri().path().to_owned();
    let method = req.method().clone();
    let body = req.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
    let (status, text) = match (method.as_str(), path.as_str()) {
        ("GET", "/") => (StatusCode::OK, format!("hello #{n}")),
        ("POST", "/echo") => (StatusCode::OK, format!("echo {} bytes: {}", body.len(), String::from_utf8_lossy(&body).to_uppercase())),
        _ => (StatusCode::NOT_FOUND, format!("no route for {method} {path}")),
    };
    Ok(Response::builder().status(status).header("x-hits", n.to_string()).body(Full::new(Bytes::from(text))).unwrap())
}

async fn request(addr: std::net::SocketAddr, method: &str, path: &str, body: &str) -> (u16, String, String) {
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.unwrap();
    tokio::spawn(async move {
        if let Err(e) = conn.await {
            println!("client connection error: {e}");
        }
    });
    let req = Request::builder()
        .method(method)
        .uri(format!("http://{addr}{path}"))
        .header("host", "localhost")
        .body(Full::new(Bytes::from(body.to_owned())))
        .unwrap();
    let resp = sender.send_request(req).await.unwrap();
    let status = resp.status().as_u16();
    let hits = resp.headers().get("x-hits").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (status, hits, String::from_utf8(bytes.to_vec()).unwrap())
}

fn numbers(limit: u32) -> impl tokio_stream::Stream<Item = u32> {
    async_stream::stream! {
        for i in 0..limit {
            if i % 3 != 0 {
                yield i * i;
            }
        }
    }
}

fn parse_all(items: Vec<&'static str>) -> impl tokio_stream::Stream<Item = Result<i64, String>> {
    async_stream::try_stream! {
        for s in items {
            let v: i64 = s.parse().map_err(|e| format!("{s:?}: {e}"))?;
            yield v * 10;
        }
    }
}

#[tokio::main]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let hits = Arc::new(AtomicUsize::new(0));
    let server_hits = hits.clone();
    tokio::spawn(async move {
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            let hits = server_hits.clone();
            tokio::spawn(async move {
                let svc = service_fn(move |req| handle(req, hits.clone()));
                if let Err(e) = http1::Builder::new().serve_connection(TokioIo::new(stream), svc).await {
                    println!("server error: {e}");
                }
            });
        }
    });
    for (m, p, b) in [("GET", "/", ""), ("POST", "/echo", "some body"), ("GET", "/missing", ""), ("GET", "/", "")] {
        let (status, h, text) = request(addr, m, p, b).await;
        println!("{m} {p} -> {status} hits={h} {text:?}");
    }
    println!("total hits {}", hits.load(Ordering::SeqCst));

    let squares: Vec<u32> = numbers(10).collect().await;
    println!("squares {squares:?}");
    let parsed: Vec<Result<i64, String>> = parse_all(vec!["1", "22", "x3", "4"]).collect().await;
    println!("parsed {parsed:?}");
    let mut s = tokio_stream::iter(vec![5, 6, 7]).map(|x| x * 2).filter(|x| *x != 12);
    while let Some(v) = s.next().await {
        println!("stream item {v}");
    }
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tokio::spawn(async move {
        for i in 0..5 {
            tx.send(format!("msg{i}")).await.unwrap();
        }
    });
    let got: Vec<String> = tokio_stream::wrappers::ReceiverStream::new(rx).collect().await;
    println!("received {got:?}");
    let (btx, brx) = tokio::sync::broadcast::channel(8);
    let bs = tokio_stream::wrappers::BroadcastStream::new(brx);
    btx.send(1u8).unwrap();
    btx.send(2).unwrap();
    drop(btx);
    let b: Vec<_> = bs.collect().await;
    println!("broadcast {b:?}");
    let dir = std::env::temp_dir().join(format!("hy-{}", std::process::id()));
    tokio::fs::create_dir_all(&dir).await.unwrap();
    let f = dir.join("a.txt");
    tokio::fs::write(&f, b"line one\nline two\n").await.unwrap();
    let text = tokio::fs::read_to_string(&f).await.unwrap();
    println!("fs read {text:?}");
    let meta = tokio::fs::metadata(&f).await.unwrap();
    println!("fs len {}", meta.len());
    tokio::fs::remove_dir_all(&dir).await.unwrap();
    let out = tokio::process::Command::new("echo").arg("from child").output().await.unwrap();
    println!("child {:?} {}", String::from_utf8_lossy(&out.stdout), out.status.success());
    let r = tokio::time::timeout(std::time::Duration::from_millis(20), std::future::pending::<()>()).await;
    println!("timeout {:?}", r.is_err());
}
