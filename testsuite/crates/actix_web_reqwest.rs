// actix-web 4 served on 127.0.0.1 by its own runtime (`System`, one worker), routes by
// attribute macros and `web::get().to(..)`, `Data`, `Path`, `Query` and `Json`
// extractors, a default service; reqwest's async client talks to it (JSON in and out,
// statuses, a bad body). Many `tracing` callsites in actix-http's generic code share one
// legacy symbol path: rac tells them apart by their rlib's debuginfo (cargo's default;
// without it, rac refuses them).
//@ debuginfo: actix-http
//@ dep: actix-web = { version = "=4.9.0", default-features = false, features = ["macros"] }
//@ dep: reqwest = { version = "=0.12.9", default-features = false, features = ["json"] }
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: serde_json = { version = "=1.0.154", features = ["raw_value"] }
use actix_web::{get, post, web, App, HttpResponse, HttpServer, Responder};
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

#[derive(Serialize, Deserialize, Debug, Clone)]
struct Item {
    id: u32,
    name: String,
    tags: Vec<String>,
}

struct AppState {
    items: Mutex<Vec<Item>>,
}

#[get("/items")]
async fn list(state: web::Data<AppState>) -> impl Responder {
    let items = state.items.lock().unwrap().clone();
    HttpResponse::Ok().json(items)
}

#[get("/items/{id}")]
async fn one(state: web::Data<AppState>, path: web::Path<u32>) -> HttpResponse {
    let id = path.into_inner();
    match state.items.lock().unwrap().iter().find(|i| i.id == id) {
        Some(i) => HttpResponse::Ok().json(i),
        None => HttpResponse::NotFound().body(format!("no item {id}")),
    }
}

#[post("/items")]
async fn add(state: web::Data<AppState>, item: web::Json<Item>) -> HttpResponse {
    let mut items = state.items.lock().unwrap();
    items.push(item.into_inner());
    HttpResponse::Created().body(format!("{} items", items.len()))
}

#[derive(Deserialize)]
struct Search {
    q: String,
    limit: Option<usize>,
}

async fn search(state: web::Data<AppState>, query: web::Query<Search>) -> String {
    let items = state.items.lock().unwrap();
    let found: Vec<&str> = items
        .iter()
        .filter(|i| i.name.contains(&query.q) || i.tags.iter().any(|t| t == &query.q))
        .take(query.limit.unwrap_or(10))
        .map(|i| i.name.as_str())
        .collect();
    found.join(",")
}

fn main() {
    actix_web::rt::System::new().block_on(async {
        let state = web::Data::new(AppState {
            items: Mutex::new(vec![Item { id: 1, name: "apple".into(), tags: vec!["fruit".into()] }]),
        });
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .service(list)
                .service(one)
                .service(add)
                .route("/search", web::get().to(search))
                .default_service(web::to(|| async { HttpResponse::NotFound().body("nothing here") }))
        })
        .workers(1)
        .disable_signals()
        .bind(("127.0.0.1", 0))
        .unwrap();
        let addr = server.addrs()[0];
        let server = server.run();
        let handle = server.handle();
        actix_web::rt::spawn(server);

        let base = format!("http://{addr}");
        let client = reqwest::Client::new();
        let r = client.get(format!("{base}/items")).send().await.unwrap();
        println!("list {} {}", r.status(), r.text().await.unwrap());
        let r = client
            .post(format!("{base}/items"))
            .json(&Item { id: 2, name: "banana".into(), tags: vec!["fruit".into(), "yellow".into()] })
            .send()
            .await
            .unwrap();
        println!("add {} {}", r.status(), r.text().await.unwrap());
        let r = client.get(format!("{base}/items/2")).send().await.unwrap();
        let status = r.status();
        let item: Item = r.json().await.unwrap();
        println!("one {status} {item:?}");
        let r = client.get(format!("{base}/items/9")).send().await.unwrap();
        println!("missing {} {}", r.status(), r.text().await.unwrap());
        let r = client.get(format!("{base}/search?q=fruit&limit=5")).send().await.unwrap();
        println!("search {} {}", r.status(), r.text().await.unwrap());
        let r = client.get(format!("{base}/nope")).send().await.unwrap();
        println!("default {} {}", r.status(), r.text().await.unwrap());
        let r = client.post(format!("{base}/items")).body("not json").header("content-type", "application/json").send().await.unwrap();
        println!("bad json {}", r.status());
        handle.stop(true).await;
        println!("stopped");
    });
}
