// anyhow 1.0.100: its build script probes the compiler and sets cfgs (std_backtrace,
// error_generic_member_access...); `anyhow::Error` holds a vtable of functions compiled
// by rac for this program's error types and a `std::backtrace::Backtrace` (a type alias
// `impl Trait` in std, defined through `#[define_opaque]`). Context chains, downcasting,
// `bail!`/`ensure!`, `?` conversion and Display/Debug formats.
//@ dep: anyhow = "=1.0.100"
use anyhow::{anyhow, bail, ensure, Context, Result};
use std::fmt;

#[derive(Debug)]
struct ParseError {
    line: usize,
    what: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.what)
    }
}

impl std::error::Error for ParseError {}

fn parse_number(s: &str) -> Result<i64> {
    let n: i64 = s.trim().parse().with_context(|| format!("not a number: {:?}", s))?;
    ensure!(n >= 0, "negative: {}", n);
    Ok(n)
}

fn parse_config(text: &str) -> Result<Vec<(String, i64)>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some((k, v)) = line.split_once('=') else {
            return Err(ParseError { line: i + 1, what: "missing '='" }.into());
        };
        let v = parse_number(v).context(format!("key {}", k.trim()))?;
        if k.trim().is_empty() {
            bail!("empty key on line {}", i + 1);
        }
        out.push((k.trim().to_string(), v));
    }
    Ok(out)
}

fn main() {
    println!("{:?}", parse_config("a = 1\nb = 22"));
    for text in ["a = 1\nb", "a = x", "a = -3", " = 4"] {
        let err = parse_config(text).unwrap_err();
        println!("display: {}", err);
        println!("alternate: {:#}", err);
        println!("debug: {:?}", err);
        let chain: Vec<String> = err.chain().map(|e| e.to_string()).collect();
        println!("chain: {:?}", chain);
        if let Some(pe) = err.downcast_ref::<ParseError>() {
            println!("parse error at line {}", pe.line);
        }
        println!("root: {}", err.root_cause());
    }
    let e = anyhow!("plain {}", 7);
    let e2 = e.context("outer");
    println!("{:#}", e2);
    let boxed: Box<dyn std::error::Error + Send + Sync> = anyhow!("into box").into();
    println!("boxed: {}", boxed);
    match std::fs::read("/nonexistent/rac-anyhow").context("reading config") {
        Ok(_) => println!("read?"),
        Err(e) => {
            let io = e.downcast_ref::<std::io::Error>().map(|e| e.kind());
            println!("{:#} / {:?}", e, io);
        }
    }
}
