// tracing with a subscriber of the program's own: spans with fields, events with
// messages and fields, enter/exit. tracing's macros declare a callsite static and its
// metadata static, each pointing to the other (through `&dyn Callsite`).
//@ dep: tracing = "=0.1.40"
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

struct Collect { next: AtomicU64, lines: Mutex<Vec<String>> }
struct V(String);
impl Visit for V {
    fn record_debug(&mut self, f: &Field, v: &dyn std::fmt::Debug) { self.0.push_str(&format!(" {}={:?}", f.name(), v)); }
}
impl Subscriber for Collect {
    fn enabled(&self, _: &Metadata<'_>) -> bool { true }
    fn new_span(&self, a: &Attributes<'_>) -> Id {
        let mut v = V(String::new()); a.record(&mut v);
        self.lines.lock().unwrap().push(format!("span {}{}", a.metadata().name(), v.0));
        Id::from_u64(self.next.fetch_add(1, Ordering::Relaxed) + 1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, e: &Event<'_>) {
        let mut v = V(String::new()); e.record(&mut v);
        self.lines.lock().unwrap().push(format!("{} {} {:?}{}", e.metadata().level(), e.metadata().target(), e.metadata().line().is_some(), v.0));
    }
    fn enter(&self, id: &Id) { self.lines.lock().unwrap().push(format!("enter {}", id.into_u64())); }
    fn exit(&self, id: &Id) { self.lines.lock().unwrap().push(format!("exit {}", id.into_u64())); }
}

fn work(n: u32) -> u32 {
    let span = tracing::debug_span!("inner", n);
    let _g = span.enter();
    tracing::trace!(double = n * 2);
    n + 1
}

fn main() {
    let sub = Collect { next: AtomicU64::new(0), lines: Mutex::new(Vec::new()) };
    tracing::subscriber::with_default(sub, || {
        let span = tracing::info_span!("work", job = 7, name = "x");
        let _g = span.enter();
        tracing::info!(count = 3, "started {}", "now");
        tracing::warn!(ratio = 0.5);
        let r: u32 = (0..3).map(work).sum();
        tracing::error!(target: "custom", r);
        tracing::dispatcher::get_default(|d| {
            if let Some(c) = d.downcast_ref::<Collect>() { for l in c.lines.lock().unwrap().iter() { println!("{l}"); } }
        });
    });
}
