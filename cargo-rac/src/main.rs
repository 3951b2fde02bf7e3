//! `cargo rac`: a drop-in `cargo build` for debug builds that compiles the workspace's
//! crates through rust-analyzer's MIR and Cranelift.
//!
//! `build`, `run` and `explain` are sent to the workspace's build server (`server.rs`,
//! started on first use), which keeps the session between commands; `--no-server` (or
//! `RAC_NO_SERVER=1`) runs them in this process instead. Both run the same code
//! (`exec.rs`), so their output and exit codes are the same.

mod cli;
mod client;
mod exec;
mod place;
mod plan;
mod progress;
mod proto;
mod server;
mod wrapper;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, ServerAction};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Debugging aids read from the environment during a build: a command that sets one runs
/// in-process, where the variable is seen.
const IN_PROCESS_ENV: &[&str] = &[
    "RAC_DUMP_MIR",
    "RAC_DUMP_CLIF",
    "RAC_VERIFY",
    "RAC_PANIC_TRACE",
    "RAC_DEBUG_MISMATCH",
    "RAC_DEBUG_CONST",
];

/// How the process's memory is backed, set before the first build (measured on the
/// regex-syntax workspace, cold, 6 alternating runs each):
/// - transparent huge pages off: mimalloc asks for them, and the kernel then zeroes 2 MiB
///   on the first touch of any byte of a region; a quarter of a cold build's samples were
///   `clear_page_erms`. Without them: ~1 s less system time, 0.1 GB less RSS, faster in
///   every pair;
/// - freed memory kept mapped: mimalloc returns it to the kernel 10 ms after it is freed,
///   and r-a and Cranelift free and reallocate in waves, so the same memory was faulted
///   in again and again (twice the page faults). A build's memory is kept until the
///   process exits (the server keeps its peak, which it reaches again on the next build
///   anyway). `MIMALLOC_PURGE_DELAY` in the environment still wins.
fn tune_memory() {
    // SAFETY: a process-wide flag; no memory is touched.
    unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    // `mi_option_purge_delay` in mimalloc.h's `mi_option_t` (the binding has no constant).
    const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // mimalloc reads every option from the environment when the process loads, so a
    // default set now would be ignored: set it unless the user did.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets an allocator option; no memory is touched.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    }
}

fn main() -> ExitCode {
    tune_memory();
    // `cargo rac build` runs `cargo-rac rac build`.
    let mut args: Vec<String> = std::env::args().collect();
    if std::env::var_os(wrapper::ENV).is_some() {
        return wrapper::main(&args);
    }
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
    let cwd = match std::env::current_dir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot read the current directory: {e}");
            return ExitCode::from(101);
        }
    };
    match main_command(&cli.command, args, &cwd) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", exec::one_line(&e));
            ExitCode::from(101)
        }
    }
}

/// The progress bar for a build with these flags (drawn only on a terminal).
fn new_bar(b: &cli::BuildArgs) -> progress::Bar {
    progress::Bar::for_stderr(b.quiet, b.message_format == "json")
}

fn main_command(
    cmd: &Command,
    args: Vec<String>,
    cwd: &std::path::Path,
) -> anyhow::Result<ExitCode> {
    if let Command::Server {
        action,
        manifest_path,
    } = cmd
    {
        return Ok(ExitCode::from(match action {
            ServerAction::Run { workspace } => {
                server::serve(workspace.clone())?;
                0
            }
            ServerAction::Status | ServerAction::Stop => {
                let root = place::workspace_root(cwd, manifest_path.as_deref())?;
                client::control(&root, matches!(action, ServerAction::Stop))?
            }
        }));
    }
    let b = cmd.build_args().expect("a build command");
    // Run by make or by cargo with a jobserver: use as many threads as tokens this process
    // holds (its implicit one and those free now), kept until it exits.
    let (jobs_limit, _tokens) = jobserver_tokens(b.jobs);
    let no_server_env = std::env::var("RAC_NO_SERVER").is_ok_and(|v| !v.is_empty() && v != "0");
    let debug_env = IN_PROCESS_ENV.iter().any(|k| std::env::var_os(k).is_some());
    let (code, run) = if b.no_server || no_server_env || debug_env {
        let mut sessions = exec::Sessions::default();
        sessions.env = exec::command_env();
        let bar = std::cell::RefCell::new(new_bar(b));
        let mut stdout = progress::Erasing {
            bar: &bar,
            inner: std::io::stdout(),
        };
        let mut stderr = progress::Erasing {
            bar: &bar,
            inner: std::io::stderr(),
        };
        let outcome = exec::execute(
            &with_jobs(cmd, jobs_limit),
            cwd,
            &mut sessions,
            &mut exec::Out {
                stdout: &mut stdout,
                stderr: &mut stderr,
                progress: &mut |p| bar.borrow_mut().update(p, &mut std::io::stderr()),
            },
        );
        bar.borrow_mut().clear(&mut std::io::stderr());
        // Tearing down rust-analyzer's database takes seconds and the process is about
        // to exit (rust-analyzer's own CLI does the same).
        sessions.forget();
        (
            outcome.code,
            outcome.run.map(|p| p.to_string_lossy().into_owned()),
        )
    } else {
        let root = place::workspace_root(cwd, b.manifest_path.as_deref())?;
        client::run(&root, args, cwd, jobs_limit, new_bar(b))?
    };
    match (code, run) {
        (0, Some(runs)) if matches!(cmd, Command::Test(_)) => {
            let Command::Test(t) = cmd else {
                unreachable!()
            };
            run_tests(t, &runs)
        }
        (0, Some(bin)) => {
            let Command::Run { args, .. } = cmd else {
                unreachable!("only `run` runs a binary")
            };
            let _ = std::io::stdout().flush();
            use std::os::unix::process::CommandExt;
            let err = std::process::Command::new(&bin).args(args).exec();
            anyhow::bail!("cannot run {bin}: {err}")
        }
        (code, _) => Ok(ExitCode::from(code)),
    }
}

/// Runs the test binaries `cargo rac test` built, as `cargo test` does: each in its
/// package's directory with the filter and the arguments after `--`, stopping at the first
/// failing one unless `--no-fail-fast`.
fn run_tests(t: &cli::TestArgs, runs: &str) -> anyhow::Result<ExitCode> {
    let runs: Vec<exec::TestRun> = serde_json::from_str(runs)?;
    let mut failed = Vec::new();
    for r in &runs {
        if !t.build.quiet {
            eprintln!("     Running {}", r.running);
        }
        let mut cmd = std::process::Command::new(&r.path);
        cmd.current_dir(&r.cwd);
        if let Some(f) = &t.testname {
            cmd.arg(f);
        }
        cmd.args(&t.args);
        if t.build.quiet {
            cmd.arg("--quiet");
        }
        let status = cmd
            .status()
            .map_err(|e| anyhow::anyhow!("cannot run {}: {e}", r.path.display()))?;
        if !status.success() {
            failed.push(r);
            if !t.no_fail_fast {
                eprintln!("error: test failed, to rerun pass `{}`", r.rerun);
                return Ok(ExitCode::from(101));
            }
        }
    }
    if !t.build.quiet && runs.iter().any(|r| r.rerun == "--lib") {
        eprintln!("        Note doc tests are not run by rac: `cargo test --doc` runs them");
    }
    if !failed.is_empty() {
        eprintln!("error: {} target(s) failed:", failed.len());
        for r in failed {
            eprintln!("    `{}`", r.rerun);
        }
        return Ok(ExitCode::from(101));
    }
    Ok(ExitCode::SUCCESS)
}

/// The jobs a jobserver in the environment allows (`None`: no jobserver), and its tokens.
fn jobserver_tokens(requested: Option<usize>) -> (Option<usize>, Vec<jobserver::Acquired>) {
    // SAFETY: called once, early, before any other code uses the inherited descriptors.
    let Some(client) = (unsafe { jobserver::Client::from_env() }) else {
        return (None, Vec::new());
    };
    let want =
        requested.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let mut tokens = Vec::new();
    while tokens.len() + 1 < want {
        match client.try_acquire() {
            Ok(Some(t)) => tokens.push(t),
            _ => break,
        }
    }
    (Some(tokens.len() + 1), tokens)
}

/// `cmd` with its `--jobs` limited to `limit`.
fn with_jobs(cmd: &Command, limit: Option<usize>) -> Command {
    let mut cmd = cmd.clone();
    if let Some(limit) = limit {
        let b = match &mut cmd {
            Command::Build(b) | Command::Run { build: b, .. } => b,
            Command::Explain(e) => &mut e.build,
            Command::Test(t) => &mut t.build,
            Command::Server { .. } => return cmd,
        };
        b.jobs = Some(b.jobs.map_or(limit, |j| j.min(limit)));
    }
    cmd
}
