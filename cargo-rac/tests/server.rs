//! The build server's lifecycle and faults: auto-start and reuse, status and stop, idle
//! exit, edit-build-run loops checked against rustc after every edit, `kill -9` in the
//! middle of a build, a stale socket, a hung server, concurrent clients, a server of
//! another identity, socket permissions, `--no-server` equivalence and corrupt cache
//! entries.
//!
//! Every test has its own workspace and its own server directory (`XDG_RUNTIME_DIR`), so
//! tests run in parallel without meeting each other's servers.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const RAC: &str = env!("CARGO_BIN_EXE_cargo-rac");

struct Ws {
    dir: PathBuf,
    runtime: PathBuf,
}

impl Ws {
    /// A fresh workspace with one binary `app` whose `src/main.rs` is `main_rs`.
    fn new(name: &str, main_rs: &str) -> Ws {
        let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join("server-tests")
            .join(name);
        let _ = std::fs::remove_dir_all(&base);
        let dir = base.join("ws");
        let runtime = base.join("run");
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::create_dir_all(&runtime).unwrap();
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n",
        )
        .unwrap();
        std::fs::write(dir.join("src/main.rs"), main_rs).unwrap();
        Ws { dir, runtime }
    }

    fn rac(&self, args: &[&str]) -> Command {
        let mut c = Command::new(RAC);
        c.arg("rac")
            .args(args)
            .current_dir(&self.dir)
            .env("XDG_RUNTIME_DIR", &self.runtime)
            .env("RUST_BACKTRACE", "0")
            .env_remove("RAC_NO_SERVER")
            .stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.rac(args).output().expect("running cargo-rac")
    }

    fn build(&self) -> Output {
        let out = self.run(&["build"]);
        assert!(
            out.status.success(),
            "cargo rac build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn status(&self) -> String {
        let out = self.run(&["server", "status"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn pid(&self) -> Option<u32> {
        self.status()
            .lines()
            .find_map(|l| l.trim().strip_prefix("pid:"))
            .map(|p| p.trim().parse().unwrap())
    }

    fn stop(&self) {
        let _ = self.run(&["server", "stop"]);
    }

    fn write_main(&self, text: &str) {
        std::fs::write(self.dir.join("src/main.rs"), text).unwrap();
    }

    /// The program's output, built by rac, and built by rustc (cargo, its own target dir).
    fn run_both(&self) -> (Output, Output) {
        let rac = Command::new(self.dir.join("target/debug/app"))
            .env("RUST_BACKTRACE", "0")
            .output()
            .unwrap();
        let cargo = Command::new("cargo")
            .args(["build", "-q", "--target-dir", "target-rustc"])
            .current_dir(&self.dir)
            .status()
            .unwrap();
        assert!(cargo.success());
        let rustc = Command::new(self.dir.join("target-rustc/debug/app"))
            .env("RUST_BACKTRACE", "0")
            .output()
            .unwrap();
        (rac, rustc)
    }

    /// `cargo rac build` after `what`, which must succeed, then the program against
    /// rustc's build of it.
    fn build_and_compare(&self, what: &str) {
        let out = self.run(&["build"]);
        assert!(
            out.status.success(),
            "build after {what} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.assert_same_as_rustc(what);
    }

    fn assert_same_as_rustc(&self, what: &str) {
        let (rac, rustc) = self.run_both();
        assert_eq!(
            (String::from_utf8_lossy(&rac.stdout), rac.status.code()),
            (String::from_utf8_lossy(&rustc.stdout), rustc.status.code()),
            "after {what}: rac's binary differs from rustc's"
        );
    }
}

impl Drop for Ws {
    fn drop(&mut self) {
        if self.dir.exists() {
            self.stop();
        }
    }
}

fn hello(greeting: &str) -> String {
    format!("fn main() {{ println!(\"{greeting}\"); }}\n")
}

fn stdout_of(bin: &Path) -> String {
    String::from_utf8_lossy(&Command::new(bin).output().unwrap().stdout).into_owned()
}

#[test]
fn server_starts_on_first_use_and_is_reused() {
    let ws = Ws::new("reuse", &hello("one"));
    assert!(ws.status().contains("no rac server"));
    ws.build();
    let pid = ws.pid().expect("a server after the first build");
    ws.write_main(&hello("two"));
    ws.build();
    assert_eq!(
        ws.pid(),
        Some(pid),
        "the second build started another server"
    );
    assert_eq!(stdout_of(&ws.dir.join("target/debug/app")), "two\n");
    let status = ws.status();
    assert!(status.contains("builds:    2"), "{status}");
    assert!(
        status.contains(&ws.dir.canonicalize().unwrap().display().to_string()),
        "{status}"
    );
    assert!(status.contains("memory:"), "{status}");
    // The socket directory is private; the socket is the user's only.
    let sock_dir = std::fs::read_dir(ws.runtime.join("rac")).unwrap();
    assert_eq!(
        std::fs::metadata(ws.runtime.join("rac")).unwrap().mode() & 0o777,
        0o700
    );
    for e in sock_dir.flatten() {
        if e.path().extension().is_some_and(|x| x == "sock") {
            assert_eq!(e.metadata().unwrap().mode() & 0o077, 0);
        }
    }
    ws.stop();
    assert!(ws.status().contains("no rac server"));
}

#[test]
fn edit_build_run_loop_matches_rustc_after_every_edit() {
    let ws = Ws::new("edits", "");
    let helper = |body: &str| format!("pub fn helper(x: i64) -> i64 {{ {body} }}\n");
    let versions: Vec<(&str, String, Option<String>)> = vec![
        (
            "a first program",
            "mod util;\nfn main() { println!(\"{}\", util::helper(20)); }\n".into(),
            Some(helper("x + 1")),
        ),
        ("an edit of a helper module", String::new(), Some(helper("x * 3"))),
        (
            "an edit in main",
            "mod util;\nfn main() { let v: Vec<i64> = (1..5).map(util::helper).collect(); println!(\"{v:?}\"); }\n".into(),
            None,
        ),
        (
            "a struct that grows a field, used by generic code",
            "mod util;\n#[derive(Debug, Clone)]\nstruct P { a: i64, b: u8 }\nfn main() { let v = vec![P { a: util::helper(2), b: 7 }; 3]; println!(\"{v:?} {}\", std::mem::size_of::<P>()); }\n".into(),
            None,
        ),
        (
            "the field's type widened",
            "mod util;\n#[derive(Debug, Clone)]\nstruct P { a: i64, b: u64 }\nfn main() { let v = vec![P { a: util::helper(2), b: 7 }; 3]; println!(\"{v:?} {}\", std::mem::size_of::<P>()); }\n".into(),
            None,
        ),
        (
            "a changed signature, and main following it",
            "mod util;\nfn main() { println!(\"{}\", util::helper(5)); }\n".into(),
            Some("pub fn helper(x: i64) -> String { format!(\"<{x}>\") }\n".into()),
        ),
        (
            "a new module file",
            "mod util;\nmod extra;\nfn main() { println!(\"{} {}\", util::helper(5), extra::N); }\n".into(),
            None,
        ),
        (
            "a constant and a static changed",
            "mod util;\nstatic S: &str = \"static\";\nconst C: u32 = 41 + 1;\nfn main() { println!(\"{} {S} {C}\", util::helper(6)); }\n".into(),
            None,
        ),
        (
            "the module file removed again",
            "mod util;\nfn main() { println!(\"{}\", util::helper(7)); std::process::exit(3); }\n".into(),
            None,
        ),
        ("the same text saved again", String::new(), None),
    ];
    for (what, main_rs, util_rs) in versions {
        if !main_rs.is_empty() {
            ws.write_main(&main_rs);
        } else if what == "the same text saved again" {
            // Same contents, new mtime: nothing to rebuild, still the right binary.
            let text = std::fs::read_to_string(ws.dir.join("src/main.rs")).unwrap();
            ws.write_main(&text);
        }
        if let Some(u) = util_rs {
            std::fs::write(ws.dir.join("src/util.rs"), u).unwrap();
        }
        if what == "a new module file" {
            std::fs::write(ws.dir.join("src/extra.rs"), "pub const N: u8 = 9;\n").unwrap();
        }
        if what == "the module file removed again" {
            std::fs::remove_file(ws.dir.join("src/extra.rs")).unwrap();
        }
        ws.build_and_compare(what);
    }
}

#[test]
fn no_server_gives_the_same_output_and_exit_codes() {
    let ws = Ws::new(
        "equivalence",
        "fn main() { let v: Option<u8> = None; v.expect(\"boom\"); }\n",
    );
    let via_server = ws.run(&["build", "--message-format", "json"]);
    let in_process = ws.run(&["build", "--message-format", "json", "--no-server"]);
    assert_eq!(via_server.status.code(), in_process.status.code());
    assert_eq!(via_server.stdout, in_process.stdout);
    let run_server = ws.run(&["run"]);
    let run_local = ws.rac(&["run"]).env("RAC_NO_SERVER", "1").output().unwrap();
    assert_eq!(run_server.status.code(), Some(101));
    assert_eq!(run_server.status.code(), run_local.status.code());
    // A program rac refuses: the same error either way.
    ws.write_main("fn main() { unsafe { std::arch::asm!(\"nop\"); } }\n");
    let a = ws.run(&["build"]);
    let b = ws.run(&["build", "--no-server"]);
    assert_eq!(a.status.code(), Some(101));
    assert_eq!(a.status.code(), b.status.code());
    let strip = |o: &Output| {
        String::from_utf8_lossy(&o.stderr)
            .lines()
            .filter(|l| !l.contains("Finished"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&a), strip(&b));
    // A bad argument: clap's error and exit code.
    let a = ws.run(&["build", "--no-such-flag"]);
    assert_eq!(a.status.code(), Some(1));
}

/// cargo's progress bar, asked for as cargo's `term.progress.when = "always"`: drawn in
/// place on stderr during a long (cold) build, and erased before every other line, so
/// that what is left reads as a build without it. Through the server and in-process.
#[test]
fn progress_bar_is_drawn_when_asked_and_erased() {
    let ws = Ws::new("progress", &hello("bar"));
    for args in [&["build"][..], &["build", "--no-server"][..]] {
        ws.stop();
        let _ = std::fs::remove_dir_all(ws.dir.join("target"));
        let out = ws
            .rac(args)
            .env("CARGO_TERM_PROGRESS_WHEN", "always")
            .env("CARGO_TERM_PROGRESS_WIDTH", "60")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(
            err.contains("\r    Building ["),
            "{args:?}: no bar drawn: {err:?}"
        );
        // Every other line starts at the start of a line or right after an erase.
        let (mut plain, mut rest) = (String::new(), err.as_str());
        while let Some(i) = rest.find('\r') {
            plain.push_str(&rest[..i]);
            let end = rest[i..].find("\x1b[K").expect("a bar without its end") + i + 3;
            let drawn = &rest[i + 1..end - 3];
            assert!(
                drawn.is_empty() || (drawn.starts_with("    Building") && drawn.len() < 60),
                "{args:?}: {drawn:?}"
            );
            let erased = drawn.is_empty();
            rest = &rest[end..];
            if !rest.is_empty() && !rest.starts_with('\r') {
                assert!(
                    erased,
                    "{args:?}: output after a bar that was not erased: {err:?}"
                );
            }
        }
        plain.push_str(rest);
        assert!(
            err.ends_with('\n'),
            "{args:?}: the bar was left on screen: {err:?}"
        );
        let lines: Vec<&str> = plain.lines().collect();
        assert_eq!(lines.len(), 2, "{args:?}: {plain:?}");
        assert!(
            lines[0].starts_with("   Compiling app v0.1.0 ("),
            "{plain:?}"
        );
        assert!(
            lines[1].starts_with("    Finished `dev` profile"),
            "{plain:?}"
        );
        // Not asked for and not a terminal: no bar.
        let quiet = ws.run(args);
        assert!(!String::from_utf8_lossy(&quiet.stderr).contains('\r'));
    }
    ws.stop();
}

#[test]
fn server_killed_during_a_build_is_replaced() {
    let ws = Ws::new("kill9", &hello("survived"));
    ws.build();
    let pid = ws.pid().unwrap();
    // A change that needs work, then kill -9 the server while it builds.
    ws.write_main(&hello("after the kill"));
    let child = ws
        .rac(&["build"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(50));
    unsafe {
        libc::kill(pid as i32, libc::SIGKILL);
    }
    let out = child.wait_with_output().unwrap();
    // The interrupted command is retried with a new server.
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let new_pid = ws.pid().unwrap();
    assert_ne!(new_pid, pid);
    assert_eq!(
        stdout_of(&ws.dir.join("target/debug/app")),
        "after the kill\n"
    );
    ws.write_main(&hello("and again"));
    ws.build();
    assert_eq!(stdout_of(&ws.dir.join("target/debug/app")), "and again\n");
}

#[test]
fn stale_socket_and_hung_server_are_handled() {
    let ws = Ws::new("stale", &hello("fresh"));
    // A socket file nobody listens on, where the server's socket goes.
    std::fs::create_dir_all(ws.runtime.join("rac")).unwrap();
    std::fs::set_permissions(
        ws.runtime.join("rac"),
        std::fs::Permissions::from_mode(0o700),
    )
    .unwrap();
    ws.build();
    let pid = ws.pid().unwrap();
    let sock = std::fs::read_dir(ws.runtime.join("rac"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "sock"))
        .unwrap();
    ws.stop();
    {
        let _ = std::fs::remove_file(&sock);
        let l = std::os::unix::net::UnixListener::bind(&sock).unwrap();
        drop(l); // the file stays: a stale socket
    }
    assert!(sock.exists());
    ws.write_main(&hello("after a stale socket"));
    ws.build();
    assert_eq!(
        stdout_of(&ws.dir.join("target/debug/app")),
        "after a stale socket\n"
    );
    let pid2 = ws.pid().unwrap();
    assert_ne!(pid, pid2);
    // A hung server (stopped): the client times out, says so, and uses a new one.
    unsafe {
        libc::kill(pid2 as i32, libc::SIGSTOP);
    }
    ws.write_main(&hello("after a hang"));
    let t = Instant::now();
    let out = ws
        .rac(&["build"])
        .env("RAC_SERVER_TIMEOUT_SECS", "2")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("did not answer"), "{stderr}");
    assert!(t.elapsed() < Duration::from_secs(120));
    assert_eq!(
        stdout_of(&ws.dir.join("target/debug/app")),
        "after a hang\n"
    );
    unsafe {
        libc::kill(pid2 as i32, libc::SIGKILL);
    }
}

#[test]
fn concurrent_clients_wait_and_all_get_correct_binaries() {
    let ws = Ws::new("concurrent", &hello("first"));
    ws.build();
    ws.write_main(&hello("second"));
    let a = ws.rac(&["build"]).stderr(Stdio::piped()).spawn().unwrap();
    let b = ws.rac(&["build"]).stderr(Stdio::piped()).spawn().unwrap();
    let c = ws
        .rac(&["run"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (a, b, c) = (
        a.wait_with_output().unwrap(),
        b.wait_with_output().unwrap(),
        c.wait_with_output().unwrap(),
    );
    for o in [&a, &b, &c] {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert_eq!(String::from_utf8_lossy(&c.stdout), "second\n");
    assert_eq!(stdout_of(&ws.dir.join("target/debug/app")), "second\n");
}

#[test]
fn server_of_another_identity_is_replaced_and_idle_server_exits() {
    let ws = Ws::new("identity", &hello("x"));
    ws.build();
    let pid = ws.pid().unwrap();
    // Another linker setting is another identity: that server must not be reused.
    let out = ws.rac(&["build"]).env("RAC_LINKER", "cc").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let status = ws
        .rac(&["server", "status"])
        .env("RAC_LINKER", "cc")
        .output()
        .unwrap();
    let status = String::from_utf8_lossy(&status.stdout).into_owned();
    assert!(!status.contains(&format!("pid:       {pid}\n")), "{status}");
    ws.rac(&["server", "stop"])
        .env("RAC_LINKER", "cc")
        .output()
        .unwrap();
    // Idle timeout.
    let out = ws
        .rac(&["build"])
        .env("RAC_SERVER_IDLE_SECS", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline && !ws.status().contains("no rac server") {
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(
        ws.status().contains("no rac server"),
        "the idle server did not exit"
    );
}

#[test]
fn server_exits_when_its_workspace_disappears() {
    let ws = Ws::new("vanish", &hello("x"));
    ws.build();
    assert!(ws.pid().is_some());
    let moved = ws.dir.with_file_name("moved-away");
    let _ = std::fs::remove_dir_all(&moved);
    std::fs::rename(&ws.dir, &moved).unwrap();
    // The workspace is gone: `status` is asked about a path that no longer exists, so
    // look at the socket directory instead.
    let deadline = Instant::now() + Duration::from_secs(30);
    let socks = || {
        std::fs::read_dir(ws.runtime.join("rac"))
            .unwrap()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "sock"))
            .count()
    };
    while Instant::now() < deadline && socks() > 0 {
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(socks(), 0, "the server outlived its workspace");
}

#[test]
fn a_server_directory_of_another_user_is_refused() {
    let ws = Ws::new("perms", &hello("x"));
    let rac_dir = ws.runtime.join("rac");
    std::fs::create_dir_all(&rac_dir).unwrap();
    // As root the test can hand the directory to another user; otherwise skip this part.
    if unsafe { libc::getuid() } != 0 {
        return;
    }
    std::os::unix::fs::chown(&rac_dir, Some(4242), Some(4242)).unwrap();
    let out = ws.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(101), "{stderr}");
    assert!(stderr.contains("owned by uid 4242"), "{stderr}");
    // `--no-server` needs no socket.
    assert!(ws.run(&["build", "--no-server"]).status.success());
    std::os::unix::fs::chown(&rac_dir, Some(0), Some(0)).unwrap();
}

#[test]
fn corrupt_cache_entries_are_recompiled_not_trusted() {
    let ws = Ws::new(
        "cache",
        "fn main() { let v: Vec<u32> = (1..10).collect(); println!(\"{v:?}\"); }\n",
    );
    assert!(ws.run(&["build", "--no-server"]).status.success());
    let cache = ws.dir.join("target/rac/cache");
    let mut n = 0;
    for e in std::fs::read_dir(&cache).unwrap().flatten() {
        let mut bytes = std::fs::read(e.path()).unwrap();
        // Flip a byte every 97 bytes: damages many entries (payloads, lengths, checksums).
        for i in (50..bytes.len()).step_by(97) {
            bytes[i] ^= 0xa5;
            n += 1;
        }
        std::fs::write(e.path(), &bytes).unwrap();
        // And a truncated copy, and a file that is no pack at all.
        std::fs::write(
            e.path().with_extension("cut.pack"),
            &bytes[..bytes.len() / 3],
        )
        .unwrap();
        std::fs::write(e.path().with_extension("junk.pack"), b"not a cache pack").unwrap();
    }
    assert!(
        n > 10,
        "expected cache contents, found {n} places to damage"
    );
    let out = ws.run(&["build", "--no-server", "--timings"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ws.assert_same_as_rustc("corrupting the cache");
}

#[test]
fn a_jobserver_limits_the_threads() {
    let ws = Ws::new("jobserver", &hello("x"));
    // A jobserver with no free token: only the implicit one, one thread.
    let client = jobserver::Client::new(1).unwrap();
    let _held = client.acquire().unwrap();
    for extra in [&[][..], &["--no-server"][..]] {
        let mut cmd = ws.rac(&["build", "-v", "-j", "4"]);
        cmd.args(extra);
        client.configure(&mut cmd);
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(stderr.contains("compiling on 1 thread(s)"), "{stderr}");
    }
    // Without one, -j is honoured.
    let out = ws.run(&["build", "-v", "-j", "3"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("compiling on 3 thread(s)"));
}

/// Symbols, object partitions and data are named from what they are, never from the
/// order in which threads reached them: two builds of one program (in-process on two
/// threads, and through the server) give the same objects, byte for byte. The program has
/// what once broke this: closures that display alike, two types of one name, const
/// arguments that descriptions leave out.
#[test]
fn builds_are_bit_identical() {
    let ws = Ws::new(
        "reproducible",
        r#"
mod a { #[derive(Debug, Clone, PartialEq)] pub struct Item(pub u32); }
mod b { #[derive(Debug, Clone, PartialEq)] pub struct Item(pub &'static str); }
fn chunk<const N: usize>(v: &[u32]) -> usize { v.chunks(N).count() }
fn main() {
    let xs: Vec<a::Item> = (1..20).map(a::Item).collect();
    let ys: Vec<b::Item> = ["x", "yy", "zzz"].iter().map(|s| b::Item(s)).collect();
    let big: Vec<&a::Item> = xs.iter().filter(|i| i.0 > 10).collect();
    let odd: Vec<&a::Item> = xs.iter().filter(|i| i.0 % 2 == 1).collect();
    let mut sorted = xs.clone();
    sorted.sort_by(|p, q| q.0.cmp(&p.0));
    let raw: Vec<u32> = xs.iter().map(|i| i.0).collect();
    println!("{:?} {:?} {:?} {:?}", big.len(), odd.len(), ys, sorted.first());
    println!("{} {} {}", chunk::<2>(&raw), chunk::<3>(&raw), chunk::<5>(&raw));
}
"#,
    );
    let objects = |target: &str| -> Vec<(String, Vec<u8>)> {
        let dir = ws.dir.join(target).join("rac/app");
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "o"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(&p).unwrap())
            })
            .collect();
        v.sort();
        assert!(!v.is_empty(), "no objects in {}", dir.display());
        v
    };
    for (target, server) in [("t1", false), ("t2", false), ("t3", true)] {
        let mut args = vec!["build", "-j", "2", "--target-dir", target];
        if !server {
            args.push("--no-server");
        }
        let out = ws.run(&args);
        assert!(
            out.status.success(),
            "cargo rac build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let first = objects("t1");
    for other in ["t2", "t3"] {
        let next = objects(other);
        assert_eq!(
            first.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            next.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            "t1 and {other} have different objects"
        );
        for ((name, a), (_, b)) in first.iter().zip(&next) {
            assert!(a == b, "{name} differs between t1 and {other}");
        }
        let bin = |t: &str| std::fs::read(ws.dir.join(t).join("debug/app")).unwrap();
        assert!(
            bin("t1") == bin(other),
            "the binaries of t1 and {other} differ"
        );
    }
}

/// A member's build script reads files the server does not compile (`data.txt`), writes
/// code into `OUT_DIR` and sets cfgs and env: every change cargo would rerun the script
/// for reaches the binary through the warm server, as it does in a fresh build. First with
/// `rerun-if-changed` lines, then without any (cargo then reruns it when any file of the
/// package changes).
#[test]
fn member_build_script_inputs_reach_the_binary_through_the_server() {
    let ws = Ws::new(
        "build-script",
        "include!(concat!(env!(\"OUT_DIR\"), \"/gen.rs\"));\n\
         fn main() {\n    println!(\"{DATA} {}\", env!(\"DATA_LEN\"));\n    #[cfg(special)]\n    println!(\"special\");\n}\n",
    );
    let script = |rerun: bool| {
        format!(
            "fn main() {{\n{}    let data = std::fs::read_to_string(\"data.txt\").unwrap();\n    \
             let out = std::env::var(\"OUT_DIR\").unwrap();\n    \
             std::fs::write(format!(\"{{out}}/gen.rs\"), format!(\"pub const DATA: &str = {{:?}};\\n\", data.trim())).unwrap();\n    \
             if data.contains(\"cfg\") {{ println!(\"cargo:rustc-cfg=special\"); }}\n    \
             println!(\"cargo:rustc-check-cfg=cfg(special)\");\n    \
             println!(\"cargo:rustc-env=DATA_LEN={{}}\", data.len());\n}}\n",
            if rerun {
                "    println!(\"cargo:rerun-if-changed=build.rs\");\n    println!(\"cargo:rerun-if-changed=data.txt\");\n"
            } else {
                ""
            }
        )
    };
    std::fs::write(ws.dir.join("build.rs"), script(true)).unwrap();
    std::fs::write(ws.dir.join("data.txt"), "first\n").unwrap();
    let data = |text: &str| std::fs::write(ws.dir.join("data.txt"), text).unwrap();
    let steps: Vec<(&str, Box<dyn Fn()>)> = vec![
        ("the first build", Box::new(|| {})),
        (
            "an edit of the data file",
            Box::new(|| data("second, longer\n")),
        ),
        ("a data file that sets a cfg", Box::new(|| data("cfg\n"))),
        ("the cfg unset again", Box::new(|| data("plain\n"))),
        (
            "an edit in main",
            Box::new(|| {
                let main = std::fs::read_to_string(ws.dir.join("src/main.rs")).unwrap();
                ws.write_main(&main.replace("{DATA} {}", "{DATA}: {}"));
            }),
        ),
        (
            "a build script without rerun-if lines",
            Box::new(|| std::fs::write(ws.dir.join("build.rs"), script(false)).unwrap()),
        ),
        (
            "the data file edited under it",
            Box::new(|| data("third cfg\n")),
        ),
        ("and again", Box::new(|| data("fourth\n"))),
    ];
    for (what, change) in steps {
        change();
        ws.build_and_compare(what);
    }
}

/// Files named by `include_str!`/`include_bytes!` (relative to the source file, and
/// through `concat!(env!("CARGO_MANIFEST_DIR"), ..)`, in a function, a const and a static,
/// a binary file too) are in the binary, and an edit of one reaches the next build through
/// the warm server. An include rac cannot have (outside the package) is refused with the
/// reason, never compiled as an empty string.
#[test]
fn included_files_and_their_edits_reach_the_binary() {
    let ws = Ws::new(
        "includes",
        r#"mod tables;
static BLOB: &[u8] = include_bytes!("blob.bin");
const MANIFEST_RELATIVE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/msg.txt"));
fn main() {
    let msg = include_str!("../data/msg.txt");
    println!("{:?} {} {:?}", msg, MANIFEST_RELATIVE.len(), BLOB);
    println!("{}", tables::sum());
}
"#,
    );
    std::fs::create_dir_all(ws.dir.join("data")).unwrap();
    std::fs::write(ws.dir.join("data/msg.txt"), "hello\n").unwrap();
    std::fs::write(
        ws.dir.join("src/blob.bin"),
        [0u8, 159, 146, 150, 255, b'\n', b'"'],
    )
    .unwrap();
    std::fs::write(
        ws.dir.join("src/tables.rs"),
        "pub fn sum() -> u32 { include_bytes!(\"table.txt\").iter().map(|&b| b as u32).sum() }\n",
    )
    .unwrap();
    std::fs::write(ws.dir.join("src/table.txt"), "ab").unwrap();
    let write = |path: &str, bytes: &str| std::fs::write(ws.dir.join(path), bytes).unwrap();
    let write_bytes = |path: &str, bytes: &[u8]| std::fs::write(ws.dir.join(path), bytes).unwrap();
    let steps: Vec<(&str, Box<dyn Fn()>)> = vec![
        ("the first build", Box::new(|| {})),
        (
            "an edit of an included text",
            Box::new(|| write("data/msg.txt", "héllo \"quoted\"\n")),
        ),
        (
            "an edit of an included binary",
            Box::new(|| write_bytes("src/blob.bin", &[1, 2, 3, 0xc3])),
        ),
        (
            "an included file in a module edited",
            Box::new(|| write("src/table.txt", "abcdef")),
        ),
        (
            "a new include in an edited module",
            Box::new(|| {
                write("src/more.txt", "more");
                write(
                    "src/tables.rs",
                    "pub fn sum() -> u32 { include_bytes!(\"table.txt\").len() as u32 * 100 + include_str!(\"more.txt\").len() as u32 }\n",
                )
            }),
        ),
        (
            "the new file edited",
            Box::new(|| write("src/more.txt", "more and more")),
        ),
    ];
    for (what, change) in steps {
        change();
        ws.build_and_compare(what);
    }
    let outside = ws.dir.parent().unwrap().join("outside.txt");
    std::fs::write(&outside, "outside").unwrap();
    ws.write_main(&format!(
        "const C: &str = include_str!({:?});\nfn main() {{ println!(\"{{}}\", C.len()); }}\n",
        outside.display()
    ));
    let out = ws.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(101), "{stderr}");
    assert!(
        stderr.contains("rust-analyzer could not expand") && stderr.contains("outside.txt"),
        "{stderr}"
    );
}

/// A path dependency outside the workspace is rustc's to build: an edit of it makes the
/// warm server have cargo rebuild it (its rlib, its monomorphic functions called through
/// Tier 2) before rac compiles the workspace against it.
#[test]
fn path_dependency_edits_reach_the_binary_through_the_server() {
    let ws = Ws::new(
        "path-dep",
        "fn main() { println!(\"{} {}\", dep::mono(), dep::generic::<u16>(3)); }\n",
    );
    let dep = ws.dir.parent().unwrap().join("dep");
    std::fs::create_dir_all(dep.join("src")).unwrap();
    std::fs::write(
        dep.join("Cargo.toml"),
        "[package]\nname = \"dep\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    )
    .unwrap();
    let lib = |mono: &str, generic: &str| {
        std::fs::write(
            dep.join("src/lib.rs"),
            format!(
                "pub fn mono() -> String {{ {mono}.to_string() }}\n\
                 pub fn generic<T: Copy + std::fmt::Debug>(x: T) -> String {{ format!(\"{generic}\", x) }}\n"
            ),
        )
        .unwrap()
    };
    lib("\"one\"", "<{:?}>");
    let manifest = std::fs::read_to_string(ws.dir.join("Cargo.toml")).unwrap();
    std::fs::write(
        ws.dir.join("Cargo.toml"),
        manifest.replace(
            "[workspace]",
            "[dependencies]\ndep = { path = \"../dep\" }\n\n[workspace]",
        ),
    )
    .unwrap();
    for (what, mono, generic) in [
        ("the first build", "\"one\"", "<{:?}>"),
        (
            "an edit of the dependency's monomorphic function",
            "\"two\"",
            "<{:?}>",
        ),
        ("an edit of its generic function", "\"two\"", "[{:?}]"),
    ] {
        lib(mono, generic);
        ws.build();
        ws.assert_same_as_rustc(what);
    }
}

/// `env!`/`option_env!` of a variable cargo does not set read the environment of the
/// command, as rustc does (it inherits cargo's); a later command with another value for
/// a variable a macro read gets a binary with the new value from the warm server. std's
/// `consts::ARCH` (set by std's build script) is rustc's.
#[test]
fn environment_variables_read_by_macros_follow_the_command() {
    let ws = Ws::new(
        "env",
        "fn main() { println!(\"{:?} {}\", option_env!(\"RAC_TEST_FLAVOUR\"), std::env::consts::ARCH); }\n",
    );
    let build_with = |value: Option<&str>| {
        let mut c = ws.rac(&["build"]);
        match value {
            Some(v) => c.env("RAC_TEST_FLAVOUR", v),
            None => c.env_remove("RAC_TEST_FLAVOUR"),
        };
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout_of(&ws.dir.join("target/debug/app"))
    };
    let arch = std::env::consts::ARCH;
    assert_eq!(build_with(None), format!("None {arch}\n"));
    assert_eq!(
        build_with(Some("sweet")),
        format!("Some(\"sweet\") {arch}\n")
    );
    assert_eq!(build_with(Some("sour")), format!("Some(\"sour\") {arch}\n"));
    assert_eq!(build_with(None), format!("None {arch}\n"));
    // A variable that is not set is rustc's error.
    ws.write_main("fn main() { println!(\"{}\", env!(\"RAC_TEST_NEVER_SET\")); }\n");
    let out = ws.run(&["build"]);
    assert_eq!(out.status.code(), Some(101));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RAC_TEST_NEVER_SET"));
}

/// The profile decides what the code does: `overflow-checks`, `debug-assertions` (and
/// `cfg!(debug_assertions)`) and `panic = "abort"` (the binary aborts, exit by SIGABRT)
/// as cargo applies them, read from cargo; changed between builds through the server.
#[test]
fn profile_settings_decide_overflow_checks_assertions_and_panic_strategy() {
    let ws = Ws::new(
        "profile",
        r#"fn main() {
    let x: u8 = std::hint::black_box(250);
    println!("{} {}", cfg!(debug_assertions), cfg!(panic = "abort"));
    let r = std::panic::catch_unwind(|| x + 10);
    println!("{r:?}");
    debug_assert!(x < 10, "debug assertion");
    let v: Vec<u8> = Vec::new();
    println!("{}", v[std::hint::black_box(3)]);
}
"#,
    );
    let manifest = std::fs::read_to_string(ws.dir.join("Cargo.toml")).unwrap();
    let outcome = |bin: &Path| {
        let out = Command::new(bin)
            .env("RUST_BACKTRACE", "0")
            .output()
            .unwrap();
        use std::os::unix::process::ExitStatusExt;
        let stderr = String::from_utf8_lossy(&out.stderr)
            .lines()
            .map(|l| match l.split_once(" (") {
                // `thread 'main' (12345) panicked`: the thread id differs per run.
                Some((a, b)) if l.starts_with("thread '") => {
                    format!("{a} {}", b.split_once(") ").map_or("", |(_, r)| r))
                }
                _ => l.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr,
            out.status.code(),
            out.status.signal(),
        )
    };
    for (what, profile) in [
        ("the default dev profile", ""),
        (
            "no overflow checks, no debug assertions",
            "\n[profile.dev]\noverflow-checks = false\ndebug-assertions = false\n",
        ),
        ("panic = abort", "\n[profile.dev]\npanic = \"abort\"\n"),
        ("the default again", ""),
    ] {
        std::fs::write(ws.dir.join("Cargo.toml"), format!("{manifest}{profile}")).unwrap();
        ws.build();
        let cargo = Command::new("cargo")
            .args(["build", "-q", "--target-dir", "target-rustc"])
            .current_dir(&ws.dir)
            .status()
            .unwrap();
        assert!(cargo.success());
        assert_eq!(
            outcome(&ws.dir.join("target/debug/app")),
            outcome(&ws.dir.join("target-rustc/debug/app")),
            "with {what}"
        );
    }
}

/// What cargo prints about the code: stderr without the `Compiling` and `Finished` lines.
fn about_code(o: &Output) -> String {
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
}

#[test]
fn rustc_diagnostics_follow_every_edit_through_the_server() {
    let ws = Ws::new(
        "diagnostics",
        "fn main() { let mut n = app::f(); println!(\"{n}\"); }\n",
    );
    let versions: [(&str, &str, bool); 5] = [
        (
            "warnings in the library and in main",
            "pub fn f() -> u32 { let unused = 1; 2 }\n",
            true,
        ),
        ("no change: warnings replayed", "", true),
        (
            "a borrow-check error in the library",
            "pub fn f() -> u32 { let v = vec![3]; let r = &v[0]; drop(v); *r }\n",
            false,
        ),
        (
            "a lint that is an error",
            "#![deny(unused_variables)]\npub fn f() -> u32 { let unused = 1; 4 }\n",
            false,
        ),
        ("fixed", "pub fn f() -> u32 { 5 }\n", true),
    ];
    let mut last_good = String::new();
    for (what, lib_rs, builds) in versions {
        if !lib_rs.is_empty() {
            std::fs::write(ws.dir.join("src/lib.rs"), lib_rs).unwrap();
        }
        let rac = ws.run(&["build"]);
        let cargo = Command::new("cargo")
            .args(["build", "--target-dir", "target-rustc"])
            .current_dir(&ws.dir)
            .output()
            .unwrap();
        assert_eq!(
            (about_code(&rac), rac.status.code()),
            (about_code(&cargo), cargo.status.code()),
            "after {what}: rac's diagnostics differ from cargo's"
        );
        assert!(
            !about_code(&rac).is_empty(),
            "after {what}: no diagnostics at all"
        );
        assert_eq!(rac.status.success(), builds, "after {what}");
        let app = ws.dir.join("target/debug/app");
        if builds {
            ws.assert_same_as_rustc(what);
            last_good = stdout_of(&app);
        } else {
            // The binary of the last good build stays, as with cargo.
            assert_eq!(
                stdout_of(&app),
                last_good,
                "after {what}: the binary changed"
            );
        }
    }
}

#[test]
fn code_rustc_rejects_fails_only_its_own_binary() {
    let ws = Ws::new("rejected_bin", "fn main() { println!(\"main\"); }\n");
    std::fs::create_dir_all(ws.dir.join("src/bin")).unwrap();
    std::fs::write(
        ws.dir.join("src/bin/bad.rs"),
        "fn main() { let v = vec![1]; let r = &v; drop(v); println!(\"{r:?}\"); }\n",
    )
    .unwrap();
    let out = ws.run(&["build", "--keep-going"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(101), "{stderr}");
    assert!(
        stderr.contains("error[E0505]: cannot move out of `v` because it is borrowed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: could not compile `app` (bin \"bad\") due to 1 previous error"),
        "{stderr}"
    );
    assert!(
        !ws.dir.join("target/debug/bad").exists(),
        "a binary of rejected code"
    );
    assert_eq!(stdout_of(&ws.dir.join("target/debug/app")), "main\n");
}
