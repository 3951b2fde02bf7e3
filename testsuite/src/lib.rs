//! The differential harness: build the same programs with `cargo build` (rustc) and with
//! `cargo rac build`, run both, and compare stdout, stderr and exit code.
//!
//! Programs are batched: every program of one edition becomes a `[[bin]]` of one generated
//! cargo package, so each side loads and builds once per batch. rac builds with
//! `--keep-going` and reports, per binary, whether it was built or refused.
//!
//! Output is normalized identically on both sides, only where a run cannot be reproduced:
//! the thread id in `thread 'main' (1234) panicked`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

#[derive(Debug, Clone)]
pub struct Program {
    pub name: String,
    pub source: PathBuf,
    pub edition: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOutput {
    pub stdout: String,
    pub stderr: String,
    pub code: Option<i32>,
    pub timed_out: bool,
}

#[derive(Debug, Clone)]
pub enum Outcome {
    Passed,
    /// rac declined with an error (its message).
    Refused(String),
    /// rac built it but it behaves differently from rustc's build.
    Miscompiled(String),
    /// The rustc build itself failed or the program is not usable as a test.
    Broken(String),
}

impl Outcome {
    pub fn is_pass(&self) -> bool {
        matches!(self, Outcome::Passed)
    }
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Passed => "passed",
            Outcome::Refused(_) => "refused",
            Outcome::Miscompiled(_) => "miscompiled",
            Outcome::Broken(_) => "broken",
        }
    }
}

pub struct Harness {
    pub cargo_rac: PathBuf,
    pub work_dir: PathBuf,
    pub timeout: Duration,
    pub jobs: Option<usize>,
    /// Build the batches' dependencies with debuginfo, as cargo's default `dev` profile
    /// does (otherwise off, for speed, but for `//@ debuginfo:` packages).
    pub full_debuginfo: bool,
}

/// Programs from a directory of single-file `fn main` programs (`*.rs`), named by file stem.
pub fn programs_in(dir: &Path, edition: &str) -> Result<Vec<Program>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let p = e?.path();
        if p.extension().and_then(|e| e.to_str()) == Some("rs") {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            out.push(Program {
                name,
                source: p,
                edition: edition.to_owned(),
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// A valid, unique binary name for a program.
fn bin_name(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, 'p');
    }
    s
}

pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("thread '") {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        // thread '<name>' (<tid>) panicked
        if let Some(q) = tail[8..].find('\'') {
            let after = &tail[8 + q + 1..];
            if let Some(stripped) = after.strip_prefix(" (")
                && let Some(close) = stripped.find(')')
                && stripped[..close].chars().all(|c| c.is_ascii_digit())
            {
                out.push_str(&tail[..8 + q + 1]);
                out.push_str(" (TID)");
                rest = &stripped[close + 1..];
                continue;
            }
        }
        out.push_str(&tail[..8]);
        rest = &tail[8..];
    }
    out.push_str(rest);
    out
}

impl Harness {
    /// Builds and runs every program with rustc and rac, returns the outcome per program.
    pub fn run(&self, programs: &[Program]) -> Result<BTreeMap<String, Outcome>> {
        let mut by_edition: BTreeMap<&str, Vec<&Program>> = BTreeMap::new();
        for p in programs {
            by_edition.entry(&p.edition).or_default().push(p);
        }
        let mut results = BTreeMap::new();
        for (edition, progs) in by_edition {
            let batch = self.work_dir.join(format!("batch-{edition}"));
            results.extend(self.run_batch(&batch, edition, &progs)?);
        }
        Ok(results)
    }

    fn run_batch(
        &self,
        dir: &Path,
        edition: &str,
        programs: &[&Program],
    ) -> Result<BTreeMap<String, Outcome>> {
        let names: BTreeMap<String, String> = programs
            .iter()
            .map(|p| (bin_name(&p.name), p.name.clone()))
            .collect();

        // rustc: the reference.
        write_batch_package(dir, edition, programs, self.full_debuginfo)?;
        let rustc_target = dir.join("target-rustc");
        let out = Command::new("cargo")
            .args(["build", "--keep-going", "--quiet", "--bins"])
            .arg("--target-dir")
            .arg(&rustc_target)
            .current_dir(dir)
            .env_remove("RUSTFLAGS")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .context("cannot run cargo build")?;
        let rustc_stderr = String::from_utf8_lossy(&out.stderr).into_owned();

        // rac.
        let built = self.build_with_rac(dir, edition, programs)?;
        let mut results = BTreeMap::new();
        for (bin, name) in &names {
            let rustc_bin = rustc_target.join("debug").join(bin);
            if !rustc_bin.exists() {
                results.insert(
                    name.clone(),
                    Outcome::Broken(format!("rustc build failed: {}", rustc_stderr.trim())),
                );
                continue;
            }
            let path = match built.get(bin) {
                Some(Ok(p)) => p,
                Some(Err(msg)) => {
                    results.insert(name.clone(), Outcome::Refused(msg.clone()));
                    continue;
                }
                None => {
                    results.insert(
                        name.clone(),
                        Outcome::Refused("rac did not report this binary".into()),
                    );
                    continue;
                }
            };
            let expected = self.run_binary(&rustc_bin)?;
            let actual = self.run_binary(path)?;
            results.insert(name.clone(), compare(&expected, &actual));
        }
        Ok(results)
    }

    pub fn run_binary(&self, bin: &Path) -> Result<RunOutput> {
        let cwd = self.work_dir.join("run");
        std::fs::create_dir_all(&cwd)?;
        let mut child = Command::new(bin)
            .current_dir(&cwd)
            .env("RUST_BACKTRACE", "0")
            .env_remove("RUST_LIB_BACKTRACE")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot run {}", bin.display()))?;
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let out_t = std::thread::spawn(move || read_all(stdout));
        let err_t = std::thread::spawn(move || read_all(stderr));
        let start = Instant::now();
        let mut timed_out = false;
        let status = loop {
            if let Some(s) = child.try_wait()? {
                break Some(s);
            }
            if start.elapsed() > self.timeout {
                let _ = child.kill();
                timed_out = true;
                break child.wait().ok();
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let stdout = out_t.join().unwrap_or_default();
        let stderr = err_t.join().unwrap_or_default();
        let code = status.and_then(|s| {
            use std::os::unix::process::ExitStatusExt;
            s.code().or_else(|| s.signal().map(|sig| 128 + sig))
        });
        Ok(RunOutput {
            stdout: normalize(&stdout),
            stderr: normalize(&stderr),
            code,
            timed_out,
        })
    }
}

fn read_all(mut r: impl std::io::Read) -> String {
    let mut buf = Vec::new();
    let _ = r.read_to_end(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

pub fn compare(expected: &RunOutput, actual: &RunOutput) -> Outcome {
    if expected.timed_out {
        return Outcome::Broken("the rustc-built program timed out".into());
    }
    if actual.timed_out {
        return Outcome::Miscompiled("timed out".into());
    }
    let mut diffs = Vec::new();
    if expected.code != actual.code {
        diffs.push(format!(
            "exit code: rustc {:?}, rac {:?}",
            expected.code, actual.code
        ));
    }
    if expected.stdout != actual.stdout {
        diffs.push(format!(
            "stdout differs:\n--- rustc\n{}\n--- rac\n{}",
            clip(&expected.stdout),
            clip(&actual.stdout)
        ));
    }
    if expected.stderr != actual.stderr {
        diffs.push(format!(
            "stderr differs:\n--- rustc\n{}\n--- rac\n{}",
            clip(&expected.stderr),
            clip(&actual.stderr)
        ));
    }
    if diffs.is_empty() {
        Outcome::Passed
    } else {
        Outcome::Miscompiled(diffs.join("\n"))
    }
}

fn clip(s: &str) -> String {
    if s.len() > 2000 {
        format!("{}...[{} bytes]", &s[..2000], s.len())
    } else {
        s.to_owned()
    }
}

/// The ratchet: programs that must pass. One name per line, `#` comments.
pub fn read_ratchet(path: &Path) -> Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}

pub fn testsuite_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Checks outcomes against the ratchet; returns the report text and whether it holds.
pub fn check_ratchet(results: &BTreeMap<String, Outcome>, ratchet: &[String]) -> (String, bool) {
    let mut report = String::new();
    let passed = results.values().filter(|o| o.is_pass()).count();
    let failed = results.len() - passed;
    let mut ok = true;
    for name in ratchet {
        match results.get(name) {
            Some(Outcome::Passed) => {}
            Some(other) => {
                ok = false;
                report.push_str(&format!(
                    "RATCHET FAILURE: {name} {}:\n{}\n\n",
                    other.label(),
                    detail(other)
                ));
            }
            None => {
                ok = false;
                report.push_str(&format!(
                    "RATCHET FAILURE: {name} is in the ratchet but was not run\n"
                ));
            }
        }
    }
    for (name, o) in results {
        if !o.is_pass() && !ratchet.contains(name) {
            report.push_str(&format!(
                "not in the ratchet, {}: {name}: {}\n",
                o.label(),
                first_line(detail(o))
            ));
        }
        if o.is_pass() && !ratchet.contains(name) {
            report.push_str(&format!("newly passing (add it to the ratchet): {name}\n"));
        }
    }
    report.push_str(&format!("{passed} passed, {failed} failed\n"));
    (report, ok)
}

pub fn detail(o: &Outcome) -> &str {
    match o {
        Outcome::Passed => "",
        Outcome::Refused(s) | Outcome::Miscompiled(s) | Outcome::Broken(s) => s,
    }
}

fn first_line(s: &str) -> &str {
    s.lines().find(|l| !l.trim().is_empty()).unwrap_or("")
}

pub fn ensure_exists(p: &Path) -> Result<()> {
    if !p.exists() {
        bail!("{} does not exist", p.display());
    }
    Ok(())
}

/// A program rac must refuse: `// expect-stderr: <text>` lines give what the error says,
/// `// expect-not-stderr: <text>` lines what it must not say.
#[derive(Debug, Clone)]
pub struct RefusalCase {
    pub program: Program,
    pub expected: Vec<String>,
    pub unexpected: Vec<String>,
}

pub fn refusal_cases(dir: &Path) -> Result<Vec<RefusalCase>> {
    let mut out = Vec::new();
    for p in programs_in(dir, "2021")? {
        let text = std::fs::read_to_string(&p.source)?;
        let lines = |prefix: &str| {
            text.lines()
                .filter_map(|l| l.trim().strip_prefix(prefix))
                .map(|s| s.trim().to_owned())
                .collect()
        };
        out.push(RefusalCase {
            program: p,
            expected: lines("// expect-stderr:"),
            unexpected: lines("// expect-not-stderr:"),
        });
    }
    Ok(out)
}

impl Harness {
    /// Builds a program that rac must refuse; returns what went wrong, if anything.
    pub fn check_refusal(&self, case: &RefusalCase) -> Result<Option<String>> {
        let bin = bin_name(&case.program.name);
        let dir = self.work_dir.join(format!("refused-{bin}"));
        let _ = std::fs::remove_dir_all(dir.join("src"));
        std::fs::create_dir_all(dir.join("src"))?;
        std::fs::copy(&case.program.source, dir.join("src/main.rs"))?;
        std::fs::write(
            dir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"{bin}\"\nversion = \"0.1.0\"\nedition = \"{}\"\n\n[workspace]\n",
                case.program.edition
            ),
        )?;
        let out = Command::new(&self.cargo_rac)
            .args(["rac", "build"])
            .env("RAC_NO_SERVER", "1")
            .current_dir(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .context("cannot run cargo-rac")?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            return Ok(Some(
                "rac built a program it cannot compile correctly".into(),
            ));
        }
        if stderr.contains("panicked at") {
            return Ok(Some(format!("rac panicked instead of refusing:\n{stderr}")));
        }
        let missing: Vec<&String> = case
            .expected
            .iter()
            .filter(|e| !stderr.contains(e.as_str()))
            .collect();
        if !missing.is_empty() {
            return Ok(Some(format!(
                "the error does not say {missing:?}:\n{stderr}"
            )));
        }
        let wrong: Vec<&String> = case
            .unexpected
            .iter()
            .filter(|e| stderr.contains(e.as_str()))
            .collect();
        if !wrong.is_empty() {
            return Ok(Some(format!("the error says {wrong:?}:\n{stderr}")));
        }
        if out.status.code() != Some(101) {
            return Ok(Some(format!(
                "exit code {:?}, not 101:\n{stderr}",
                out.status.code()
            )));
        }
        Ok(None)
    }
}

impl Harness {
    /// Builds a program with `cargo build` (rustc) and with `cargo rac build`: what cargo
    /// prints about the code (rustc's warnings and errors with cargo's summaries: stderr
    /// without the `Compiling` and `Finished` lines) and the exit code must be the same,
    /// and so must the two programs' runs when both build. What went wrong, if anything.
    pub fn check_diagnostics(&self, program: &Program) -> Result<Option<String>> {
        let bin = bin_name(&program.name);
        let dir = self.work_dir.join(format!("diagnostics-{bin}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src"))?;
        std::fs::copy(&program.source, dir.join("src/main.rs"))?;
        std::fs::write(
            dir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"{bin}\"\nversion = \"0.1.0\"\nedition = \"{}\"\n\n[workspace]\n",
                program.edition
            ),
        )?;
        let cargo = Command::new("cargo")
            .args(["build", "--target-dir", "target-rustc"])
            .current_dir(&dir)
            .env_remove("RUSTFLAGS")
            .output()
            .context("cannot run cargo build")?;
        let rac = Command::new(&self.cargo_rac)
            .args(["rac", "build"])
            .env("RAC_NO_SERVER", "1")
            .current_dir(&dir)
            .output()
            .context("cannot run cargo-rac")?;
        let about_code = |o: &std::process::Output| -> String {
            String::from_utf8_lossy(&o.stderr)
                .lines()
                // Progress lines, and cargo waiting for another cargo (tests run in parallel).
                .filter(|l| {
                    !l.starts_with("   Compiling ")
                        && !l.starts_with("    Finished ")
                        && !l.trim_start().starts_with("Blocking waiting for file lock")
                })
                .map(|l| format!("{l}\n"))
                .collect()
        };
        let (want, got) = (about_code(&cargo), about_code(&rac));
        if (&want, cargo.status.code()) != (&got, rac.status.code()) {
            return Ok(Some(format!(
                "cargo build (exit {:?}):\n{want}\ncargo rac build (exit {:?}):\n{got}",
                cargo.status.code(),
                rac.status.code()
            )));
        }
        if !cargo.status.success() {
            return Ok(None);
        }
        let expected = self.run_binary(&dir.join("target-rustc/debug").join(&bin))?;
        let actual = self.run_binary(&dir.join("target/debug").join(&bin))?;
        Ok(match compare(&expected, &actual) {
            Outcome::Passed => None,
            o => Some(format!("the programs differ: {}", detail(&o))),
        })
    }
}

/// A program from `../shared/corpus` (rustc's own run-pass tests) with rustc's results.
#[derive(Debug, Clone)]
pub struct CorpusCase {
    pub program: Program,
    pub exit_code: i32,
    pub stdout: String,
}

/// `../shared/corpus` beside the repository, or `$RAC_CORPUS`.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("RAC_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| testsuite_dir().join("../../shared/corpus"))
}

pub fn corpus_cases(dir: &Path) -> Result<Vec<CorpusCase>> {
    let tsv = std::fs::read_to_string(dir.join("expected.tsv"))
        .with_context(|| format!("cannot read {}/expected.tsv", dir.display()))?;
    let mut out = Vec::new();
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let file = cols[0];
        let name = file.trim_end_matches(".rs").to_owned();
        let source = dir.join("cases").join(file);
        let stdout_path = dir.join("cases").join(format!("{name}.stdout"));
        let stdout = std::fs::read_to_string(&stdout_path).unwrap_or_default();
        out.push(CorpusCase {
            program: Program {
                name,
                source,
                edition: cols[1].to_owned(),
            },
            exit_code: cols[2].parse().unwrap_or(0),
            stdout,
        });
    }
    Ok(out)
}

impl Harness {
    /// Builds every case with rac and compares exit code and stdout with rustc's recorded
    /// results. `Refused` = rac declined with an error; `Miscompiled` = rac built it and it
    /// behaves differently.
    pub fn run_corpus(&self, cases: &[CorpusCase]) -> Result<BTreeMap<String, Outcome>> {
        let mut by_edition: BTreeMap<&str, Vec<&CorpusCase>> = BTreeMap::new();
        for c in cases {
            by_edition.entry(&c.program.edition).or_default().push(c);
        }
        let mut results = BTreeMap::new();
        for (edition, batch) in by_edition {
            let dir = self.work_dir.join(format!("corpus-{edition}"));
            let programs: Vec<&Program> = batch.iter().map(|c| &c.program).collect();
            let built = self.build_with_rac(&dir, edition, &programs)?;
            for case in batch {
                let bin = bin_name(&case.program.name);
                let outcome = match built.get(&bin) {
                    Some(Err(msg)) => Outcome::Refused(msg.clone()),
                    None => Outcome::Refused("rac did not report this binary".into()),
                    Some(Ok(path)) => {
                        let actual = self.run_binary(path)?;
                        let expected = RunOutput {
                            stdout: normalize(&case.stdout),
                            stderr: actual.stderr.clone(),
                            code: Some(case.exit_code),
                            timed_out: false,
                        };
                        compare(&expected, &actual)
                    }
                };
                results.insert(case.program.name.clone(), outcome);
            }
        }
        Ok(results)
    }

    /// Builds programs as the binaries of one package with `cargo rac build --keep-going`;
    /// per binary: its path, or rac's error.
    fn build_with_rac(
        &self,
        dir: &Path,
        edition: &str,
        programs: &[&Program],
    ) -> Result<BTreeMap<String, Result<PathBuf, String>>> {
        write_batch_package(dir, edition, programs, self.full_debuginfo)?;
        let target = dir.join("target-rac");
        let mut cmd = Command::new(&self.cargo_rac);
        // In-process, as CI builds: the server has tests of its own.
        cmd.args(["rac", "build", "--keep-going", "--message-format", "json"])
            .env("RAC_NO_SERVER", "1")
            .arg("--target-dir")
            .arg(&target)
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(j) = self.jobs {
            cmd.arg("-j").arg(j.to_string());
        }
        let out = cmd.output().context("cannot run cargo-rac")?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut res = BTreeMap::new();
        for line in stdout.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let name = v["target"]["name"].as_str().unwrap_or_default().to_owned();
            match v["reason"].as_str() {
                Some("compiler-artifact") => {
                    res.insert(name.clone(), Ok(target.join("debug").join(&name)));
                }
                Some("rac-target-failed") => {
                    res.insert(
                        name,
                        Err(v["message"].as_str().unwrap_or_default().to_owned()),
                    );
                }
                _ => {}
            }
        }
        for p in programs {
            res.entry(bin_name(&p.name))
                .or_insert_with(|| Err(format!("rac did not build it: {}", stderr.trim())));
        }
        Ok(res)
    }
}

/// The `//@ dep: name = "version"` lines of a program: the crates.io crates it uses.
fn dependencies_of(source: &Path) -> Result<Vec<String>> {
    directives(source, "//@ dep:")
}

/// The `//@ debuginfo: package` lines of a program: dependencies built with full
/// debuginfo, as cargo's default `dev` profile builds every package (the batch turns it
/// off elsewhere, for speed). rac reads it to tell apart a dependency's same-named
/// statics of one function (`tracing`'s `__CALLSITE`s).
fn debuginfo_packages_of(source: &Path) -> Result<Vec<String>> {
    directives(source, "//@ debuginfo:")
}

/// The values of a program's `//@ <name>:` lines.
fn directives(source: &Path, prefix: &str) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(source)
        .with_context(|| format!("cannot read {}", source.display()))?;
    Ok(text
        .lines()
        .filter_map(|l| l.strip_prefix(prefix))
        .map(|d| d.trim().to_owned())
        .collect())
}

fn write_batch_package(
    dir: &Path,
    edition: &str,
    programs: &[&Program],
    full_debuginfo: bool,
) -> Result<()> {
    let _ = std::fs::remove_dir_all(dir.join("src"));
    std::fs::create_dir_all(dir.join("src/bin"))?;
    let mut manifest = format!(
        "[package]\nname = \"rac_batch_{edition}\"\nversion = \"0.1.0\"\nedition = \"{edition}\"\nautobins = false\n\n[workspace]\n\n"
    );
    let mut deps = std::collections::BTreeSet::new();
    let mut debuginfo = std::collections::BTreeSet::new();
    for p in programs {
        let bin = bin_name(&p.name);
        std::fs::copy(&p.source, dir.join(format!("src/bin/{bin}.rs")))
            .with_context(|| format!("cannot copy {}", p.source.display()))?;
        manifest.push_str(&format!("[[bin]]\nname = \"{bin}\"\npath = \"src/bin/{bin}.rs\"\ntest = false\nbench = false\n\n"));
        deps.extend(dependencies_of(&p.source)?);
        debuginfo.extend(debuginfo_packages_of(&p.source)?);
    }
    // Programs over crates.io crates (`testsuite/crates`) name them in `//@ dep:` lines.
    if !deps.is_empty() {
        manifest.push_str("[dependencies]\n");
        for d in deps {
            manifest.push_str(&d);
            manifest.push('\n');
        }
        manifest.push('\n');
    }
    if !full_debuginfo {
        manifest.push_str("[profile.dev]\ndebug = false\n");
    }
    for package in debuginfo.iter().filter(|_| !full_debuginfo) {
        manifest.push_str(&format!(
            "\n[profile.dev.package.{package}]\ndebug = true\n"
        ));
    }
    std::fs::write(dir.join("Cargo.toml"), manifest)?;
    Ok(())
}
