// clap 4's derive: a command line parsed from fixed arguments (subcommand, flags, values,
// defaults, a parse error rendered as clap renders it).
//@ dep: clap = { version = "=4.5.20", features = ["derive"] }
use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "tool", version = "1.2.3", about = "A tool")]
struct Cli {
    /// Verbosity
    #[arg(short, long, action = clap::ArgAction::Count)]
    verbose: u8,
    #[arg(long, default_value_t = 4)]
    jobs: usize,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    Build { #[arg(long)] release: bool, targets: Vec<String> },
    Clean,
}

fn main() {
    let cli = Cli::parse_from(["tool", "-vv", "--jobs", "8", "build", "--release", "a", "b"]);
    println!("{cli:?}");
    let cli = Cli::parse_from(["tool", "clean"]);
    println!("{cli:?}");
    match Cli::try_parse_from(["tool", "--jobs", "x", "clean"]) {
        Ok(c) => println!("unexpected {c:?}"),
        Err(e) => println!("error kind {:?}\n{}", e.kind(), e.render()),
    }
}
