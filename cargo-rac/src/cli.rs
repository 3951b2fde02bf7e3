//! The command line, as clap parses it (the same in the client and in the server).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "cargo-rac",
    bin_name = "cargo rac",
    version,
    about = "Fast debug builds through rust-analyzer's MIR and Cranelift"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug, Clone)]
pub enum Command {
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
    /// Build and run the tests of the workspace's libraries, binaries and `tests/` (like
    /// `cargo test`; doc tests are left to `cargo test --doc`).
    Test(TestArgs),
    /// Show how each call in a function is resolved (tier, symbol, rlib) or why it fails.
    Explain(ExplainArgs),
    /// The build server of this workspace: `status` or `stop`.
    Server {
        #[command(subcommand)]
        action: ServerAction,
        /// Path to Cargo.toml (selects the workspace).
        #[arg(long = "manifest-path", global = true)]
        manifest_path: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug, Clone)]
pub enum ServerAction {
    /// Pid, workspace, uptime, memory and builds served of the running server.
    Status,
    /// Stop the server (the next build starts a new one).
    Stop,
    /// Run a server in the foreground (what `cargo rac build` starts in the background).
    #[command(hide = true)]
    Run {
        /// The workspace root the server serves.
        #[arg(long)]
        workspace: PathBuf,
    },
}

#[derive(Args, Clone, Debug)]
pub struct BuildArgs {
    /// Package(s) to build.
    #[arg(short = 'p', long = "package")]
    pub package: Vec<String>,
    /// Build all members of the workspace (not only the default members).
    #[arg(long = "workspace", visible_alias = "all")]
    pub workspace: bool,
    /// Exclude packages from the build (with --workspace).
    #[arg(long = "exclude")]
    pub exclude: Vec<String>,
    /// Binary target(s) to build.
    #[arg(long = "bin")]
    pub bin: Vec<String>,
    /// Build all binary targets.
    #[arg(long = "bins")]
    pub bins: bool,
    /// Example target(s) to build.
    #[arg(long = "example")]
    pub example: Vec<String>,
    /// Build all examples.
    #[arg(long = "examples")]
    pub examples: bool,
    /// Build all targets rac builds: binaries and examples (tests and benches are not
    /// built by rac; the build says so).
    #[arg(long = "all-targets")]
    pub all_targets: bool,
    /// Space or comma separated list of features to activate.
    #[arg(short = 'F', long = "features")]
    pub features: Vec<String>,
    /// Activate all available features.
    #[arg(long = "all-features")]
    pub all_features: bool,
    /// Do not activate the `default` feature.
    #[arg(long = "no-default-features")]
    pub no_default_features: bool,
    /// Assert that `Cargo.lock` will remain unchanged.
    #[arg(long = "locked")]
    pub locked: bool,
    /// Run without accessing the network.
    #[arg(long = "offline")]
    pub offline: bool,
    /// Equivalent to specifying both --locked and --offline.
    #[arg(long = "frozen")]
    pub frozen: bool,
    /// Build with the given profile: rac builds `dev` only.
    #[arg(long = "profile")]
    pub profile: Option<String>,
    /// Do not print cargo log messages.
    #[arg(short = 'q', long = "quiet")]
    pub quiet: bool,
    /// Coloring: auto, always, never.
    #[arg(long = "color")]
    pub color: Option<String>,
    /// Path to Cargo.toml.
    #[arg(long = "manifest-path")]
    pub manifest_path: Option<PathBuf>,
    /// Directory for all generated artifacts.
    #[arg(long = "target-dir")]
    pub target_dir: Option<PathBuf>,
    /// Number of parallel jobs.
    #[arg(short = 'j', long = "jobs")]
    pub jobs: Option<usize>,
    /// Use verbose output.
    #[arg(short = 'v', long = "verbose", action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Error format: human, short or json.
    #[arg(long = "message-format", default_value = "human")]
    pub message_format: String,
    /// Print per-phase timings.
    #[arg(long = "timings")]
    pub timings: bool,
    /// Build as many targets as possible even if some fail.
    #[arg(long = "keep-going")]
    pub keep_going: bool,
    /// What to do with a binary rac cannot compile: `rustc` builds it with `cargo build`
    /// instead (saying so) and the build succeeds. Default: an error.
    #[arg(long = "fallback", value_parser = ["rustc"])]
    pub fallback: Option<String>,
    /// Build in this process, without the build server (also: RAC_NO_SERVER=1).
    #[arg(long = "no-server")]
    pub no_server: bool,
    /// Debug builds only: rac refuses --release.
    #[arg(long = "release", hide = true)]
    pub release: bool,
}

#[derive(Args, Clone, Debug)]
pub struct TestArgs {
    /// Only the tests whose names contain this string (libtest's filter).
    pub testname: Option<String>,
    #[command(flatten)]
    pub build: BuildArgs,
    /// Test only the package's library.
    #[arg(long = "lib")]
    pub lib: bool,
    /// Test only the named integration test target(s) (`tests/NAME.rs`).
    #[arg(long = "test")]
    pub test: Vec<String>,
    /// Test all targets that have tests (libraries, binaries, integration tests).
    #[arg(long = "tests")]
    pub tests: bool,
    /// Build the test binaries, do not run them.
    #[arg(long = "no-run")]
    pub no_run: bool,
    /// Run every test binary even when one fails.
    #[arg(long = "no-fail-fast")]
    pub no_fail_fast: bool,
    /// Doc tests are compiled by rustdoc, not rac: refused with a pointer to `cargo test --doc`.
    #[arg(long = "doc")]
    pub doc: bool,
    /// Arguments for the test binaries (`--nocapture`, `--ignored`, `--test-threads 1`...).
    #[arg(last = true)]
    pub args: Vec<String>,
}

#[derive(Args, Clone, Debug)]
pub struct ExplainArgs {
    /// The function: `main`, `my_crate::module::func`, `my_crate::Type::method`.
    pub function: String,
    #[command(flatten)]
    pub build: BuildArgs,
    /// Also explain the callees rac compiles, this many levels deep (0: only the
    /// function's own calls).
    #[arg(long = "depth", default_value_t = 0)]
    pub depth: usize,
}

impl Command {
    pub fn build_args(&self) -> Option<&BuildArgs> {
        match self {
            Command::Build(b) | Command::Run { build: b, .. } => Some(b),
            Command::Explain(e) => Some(&e.build),
            Command::Test(t) => Some(&t.build),
            Command::Server { .. } => None,
        }
    }
}
