// diesel's query builder over SQLite (bundled, the same libsqlite3-sys as
// rusqlite_bundled): `table!`, joins, `group_by`, derives (`Queryable`, `Selectable`,
// `Insertable`, `QueryableByName`), transactions, `debug_query`. diesel's generic code
// instantiated with this program's tables evaluates constants such as
// `<DefaultSelectClause<FromClause<posts::table>> as QueryId>::HAS_STATIC_QUERY_ID`,
// whose projections only normalize with this crate's impls in view.
//@ dep: diesel = { version = "=2.4.0", features = ["sqlite"] }
//@ dep: libsqlite3-sys = { version = "=0.30.1", features = ["bundled"] }
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};

diesel::table! {
    users (id) {
        id -> Integer,
        name -> Text,
        age -> Integer,
    }
}

diesel::table! {
    posts (id) {
        id -> Integer,
        user_id -> Integer,
        title -> Text,
    }
}

diesel::joinable!(posts -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(users, posts);

#[derive(Queryable, Selectable, Debug, PartialEq)]
#[diesel(table_name = users)]
struct User {
    id: i32,
    name: String,
    age: i32,
}

#[derive(Insertable)]
#[diesel(table_name = users)]
struct NewUser<'a> {
    name: &'a str,
    age: i32,
}

#[derive(Queryable, Debug)]
struct Post {
    id: i32,
    user_id: i32,
    title: String,
}

#[derive(QueryableByName, Debug)]
struct Count {
    #[diesel(sql_type = Integer)]
    n: i32,
    #[diesel(sql_type = Text)]
    label: String,
}

fn main() {
    let mut conn = SqliteConnection::establish(":memory:").expect("open");
    diesel::sql_query("CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, age INTEGER NOT NULL)")
        .execute(&mut conn)
        .unwrap();
    diesel::sql_query("CREATE TABLE posts (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL, title TEXT NOT NULL)")
        .execute(&mut conn)
        .unwrap();
    let new = [
        NewUser { name: "ada", age: 36 },
        NewUser { name: "grace", age: 45 },
        NewUser { name: "linus", age: 21 },
    ];
    let n = diesel::insert_into(users::table).values(&new[..]).execute(&mut conn).unwrap();
    println!("inserted {n}");
    for (uid, title) in [(1, "notes"), (1, "engines"), (2, "cobol"), (3, "kernels")] {
        diesel::insert_into(posts::table)
            .values((posts::user_id.eq(uid), posts::title.eq(title)))
            .execute(&mut conn)
            .unwrap();
    }
    let adults: Vec<User> = users::table
        .filter(users::age.gt(30))
        .order(users::name.desc())
        .select(User::as_select())
        .load(&mut conn)
        .unwrap();
    println!("{adults:?}");
    let names: Vec<(String, i32)> = users::table
        .select((users::name, users::age))
        .order(users::age.asc())
        .load(&mut conn)
        .unwrap();
    println!("{names:?}");
    diesel::update(users::table.filter(users::name.eq("linus")))
        .set(users::age.eq(users::age + 1))
        .execute(&mut conn)
        .unwrap();
    let linus: User = users::table.filter(users::name.eq("linus")).select(User::as_select()).first(&mut conn).unwrap();
    println!("{linus:?}");
    let joined: Vec<(String, String)> = posts::table
        .inner_join(users::table)
        .select((users::name, posts::title))
        .order(posts::id)
        .load(&mut conn)
        .unwrap();
    println!("{joined:?}");
    let counts: Vec<(String, i64)> = posts::table
        .inner_join(users::table)
        .group_by(users::name)
        .select((users::name, diesel::dsl::count(posts::id)))
        .order(users::name)
        .load(&mut conn)
        .unwrap();
    println!("{counts:?}");
    let all_posts: Vec<Post> = posts::table.filter(posts::title.like("%e%")).load(&mut conn).unwrap();
    for p in &all_posts {
        println!("post {} by {}: {}", p.id, p.user_id, p.title);
    }
    let raw: Vec<Count> = diesel::sql_query("SELECT COUNT(*) AS n, 'users' AS label FROM users WHERE age > ?")
        .bind::<Integer, _>(20)
        .load(&mut conn)
        .unwrap();
    println!("{raw:?}");
    let res = conn.transaction::<(), diesel::result::Error, _>(|c| {
        diesel::delete(posts::table.filter(posts::user_id.eq(1))).execute(c)?;
        Err(diesel::result::Error::RollbackTransaction)
    });
    println!("transaction: {res:?}");
    let left: i64 = posts::table.count().get_result(&mut conn).unwrap();
    println!("posts left {left}");
    let missing = users::table.find(99).select(User::as_select()).first(&mut conn).optional().unwrap();
    println!("missing {missing:?}");
    let err = diesel::sql_query("SELECT * FROM nope").execute(&mut conn).unwrap_err();
    println!("error: {err}");
    let debug = diesel::debug_query::<diesel::sqlite::Sqlite, _>(&users::table.filter(users::age.between(20, 40)).select(users::name)).to_string();
    println!("{debug}");
}
