// rusqlite with its bundled SQLite (C, built by libsqlite3-sys's build script and
// linked): an in-memory database, a transaction, parameters, rows mapped to structs,
// aggregates, `optional()`, a Rust closure registered as an SQL function, constraint
// errors.
//@ dep: anyhow = "=1.0.100"
//@ dep: rusqlite = { version = "=0.32.1", features = ["bundled", "functions"] }
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug)]
struct Person {
    id: i64,
    name: String,
    age: Option<u32>,
    data: Vec<u8>,
}

fn main() -> anyhow::Result<()> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch(
        "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, data BLOB);
         CREATE INDEX person_name ON person(name);",
    )?;
    let tx = conn.unchecked_transaction()?;
    for (name, age) in [("Ada", Some(36)), ("Bob", None), ("Cy", Some(7)), ("Dee", Some(51))] {
        tx.execute(
            "INSERT INTO person (name, age, data) VALUES (?1, ?2, ?3)",
            params![name, age, name.as_bytes().to_vec()],
        )?;
    }
    tx.commit()?;
    let mut stmt = conn.prepare("SELECT id, name, age, data FROM person WHERE age IS NULL OR age > ?1 ORDER BY name")?;
    let people = stmt
        .query_map([10], |row| {
            Ok(Person { id: row.get(0)?, name: row.get(1)?, age: row.get(2)?, data: row.get(3)? })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for p in &people {
        println!("{p:?}");
    }
    let count: i64 = conn.query_row("SELECT COUNT(*) FROM person", [], |r| r.get(0))?;
    let avg: f64 = conn.query_row("SELECT AVG(age) FROM person", [], |r| r.get(0))?;
    println!("count {count} avg {avg:.3}");
    let missing: Option<String> = conn
        .query_row("SELECT name FROM person WHERE id = ?1", [99], |r| r.get(0))
        .optional()?;
    println!("missing {missing:?}");
    conn.create_scalar_function("twice", 1, rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC, |ctx| {
        let v: i64 = ctx.get(0)?;
        Ok(v * 2)
    })?;
    let t: i64 = conn.query_row("SELECT twice(21)", [], |r| r.get(0))?;
    println!("twice {t}");
    let err = conn.execute("INSERT INTO person (id, name) VALUES (1, 'dup')", []).unwrap_err();
    println!("error: {err}");
    let version: String = conn.query_row("SELECT sqlite_version()", [], |r| r.get(0))?;
    println!("sqlite {}", version.split('.').next().unwrap());
    Ok(())
}
