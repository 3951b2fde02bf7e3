//! The build server: one process per workspace that keeps its session (rust-analyzer's
//! database, the link map, the compiled units) between commands.
//!
//! It serves one command at a time: a client that arrives during a build is told so
//! (`Blocked`) and waits. It serves only its own user (`SO_PEERCRED`) and only clients of
//! its own identity; it exits when told (`cargo rac server stop`, or a client of another
//! identity), after `RAC_SERVER_IDLE_SECS` (default 3 h) without a command, or when its
//! workspace's `Cargo.toml` disappears.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Parser;

use crate::exec::{Out, Sessions};
use crate::place::Place;
use crate::proto::Frame;

struct State {
    sessions: Sessions,
}

struct Server {
    place: Place,
    identity: String,
    started: Instant,
    state: Mutex<State>,
    stop: AtomicBool,
    /// Seconds since `started` of the last command's end (for the idle timeout).
    last_active: AtomicU64,
    builds: AtomicU64,
}

/// `cargo rac server run --workspace <root>`: serves until told to stop or idle.
pub fn serve(workspace: PathBuf) -> Result<()> {
    let place = Place::for_workspace(&workspace)?;
    // One live server per workspace: the lock is ours until we exit (or are killed).
    let Some(_lock) = crate::place::lock(&place.lock, false)? else {
        eprintln!(
            "rac server: another server already serves {}",
            workspace.display()
        );
        return Ok(());
    };
    // A socket file left by a server that died is stale: nobody holds the lock.
    let _ = std::fs::remove_file(&place.socket);
    let listener = UnixListener::bind(&place.socket)
        .with_context(|| format!("cannot bind {}", place.socket.display()))?;
    std::fs::set_permissions(&place.socket, std::fs::Permissions::from_mode(0o600))?;
    listener.set_nonblocking(true)?;
    let idle = std::env::var("RAC_SERVER_IDLE_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(3 * 3600);
    let server = Arc::new(Server {
        identity: crate::place::identity(),
        place,
        started: Instant::now(),
        state: Mutex::new(State {
            sessions: Sessions::default(),
        }),
        stop: AtomicBool::new(false),
        last_active: AtomicU64::new(0),
        builds: AtomicU64::new(0),
    });
    eprintln!(
        "rac server {} serving {} (idle timeout {idle}s)",
        std::process::id(),
        server.place.workspace.display()
    );
    let manifest = server.place.workspace.join("Cargo.toml");
    let mut last_check = Instant::now();
    loop {
        match listener.accept() {
            Ok((stream, _)) => {
                let server = server.clone();
                std::thread::spawn(move || {
                    let _ = stream.set_nonblocking(false);
                    if let Err(e) = handle(&server, stream) {
                        eprintln!("rac server: {e:#}");
                    }
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                // Wait for the next client without polling on a timer: a sleep here was
                // latency added to every build (10 ms on average, a fifth of a no-change
                // build). The timeout keeps the housekeeping below running.
                wait_readable(&listener, Duration::from_millis(500));
            }
            Err(e) => eprintln!("rac server: accept: {e}"),
        }
        if last_check.elapsed() < Duration::from_millis(500) {
            continue;
        }
        last_check = Instant::now();
        let busy = server.state.try_lock().is_err();
        if busy {
            continue;
        }
        let quiet = server.started.elapsed().as_secs() - server.last_active.load(Ordering::Relaxed);
        let reason = if server.stop.load(Ordering::Relaxed) {
            Some("stopped".to_owned())
        } else if quiet >= idle {
            Some(format!("idle for {quiet}s"))
        } else if !manifest.exists() {
            Some(format!("{} disappeared", manifest.display()))
        } else {
            None
        };
        if let Some(reason) = reason {
            eprintln!("rac server {} exiting: {reason}", std::process::id());
            let _ = std::fs::remove_file(&server.place.socket);
            // The database is not torn down (it takes seconds): the process ends.
            if let Ok(mut s) = server.state.lock() {
                s.sessions.forget();
            }
            return Ok(());
        }
    }
}

/// Blocks until `listener` has a connection to accept or `timeout` passes.
fn wait_readable(listener: &UnixListener, timeout: Duration) {
    use std::os::fd::AsRawFd;
    let mut fd = libc::pollfd {
        fd: listener.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd for the duration of the call. An error (EINTR) just
    // returns early; the caller tries `accept` again.
    unsafe { libc::poll(&mut fd, 1, timeout.as_millis() as libc::c_int) };
}

fn handle(server: &Server, mut stream: UnixStream) -> Result<()> {
    if crate::place::peer_uid(&stream) != Some(crate::place::uid()) {
        // Another user's process: not a word.
        return Ok(());
    }
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let Some(Frame::Hello(identity)) = Frame::read(&mut stream)? else {
        return Ok(());
    };
    if identity != server.identity {
        Frame::Mismatch.write(&mut stream)?;
        eprintln!("rac server: a client of another cargo-rac or toolchain; exiting for it");
        server.stop.store(true, Ordering::Relaxed);
        return Ok(());
    }
    Frame::Welcome {
        pid: std::process::id(),
    }
    .write(&mut stream)?;
    stream.set_read_timeout(None)?;
    match Frame::read(&mut stream)? {
        Some(Frame::Status) => {
            Frame::StatusReply(status(server)).write(&mut stream)?;
        }
        Some(Frame::Stop) => {
            server.stop.store(true, Ordering::Relaxed);
            Frame::Stopped.write(&mut stream)?;
        }
        Some(Frame::Request(json)) => request(server, stream, &json)?,
        _ => {}
    }
    Ok(())
}

fn status(server: &Server) -> String {
    let rss = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:").map(|v| v.trim().to_owned()))
        })
        .unwrap_or_else(|| "unknown".into());
    let hwm = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:").map(|v| v.trim().to_owned()))
        })
        .unwrap_or_else(|| "unknown".into());
    let up = server.started.elapsed().as_secs();
    format!(
        "rac server running\n  pid:       {}\n  workspace: {}\n  uptime:    {}h {:02}m {:02}s\n  memory:    {rss} (peak {hwm})\n  builds:    {}\n  socket:    {}\n  log:       {}\n",
        std::process::id(),
        server.place.workspace.display(),
        up / 3600,
        up / 60 % 60,
        up % 60,
        server.builds.load(Ordering::Relaxed),
        server.place.socket.display(),
        server.place.log.display(),
    )
}

#[derive(serde::Deserialize, serde::Serialize)]
pub struct Request {
    pub argv: Vec<String>,
    pub cwd: PathBuf,
    /// The client's jobserver allows this many threads.
    #[serde(default)]
    pub jobs_limit: Option<usize>,
    /// The client's environment (its UTF-8 variables): what `env!`/`option_env!` read.
    #[serde(default)]
    pub env: std::collections::HashMap<String, String>,
}

/// A writer that sends what it is given as `Stdout` or `Stderr` frames.
struct FrameWriter {
    conn: Arc<Mutex<UnixStream>>,
    stderr: bool,
}

impl Write for FrameWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let frame = if self.stderr {
            Frame::Stderr(buf.to_vec())
        } else {
            Frame::Stdout(buf.to_vec())
        };
        // A client that went away does not stop the build (its result is still wanted by
        // the session); its output is dropped.
        let _ = frame.write(&mut *self.conn.lock().unwrap());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn request(server: &Server, stream: UnixStream, json: &str) -> Result<()> {
    let req: Request = serde_json::from_str(json).context("a malformed request")?;
    let conn = Arc::new(Mutex::new(stream));
    let send = |f: Frame| {
        let _ = f.write(&mut *conn.lock().unwrap());
    };
    let mut state = match server.state.try_lock() {
        Ok(s) => s,
        Err(_) => {
            send(Frame::Blocked(
                "another build is running in this workspace's server".into(),
            ));
            server.state.lock().unwrap_or_else(|p| p.into_inner())
        }
    };
    // Heartbeats tell the client the server is alive during long builds.
    let done = Arc::new(AtomicBool::new(false));
    let beat = {
        let conn = conn.clone();
        let done = done.clone();
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                std::thread::park_timeout(Duration::from_millis(250));
                if done.load(Ordering::Relaxed) {
                    break;
                }
                if Frame::Heartbeat.write(&mut *conn.lock().unwrap()).is_err() {
                    break;
                }
            }
        })
    };
    let mut stdout = FrameWriter {
        conn: conn.clone(),
        stderr: false,
    };
    let mut stderr = FrameWriter {
        conn: conn.clone(),
        stderr: true,
    };
    let outcome = match crate::cli::Cli::try_parse_from(&req.argv) {
        Ok(cli) => {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut out = Out {
                    stdout: &mut stdout,
                    stderr: &mut stderr,
                    progress: &mut |p| {
                        if let Ok(json) = serde_json::to_string(&p) {
                            send(Frame::Progress(json));
                        }
                    },
                };
                let cmd = crate::with_jobs(&cli.command, req.jobs_limit);
                state.sessions.env = req.env.clone();
                crate::exec::execute(&cmd, &req.cwd, &mut state.sessions, &mut out)
            }));
            match r {
                Ok(o) => o,
                Err(_) => {
                    // The session may be inconsistent after a panic: start over next time.
                    state.sessions = Sessions::default();
                    let _ = writeln!(
                        stderr,
                        "error: internal error in the rac server (see {})",
                        server.place.log.display()
                    );
                    crate::exec::Outcome {
                        code: 101,
                        run: None,
                    }
                }
            }
        }
        Err(e) => {
            let _ = write!(stderr, "{}", e.render());
            crate::exec::Outcome {
                code: if e.use_stderr() { 1 } else { 0 },
                run: None,
            }
        }
    };
    server.builds.fetch_add(1, Ordering::Relaxed);
    server
        .last_active
        .store(server.started.elapsed().as_secs(), Ordering::Relaxed);
    drop(state);
    done.store(true, Ordering::Relaxed);
    beat.thread().unpark();
    let _ = beat.join();
    send(Frame::Exit {
        code: outcome.code,
        run: outcome.run.map(|p| p.to_string_lossy().into_owned()),
    });
    Ok(())
}
