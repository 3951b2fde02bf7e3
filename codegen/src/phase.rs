//! Exclusive wall time of the phases that interleave during translation (call resolution
//! and MIR lowering happen inside the translation of each function), for `--timings`.
//!
//! Translation runs on one thread, so the clock is thread-local; nested phases pause the
//! enclosing one, so the totals add up to the wall time spent inside `time` calls.

use std::cell::RefCell;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Resolving a call to a tier (`resolve::resolve_fn`).
    Resolve,
    /// rust-analyzer's monomorphized MIR for an instance (`mir::body_of`).
    Lower,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct PhaseTotal {
    pub time: Duration,
    pub count: usize,
}

#[derive(Default)]
struct Clock {
    stack: Vec<(Phase, Instant)>,
    resolve: PhaseTotal,
    lower: PhaseTotal,
}

impl Clock {
    fn total(&mut self, p: Phase) -> &mut PhaseTotal {
        match p {
            Phase::Resolve => &mut self.resolve,
            Phase::Lower => &mut self.lower,
        }
    }
}

thread_local! {
    static CLOCK: RefCell<Clock> = RefCell::default();
}

pub fn time<R>(phase: Phase, f: impl FnOnce() -> R) -> R {
    CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        let now = Instant::now();
        if let Some(&(outer, since)) = c.stack.last() {
            c.total(outer).time += now - since;
        }
        c.total(phase).count += 1;
        c.stack.push((phase, now));
    });
    let r = f();
    CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        let now = Instant::now();
        if let Some((p, since)) = c.stack.pop() {
            c.total(p).time += now - since;
        }
        if let Some(top) = c.stack.last_mut() {
            top.1 = now;
        }
    });
    r
}

/// The totals since the last call, and resets them.
pub fn take() -> (PhaseTotal, PhaseTotal) {
    CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        let r = (c.resolve, c.lower);
        c.resolve = PhaseTotal::default();
        c.lower = PhaseTotal::default();
        r
    })
}
