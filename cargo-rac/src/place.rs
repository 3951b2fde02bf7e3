//! Where a workspace's build server lives, and who it is.
//!
//! Every server of one user lives in one directory that only the user can open:
//! `$XDG_RUNTIME_DIR/rac` or `/tmp/rac-<uid>` (mode 0700, owned by the user; a directory
//! owned by someone else is refused, never used). A workspace's files there are named by a
//! hash of its root: `<hash>.sock` (the socket), `<hash>.lock` (held by the live server),
//! `<hash>.spawn` (held by a client starting one) and `<hash>.log` (the server's stderr).
//!
//! A server's identity is the cargo-rac binary (path, size, mtime), its version and the
//! environment that decides what a build does (toolchain, linker, target dir): a client
//! whose identity differs makes that server exit and starts its own.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

pub struct Place {
    pub workspace: PathBuf,
    pub socket: PathBuf,
    pub lock: PathBuf,
    pub spawn: PathBuf,
    pub log: PathBuf,
}

pub fn uid() -> u32 {
    // SAFETY: getuid has no preconditions.
    unsafe { libc::getuid() }
}

/// The directory of this user's servers, created private if missing, refused if it is not
/// exactly that.
pub fn server_dir() -> Result<PathBuf> {
    let base = match std::env::var_os("XDG_RUNTIME_DIR") {
        Some(d) if Path::new(&d).is_dir() => PathBuf::from(d).join("rac"),
        _ => std::env::temp_dir().join(format!("rac-{}", uid())),
    };
    match std::fs::symlink_metadata(&base) {
        Ok(m) => {
            if !m.is_dir() {
                bail!(
                    "refusing to use {}: it is not a directory (the rac server's socket lives there)",
                    base.display()
                );
            }
            if m.uid() != uid() {
                bail!(
                    "refusing to use {}: it is owned by uid {}, not by you (uid {}); remove it or set XDG_RUNTIME_DIR",
                    base.display(),
                    m.uid(),
                    uid()
                );
            }
            if m.mode() & 0o077 != 0 {
                std::fs::set_permissions(&base, std::fs::Permissions::from_mode(0o700))
                    .with_context(|| format!("cannot make {} private", base.display()))?;
            }
        }
        Err(_) => {
            std::fs::create_dir_all(base.parent().unwrap_or(Path::new("/")))?;
            let mut b = std::fs::DirBuilder::new();
            std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
            match b.create(&base) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return server_dir(),
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot create {}", base.display()));
                }
            }
        }
    }
    Ok(base)
}

impl Place {
    pub fn for_workspace(workspace: &Path) -> Result<Place> {
        let dir = server_dir()?;
        let workspace = std::fs::canonicalize(workspace).unwrap_or_else(|_| workspace.into());
        let key = format!("{:016x}", fnv1a(workspace.to_string_lossy().as_bytes()));
        Ok(Place {
            socket: dir.join(format!("{key}.sock")),
            lock: dir.join(format!("{key}.lock")),
            spawn: dir.join(format!("{key}.spawn")),
            log: dir.join(format!("{key}.log")),
            workspace,
        })
    }
}

pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Environment variables that change what a build does or where it goes.
const IDENTITY_ENV: &[&str] = &[
    "RUSTC",
    "RUSTUP_TOOLCHAIN",
    "RUSTUP_HOME",
    "CARGO",
    "CARGO_HOME",
    "CARGO_TARGET_DIR",
    "CARGO_BUILD_TARGET_DIR",
    "RAC_LINKER",
    "PATH",
];

/// This process's identity, as a server compares it with its own.
pub fn identity() -> String {
    let exe = std::env::current_exe().unwrap_or_default();
    let (size, mtime) = std::fs::metadata(&exe)
        .map(|m| {
            (
                m.size(),
                m.mtime_nsec() as i128 + m.mtime() as i128 * 1_000_000_000,
            )
        })
        .unwrap_or_default();
    let mut env: Vec<String> = IDENTITY_ENV
        .iter()
        .map(|k| format!("{k}={}", std::env::var(k).unwrap_or_default()))
        .collect();
    // The toolchain cargo runs us with (`CARGO` is its own binary): an update in place
    // (`rustup update`) changes its files, not its path.
    if let Some(cargo) = std::env::var_os("CARGO") {
        let cargo = PathBuf::from(cargo);
        for bin in [cargo.clone(), cargo.with_file_name("rustc")] {
            if let Ok(m) = std::fs::metadata(&bin) {
                env.push(format!("{}:{}:{}", bin.display(), m.size(), m.mtime()));
            }
        }
    }
    format!(
        "cargo-rac {} {} size={size} mtime={mtime} env={:016x}",
        env!("CARGO_PKG_VERSION"),
        exe.display(),
        fnv1a(env.join("\n").as_bytes())
    )
}

/// The workspace a command works on: the nearest `Cargo.toml` (or `--manifest-path`), and
/// above it the nearest manifest with a `[workspace]` table, as cargo finds its root.
pub fn workspace_root(cwd: &Path, manifest_path: Option<&Path>) -> Result<PathBuf> {
    let start = match manifest_path {
        Some(m) => {
            let m = cwd.join(m);
            if !m.is_file() {
                bail!("manifest path `{}` does not exist", m.display());
            }
            m.parent().unwrap_or(Path::new("/")).to_path_buf()
        }
        None => cwd
            .ancestors()
            .find(|d| d.join("Cargo.toml").is_file())
            .map(Path::to_path_buf)
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "could not find `Cargo.toml` in `{}` or any parent directory",
                    cwd.display()
                )
            })?,
    };
    for dir in start.ancestors() {
        let Ok(text) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        if text
            .lines()
            .any(|l| l.trim_start().starts_with("[workspace]"))
        {
            return Ok(dir.to_path_buf());
        }
    }
    Ok(start)
}

/// Takes an exclusive `flock` on `path` (created 0600); `None` when another process holds
/// it and `wait` is false. The lock is released when the file is closed (or the process
/// dies, even by `kill -9`).
pub fn lock(path: &Path, wait: bool) -> Result<Option<std::fs::File>> {
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    let op = if wait {
        libc::LOCK_EX
    } else {
        libc::LOCK_EX | libc::LOCK_NB
    };
    // SAFETY: flock on an open file descriptor.
    let r = unsafe { libc::flock(f.as_raw_fd(), op) };
    if r == 0 {
        Ok(Some(f))
    } else {
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
            Ok(None)
        } else {
            Err(e).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
}

/// The uid of the process at the other end of a Unix socket (`SO_PEERCRED`).
pub fn peer_uid(stream: &std::os::unix::net::UnixStream) -> Option<u32> {
    peer_cred(stream).map(|(_, uid)| uid)
}

/// The pid and uid of the process at the other end of a Unix socket (`SO_PEERCRED`).
pub fn peer_cred(stream: &std::os::unix::net::UnixStream) -> Option<(u32, u32)> {
    use std::os::unix::io::AsRawFd;
    let mut cred = libc::ucred {
        pid: 0,
        uid: 0,
        gid: 0,
    };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: getsockopt with a correctly sized out-parameter.
    let r = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            &mut cred as *mut libc::ucred as *mut libc::c_void,
            &mut len,
        )
    };
    (r == 0).then_some((cred.pid as u32, cred.uid))
}
