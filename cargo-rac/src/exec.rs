//! Executing a command against a session: what `cargo rac build|run|explain` print and
//! their exit codes. The same code runs in the build server (output streamed to the
//! client) and in-process (`--no-server`), so both behave identically.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::cli::{BuildArgs, Command, TestArgs};

/// Where a command's output goes.
pub struct Out<'a> {
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    /// Where progress goes: drawn by whoever owns the terminal (see `progress.rs`).
    pub progress: &'a mut dyn FnMut(crate::progress::Progress),
}

/// How a command ended: the exit code, or what the client runs in the user's terminal,
/// not in the server: the binary of `cargo rac run`, or the test binaries of `cargo rac
/// test` (a JSON list of `TestRun`).
pub struct Outcome {
    pub code: u8,
    pub run: Option<PathBuf>,
}

/// A test binary for the client to run, as `cargo test` runs it.
#[derive(serde::Serialize, serde::Deserialize, Debug)]
pub struct TestRun {
    pub path: PathBuf,
    /// The package's directory: cargo runs tests there.
    pub cwd: PathBuf,
    /// What cargo prints before running it: `unittests src/lib.rs (target/debug/deps/..)`.
    pub running: String,
    /// The flag that selects this target again (`--lib`, `--bin x`, `--test x`).
    pub rerun: String,
}

/// The sessions of one process: the build server keeps its session between commands.
#[derive(Default)]
pub struct Sessions {
    current: Option<session::Session>,
    plans: crate::plan::PlanCache,
    pub builds: u64,
    /// The environment of the command being served (`command_env`).
    pub env: std::collections::HashMap<String, String>,
}

/// This process's environment variables that are UTF-8: what rustc, run by cargo from
/// this command, would read with `env!`/`option_env!` (`Sessions::get`).
pub fn command_env() -> std::collections::HashMap<String, String> {
    std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .collect()
}

impl Sessions {
    /// The session for `config`, with the edits made since the last command applied; a
    /// new one when there is none, the workspace differs, or a reload is needed.
    fn get(
        &mut self,
        config: &session::SessionConfig,
        timings: &mut session::Timings,
    ) -> Result<&mut session::Session> {
        if let Some(s) = &mut self.current {
            // A variable a macro read (`env!`, `option_env!`) has another value in this
            // command's environment: its expansions are stale, start over.
            if s.config == *config
                && !session::build_env_differs(&self.env)
                && s.refresh(timings)?
            {
                session::set_build_env(self.env.clone(), false);
                return Ok(self.current.as_mut().unwrap());
            }
            // Tearing down rust-analyzer's database takes seconds: not on the build's time.
            if let Some(old) = self.current.take() {
                std::thread::spawn(move || drop(old));
            }
        }
        session::set_build_env(self.env.clone(), true);
        let s = session::Session::open(config, Some(self.env.clone()))?;
        let open = s.open_timings.clone();
        timings.load = open.load;
        timings.linkmap = open.linkmap;
        timings.linkmap_cache = open.linkmap_cache;
        timings.name_resolution = open.name_resolution;
        timings.crates = open.crates;
        Ok(self.current.insert(s))
    }

    /// Ends the process without tearing the database down (it takes seconds).
    pub fn forget(&mut self) {
        if let Some(s) = self.current.take() {
            std::mem::forget(s);
        }
    }
}

pub fn execute(cmd: &Command, cwd: &Path, sessions: &mut Sessions, out: &mut Out) -> Outcome {
    match run(cmd, cwd, sessions, out) {
        Ok(o) => o,
        Err(e) => {
            if e.downcast_ref::<session::Refusal>().is_some() {
                let _ = writeln!(out.stderr, "{e}");
            } else {
                let _ = writeln!(out.stderr, "error: {}", one_line(&e));
            }
            Outcome {
                code: 101,
                run: None,
            }
        }
    }
}

pub fn one_line(e: &anyhow::Error) -> String {
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

fn run(cmd: &Command, cwd: &Path, sessions: &mut Sessions, out: &mut Out) -> Result<Outcome> {
    match cmd {
        Command::Test(t) => test(t, cwd, sessions, out),
        Command::Build(b) => {
            let code = build(b, cwd, sessions, out)?.0;
            Ok(Outcome { code, run: None })
        }
        Command::Run { build: b, .. } => {
            let (code, targets) = build(b, cwd, sessions, out)?;
            if code != 0 {
                return Ok(Outcome { code, run: None });
            }
            let bin = match targets.as_slice() {
                [one] => one.out_path.clone(),
                [] => bail!("a bin target must be available for `cargo rac run`"),
                _ => bail!(
                    "`cargo rac run` could not determine which binary to run; use the `--bin` option to specify a binary, available binaries: {}",
                    targets
                        .iter()
                        .map(|t| t.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            Ok(Outcome {
                code: 0,
                run: Some(bin),
            })
        }
        Command::Explain(e) => {
            let plan = sessions.plans.plan(&e.build, cwd)?;
            let Some(target) = plan.request.targets.first() else {
                bail!("no binary target to explain (use --bin or -p to pick one)")
            };
            let mut timings = session::Timings::default();
            let s = sessions.get(&plan.session, &mut timings)?;
            let text = session::explain::explain(
                s,
                target,
                &e.function,
                e.depth,
                e.build.message_format == "json",
            )?;
            write!(out.stdout, "{text}")?;
            Ok(Outcome { code: 0, run: None })
        }
        Command::Server { .. } => bail!("`cargo rac server` is handled by the client"),
    }
}

/// `cargo rac test`: builds the test binaries (each with its generated harness); the
/// client runs them.
fn test(t: &TestArgs, cwd: &Path, sessions: &mut Sessions, out: &mut Out) -> Result<Outcome> {
    if t.doc {
        bail!("doc tests are compiled by rustdoc, not rac: run them with `cargo test --doc`");
    }
    let (code, targets) = build_for(&t.build, Some(t), cwd, sessions, out)?;
    if code != 0 || t.no_run {
        return Ok(Outcome { code, run: None });
    }
    let meta_root = sessions
        .plans
        .plan_for(&t.build, Some(t), cwd)?
        .session
        .workspace_root;
    let mut runs = Vec::new();
    for target in &targets {
        let Some(h) = &target.harness else { continue };
        let shown = |p: &Path| {
            p.strip_prefix(&meta_root)
                .unwrap_or(p)
                .display()
                .to_string()
        };
        let package_dir = package_dir(&target.src_path);
        // cargo runs the units sorted: by package, then the library's tests, the
        // binaries', the integration tests', each kind by target name.
        let (running, rerun, kind, name) = if h.integration {
            let name = target.name.trim_end_matches(" (test)");
            (h.source_file.clone(), format!("--test {name}"), 2, name)
        } else if target.name.ends_with(" (lib test)") {
            let name = target.name.trim_end_matches(" (lib test)");
            (
                format!("unittests {}", h.source_file),
                "--lib".to_owned(),
                0,
                name,
            )
        } else {
            let name = target.name.trim_end_matches(" (bin test)");
            (
                format!("unittests {}", h.source_file),
                format!("--bin {name}"),
                1,
                name,
            )
        };
        let key = (target.package.clone(), kind, name.to_owned());
        runs.push((
            key,
            TestRun {
                path: target.out_path.clone(),
                cwd: package_dir,
                running: format!("{running} ({})", shown(&target.out_path)),
                rerun,
            },
        ));
    }
    runs.sort_by(|a, b| a.0.cmp(&b.0));
    let runs: Vec<TestRun> = runs.into_iter().map(|(_, r)| r).collect();
    Ok(Outcome {
        code: 0,
        run: Some(PathBuf::from(serde_json::to_string(&runs)?)),
    })
}

/// The directory of the package a target's source file belongs to: the nearest
/// ancestor with a `Cargo.toml`.
fn package_dir(src: &Path) -> PathBuf {
    src.ancestors()
        .skip(1)
        .find(|d| d.join("Cargo.toml").is_file())
        .unwrap_or(src)
        .to_path_buf()
}

fn build(
    b: &BuildArgs,
    cwd: &Path,
    sessions: &mut Sessions,
    out: &mut Out,
) -> Result<(u8, Vec<session::BinTarget>)> {
    build_for(b, None, cwd, sessions, out)
}

fn build_for(
    b: &BuildArgs,
    test: Option<&TestArgs>,
    cwd: &Path,
    sessions: &mut Sessions,
    out: &mut Out,
) -> Result<(u8, Vec<session::BinTarget>)> {
    let start = Instant::now();
    let plan = sessions.plans.plan_for(b, test, cwd)?;
    let mut timings = session::Timings {
        plan: start.elapsed(),
        ..Default::default()
    };
    if b.verbose > 0 {
        writeln!(
            out.stderr,
            "     rac: compiling on {} thread(s)",
            plan.request.jobs
        )?;
    }
    (out.progress)(crate::progress::Progress {
        done: 0,
        found: 0,
        what: "loading the workspace".into(),
    });
    let request = session::BuildRequest {
        env: Some(sessions.env.clone()),
        ..plan.request.clone()
    };
    let s = sessions.get(&plan.session, &mut timings)?;
    let json = b.message_format == "json";
    // cargo's `Compiling` line for each package rac compiles something of.
    let mut shown: Vec<String> = Vec::new();
    let report = s.build(&request, &mut timings, &mut |event| match event {
        session::BuildEvent::Compiling(t) => {
            if !json && !b.quiet && !shown.contains(&t.package) {
                shown.push(t.package.clone());
                let _ = writeln!(out.stderr, "   Compiling {}", t.package);
            }
            (out.progress)(crate::progress::Progress {
                done: 0,
                found: 0,
                what: t.name.clone(),
            });
        }
        session::BuildEvent::Units {
            target,
            done,
            found,
        } => (out.progress)(crate::progress::Progress {
            done,
            found,
            what: target.name.clone(),
        }),
    });
    sessions.builds += 1;
    for r in &report.targets {
        let t = plan
            .request
            .targets
            .iter()
            .find(|t| t.name == r.name)
            .expect("report of an unknown target");
        if json {
            writeln!(
                out.stdout,
                "{}",
                serde_json::json!({
                    "reason": "compiler-artifact",
                    "target": {"name": t.name, "kind": ["bin"], "src_path": t.src_path},
                    "executable": t.out_path,
                    "fresh": r.fresh,
                })
            )?;
        }
        if (b.verbose > 0 || b.timings) && !r.fresh {
            writeln!(
                out.stderr,
                "     rac: {}: {} functions (tier 1: {}, tier 2 symbols: {}, tier 3: {}, glue: {})",
                r.name, r.functions, r.stats.tier1, r.stats.tier2, r.stats.tier3, r.stats.generated
            )?;
        }
    }
    if b.timings {
        print_timings(out, &timings, report.targets.len())?;
    }
    for w in &report.warnings {
        writeln!(out.stderr, "warning: {w}")?;
    }
    // rustc's diagnostics of the members, as cargo prints them; when rustc rejects the
    // code, they are the build's errors (no binary was written).
    let rejected = match &report.check {
        Some(Ok(check)) => {
            print_check(b, check, out)?;
            check.failed()
        }
        Some(Err(e)) => {
            writeln!(out.stderr, "error: {}", one_line(e))?;
            return Ok((101, plan.request.targets));
        }
        None => false,
    };
    let is_rejected = |e: &anyhow::Error| e.downcast_ref::<session::check::CheckFailed>().is_some();
    // rustc builds nothing rustc rejects: the fallback is for what rac refuses.
    if b.fallback.is_some() && !rejected && !report.failed.is_empty() {
        return fallback_to_rustc(b, cwd, &plan, &report.failed, start, out);
    }
    for (name, e) in report.failed.iter().filter(|(_, e)| !is_rejected(e)) {
        let text = if let Some(r) = e.downcast_ref::<session::Refusal>() {
            r.to_string()
        } else if let Some(s) = e.downcast_ref::<session::SyntaxErrors>() {
            s.to_string()
        } else {
            format!("error: {}", one_line(e))
        };
        if json {
            writeln!(
                out.stdout,
                "{}",
                serde_json::json!({"reason": "rac-target-failed", "target": {"name": name}, "message": text})
            )?;
        } else {
            writeln!(out.stderr, "{text}")?;
        }
    }
    if !report.failed.is_empty() || rejected {
        if json {
            build_finished(&mut out.stdout, false)?;
        }
        let refused = report
            .failed
            .iter()
            .filter(|(_, e)| !is_rejected(e))
            .count();
        if b.keep_going && refused > 0 {
            writeln!(
                out.stderr,
                "error: {refused} of {} binaries could not be built with rac",
                plan.request.targets.len()
            )?;
        }
        return Ok((101, plan.request.targets));
    }
    finished_profile(b, start, out, if test.is_some() { "test" } else { "dev" })?;
    Ok((0, plan.request.targets))
}

fn finished(b: &BuildArgs, start: Instant, out: &mut Out) -> Result<()> {
    finished_profile(b, start, out, "dev")
}

fn finished_profile(b: &BuildArgs, start: Instant, out: &mut Out, profile: &str) -> Result<()> {
    if b.message_format == "json" {
        build_finished(&mut out.stdout, true)?;
    } else if !b.quiet {
        if b.all_targets {
            writeln!(
                out.stderr,
                "        Note rac builds binaries and examples; tests and benches were not built"
            )?;
        }
        writeln!(
            out.stderr,
            "    Finished `{profile}` profile [rac] target(s) in {:.2}s",
            start.elapsed().as_secs_f64()
        )?;
    }
    Ok(())
}

/// `--fallback=rustc`: each binary rac could not build is built by `cargo build` (rustc)
/// into the same place, with one line saying so; cargo's own errors if that fails too.
fn fallback_to_rustc(
    b: &BuildArgs,
    cwd: &Path,
    plan: &crate::plan::Plan,
    failed: &[(String, anyhow::Error)],
    start: Instant,
    out: &mut Out,
) -> Result<(u8, Vec<session::BinTarget>)> {
    for (name, e) in failed {
        let why = match e.downcast_ref::<session::Refusal>() {
            Some(r) => format!("{} function(s) refused", r.errors.len()),
            None => one_line(e),
        };
        let target = plan.request.targets.iter().find(|t| &t.name == name);
        let example =
            target.is_some_and(|t| t.out_path.parent().is_some_and(|d| d.ends_with("examples")));
        if !b.quiet {
            writeln!(
                out.stderr,
                "     Warning rac could not build `{name}` ({why}); building it with rustc (--fallback=rustc)"
            )?;
        }
        let mut cmd = cargo_command(b, cwd, "build");
        cmd.arg(if example { "--example" } else { "--bin" })
            .arg(name);
        cmd.args(["--message-format", &b.message_format]);
        let result = cmd.output().context("cannot run cargo")?;
        // cargo's JSON ends with its own `build-finished`: the build's is written below.
        for line in result.stdout.split_inclusive(|&c| c == b'\n') {
            if !line.starts_with(br#"{"reason":"build-finished""#) {
                out.stdout.write_all(line)?;
            }
        }
        out.stderr.write_all(&result.stderr)?;
        if !result.status.success() {
            return Ok((101, plan.request.targets.clone()));
        }
    }
    finished(b, start, out)?;
    Ok((0, plan.request.targets.clone()))
}

/// A cargo command with the package selection, features and cargo flags of `b`.
fn cargo_command(b: &BuildArgs, cwd: &Path, subcommand: &str) -> std::process::Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = std::process::Command::new(cargo);
    cmd.arg(subcommand).current_dir(cwd);
    if let Some(m) = &b.manifest_path {
        cmd.arg("--manifest-path").arg(m);
    }
    if let Some(t) = &b.target_dir {
        cmd.arg("--target-dir").arg(t);
    }
    cmd.args(crate::plan::cargo_options(b).package_command_line());
    if b.quiet {
        cmd.arg("--quiet");
    }
    if let Some(c) = &b.color {
        cmd.args(["--color", c]);
    }
    cmd
}

fn print_timings(out: &mut Out, tm: &session::Timings, bins: usize) -> Result<()> {
    let cache = match &tm.linkmap_cache {
        Some(linkmap::CacheOutcome::Hit) => "index reused".to_owned(),
        Some(linkmap::CacheOutcome::Miss) => "index built".to_owned(),
        Some(linkmap::CacheOutcome::Rebuilt { reason }) => format!("index rebuilt: {reason}"),
        None => "kept by the session".to_owned(),
    };
    let rows = [
        (
            "plan",
            tm.plan,
            "the workspace's binaries (cargo metadata, or its cached answer)".to_owned(),
        ),
        (
            "edits",
            tm.refresh,
            format!("{} changed file(s) applied", tm.changed_files),
        ),
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
            "compile",
            tm.compile,
            format!(
                "{} functions: {} units compiled, {} reused; {} from the machine-code cache",
                tm.functions, tm.compiled, tm.reused, tm.cache_hits
            ),
        ),
        (
            "object writing",
            tm.object,
            format!("{} object file(s) written", tm.objects_written),
        ),
        ("link", tm.link, format!("{bins} binary(ies)")),
    ];
    writeln!(out.stderr, "     rac timings:")?;
    for (phase, time, what) in rows {
        writeln!(
            out.stderr,
            "       {phase:<16}{:>8.3}s  {what}",
            time.as_secs_f64()
        )?;
    }
    // Inside `compile`, summed over its threads.
    let cpu = [
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
            format!("{} units", tm.compiled),
        ),
        ("codegen", tm.codegen, format!("{} units", tm.compiled)),
    ];
    writeln!(out.stderr, "     rac compile, cpu time over all threads:")?;
    for (phase, time, what) in cpu {
        writeln!(
            out.stderr,
            "       {phase:<16}{:>8.3}s  {what}",
            time.as_secs_f64()
        )?;
    }
    Ok(())
}

/// rustc's diagnostics as cargo prints them: each unit's messages, then its summary.
fn print_check(b: &BuildArgs, check: &session::check::CheckReport, out: &mut Out) -> Result<()> {
    let color = b.color.as_deref() == Some("always");
    for unit in &check.units {
        let (messages, summary) = unit.display();
        if b.message_format == "json" {
            for m in messages.iter().filter(|m| !m.json.is_empty()) {
                let message: serde_json::Value =
                    serde_json::from_str(&m.json).unwrap_or(serde_json::Value::Null);
                writeln!(
                    out.stdout,
                    "{}",
                    serde_json::json!({
                        "reason": "compiler-message",
                        "manifest_path": unit.manifest_dir.join("Cargo.toml"),
                        "target": {"name": unit.package},
                        "message": message,
                    })
                )?;
            }
            continue;
        }
        if b.quiet && unit.errors() == 0 {
            continue;
        }
        for m in messages {
            if color {
                write!(out.stderr, "{}", m.rendered)?;
            } else {
                write!(out.stderr, "{}", strip_ansi(&m.rendered))?;
            }
        }
        for line in summary {
            writeln!(out.stderr, "{line}")?;
        }
    }
    Ok(())
}

/// `text` without ANSI escape sequences (`ESC [ ... letter`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// cargo's last JSON message of a build.
fn build_finished(stdout: &mut impl Write, success: bool) -> std::io::Result<()> {
    writeln!(
        stdout,
        "{}",
        serde_json::json!({"reason": "build-finished", "success": success})
    )
}
