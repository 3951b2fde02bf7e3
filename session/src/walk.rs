//! The walk from a binary's entry glue through every instance it reaches: each unit is
//! compiled (or reused, through the `compiled_unit` query) and its references queued.
//!
//! Workers share one worklist: a worker takes a batch of instances, compiles (or finds)
//! their units, and queues what they reference that nobody has seen yet. In a warm build
//! nearly every unit is reused in microseconds, so the walk is as fast as its bookkeeping:
//! no round trip through a coordinator per unit.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex};

use anyhow::{Result, anyhow};
use codegen::cx::{BuildError, Stats, UnitError};
use codegen::instance::InstanceKey;
use codegen::resolve::Tier;
use codegen::{UnitConfig, UnitOutput};
use rustc_hash::FxHashMap;

use crate::Timings;

pub struct Walk {
    pub units: Vec<Arc<codegen::unit::CompiledUnit>>,
    /// Symbols imported from the rlibs (Tier 2 and foreign), for statistics.
    pub imports: std::collections::HashSet<String>,
    pub errors: Vec<BuildError>,
    pub stats: Stats,
}

/// What the workers share.
struct Worklist {
    queue: Vec<InstanceKey>,
    /// Every instance queued so far: the unit that referred to it first (`None`: the
    /// entry glue), and its tier.
    seen: FxHashMap<InstanceKey, (Option<InstanceKey>, Tier)>,
    busy: usize,
    done: Vec<(InstanceKey, Arc<UnitOutput>, Option<ra_ap_base_db::Crate>)>,
    failed: Option<String>,
    /// Workers that have returned.
    exited: usize,
}

impl Worklist {
    fn add_references(&mut self, from: Option<&InstanceKey>, out: &UnitOutput) -> bool {
        let mut added = false;
        for (r, tier) in &out.references {
            if let std::collections::hash_map::Entry::Vacant(v) = self.seen.entry(r.clone()) {
                v.insert((from.cloned(), *tier));
                self.queue.push(r.clone());
                added = true;
            }
        }
        added
    }
}

/// Counts a worker out when it returns (or unwinds).
struct Exited<'a>(&'a Mutex<Worklist>, &'a Condvar);

impl Drop for Exited<'_> {
    fn drop(&mut self) {
        let mut s = self.0.lock().unwrap_or_else(|p| p.into_inner());
        s.exited += 1;
        if std::thread::panicking() && s.failed.is_none() {
            s.failed = Some("internal error: a compile worker panicked".into());
        }
        self.1.notify_all();
    }
}

/// How many instances a worker takes at a time.
const BATCH: usize = 4;

/// Compiles the entry glue and every instance reachable from it on `jobs` threads (the
/// database takes concurrent readers; every thread has its own handle). Call chains for
/// errors follow the first unit that referred to an instance.
#[allow(clippy::too_many_arguments)]
pub fn walk(
    db: &ra_ap_ide_db::RootDatabase,
    config: &UnitConfig,
    // With an input, units are salsa queries (reused while their reads are unchanged).
    input: Option<codegen::query::CodegenInput>,
    main: ra_ap_hir_def::FunctionId,
    jobs: usize,
    timings: &mut Timings,
    // Units of earlier builds of this session whose view no edit has reached since (see
    // `Session::units`): used without asking salsa, which would only confirm it unit by
    // unit. The walk adds the units it compiles.
    units: &mut HashMap<InstanceKey, (ra_ap_base_db::Crate, Arc<UnitOutput>)>,
    // Called on the calling thread a few times a second: (units done, instances found).
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Walk> {
    let entry = ra_ap_hir_ty::attach_db(db, || codegen::compile_entry(db, config, main))?;
    let build = codegen::query::current_build();
    let mut list = Worklist {
        queue: Vec::new(),
        seen: FxHashMap::default(),
        busy: 0,
        done: Vec::new(),
        failed: None,
        exited: 0,
    };
    list.add_references(None, &entry);
    let shared = Mutex::new(list);
    let wake = Condvar::new();
    let jobs = jobs.max(1);
    let handles: Vec<ra_ap_ide_db::RootDatabase> = (0..jobs).map(|_| db.clone()).collect();
    let cached: &HashMap<InstanceKey, (ra_ap_base_db::Crate, Arc<UnitOutput>)> = units;
    std::thread::scope(|scope| {
        for handle in handles {
            let shared = &shared;
            let wake = &wake;
            scope.spawn(move || {
                // However the worker ends, the calling thread learns of it.
                let _exit = Exited(shared, wake);
                let db = handle;
                loop {
                    let batch: Vec<InstanceKey> = {
                        let mut s = shared.lock().unwrap();
                        loop {
                            if s.failed.is_some() {
                                return;
                            }
                            if !s.queue.is_empty() {
                                // A fair share of what is queued, so that no worker idles
                                // while another holds a batch it has not started.
                                let take = s.queue.len().div_ceil(jobs).min(BATCH);
                                let n = s.queue.len() - take;
                                let batch = s.queue.split_off(n);
                                s.busy += 1;
                                break batch;
                            }
                            if s.busy == 0 {
                                // Nothing queued and nobody who could queue more: done.
                                wake.notify_all();
                                return;
                            }
                            s = wake.wait(s).unwrap();
                        }
                    };
                    let outs = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        ra_ap_hir_ty::attach_db(&db, || {
                            batch
                                .iter()
                                .map(|key| unit_of(&db, config, input, build, cached, key))
                                .collect::<Vec<_>>()
                        })
                    }));
                    let mut s = shared.lock().unwrap();
                    s.busy -= 1;
                    match outs {
                        Ok(outs) => {
                            for (key, (out, view)) in batch.into_iter().zip(outs) {
                                s.add_references(Some(&key), &out);
                                s.done.push((key, out, view));
                            }
                        }
                        Err(_) => {
                            s.failed = Some("internal error: a compile worker panicked".into())
                        }
                    }
                    wake.notify_all();
                }
            });
        }
        // The calling thread reports progress until every worker has returned.
        let tick = std::time::Duration::from_millis(100);
        let mut last = std::time::Instant::now();
        let mut s = shared.lock().unwrap_or_else(|p| p.into_inner());
        while s.exited < jobs {
            s = wake
                .wait_timeout(s, tick)
                .unwrap_or_else(|p| p.into_inner())
                .0;
            if last.elapsed() >= tick {
                let (done, found) = (s.done.len(), s.seen.len());
                drop(s);
                progress(done, found);
                last = std::time::Instant::now();
                s = shared.lock().unwrap_or_else(|p| p.into_inner());
            }
        }
    });
    let list = shared.into_inner().unwrap_or_else(|p| p.into_inner());
    if let Some(failed) = list.failed {
        return Err(anyhow!("{failed}"));
    }

    let mut walk = Walk {
        units: Vec::new(),
        imports: Default::default(),
        errors: Vec::new(),
        stats: Stats::default(),
    };
    for (_, tier) in list.seen.values() {
        match tier {
            Tier::Tier1 => walk.stats.tier1 += 1,
            Tier::Tier3 => walk.stats.tier3 += 1,
            Tier::Generated => walk.stats.generated += 1,
            Tier::Tier2 => {}
        }
    }
    let mut errors: Vec<(Option<InstanceKey>, UnitError)> = Vec::new();
    let entry_errors = std::iter::once((None, Arc::new(entry), None));
    let done = list.done.into_iter().map(|(k, o, s)| (Some(k), o, s));
    for (key, out, view) in entry_errors.chain(done) {
        if out.compiled_in == build {
            timings.compiled += 1;
            timings.resolve.time += out.resolve.time;
            timings.resolve.count += out.resolve.count;
            timings.lower.time += out.lower.time;
            timings.lower.count += out.lower.count;
            timings.translate += out.translate;
            timings.codegen += out.codegen;
        } else {
            timings.reused += 1;
        }
        if let Some(u) = &out.unit {
            timings.functions += u.functions.len();
            for s in &u.symbols {
                if let codegen::unit::SymbolKind::Func {
                    linkage: cranelift_module::Linkage::Import,
                } = s.kind
                {
                    walk.imports.insert(s.name.clone());
                }
            }
            walk.units.push(u.clone());
        }
        errors.extend(out.errors.iter().cloned().map(|e| (key.clone(), e)));
        if let (Some(k), Some(view)) = (key, view)
            && out.errors.is_empty()
            && out.unit.is_some()
        {
            units.insert(k, (view, out));
        }
    }
    if !errors.is_empty() {
        ra_ap_hir_ty::attach_db(db, || -> Result<()> {
            let tcx = codegen::ty::TyCx::new(db, config.krate)?;
            for (at, e) in errors {
                let mut chain = Vec::new();
                let mut cur = at;
                while let Some(k) = cur {
                    chain.push(k.instance().describe(&tcx));
                    cur = list.seen.get(&k).and_then(|(p, _)| p.clone());
                    if chain.len() > 64 {
                        break;
                    }
                }
                chain.reverse();
                if chain.last() != Some(&e.function) {
                    chain.push(e.function.clone());
                }
                walk.errors.push(BuildError {
                    function: e.function,
                    chain,
                    reason: e.reason,
                });
            }
            Ok(())
        })?;
    }
    Ok(walk)
}

/// The unit of one instance: from the session's units, else from salsa (or, with no
/// input, compiled afresh); and the view it was compiled from (`None` when it came from
/// the session's units).
fn unit_of(
    db: &ra_ap_ide_db::RootDatabase,
    config: &UnitConfig,
    input: Option<codegen::query::CodegenInput>,
    build: u64,
    cached: &HashMap<InstanceKey, (ra_ap_base_db::Crate, Arc<UnitOutput>)>,
    key: &InstanceKey,
) -> (Arc<UnitOutput>, Option<ra_ap_base_db::Crate>) {
    if let Some((_, out)) = cached.get(key) {
        return (out.clone(), None);
    }
    let dbr: &dyn ra_ap_hir_ty::db::HirDatabase = db;
    let instance = key.instance();
    let view = config.view_of(dbr, &instance);
    let out = match input {
        Some(input) => {
            let k = codegen::query::UnitKey::new(dbr, view, key.clone());
            codegen::query::compiled_unit(dbr, input, k)
        }
        None => {
            let mut out = codegen::compile_instance(dbr, config, instance);
            out.compiled_in = build;
            Arc::new(out)
        }
    };
    (out, Some(view))
}
