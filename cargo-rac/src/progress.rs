//! cargo's progress bar on stderr: `    Building [=====>     ] 812/2300: app`.
//!
//! The build (in the server or in-process) reports `Progress`; whoever owns the user's
//! terminal draws it: the client for a server build, `main` for an in-process one. The bar
//! is redrawn in place and erased before any other output, so what a build prints reads
//! the same with or without it. When it is drawn follows cargo: on a terminal, not with
//! `--quiet` or `--message-format json`, not when `TERM=dumb`; cargo's
//! `CARGO_TERM_PROGRESS_WHEN` (`auto`, `always`, `never`) and `CARGO_TERM_PROGRESS_WIDTH`
//! override it.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// What a running build reports.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Units compiled or reused so far, and found so far (the walk discovers them).
    pub done: usize,
    pub found: usize,
    /// What is being built: a binary's name, or a phase (`loading the workspace`).
    pub what: String,
}

/// Like cargo, no bar for builds shorter than this.
const DELAY: Duration = Duration::from_millis(300);

pub struct Bar {
    /// The terminal's width; `None`: no bar.
    width: Option<usize>,
    start: Instant,
    last: Option<Progress>,
    /// A line is on the screen now.
    shown: bool,
}

impl Bar {
    /// A bar for this process's stderr, if one should be drawn.
    pub fn for_stderr(quiet: bool, json: bool) -> Bar {
        let when = std::env::var("CARGO_TERM_PROGRESS_WHEN").unwrap_or_default();
        let width = std::env::var("CARGO_TERM_PROGRESS_WIDTH")
            .ok()
            .and_then(|w| w.parse().ok())
            .or_else(terminal_width);
        let auto =
            std::io::stderr().is_terminal() && std::env::var("TERM").is_ok_and(|t| t != "dumb");
        let on = !quiet
            && !json
            && match when.as_str() {
                "always" => true,
                "never" => false,
                _ => auto,
            };
        Bar {
            width: if on { width.or(Some(80)) } else { None },
            start: Instant::now(),
            last: None,
            shown: false,
        }
    }

    /// Records `p` and draws it (once the build has run for a moment).
    pub fn update(&mut self, p: Progress, err: &mut dyn Write) {
        self.last = Some(p);
        self.tick(err);
    }

    /// Draws the last progress again (for a build that reports nothing for a while).
    pub fn tick(&mut self, err: &mut dyn Write) {
        let (Some(width), Some(p)) = (self.width, &self.last) else {
            return;
        };
        if self.start.elapsed() < DELAY {
            return;
        }
        let line = render(p, width);
        let _ = write!(err, "\r{line}\x1b[K");
        let _ = err.flush();
        self.shown = true;
    }

    /// Erases the bar (before other output, and at the end).
    pub fn clear(&mut self, err: &mut dyn Write) {
        if self.shown {
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
            self.shown = false;
        }
    }
}

/// `    Building [=====>     ] 812/2300: app`, at most `width` columns.
fn render(p: &Progress, width: usize) -> String {
    let head = "    Building ";
    let count = if p.found > 0 {
        format!(" {}/{}", p.done, p.found)
    } else {
        String::new()
    };
    let what = if p.what.is_empty() {
        String::new()
    } else {
        format!(": {}", p.what)
    };
    // The bar takes what is left, as cargo's does, up to a comfortable length.
    let room = width.saturating_sub(head.len() + count.len() + 2 + 10);
    let bar_len = room.min(60);
    let mut line = String::from(head.trim_end());
    if bar_len >= 3 {
        line.push(' ');
        let filled = (p.done.min(p.found) * bar_len)
            .checked_div(p.found)
            .unwrap_or(0);
        line.push('[');
        for i in 0..bar_len {
            line.push(match i.cmp(&filled) {
                std::cmp::Ordering::Less => '=',
                std::cmp::Ordering::Equal if filled > 0 && filled < bar_len => '>',
                _ => ' ',
            });
        }
        line.push(']');
    }
    line.push_str(&count);
    line.push_str(&what);
    line.chars().take(width.saturating_sub(1)).collect()
}

/// A writer that erases the bar before what it writes (output of an in-process build).
pub struct Erasing<'a, W: Write> {
    pub bar: &'a std::cell::RefCell<Bar>,
    pub inner: W,
}

impl<W: Write> Write for Erasing<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bar.borrow_mut().clear(&mut std::io::stderr());
        self.inner.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn terminal_width() -> Option<usize> {
    // SAFETY: TIOCGWINSZ writes a `winsize` into the struct it is given.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::ioctl(libc::STDERR_FILENO, libc::TIOCGWINSZ, &mut ws) };
    (r == 0 && ws.ws_col > 0).then_some(ws.ws_col as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_cargo() {
        let p = |done, found, what: &str| Progress {
            done,
            found,
            what: what.into(),
        };
        let cases = [
            (
                p(0, 0, "loading the workspace"),
                40,
                "    Building [               ]: loading",
            ),
            (p(5, 10, "app"), 40, "    Building [=====>    ] 5/10: app"),
            (p(10, 10, "app"), 40, "    Building [=========] 10/10: app"),
            (p(3, 10, "app"), 20, "    Building 3/10: "),
        ];
        for (progress, width, want) in cases {
            let got = render(&progress, width);
            assert_eq!(got, want, "{progress:?} at {width} columns");
            assert!(got.chars().count() < width);
        }
    }
}
