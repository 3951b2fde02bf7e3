// YAML with serde derive (serde_yaml), serde_with's adapters, and dates and times with
// the time crate (formatting, parsing, arithmetic, its macros).
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
//@ dep: serde_yaml = "=0.9.34"
//@ dep: serde_with = "=3.11.0"
//@ dep: time = { version = "=0.3.36", features = ["formatting", "parsing", "macros"] }
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, DisplayFromStr, DurationSeconds};
use std::collections::BTreeMap;
use std::time::Duration;

#[serde_as]
#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Job {
    name: String,
    #[serde_as(as = "DisplayFromStr")]
    retries: u32,
    #[serde_as(as = "DurationSeconds<u64>")]
    timeout: Duration,
    #[serde(default)]
    env: BTreeMap<String, String>,
    steps: Vec<Step>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Step {
    Run { command: String },
    Copy { from: String, to: String },
    Wait,
}

const YAML: &str = "
name: build
retries: '3'
timeout: 90
env:
  RUST_LOG: debug
  CI: 'true'
steps:
  - kind: run
    command: cargo build
  - kind: copy
    from: target/app
    to: /usr/bin/app
  - kind: wait
";

fn main() {
    let job: Job = serde_yaml::from_str(YAML).unwrap();
    println!("{job:?}");
    let out = serde_yaml::to_string(&job).unwrap();
    print!("{out}");
    println!("{}", serde_yaml::from_str::<Job>(&out).unwrap() == job);
    let bad = serde_yaml::from_str::<Job>("name: [1, 2]");
    println!("{}", bad.unwrap_err());
    let v: serde_yaml::Value = serde_yaml::from_str("a: [1, 2.5, true, null, x]\nb: {c: d}").unwrap();
    println!("{v:?}");

    let date = time::macros::date!(2024 - 02 - 28);
    let dt = time::macros::datetime!(2024-02-28 23:30:15 UTC);
    println!("{date} {dt} {}", date.weekday());
    let next = dt + time::Duration::hours(2) + time::Duration::seconds(50);
    println!("{next} {} {}", next.date(), next.ordinal());
    let fmt = time::macros::format_description!("[year]/[month]/[day] [hour]:[minute]");
    println!("{}", next.format(&fmt).unwrap());
    println!("{}", dt.format(&time::format_description::well_known::Rfc3339).unwrap());
    let parsed = time::PrimitiveDateTime::parse("2023/11/05 07:08", &fmt).unwrap();
    println!("{parsed} {:?}", time::Date::from_calendar_date(2023, time::Month::February, 29));
    println!("{}", (next - dt).whole_minutes());
    let offset = dt.to_offset(time::macros::offset!(+5:30));
    println!("{offset} {}", offset.unix_timestamp());
}
