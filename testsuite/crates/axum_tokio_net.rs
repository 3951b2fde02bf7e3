// axum's router driven in process through tower's `oneshot` (no sockets): query and path
// extractors, JSON bodies with serde, shared state, status codes, 404s; then
// a TCP echo server on 127.0.0.1 with tokio's `net` and `io-util`, and `tokio-util`'s
// line codec over an in-memory duplex stream.
//@ dep: tokio = { version = "=1.42.0", features = ["rt", "rt-multi-thread", "sync", "time", "test-util", "macros", "net", "io-util", "fs", "process"] }
//@ dep: axum = { version = "=0.7.9", default-features = false, features = ["json", "query", "tokio", "http1"] }
//@ dep: tower = { version = "=0.5.1", features = ["util"] }
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: serde_json = { version = "=1.0.154", features = ["raw_value"] }
//@ dep: http-body-util = "=0.1.2"
//@ dep: tokio-util = { version = "=0.7.12", features = ["codec"] }
//@ dep: futures = "=0.3.31"
// axum's router keeps path parameters under rustc's `TypeId` of a private type, which
// rac reads from axum's debuginfo.
//@ debuginfo: axum
use axum::{
    body::Body,
    extract::{Path, Query, State},
    http::{Request, StatusCode},
    routing::{get, post},
    Json, Router,
};
use futures::{SinkExt, StreamExt};
use http_body_util::BodyExt;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::Mutex;
use tower::ServiceExt;

#[derive(Clone, Default)]
struct AppState {
    todos: Arc<Mutex<Vec<Todo>>>,
}

#[derive(Clone, Serialize, Deserialize, Debug)]
struct Todo {
    id: u32,
    title: String,
    done: bool,
}

#[derive(Deserialize)]
struct NewTodo {
    title: String,
}

#[derive(Deserialize)]
struct Filter {
    done: Option<bool>,
}

async fn list(State(s): State<AppState>, Query(f): Query<Filter>) -> Json<Vec<Todo>> {
    let todos = s.todos.lock().await;
    Json(todos.iter().filter(|t| f.done.is_none_or(|d| t.done == d)).cloned().collect())
}

async fn create(State(s): State<AppState>, Json(new): Json<NewTodo>) -> (StatusCode, Json<Todo>) {
    let mut todos = s.todos.lock().await;
    let todo = Todo { id: todos.len() as u32 + 1, title: new.title, done: false };
    todos.push(todo.clone());
    (StatusCode::CREATED, Json(todo))
}

#[derive(Deserialize)]
struct Finish {
    id: u32,
}

async fn finish(State(s): State<AppState>, Json(f): Json<Finish>) -> Result<Json<Todo>, StatusCode> {
    let mut todos = s.todos.lock().await;
    let t = todos.iter_mut().find(|t| t.id == f.id).ok_or(StatusCode::NOT_FOUND)?;
    t.done = true;
    Ok(Json(t.clone()))
}

async fn hello(Query(q): Query<HashMap<String, String>>) -> String {
    let mut keys: Vec<_> = q.into_iter().collect();
    keys.sort();
    format!("hello {keys:?}")
}

async fn todo_by_id(State(s): State<AppState>, Path(id): Path<u32>) -> Result<Json<Todo>, StatusCode> {
    let todos = s.todos.lock().await;
    todos.iter().find(|t| t.id == id).cloned().map(Json).ok_or(StatusCode::NOT_FOUND)
}

async fn pair(Path((name, n)): Path<(String, u8)>) -> String {
    format!("{name} x{n}")
}

async fn send(app: &Router, method: &str, uri: &str, body: Option<&str>) -> (u16, String) {
    let mut req = Request::builder().method(method).uri(uri);
    if body.is_some() {
        req = req.header("content-type", "application/json");
    }
    let req = req.body(body.map(|b| Body::from(b.to_string())).unwrap_or_else(Body::empty)).unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status().as_u16();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn echo_server() -> Vec<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut buf = vec![0u8; 1024];
        loop {
            let n = sock.read(&mut buf).await.unwrap();
            if n == 0 {
                break;
            }
            let up = buf[..n].to_ascii_uppercase();
            sock.write_all(&up).await.unwrap();
        }
    });
    let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (r, mut w) = stream.into_split();
    let mut lines = BufReader::new(r).lines();
    let mut out = Vec::new();
    for msg in ["first line\n", "second\n"] {
        w.write_all(msg.as_bytes()).await.unwrap();
        out.push(lines.next_line().await.unwrap().unwrap());
    }
    drop(w);
    server.await.unwrap();
    out
}

async fn codec() -> Vec<String> {
    use tokio_util::codec::{Framed, LinesCodec};
    let (a, b) = tokio::io::duplex(64);
    let mut left = Framed::new(a, LinesCodec::new());
    let mut right = Framed::new(b, LinesCodec::new());
    left.send("ping 1".to_string()).await.unwrap();
    left.send("ping 2".to_string()).await.unwrap();
    let mut got = Vec::new();
    for _ in 0..2 {
        let line = right.next().await.unwrap().unwrap();
        right.send(line.replace("ping", "pong")).await.unwrap();
        got.push(left.next().await.unwrap().unwrap());
    }
    got
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let app = Router::new()
        .route("/todos", get(list).post(create))
        .route("/todos/done", post(finish))
        .route("/hello", get(hello))
        .route("/todos/:id", get(todo_by_id))
        .route("/pair/:name/:n", get(pair))
        .with_state(AppState::default());

    println!("{:?}", send(&app, "GET", "/todos", None).await);
    println!("{:?}", send(&app, "POST", "/todos", Some(r#"{"title":"write tests"}"#)).await);
    println!("{:?}", send(&app, "POST", "/todos", Some(r#"{"title":"ship"}"#)).await);
    println!("{:?}", send(&app, "POST", "/todos/done", Some(r#"{"id":2}"#)).await);
    println!("{:?}", send(&app, "POST", "/todos/done", Some(r#"{"id":9}"#)).await);
    println!("{:?}", send(&app, "GET", "/todos?done=true", None).await);
    println!("{:?}", send(&app, "GET", "/todos?done=false", None).await);
    println!("{:?}", send(&app, "POST", "/todos", Some(r#"{"nope":1}"#)).await);
    println!("{:?}", send(&app, "GET", "/hello?b=2&a=1", None).await);
    println!("{:?}", send(&app, "GET", "/missing", None).await);
    println!("{:?}", send(&app, "GET", "/todos/2", None).await);
    println!("{:?}", send(&app, "GET", "/todos/7", None).await);
    println!("{:?}", send(&app, "GET", "/todos/x", None).await);
    println!("{:?}", send(&app, "GET", "/pair/ab/3", None).await);
    println!("{:?}", send(&app, "GET", "/pair/ab/300", None).await);
    println!("{:?}", echo_server().await);
    println!("{:?}", codec().await);
}
