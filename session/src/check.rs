//! rustc's diagnostics for the members rac compiles: what `cargo build` prints for them
//! (warnings), and the errors of code rustc rejects that rust-analyzer accepts (borrow
//! checking, lints that are errors, type errors it does not see), from rustc itself.
//!
//! cargo runs `cargo-rac` as its workspace wrapper for every unit of a member rac compiles
//! (`cargo-rac/src/wrapper.rs`); the wrapper compiles nothing and records the unit's rustc
//! command line, environment and directory. Each build runs those commands again as
//! checks (`--emit=dep-info,metadata`, what `cargo check` asks rustc for) on a thread of
//! their own while rac compiles, in dependency order (a member's checked metadata stands
//! for the rlib the command names). A unit whose inputs did not change since its last
//! check is not run again and its diagnostics are replayed, as cargo replays a fresh
//! unit's warnings. A unit's inputs: its command and environment, the rustc executable,
//! the files and environment variables its last dep-info names, and the files of the
//! crates it depends on.
//!
//! Invariant: a binary is written only when every unit of the last cargo run passed its
//! check (`Session::build_target` waits for it): rac never builds a program rustc rejects.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Context, Result, bail};

/// One unit of a member, as cargo asked rustc to compile it.
#[derive(Debug, Clone)]
pub struct Unit {
    rustc: String,
    args: Vec<String>,
    env: BTreeMap<String, String>,
    cwd: PathBuf,
}

/// A diagnostic as rustc printed it.
#[derive(Debug, Clone)]
pub struct Message {
    /// `error`, `warning`, `failure-note`, ...
    pub level: String,
    /// The text (with ANSI colors: cargo always asks rustc for them).
    pub rendered: String,
    /// rustc's JSON line (for `--message-format json`).
    pub json: String,
    /// A suggestion `cargo fix` would apply.
    pub fixable: bool,
}

/// The check of one unit: what cargo prints for it.
#[derive(Debug, Clone)]
pub struct UnitCheck {
    /// The package (`CARGO_PKG_NAME`) and the target as cargo describes it: `lib`,
    /// `bin "app"`, `lib test`, `test "name"`.
    pub package: String,
    pub target: String,
    /// The `cargo fix` arguments that select this unit.
    pub fix_args: String,
    pub manifest_dir: PathBuf,
    /// The crate's root file, and whether the unit is a test.
    pub root: Option<PathBuf>,
    pub test: bool,
    /// rustc's diagnostics, in its order, without its own summary lines.
    pub messages: Vec<Message>,
    /// Not checked: a unit it depends on failed.
    pub skipped: bool,
}

impl UnitCheck {
    pub fn errors(&self) -> usize {
        self.messages
            .iter()
            .filter(|m| m.level.starts_with("error"))
            .count()
    }

    /// The messages cargo shows (a repeated warning once) and cargo's summary lines.
    pub fn display(&self) -> (Vec<&Message>, Vec<String>) {
        let mut shown: Vec<&Message> = Vec::new();
        let (mut warnings, mut duplicates, mut fixable) = (0, 0, 0);
        for m in &self.messages {
            if m.level == "warning" {
                warnings += 1;
                if shown.iter().any(|s| s.rendered == m.rendered) {
                    duplicates += 1;
                    continue;
                }
                fixable += usize::from(m.fixable);
            }
            shown.push(m);
        }
        let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let mut summary = Vec::new();
        if warnings > 0 {
            let mut line = format!(
                "warning: `{}` ({}) generated {}",
                self.package,
                self.target,
                plural(warnings, "warning")
            );
            match duplicates {
                0 => {}
                1 => line.push_str(" (1 duplicate)"),
                n => line.push_str(&format!(" ({n} duplicates)")),
            }
            if fixable > 0 && self.errors() == 0 {
                line.push_str(&format!(
                    " (run `cargo fix {}` to apply {})",
                    self.fix_args,
                    plural(fixable, "suggestion")
                ));
            }
            summary.push(line);
        }
        let errors = self.errors();
        if errors > 0 {
            let mut line = format!(
                "error: could not compile `{}` ({}) due to {} previous {}",
                self.package,
                self.target,
                errors,
                if errors == 1 { "error" } else { "errors" }
            );
            if warnings > 0 {
                line.push_str(&format!("; {} emitted", plural(warnings, "warning")));
            }
            summary.push(line);
        }
        (shown, summary)
    }
}

/// The checks of one build.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub units: Vec<UnitCheck>,
    /// How many units rustc checked (the others' diagnostics were replayed).
    pub ran: usize,
}

impl CheckReport {
    pub fn failed(&self) -> bool {
        self.units.iter().any(|u| u.errors() > 0)
    }

    /// Whether rustc rejects the code of the target whose root file is `root` (a test
    /// target: `test`): its unit failed, or was not checked because a unit it depends on
    /// failed. A target cargo gave no unit for is blocked by any failure.
    pub fn blocks(&self, root: &Path, test: bool) -> bool {
        let root = std::fs::canonicalize(root).ok();
        let mut units = self.units.iter().filter(|u| {
            u.test == test && u.root.as_ref().and_then(|r| std::fs::canonicalize(r).ok()) == root
        });
        let mut any = false;
        let blocked = units.any(|u| {
            any = true;
            u.skipped || u.errors() > 0
        });
        blocked || (!any && self.failed())
    }
}

/// The build failed because rustc rejects the code (its errors are in the check report).
#[derive(Debug)]
pub struct CheckFailed;

impl std::fmt::Display for CheckFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "rustc rejects the code (its errors are shown above)")
    }
}

impl std::error::Error for CheckFailed {}

/// What the last check of a unit found, by the unit's key.
#[derive(Debug, Clone, Default)]
pub struct CheckState {
    units: HashMap<String, Checked>,
}

impl CheckState {
    /// The state saved by an earlier process (`save`); empty when there is none or it
    /// cannot be read (the units are then checked again, never trusted).
    pub fn load(path: &Path) -> CheckState {
        let read = || -> Option<CheckState> {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
            let mut units = HashMap::new();
            for (key, c) in v.get("units")?.as_object()? {
                let messages = c
                    .get("messages")?
                    .as_array()?
                    .iter()
                    .map(|m| {
                        Some(Message {
                            level: m.get("level")?.as_str()?.to_owned(),
                            rendered: m.get("rendered")?.as_str()?.to_owned(),
                            json: m.get("json")?.as_str()?.to_owned(),
                            fixable: m.get("fixable")?.as_bool()?,
                        })
                    })
                    .collect::<Option<Vec<_>>>()?;
                let fingerprint = c.get("fingerprint")?.as_str()?.parse().ok()?;
                units.insert(
                    key.clone(),
                    Checked {
                        fingerprint,
                        messages,
                    },
                );
            }
            Some(CheckState { units })
        };
        read().unwrap_or_default()
    }

    /// Writes the state for a later process (whole, then renamed).
    pub fn save(&self, path: &Path) -> Result<()> {
        let units: serde_json::Map<String, serde_json::Value> = self
            .units
            .iter()
            .map(|(k, c)| {
                let messages: Vec<serde_json::Value> = c
                    .messages
                    .iter()
                    .map(|m| {
                        serde_json::json!({
                            "level": m.level, "rendered": m.rendered,
                            "json": m.json, "fixable": m.fixable,
                        })
                    })
                    .collect();
                (
                    k.clone(),
                    serde_json::json!({
                        // A string: JSON numbers do not hold every u64 exactly.
                        "fingerprint": c.fingerprint.to_string(),
                        "messages": messages,
                    }),
                )
            })
            .collect();
        let text = serde_json::json!({ "units": units }).to_string();
        crate::write_atomically(path, text.as_bytes())
    }
}

#[derive(Debug, Clone)]
struct Checked {
    /// The inputs' fingerprint when the check ran (0: an input changed while it ran).
    fingerprint: u64,
    messages: Vec<Message>,
}

impl Unit {
    pub fn read(path: &Path) -> Result<Unit> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let v: serde_json::Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a recorded rustc command", path.display()))?;
        let strings = |v: &serde_json::Value| -> Option<Vec<String>> {
            v.as_array()?
                .iter()
                .map(|a| a.as_str().map(str::to_owned))
                .collect()
        };
        let env = v["env"]
            .as_object()
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                    .collect()
            })
            .unwrap_or_default();
        match (v["rustc"].as_str(), strings(&v["args"]), v["cwd"].as_str()) {
            (Some(rustc), Some(args), Some(cwd)) => Ok(Unit {
                rustc: rustc.to_owned(),
                args,
                env,
                cwd: cwd.into(),
            }),
            _ => bail!("{} is not a recorded rustc command", path.display()),
        }
    }

    /// The units the wrapper recorded in `dir` during the last cargo run.
    pub fn read_all(dir: &Path) -> Result<Vec<Unit>> {
        let mut units = Vec::new();
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Ok(units);
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "json") {
                units.push(Unit::read(&path)?);
            }
        }
        // cargo's order of units varies between runs; the report's must not.
        units.sort_by(|a, b| a.key().cmp(&b.key()));
        Ok(units)
    }

    /// The rlibs this unit names with `--extern` when it is compiled for the target (not
    /// a build script or a proc macro, which run on the host and may use other builds of
    /// the same crates, with other features).
    pub fn target_externs(&self) -> Vec<PathBuf> {
        let host = self.crate_name().starts_with("build_script_")
            || self
                .args
                .windows(2)
                .any(|w| w[0] == "--crate-type" && w[1] == "proc-macro");
        if host {
            return Vec::new();
        }
        self.args
            .windows(2)
            .filter(|w| w[0] == "--extern")
            .filter_map(|w| {
                let (_, path) = w[1].split_once('=')?;
                let path = self.cwd.join(path);
                (path.extension()? == "rlib").then_some(path)
            })
            .collect()
    }

    fn value(&self, flag: &str) -> Option<&str> {
        self.args
            .windows(2)
            .find(|w| w[0] == flag)
            .map(|w| w[1].as_str())
            .or_else(|| {
                self.args
                    .iter()
                    .find_map(|a| a.strip_prefix(flag)?.strip_prefix('='))
            })
    }

    /// A `-C name=value` codegen option.
    fn codegen_option(&self, name: &str) -> Option<&str> {
        let prefix = format!("{name}=");
        self.args.iter().enumerate().find_map(|(i, a)| {
            let opt = a.strip_prefix("-C").filter(|o| !o.is_empty()).or_else(|| {
                (a == "-C")
                    .then(|| self.args.get(i + 1).map(String::as_str))
                    .flatten()
            })?;
            opt.strip_prefix(&prefix)
        })
    }

    /// The crate's root source file.
    pub fn root_file(&self) -> Option<PathBuf> {
        self.args
            .iter()
            .find(|a| a.ends_with(".rs") && !a.starts_with('-'))
            .map(|a| self.cwd.join(a))
    }

    /// A binary's own unit (not its tests).
    pub fn is_plain_bin(&self) -> bool {
        !self.is_test()
            && self
                .args
                .windows(2)
                .any(|w| w[0] == "--crate-type" && w[1] == "bin")
    }

    /// The variables cargo sets for an integration test's compilation: the paths of its
    /// package's binaries (`CARGO_BIN_EXE_<name>`).
    pub fn bin_exe_env(&self) -> impl Iterator<Item = (&str, &str)> {
        self.env
            .iter()
            .filter(|(k, _)| self.is_test() && k.starts_with("CARGO_BIN_EXE_"))
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    fn crate_name(&self) -> &str {
        self.value("--crate-name").unwrap_or("unknown")
    }

    fn is_test(&self) -> bool {
        self.args.iter().any(|a| a == "--test")
    }

    /// cargo's `-C metadata`: what tells units apart.
    fn key(&self) -> String {
        format!(
            "{}-{}",
            self.crate_name(),
            self.codegen_option("metadata").unwrap_or("")
        )
    }

    fn out_dir(&self) -> PathBuf {
        self.cwd.join(self.value("--out-dir").unwrap_or("."))
    }

    fn stem(&self) -> String {
        format!(
            "{}{}",
            self.crate_name(),
            self.codegen_option("extra-filename").unwrap_or("")
        )
    }

    /// The metadata the check writes.
    fn rmeta(&self) -> PathBuf {
        self.out_dir().join(format!("lib{}.rmeta", self.stem()))
    }

    fn dep_info(&self) -> PathBuf {
        self.out_dir().join(format!("{}.d", self.stem()))
    }

    fn env(&self, name: &str) -> &str {
        self.env.get(name).map_or("", String::as_str)
    }

    /// The target as cargo describes it, and the `cargo fix` arguments selecting it.
    fn describe(&self) -> (String, String) {
        let pkg = self.env("CARGO_PKG_NAME");
        let bin = self.env.get("CARGO_BIN_NAME");
        let src = self
            .args
            .iter()
            .find(|a| a.ends_with(".rs"))
            .map(PathBuf::from)
            .unwrap_or_default();
        let under_tests = src.components().any(|c| c.as_os_str() == "tests");
        let stem = src
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        match (self.is_test(), bin, under_tests) {
            (true, _, true) => (
                format!("test \"{stem}\""),
                format!("--test \"{stem}\" -p {pkg}"),
            ),
            (true, Some(b), _) => (
                format!("bin \"{b}\" test"),
                format!("--bin \"{b}\" -p {pkg} --tests"),
            ),
            (true, None, _) => ("lib test".to_owned(), format!("--lib -p {pkg} --tests")),
            (false, Some(b), _) => (format!("bin \"{b}\""), format!("--bin \"{b}\" -p {pkg}")),
            (false, None, _) => ("lib".to_owned(), format!("--lib -p {pkg}")),
        }
    }
}

/// The environment a check runs in: the recorded one (cargo's variables for the unit),
/// with the variables of the command being served (`command`) in place of the server's own
/// (`server`) where cargo did not set them itself.
fn check_env(
    recorded: &BTreeMap<String, String>,
    server: &HashMap<String, String>,
    command: Option<&HashMap<String, String>>,
) -> BTreeMap<String, String> {
    // cargo's jobserver was that run's: its file descriptors are gone.
    let recorded = recorded
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "CARGO_MAKEFLAGS" | "MAKEFLAGS" | "MFLAGS"));
    let Some(command) = command else {
        return recorded.map(|(k, v)| (k.clone(), v.clone())).collect();
    };
    let recorded: BTreeMap<&String, &String> = recorded.collect();
    let mut env: BTreeMap<String, String> = recorded
        .iter()
        .filter(|(k, v)| server.get(**k) != Some(**v) || command.contains_key(**k))
        .map(|(k, v)| ((*k).clone(), (*v).clone()))
        .collect();
    for (k, v) in command {
        if recorded.get(k).copied() == server.get(k) {
            env.insert(k.clone(), v.clone());
        }
    }
    env
}

/// The command line of the check: cargo's, asking for metadata instead of an rlib or an
/// executable, with members' metadata in place of their rlibs (which do not exist).
fn check_args(unit: &Unit, members_rmeta: &HashMap<PathBuf, usize>) -> Vec<String> {
    let mut out = Vec::with_capacity(unit.args.len());
    let mut args = unit.args.iter().peekable();
    while let Some(a) = args.next() {
        if a.starts_with("--emit") {
            if a == "--emit" {
                args.next();
            }
            out.push("--emit=dep-info,metadata".to_owned());
        } else if a == "--extern" {
            out.push(a.clone());
            if let Some(e) = args.next() {
                out.push(member_extern(unit, e, members_rmeta));
            }
        } else {
            out.push(a.clone());
        }
    }
    out
}

fn member_extern(unit: &Unit, e: &str, members_rmeta: &HashMap<PathBuf, usize>) -> String {
    let Some((name, path)) = e.split_once('=') else {
        return e.to_owned();
    };
    let rmeta = unit.cwd.join(path).with_extension("rmeta");
    if members_rmeta.contains_key(&rmeta) {
        format!("{name}={}", rmeta.display())
    } else {
        e.to_owned()
    }
}

/// The units each unit depends on (indices into `units`).
fn dependencies(units: &[Unit], members_rmeta: &HashMap<PathBuf, usize>) -> Vec<Vec<usize>> {
    units
        .iter()
        .map(|u| {
            u.args
                .windows(2)
                .filter(|w| w[0] == "--extern")
                .filter_map(|w| {
                    let (_, path) = w[1].split_once('=')?;
                    members_rmeta
                        .get(&u.cwd.join(path).with_extension("rmeta"))
                        .copied()
                })
                .collect()
        })
        .collect()
}

/// The files and environment variables a dep-info file names.
fn read_dep_info(path: &Path) -> Option<(Vec<PathBuf>, Vec<(String, Option<String>)>)> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut files = Vec::new();
    let mut env = Vec::new();
    let mut first = true;
    for line in text.lines() {
        if let Some(dep) = line.strip_prefix("# env-dep:") {
            let (k, v) = match dep.split_once('=') {
                Some((k, v)) => (k, Some(v.to_owned())),
                None => (dep, None),
            };
            env.push((k.to_owned(), v));
            continue;
        }
        if !first || line.is_empty() {
            continue;
        }
        // `target: a b\ c`: the first rule lists every input.
        first = false;
        let Some((_, deps)) = line.split_once(": ") else {
            continue;
        };
        let mut cur = String::new();
        let mut chars = deps.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek() == Some(&' ') => {
                    cur.push(' ');
                    chars.next();
                }
                ' ' => {
                    if !cur.is_empty() {
                        files.push(PathBuf::from(std::mem::take(&mut cur)));
                    }
                }
                c => cur.push(c),
            }
        }
        if !cur.is_empty() {
            files.push(PathBuf::from(cur));
        }
    }
    Some((files, env))
}

fn hash_stamp(h: &mut impl Hasher, path: &Path) -> Option<SystemTime> {
    let m = std::fs::metadata(path).ok();
    let mtime = m.as_ref().and_then(|m| m.modified().ok());
    mtime.hash(h);
    m.map(|m| m.len()).hash(h);
    mtime
}

/// The fingerprint of a unit's inputs, and the newest mtime among its files. `None` when
/// it was never checked (no dep-info).
fn fingerprint(
    unit: &Unit,
    args: &[String],
    env: &BTreeMap<String, String>,
    deps: &[&Unit],
) -> Option<(u64, Option<SystemTime>)> {
    let (files, env_deps) = read_dep_info(&unit.dep_info())?;
    let mut h = rustc_hash::FxHasher::default();
    unit.rustc.hash(&mut h);
    hash_stamp(&mut h, Path::new(&unit.rustc));
    args.hash(&mut h);
    env.hash(&mut h);
    let mut newest = None;
    for f in &files {
        f.hash(&mut h);
        newest = newest.max(hash_stamp(&mut h, &unit.cwd.join(f)));
    }
    for (k, v) in &env_deps {
        k.hash(&mut h);
        (env.get(k) == v.as_ref()).hash(&mut h);
    }
    for d in deps {
        hash_stamp(&mut h, &d.rmeta());
    }
    // Its own metadata, which dependents read: gone or replaced means check again.
    hash_stamp(&mut h, &unit.rmeta());
    Some((h.finish(), newest))
}

fn parse_messages(stderr: &[u8]) -> Vec<Message> {
    let mut out = Vec::new();
    for line in String::from_utf8_lossy(stderr).lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            // Not a diagnostic (an internal compiler error's backtrace, say): as is.
            out.push(Message {
                level: "text".to_owned(),
                rendered: format!("{line}\n"),
                json: String::new(),
                fixable: false,
            });
            continue;
        };
        if v["$message_type"] != "diagnostic" {
            continue;
        }
        let level = v["level"].as_str().unwrap_or("").to_owned();
        let message = v["message"].as_str().unwrap_or("");
        // rustc's own summary lines: cargo prints its own instead.
        if (level == "error" && message.starts_with("aborting due to"))
            || (level == "warning"
                && (message.ends_with("warning emitted") || message.ends_with("warnings emitted")))
        {
            continue;
        }
        let fixable = v["children"].as_array().is_some_and(|c| {
            c.iter().any(|c| {
                c["spans"].as_array().is_some_and(|s| {
                    s.iter()
                        .any(|s| s["suggestion_applicability"] == "MachineApplicable")
                })
            })
        });
        out.push(Message {
            level,
            rendered: v["rendered"].as_str().unwrap_or("").to_owned(),
            json: line.to_owned(),
            fixable,
        });
    }
    out
}

/// Checks `units` (re-running those whose inputs changed) in dependency order. `command`:
/// the environment of the command being served, when it is not this process's own.
pub fn run(
    units: &[Unit],
    state: &mut CheckState,
    command: Option<&HashMap<String, String>>,
) -> Result<CheckReport> {
    let members_rmeta: HashMap<PathBuf, usize> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| !u.is_test())
        .map(|(i, u)| (u.rmeta(), i))
        .collect();
    let deps = dependencies(units, &members_rmeta);
    let server: HashMap<String, String> = crate::exec_env();
    let mut done: Vec<Option<bool>> = vec![None; units.len()];
    let mut reports: Vec<Option<UnitCheck>> = vec![None; units.len()];
    let mut ran = 0;
    // Dependency order; a cycle (which cargo would not produce) ends the loop.
    while done.iter().any(Option::is_none) {
        let Some(i) = (0..units.len())
            .find(|&i| done[i].is_none() && deps[i].iter().all(|&d| done[d].is_some()))
        else {
            bail!("the recorded rustc commands of the members depend on each other in a cycle");
        };
        let unit = &units[i];
        let (target, fix_args) = unit.describe();
        let mut report = UnitCheck {
            package: unit.env("CARGO_PKG_NAME").to_owned(),
            target,
            fix_args,
            manifest_dir: unit.env("CARGO_MANIFEST_DIR").into(),
            root: unit.root_file(),
            test: unit.is_test(),
            messages: Vec::new(),
            skipped: false,
        };
        if deps[i].iter().any(|&d| done[d] == Some(false)) {
            report.skipped = true;
            done[i] = Some(false);
            reports[i] = Some(report);
            continue;
        }
        let args = check_args(unit, &members_rmeta);
        let env = check_env(&unit.env, &server, command);
        let dep_units: Vec<&Unit> = deps[i].iter().map(|&d| &units[d]).collect();
        let key = unit.key();
        let before = fingerprint(unit, &args, &env, &dep_units);
        let cached = state
            .units
            .get(&key)
            .filter(|c| c.fingerprint != 0 && before.is_some_and(|(f, _)| f == c.fingerprint));
        report.messages = match cached {
            Some(c) => c.messages.clone(),
            None => {
                ran += 1;
                let started = SystemTime::now();
                let out = std::process::Command::new(&unit.rustc)
                    .args(&args)
                    .env_clear()
                    .envs(&env)
                    .current_dir(&unit.cwd)
                    .stdin(std::process::Stdio::null())
                    .output()
                    .with_context(|| format!("cannot run `{}`", unit.rustc))?;
                let mut messages = parse_messages(&out.stderr);
                if !out.status.success() && !messages.iter().any(|m| m.level.starts_with("error")) {
                    messages.push(Message {
                        level: "error".to_owned(),
                        rendered: format!(
                            "error: rustc failed to check `{}` ({})\n",
                            unit.crate_name(),
                            out.status
                        ),
                        json: String::new(),
                        fixable: false,
                    });
                }
                // A file changed while rustc read it: check again next time.
                let fingerprint = match fingerprint(unit, &args, &env, &dep_units) {
                    Some((f, newest)) if newest.is_none_or(|n| n < started) => f,
                    _ => 0,
                };
                state.units.insert(
                    key,
                    Checked {
                        fingerprint,
                        messages: messages.clone(),
                    },
                );
                messages
            }
        };
        done[i] = Some(report.errors() == 0);
        reports[i] = Some(report);
    }
    Ok(CheckReport {
        units: reports.into_iter().flatten().collect(),
        ran,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dep_info_files_and_env() {
        let dir = std::env::temp_dir().join(format!("rac-depinfo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let d = dir.join("x.d");
        std::fs::write(
            &d,
            "/t/libx.rmeta: src/main.rs src/a\\ b.rs\n\nsrc/main.rs:\n\n# env-dep:HOME=/root\n# env-dep:NOPE\n",
        )
        .unwrap();
        let (files, env) = read_dep_info(&d).unwrap();
        assert_eq!(
            files,
            [PathBuf::from("src/main.rs"), PathBuf::from("src/a b.rs")]
        );
        assert_eq!(
            env,
            [
                ("HOME".to_owned(), Some("/root".to_owned())),
                ("NOPE".to_owned(), None)
            ]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn saved_state_is_read_back_and_a_damaged_one_is_ignored() {
        let dir = std::env::temp_dir().join(format!("rac-check-state-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        let mut state = CheckState::default();
        state.units.insert(
            "app-1".to_owned(),
            Checked {
                fingerprint: u64::MAX - 1,
                messages: vec![Message {
                    level: "warning".to_owned(),
                    rendered: "warning: \u{1b}[1mx\n".to_owned(),
                    json: "{}".to_owned(),
                    fixable: true,
                }],
            },
        );
        state.save(&path).unwrap();
        let back = CheckState::load(&path);
        let c = &back.units["app-1"];
        assert_eq!(c.fingerprint, u64::MAX - 1);
        assert_eq!(c.messages[0].rendered, "warning: \u{1b}[1mx\n");
        assert!(c.messages[0].fixable);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, &text[..text.len() / 2]).unwrap();
        assert!(CheckState::load(&path).units.is_empty());
        assert!(CheckState::load(&dir.join("missing.json")).units.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn command_variables_replace_the_servers_but_not_cargos() {
        let map = |v: &[(&str, &str)]| -> HashMap<String, String> {
            v.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let server = map(&[("HOME", "/srv"), ("GONE", "1")]);
        let recorded: BTreeMap<String, String> =
            map(&[("HOME", "/srv"), ("GONE", "1"), ("CARGO_PKG_NAME", "app")])
                .into_iter()
                .collect();
        let command = map(&[("HOME", "/me"), ("NEW", "2"), ("CARGO_PKG_NAME", "other")]);
        let env = check_env(&recorded, &server, Some(&command));
        let got: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(
            got,
            [("CARGO_PKG_NAME", "app"), ("HOME", "/me"), ("NEW", "2")]
        );
    }

    #[test]
    fn summaries_read_like_cargos() {
        let msg = |level: &str, text: &str, fixable| Message {
            level: level.to_owned(),
            rendered: text.to_owned(),
            json: String::new(),
            fixable,
        };
        let mut u = UnitCheck {
            package: "app".to_owned(),
            target: "bin \"app\"".to_owned(),
            fix_args: "--bin \"app\" -p app".to_owned(),
            manifest_dir: PathBuf::new(),
            root: None,
            test: false,
            messages: vec![
                msg("warning", "a", true),
                msg("warning", "a", true),
                msg("warning", "b", false),
            ],
            skipped: false,
        };
        assert_eq!(
            u.display().1,
            [
                "warning: `app` (bin \"app\") generated 3 warnings (1 duplicate) (run `cargo fix --bin \"app\" -p app` to apply 1 suggestion)"
            ]
        );
        u.messages = vec![msg("error", "e", false), msg("warning", "w", true)];
        assert_eq!(
            u.display().1,
            [
                "warning: `app` (bin \"app\") generated 1 warning",
                "error: could not compile `app` (bin \"app\") due to 1 previous error; 1 warning emitted"
            ]
        );
    }
}
