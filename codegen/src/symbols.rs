//! The symbol names of what rac defines: one name per instance and per static, the same
//! in every unit that refers to it, for the whole life of the process.
//!
//! A name is derived from what it names (the instance's v0 path with a hash of its
//! description as the disambiguator; the static's path), so the same program gets the
//! same names in every build. Descriptions are not unique (two closures in one function,
//! two types of one name in different modules), so a process-wide table hands out each
//! name once: a second instance wanting a taken name gets the next disambiguator. The
//! table only grows, so a name never changes meaning while units that use it are alive.

use std::collections::HashMap;
use std::sync::Mutex;

use ra_ap_hir_def::{HasModule, StaticId};

use crate::instance::{Instance, InstanceKey};
use crate::ty::TyCx;

#[derive(Default)]
struct Table {
    instances: HashMap<InstanceKey, String>,
    statics: HashMap<StaticId, String>,
    /// Names handed out, for collision checks.
    taken: std::collections::HashSet<String>,
}

static TABLE: Mutex<Option<Table>> = Mutex::new(None);

pub fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The symbol of an instance rac defines.
pub fn instance_symbol<'db>(tcx: &TyCx<'db>, instance: &Instance<'db>) -> String {
    let key = instance.key();
    if let Some(name) = TABLE
        .lock()
        .unwrap()
        .as_ref()
        .and_then(|t| t.instances.get(&key))
    {
        return name.clone();
    }
    let base = fnv1a(&instance.describe(tcx)) & 0x0fff_ffff_ffff_ffff;
    // Names are computed outside the lock (they query the database), then claimed.
    let mut d = base;
    loop {
        let name = crate::mangle::symbol_name(tcx, instance, d);
        let mut guard = TABLE.lock().unwrap();
        let table = guard.get_or_insert_with(Table::default);
        if let Some(existing) = table.instances.get(&key) {
            return existing.clone();
        }
        if table.taken.insert(name.clone()) {
            table.instances.insert(key, name.clone());
            return name;
        }
        d = d.wrapping_add(1);
    }
}

/// The symbol of a static rac defines (one definition however many units refer to it).
pub fn static_symbol(tcx: &TyCx<'_>, s: StaticId) -> String {
    if let Some(name) = TABLE
        .lock()
        .unwrap()
        .as_ref()
        .and_then(|t| t.statics.get(&s))
    {
        return name.clone();
    }
    let db = tcx.db;
    let module = s.module(db);
    let path = crate::symbol_path::module_path(db, module).unwrap_or_else(|| {
        format!(
            "{}::{{block}}",
            crate::symbol_path::crate_name(db, module.krate(db))
        )
    });
    let name = ra_ap_hir_def::signatures::StaticSignature::of(db, s)
        .name
        .as_str()
        .to_owned();
    let base = format!("rac.static.{path}::{name}");
    let mut guard = TABLE.lock().unwrap();
    let table = guard.get_or_insert_with(Table::default);
    if let Some(existing) = table.statics.get(&s) {
        return existing.clone();
    }
    let mut candidate = base.clone();
    let mut n = 1;
    while !table.taken.insert(candidate.clone()) {
        candidate = format!("{base}.{n}");
        n += 1;
    }
    table.statics.insert(s, candidate.clone());
    candidate
}
