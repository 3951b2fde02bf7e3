//! The walk from a binary's entry glue through every instance it reaches: each unit is
//! compiled (or reused, through the `compiled_unit` query) and its references queued.

use std::sync::Arc;

use anyhow::{Result, anyhow};
use codegen::cx::{BuildError, Stats};
use codegen::{UnitConfig, UnitOutput};

use crate::Timings;

pub struct Walk {
    pub units: Vec<Arc<codegen::unit::CompiledUnit>>,
    /// Symbols imported from the rlibs (Tier 2 and foreign), for statistics.
    pub imports: std::collections::HashSet<String>,
    pub errors: Vec<BuildError>,
    pub stats: Stats,
}

/// Compiles the entry glue and every instance reachable from it on `jobs` threads (the
/// database takes concurrent readers; every thread has its own handle). Call chains for
/// errors follow the first unit that referred to an instance.
pub fn walk(
    db: &ra_ap_ide_db::RootDatabase,
    config: &UnitConfig,
    // With an input, units are salsa queries (reused while their reads are unchanged).
    input: Option<codegen::query::CodegenInput>,
    main: ra_ap_hir_def::FunctionId,
    jobs: usize,
    timings: &mut Timings,
) -> Result<Walk> {
    use codegen::instance::InstanceKey;
    use rustc_hash::FxHashMap;

    let entry = ra_ap_hir_ty::attach_db(db, || codegen::compile_entry(db, config, main))?;
    let mut walk = Walk {
        units: Vec::new(),
        imports: Default::default(),
        errors: Vec::new(),
        stats: Stats::default(),
    };
    // The first referrer of each instance (`None`: the entry glue).
    let mut parent: FxHashMap<InstanceKey, Option<InstanceKey>> = FxHashMap::default();
    let mut frontier: Vec<InstanceKey> = Vec::new();
    let build = codegen::query::current_build();
    let absorb = |from: Option<&InstanceKey>,
                  out: UnitOutput,
                  walk: &mut Walk,
                  parent: &mut FxHashMap<InstanceKey, Option<InstanceKey>>,
                  frontier: &mut Vec<InstanceKey>,
                  timings: &mut Timings| {
        for (r, tier) in out.references {
            if let std::collections::hash_map::Entry::Vacant(v) = parent.entry(r.clone()) {
                v.insert(from.cloned());
                match tier {
                    codegen::resolve::Tier::Tier1 => walk.stats.tier1 += 1,
                    codegen::resolve::Tier::Tier3 => walk.stats.tier3 += 1,
                    codegen::resolve::Tier::Generated => walk.stats.generated += 1,
                    codegen::resolve::Tier::Tier2 => {}
                }
                frontier.push(r);
            }
        }
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
        if let Some(u) = out.unit {
            timings.functions += u.functions.len();
            for s in &u.symbols {
                if let codegen::unit::SymbolKind::Func {
                    linkage: cranelift_module::Linkage::Import,
                } = s.kind
                {
                    walk.imports.insert(s.name.clone());
                }
            }
            walk.units.push(u);
        }
        out.errors
    };
    let mut pending_errors: Vec<(Option<InstanceKey>, codegen::cx::UnitError)> = Vec::new();
    for e in absorb(None, entry, &mut walk, &mut parent, &mut frontier, timings) {
        pending_errors.push((None, e));
    }
    // Workers take instances from a shared queue and add what each unit references, so a
    // slow unit never holds back the others (no waves).
    struct Shared {
        queue: Vec<InstanceKey>,
        busy: usize,
        done: Vec<(InstanceKey, UnitOutput)>,
        failed: Option<String>,
    }
    let shared = std::sync::Mutex::new(Shared {
        queue: std::mem::take(&mut frontier),
        busy: 0,
        done: Vec::new(),
        failed: None,
    });
    let wake = std::sync::Condvar::new();
    let jobs = jobs.max(1);
    let handles: Vec<ra_ap_ide_db::RootDatabase> = (0..jobs).map(|_| db.clone()).collect();
    std::thread::scope(|scope| {
        for handle in handles {
            let shared = &shared;
            let wake = &wake;
            scope.spawn(move || {
                let db = handle;
                loop {
                    let key = {
                        let mut s = shared.lock().unwrap();
                        loop {
                            if s.failed.is_some() {
                                return;
                            }
                            if let Some(k) = s.queue.pop() {
                                s.busy += 1;
                                break k;
                            }
                            // Only the coordinator knows when nothing more will come.
                            s = wake.wait(s).unwrap();
                        }
                    };
                    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        ra_ap_hir_ty::attach_db(&db, || {
                            let dbr: &dyn ra_ap_hir_ty::db::HirDatabase = &db;
                            match input {
                                Some(input) => {
                                    let k = codegen::query::UnitKey::new(
                                        dbr,
                                        config.krate,
                                        key.clone(),
                                    );
                                    codegen::query::compiled_unit(dbr, input, k).clone()
                                }
                                None => {
                                    let mut out =
                                        codegen::compile_instance(dbr, config, key.instance());
                                    out.compiled_in = build;
                                    out
                                }
                            }
                        })
                    }));
                    let mut s = shared.lock().unwrap();
                    s.busy -= 1;
                    match out {
                        Ok(out) => s.done.push((key, out)),
                        Err(_) => {
                            s.failed = Some("internal error: a compile worker panicked".into())
                        }
                    }
                    wake.notify_all();
                }
            });
        }
        // The coordinator: absorbs finished units and queues what they reference.
        let mut s = shared.lock().unwrap();
        loop {
            let done = std::mem::take(&mut s.done);
            if !done.is_empty() {
                drop(s);
                let mut next = Vec::new();
                for (key, out) in done {
                    for e in absorb(Some(&key), out, &mut walk, &mut parent, &mut next, timings) {
                        pending_errors.push((Some(key.clone()), e));
                    }
                }
                s = shared.lock().unwrap();
                s.queue.extend(next);
                wake.notify_all();
                continue;
            }
            if s.failed.is_some() || (s.queue.is_empty() && s.busy == 0) {
                s.failed.get_or_insert_with(String::new);
                wake.notify_all();
                break;
            }
            s = wake.wait(s).unwrap();
        }
    });
    let failed = shared.into_inner().unwrap().failed.unwrap_or_default();
    if !failed.is_empty() {
        return Err(anyhow!("{failed}"));
    }
    if !pending_errors.is_empty() {
        ra_ap_hir_ty::attach_db(db, || -> Result<()> {
            let tcx = codegen::ty::TyCx::new(db, config.krate)?;
            for (at, e) in pending_errors {
                let mut chain = Vec::new();
                let mut cur = at;
                while let Some(k) = cur {
                    chain.push(k.instance().describe(&tcx));
                    cur = parent.get(&k).cloned().flatten();
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
