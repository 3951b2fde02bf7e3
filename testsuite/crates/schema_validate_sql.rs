// Derives that describe and check data, and builders: schemars's JSON Schema (doc
// comments, serde attributes), validator's derive (lengths, emails, URLs, ranges),
// sea-query's SQL builder for two dialects with `#[derive(Iden)]`, bon's function and
// struct builders, config's layered TOML and JSON sources deserialized with serde.
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: serde_json = { version = "=1.0.154", features = ["raw_value"] }
//@ dep: schemars = "=0.8.22"
//@ dep: validator = { version = "=0.19.0", features = ["derive"] }
//@ dep: sea-query = "=0.32.7"
//@ dep: bon = "=3.10.3"
//@ dep: config = { version = "=0.14.1", default-features = false, features = ["toml", "json"] }
use sea_query::{Expr, Iden, Order, Query, SqliteQueryBuilder, PostgresQueryBuilder};
use serde::{Deserialize, Serialize};
use validator::Validate;

#[derive(Serialize, Deserialize, schemars::JsonSchema, Validate, Debug)]
struct SignUp {
    #[validate(length(min = 3, max = 16))]
    name: String,
    #[validate(email)]
    email: String,
    #[validate(range(min = 13, max = 130))]
    age: u32,
    #[validate(url)]
    homepage: Option<String>,
    tags: Vec<String>,
    /// The plan the user picked.
    plan: Plan,
}

#[derive(Serialize, Deserialize, schemars::JsonSchema, Debug)]
#[serde(rename_all = "lowercase")]
enum Plan {
    Free,
    Pro { seats: u8 },
}

#[derive(Iden)]
enum Users {
    Table,
    Id,
    Name,
    Age,
}

#[derive(Iden)]
enum Orders {
    Table,
    UserId,
    Total,
}

#[bon::builder]
fn connect(host: &str, #[builder(default = 5432)] port: u16, user: Option<&str>) -> String {
    format!("{}@{host}:{port}", user.unwrap_or("anon"))
}

#[derive(bon::Builder, Debug)]
struct Job {
    name: String,
    #[builder(default)]
    retries: u8,
    tags: Vec<String>,
}

#[derive(Deserialize, Debug)]
struct Settings {
    name: String,
    workers: u32,
    db: Db,
}
#[derive(Deserialize, Debug)]
struct Db {
    url: String,
    pool: Option<u16>,
}

fn main() {
    let schema = schemars::schema_for!(SignUp);
    println!("{}", serde_json::to_string_pretty(&schema).unwrap());

    let good = SignUp {
        name: "ada".into(),
        email: "ada@example.com".into(),
        age: 36,
        homepage: Some("https://example.com".into()),
        tags: vec![],
        plan: Plan::Pro { seats: 3 },
    };
    println!("good: {:?}", good.validate().is_ok());
    let bad = SignUp { name: "x".into(), email: "nope".into(), age: 7, homepage: Some("::".into()), tags: vec![], plan: Plan::Free };
    let errs = bad.validate().unwrap_err();
    let mut fields: Vec<_> = errs.field_errors().into_iter().map(|(k, v)| (k.to_string(), v.iter().map(|e| e.code.to_string()).collect::<Vec<_>>())).collect();
    fields.sort();
    println!("bad: {fields:?}");

    let q = Query::select()
        .columns([Users::Id, Users::Name])
        .expr_as(Expr::col((Orders::Table, Orders::Total)).sum(), sea_query::Alias::new("spent"))
        .from(Users::Table)
        .left_join(Orders::Table, Expr::col((Users::Table, Users::Id)).equals((Orders::Table, Orders::UserId)))
        .and_where(Expr::col(Users::Age).gte(18))
        .and_where(Expr::col(Users::Name).like("a%"))
        .group_by_col(Users::Id)
        .order_by(Users::Name, Order::Desc)
        .limit(10)
        .to_owned();
    println!("{}", q.to_string(SqliteQueryBuilder));
    let (sql, values) = q.build(PostgresQueryBuilder);
    println!("{sql}\n{values:?}");
    let ins = Query::insert()
        .into_table(Users::Table)
        .columns([Users::Name, Users::Age])
        .values_panic(["bob".into(), 42.into()])
        .values_panic(["eve".into(), 17.into()])
        .to_string(SqliteQueryBuilder);
    println!("{ins}");

    println!("{}", connect().host("db").call());
    println!("{}", connect().host("db").port(1).user("root").call());
    let job = Job::builder().name("build".into()).tags(vec!["ci".into()]).build();
    println!("{job:?}");

    let cfg = config::Config::builder()
        .add_source(config::File::from_str("name = \"svc\"\nworkers = 4\n[db]\nurl = \"sqlite::memory:\"\n", config::FileFormat::Toml))
        .add_source(config::File::from_str("{\"workers\": 8, \"db\": {\"pool\": 3}}", config::FileFormat::Json))
        .set_override("name", "override").unwrap()
        .build()
        .unwrap();
    let s: Settings = cfg.clone().try_deserialize().unwrap();
    println!("{s:?}");
    println!("workers {:?} missing {:?}", cfg.get_int("workers"), cfg.get_string("nope").is_err());
}
