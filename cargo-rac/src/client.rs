//! The client side of `cargo rac build|run|explain`: find (or start) the workspace's build
//! server, send it the command, and replay what it prints.
//!
//! Faults are the client's to handle: a stale socket (its server died) or a server of
//! another identity is replaced; a server that stops answering (no heartbeat for
//! `RAC_SERVER_TIMEOUT_SECS`, default 30) is killed; a server that dies during a build is
//! replaced. In the last two cases the command is retried once with a fresh server.

use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};

use crate::place::Place;
use crate::proto::Frame;

/// Connects to the workspace's server, starting one if there is none (or the one there
/// is of another identity). Returns the stream after the handshake, and the server's pid.
fn connect(place: &Place) -> Result<(UnixStream, u32)> {
    let identity = crate::place::identity();
    for _ in 0..3 {
        if let Some(c) = try_connect(place, &identity)? {
            return Ok(c);
        }
        // No server (or a stale socket, or one that just exited for us): start one. The
        // spawn lock makes concurrent clients start one server, not several.
        let _spawn = crate::place::lock(&place.spawn, true)?;
        if let Some(c) = try_connect(place, &identity)? {
            return Ok(c);
        }
        let mut child = start_server(place)?;
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(c) = try_connect(place, &identity)? {
                return Ok(c);
            }
            // It exits at once when another server still holds the workspace: try again.
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            if Instant::now() > deadline {
                bail!(
                    "the rac server did not start within 60s (its log: {})",
                    place.log.display()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    bail!(
        "could not reach a rac server of this cargo-rac for {}",
        place.workspace.display()
    )
}

/// `Ok(None)`: nothing usable is listening (no socket, a dead server's socket, or a server
/// of another identity, which then exits).
fn try_connect(place: &Place, identity: &str) -> Result<Option<(UnixStream, u32)>> {
    let meta = match std::fs::symlink_metadata(&place.socket) {
        Ok(m) => m,
        Err(_) => return Ok(None),
    };
    if meta.uid() != crate::place::uid() {
        bail!(
            "refusing to use {}: it is owned by uid {}, not by you",
            place.socket.display(),
            meta.uid()
        );
    }
    let mut stream = match UnixStream::connect(&place.socket) {
        Ok(s) => s,
        Err(_) => return Ok(None),
    };
    let Some((peer_pid, peer_uid)) = crate::place::peer_cred(&stream) else {
        return Ok(None);
    };
    if peer_uid != crate::place::uid() {
        bail!(
            "refusing the rac server at {}: it runs as another user",
            place.socket.display()
        );
    }
    stream.set_read_timeout(Some(timeout()))?;
    if Frame::Hello(identity.to_owned())
        .write(&mut stream)
        .is_err()
    {
        return Ok(None);
    }
    match Frame::read(&mut stream) {
        Err(e) if is_timeout(&e) => {
            // Connected but silent: a hung server. It cannot be reused or replaced while
            // it holds the workspace's lock, so it is stopped.
            eprintln!(
                "warning: the rac server (pid {peer_pid}) did not answer for {}s and was stopped (its log: {})",
                timeout().as_secs(),
                place.log.display()
            );
            kill_server(place, peer_pid);
            Ok(None)
        }
        Ok(Some(Frame::Welcome { pid })) => Ok(Some((stream, pid))),
        Ok(Some(Frame::Mismatch)) => {
            // It exits once idle; wait until its socket is gone or refuses.
            let deadline = Instant::now() + Duration::from_secs(120);
            while Instant::now() < deadline {
                if UnixStream::connect(&place.socket).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(None)
        }
        _ => Ok(None),
    }
}

fn start_server(place: &Place) -> Result<std::process::Child> {
    let exe = std::env::current_exe().context("cannot find the cargo-rac executable")?;
    let log = std::fs::File::create(&place.log)
        .with_context(|| format!("cannot create {}", place.log.display()))?;
    let mut cmd = Command::new(exe);
    cmd.args(["rac", "server", "run", "--workspace"])
        .arg(&place.workspace)
        .current_dir(&place.workspace)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log);
    // Its own session: Ctrl-C in the client's terminal does not reach the server.
    // SAFETY: setsid is async-signal-safe.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    cmd.spawn().context("cannot start the rac server")
}

pub fn timeout() -> Duration {
    Duration::from_secs(
        std::env::var("RAC_SERVER_TIMEOUT_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(30),
    )
}

/// Kills a hung server and waits until it is gone (its lock released), so a new server
/// can take the workspace.
fn kill_server(place: &Place, pid: u32) {
    // SAFETY: kill on the pid of our own user's server (checked by the caller).
    unsafe {
        libc::kill(pid as libc::pid_t, libc::SIGKILL);
    }
    let _ = std::fs::remove_file(&place.socket);
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = crate::place::lock(&place.lock, false) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn is_timeout(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>().is_some_and(|e| {
        matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        )
    })
}

enum Ended {
    Exit {
        code: u8,
        run: Option<String>,
    },
    /// The server died (or was killed) before answering.
    Died,
    /// The server stopped answering (no heartbeat within the timeout).
    Hung,
}

/// Runs a command through the workspace's server. `Ok(code, binary to run)`.
pub fn run(
    workspace: &Path,
    argv: Vec<String>,
    cwd: &Path,
    jobs_limit: Option<usize>,
    mut bar: crate::progress::Bar,
) -> Result<(u8, Option<String>)> {
    let place = Place::for_workspace(workspace)?;
    let request = serde_json::to_string(&crate::server::Request {
        argv,
        cwd: cwd.to_path_buf(),
        jobs_limit,
        env: crate::exec::command_env(),
    })?;
    for attempt in 0..2 {
        let (stream, pid) = connect(&place)?;
        let ended = converse(stream, &request, &mut bar);
        bar.clear(&mut std::io::stderr());
        match ended? {
            Ended::Exit { code, run } => return Ok((code, run)),
            Ended::Died => {
                eprintln!(
                    "warning: the rac server (pid {pid}) stopped during the command (its log: {})",
                    place.log.display()
                );
            }
            Ended::Hung => {
                eprintln!(
                    "warning: the rac server (pid {pid}) did not answer for {}s and was stopped (its log: {})",
                    timeout().as_secs(),
                    place.log.display()
                );
                kill_server(&place, pid);
            }
        }
        if attempt == 0 {
            eprintln!("warning: running the command again with a new rac server");
        }
    }
    bail!("the rac server failed twice; try `--no-server` (RAC_NO_SERVER=1)")
}

fn converse(
    mut stream: UnixStream,
    request: &str,
    bar: &mut crate::progress::Bar,
) -> Result<Ended> {
    Frame::Request(request.to_owned()).write(&mut stream)?;
    stream.set_read_timeout(Some(timeout()))?;
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr();
    loop {
        let frame = match Frame::read(&mut stream) {
            Ok(Some(f)) => f,
            Ok(None) => return Ok(Ended::Died),
            Err(e) => {
                return Ok(if is_timeout(&e) {
                    Ended::Hung
                } else {
                    Ended::Died
                });
            }
        };
        if matches!(
            frame,
            Frame::Stdout(_) | Frame::Stderr(_) | Frame::Blocked(_)
        ) {
            bar.clear(&mut err);
        }
        match frame {
            Frame::Stdout(b) => {
                out.write_all(&b)?;
                out.flush()?;
            }
            Frame::Stderr(b) => err.write_all(&b)?,
            Frame::Blocked(why) => {
                // As cargo says when another process holds the build directory lock.
                writeln!(err, "    Blocking waiting for the rac server ({why})...")?;
            }
            Frame::Heartbeat => bar.tick(&mut err),
            Frame::Progress(json) => {
                if let Ok(p) = serde_json::from_str(&json) {
                    bar.update(p, &mut err);
                }
            }
            Frame::Exit { code, run } => return Ok(Ended::Exit { code, run }),
            other => return Err(anyhow!("unexpected answer from the rac server: {other:?}")),
        }
    }
}

/// `cargo rac server status|stop`.
pub fn control(workspace: &Path, stop: bool) -> Result<u8> {
    let place = Place::for_workspace(workspace)?;
    let identity = crate::place::identity();
    let conn = UnixStream::connect(&place.socket).ok();
    let Some(mut stream) = conn else {
        println!("no rac server is running for {}", place.workspace.display());
        return Ok(0);
    };
    if crate::place::peer_uid(&stream) != Some(crate::place::uid()) {
        bail!(
            "refusing the rac server at {}: it runs as another user",
            place.socket.display()
        );
    }
    stream.set_read_timeout(Some(timeout()))?;
    Frame::Hello(identity).write(&mut stream)?;
    match Frame::read(&mut stream)? {
        Some(Frame::Welcome { pid }) => {
            if stop {
                Frame::Stop.write(&mut stream)?;
                let _ = Frame::read(&mut stream);
                // Wait for it to go, so the next command surely starts a new one.
                // (The server holds its lock until it exits; a build it is running finishes
                // first.)
                let deadline = Instant::now() + Duration::from_secs(600);
                while Instant::now() < deadline {
                    if crate::place::lock(&place.lock, false)?.is_some() {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                println!(
                    "stopped the rac server (pid {pid}) of {}",
                    place.workspace.display()
                );
            } else {
                Frame::Status.write(&mut stream)?;
                match Frame::read(&mut stream)? {
                    Some(Frame::StatusReply(s)) => print!("{s}"),
                    _ => bail!("the rac server did not answer"),
                }
            }
            Ok(0)
        }
        Some(Frame::Mismatch) => {
            println!(
                "the rac server of {} was started by another cargo-rac or toolchain; it is exiting",
                place.workspace.display()
            );
            Ok(0)
        }
        _ => {
            println!("no rac server is running for {}", place.workspace.display());
            Ok(0)
        }
    }
}
