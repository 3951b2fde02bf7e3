//! `cargo rac`: a drop-in `cargo build` for debug builds that compiles the workspace's
//! crates through rust-analyzer's MIR and Cranelift.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cargo-rac",
    bin_name = "cargo rac",
    version,
    about = "Fast debug builds through rust-analyzer's MIR and Cranelift"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile the workspace's binaries (like `cargo build`).
    Build(BuildArgs),
    /// Build, then run a binary (like `cargo run`).
    Run {
        #[command(flatten)]
        build: BuildArgs,
        /// Arguments for the program.
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Show how each call in a function is resolved (tier, symbol, rlib) or why it fails.
    Explain(ExplainArgs),
}

#[derive(Args, Clone)]
struct BuildArgs {
    /// Package(s) to build.
    #[arg(short = 'p', long = "package")]
    package: Vec<String>,
    /// Binary target(s) to build.
    #[arg(long = "bin")]
    bin: Vec<String>,
    /// Path to Cargo.toml.
    #[arg(long = "manifest-path")]
    manifest_path: Option<PathBuf>,
    /// Directory for all generated artifacts.
    #[arg(long = "target-dir")]
    target_dir: Option<PathBuf>,
    /// Number of parallel jobs.
    #[arg(short = 'j', long = "jobs")]
    jobs: Option<usize>,
    /// Use verbose output.
    #[arg(short = 'v', long = "verbose", action = clap::ArgAction::Count)]
    verbose: u8,
    /// Error format: human, short or json.
    #[arg(long = "message-format", default_value = "human")]
    message_format: String,
    /// Print per-phase timings.
    #[arg(long = "timings")]
    timings: bool,
    /// Build as many targets as possible even if some fail.
    #[arg(long = "keep-going")]
    keep_going: bool,
    /// Debug builds only: rac refuses --release.
    #[arg(long = "release", hide = true)]
    release: bool,
}

#[derive(Args)]
struct ExplainArgs {
    /// The function: `main`, `my_crate::module::func`, `my_crate::Type::method`.
    function: String,
    #[command(flatten)]
    build: BuildArgs,
    /// Also explain the callees rac compiles, this many levels deep (0: only the
    /// function's own calls).
    #[arg(long = "depth", default_value_t = 0)]
    depth: usize,
}

fn main() -> ExitCode {
    // `cargo rac build` runs `cargo-rac rac build`.
    let mut args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("rac") {
        args.remove(1);
    }
    let cli = match Cli::try_parse_from(&args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if let Some(r) = e.downcast_ref::<codegen::Refusal>() {
                eprintln!("{r}");
            } else {
                eprintln!("error: {}", one_line(&e));
            }
            ExitCode::from(101)
        }
    }
}

fn one_line(e: &anyhow::Error) -> String {
    let mut s = format!("{e}");
    for cause in e.chain().skip(1) {
        let c = cause.to_string();
        if !s.contains(&c) {
            s.push_str(": ");
            s.push_str(&c);
        }
    }
    s
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build(b) => {
            build(&b)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Run { build: b, args } => {
            let plan = build(&b)?;
            let bin = match plan.targets.as_slice() {
                [one] => one.out_path.clone(),
                [] => bail!("a bin target must be available for `cargo rac run`"),
                _ => bail!(
                    "`cargo rac run` could not determine which binary to run; use the `--bin` option to specify a binary, available binaries: {}",
                    plan.targets
                        .iter()
                        .map(|t| t.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let status = std::process::Command::new(&bin)
                .args(&args)
                .status()
                .with_context(|| format!("cannot run {}", bin.display()))?;
            Ok(ExitCode::from(status.code().unwrap_or(101) as u8))
        }
        Command::Explain(e) => {
            let plan = plan(&e.build)?;
            let out = codegen::explain::explain(
                &plan.request(),
                &e.function,
                e.depth,
                e.build.message_format == "json",
            )?;
            print!("{out}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

struct Plan {
    manifest_dir: PathBuf,
    workspace_root: PathBuf,
    targets: Vec<codegen::BinTarget>,
    jobs: usize,
    keep_going: bool,
    /// `target/rac`: rac's intermediates and caches.
    rac_dir: PathBuf,
}

impl Plan {
    fn request(&self) -> codegen::BuildRequest {
        codegen::BuildRequest {
            manifest_dir: self.manifest_dir.clone(),
            workspace_root: self.workspace_root.clone(),
            targets: self.targets.clone(),
            jobs: self.jobs,
            keep_going: self.keep_going,
            rac_dir: self.rac_dir.clone(),
        }
    }
}

fn plan(b: &BuildArgs) -> Result<Plan> {
    if b.release {
        bail!(
            "cargo rac builds debug binaries only; use `cargo build --release` for release builds"
        );
    }
    if !["human", "short", "json"].contains(&b.message_format.as_str()) {
        bail!(
            "invalid message format `{}` (expected human, short or json)",
            b.message_format
        );
    }
    let mut cmd = cargo_metadata::MetadataCommand::new();
    cmd.no_deps();
    if let Some(m) = &b.manifest_path {
        cmd.manifest_path(m);
    }
    let meta = cmd.exec().map_err(|e| match e {
        cargo_metadata::Error::CargoMetadata { stderr } => {
            anyhow::anyhow!(
                "{}",
                stderr
                    .trim()
                    .trim_start_matches("error: ")
                    .lines()
                    .next()
                    .unwrap_or("cargo metadata failed")
                    .to_owned()
            )
        }
        other => anyhow::anyhow!("cargo metadata failed: {other}"),
    })?;
    let target_dir = b
        .target_dir
        .clone()
        .unwrap_or_else(|| meta.target_directory.clone().into_std_path_buf());
    let target_dir = if target_dir.is_relative() {
        std::env::current_dir()?.join(target_dir)
    } else {
        target_dir
    };
    let members: Vec<&cargo_metadata::Package> = meta.workspace_packages();
    let default_members: Vec<&cargo_metadata::Package> = if b.package.is_empty() {
        let defaults = &meta.workspace_default_members;
        let d: Vec<_> = members
            .iter()
            .copied()
            .filter(|p| defaults.contains(&p.id))
            .collect();
        if d.is_empty() { members.clone() } else { d }
    } else {
        for p in &b.package {
            if !members.iter().any(|m| m.name.as_str() == p) {
                bail!(
                    "package(s) `{p}` not found in workspace `{}`",
                    meta.workspace_root
                );
            }
        }
        members
            .iter()
            .copied()
            .filter(|m| b.package.iter().any(|p| p == m.name.as_str()))
            .collect()
    };
    let mut targets = Vec::new();
    for pkg in &default_members {
        for t in &pkg.targets {
            if !t.is_bin() {
                continue;
            }
            if !b.bin.is_empty() && !b.bin.iter().any(|n| n == &t.name) {
                continue;
            }
            targets.push(codegen::BinTarget {
                name: t.name.clone(),
                src_path: t.src_path.clone().into_std_path_buf(),
                out_path: target_dir.join("debug").join(&t.name),
                work_dir: target_dir.join("rac").join(&t.name),
            });
        }
    }
    for n in &b.bin {
        if !targets.iter().any(|t| &t.name == n) {
            bail!("no bin target named `{n}`");
        }
    }
    let manifest_dir = b
        .manifest_path
        .as_ref()
        .and_then(|m| m.parent().map(|p| p.to_path_buf()))
        .unwrap_or_else(|| meta.workspace_root.clone().into_std_path_buf());
    let manifest_dir = if manifest_dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        manifest_dir
    };
    let jobs = b.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    Ok(Plan {
        manifest_dir,
        workspace_root: meta.workspace_root.clone().into_std_path_buf(),
        targets,
        jobs,
        keep_going: b.keep_going,
        rac_dir: target_dir.join("rac"),
    })
}

fn build(b: &BuildArgs) -> Result<Plan> {
    let p = plan(b)?;
    let start = std::time::Instant::now();
    let report = codegen::build(&p.request())?;
    let json = b.message_format == "json";
    for r in &report.targets {
        let t = p
            .targets
            .iter()
            .find(|t| t.name == r.name)
            .expect("report of an unknown target");
        if json {
            println!(
                "{}",
                serde_json::json!({
                    "reason": "compiler-artifact",
                    "target": {"name": t.name, "kind": ["bin"], "src_path": t.src_path},
                    "executable": t.out_path,
                    "fresh": false,
                })
            );
        }
        if b.verbose > 0 || b.timings {
            eprintln!(
                "     rac: {}: {} functions (tier 1: {}, tier 2 symbols: {}, tier 3: {}, glue: {})",
                r.name, r.functions, r.stats.tier1, r.stats.tier2, r.stats.tier3, r.stats.generated
            );
        }
    }
    if b.timings {
        let tm = &report.timings;
        let cache = match &tm.linkmap_cache {
            Some(linkmap::CacheOutcome::Hit) => "index reused".to_owned(),
            Some(linkmap::CacheOutcome::Miss) => "index built".to_owned(),
            Some(linkmap::CacheOutcome::Rebuilt { reason }) => format!("index rebuilt: {reason}"),
            None => String::new(),
        };
        let bins = report.targets.len();
        let rows = [
            (
                "load",
                tm.load,
                "workspace and sysroot loaded into rust-analyzer".to_owned(),
            ),
            ("link map", tm.linkmap, cache),
            (
                "name resolution",
                tm.name_resolution,
                format!("{} local crate(s) and their dependencies", tm.crates),
            ),
            (
                "call resolution",
                tm.resolve.time,
                format!("{} calls resolved to a tier", tm.resolve.count),
            ),
            (
                "MIR lowering",
                tm.lower.time,
                format!("{} bodies", tm.lower.count),
            ),
            (
                "translation",
                tm.translate,
                format!("{} functions", tm.functions),
            ),
            ("codegen", tm.codegen, format!("{} functions", tm.functions)),
            ("object writing", tm.object, format!("{bins} object(s)")),
            ("link", tm.link, format!("{bins} binary(ies)")),
        ];
        eprintln!("     rac timings:");
        for (phase, time, what) in rows {
            eprintln!("       {phase:<16}{:>8.3}s  {what}", time.as_secs_f64());
        }
    }
    for (name, e) in &report.failed {
        let text = match e.downcast_ref::<codegen::Refusal>() {
            Some(r) => r.to_string(),
            None => format!("error: {}", one_line(e)),
        };
        if json {
            println!(
                "{}",
                serde_json::json!({"reason": "rac-target-failed", "target": {"name": name}, "message": text})
            );
        } else {
            eprintln!("{text}");
        }
    }
    if !report.failed.is_empty() {
        if json {
            println!(
                "{}",
                serde_json::json!({"reason": "build-finished", "success": false})
            );
        }
        bail!(
            "{} of {} binaries could not be built with rac",
            report.failed.len(),
            p.targets.len()
        );
    }
    if json {
        println!(
            "{}",
            serde_json::json!({"reason": "build-finished", "success": true})
        );
    } else {
        eprintln!(
            "    Finished `dev` profile [rac] target(s) in {:.2}s",
            start.elapsed().as_secs_f64()
        );
    }
    Ok(p)
}
