//! The compiled code of an instance as a salsa query, so a build server reuses it.
//!
//! [`compiled_unit`] runs translation and Cranelift for one instance of one binary. salsa
//! records every database read translation makes (MIR bodies, layouts, trait solving,
//! constants, attributes, item trees) and, after an edit, re-runs the query only when one
//! of them changed: the memo's dependencies are the unit's cache key, complete by
//! construction.
//!
//! Invariant (what makes the key complete): translation reads nothing that can change
//! during a session except through the database or [`CodegenInput`]. Its own caches live
//! for one unit (`TyCx`); the symbol table only grows and names instances, not code; the
//! on-disk stencil cache is keyed by the full Cranelift IR. A change that does not reach
//! the database (a file moved between modules changes `module_path!()`) makes the session
//! reload the workspace instead.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use ra_ap_hir_ty::db::HirDatabase;

use crate::compile::{UnitConfig, UnitOutput};
use crate::instance::InstanceKey;

/// The configuration every unit is compiled with (fixed for a session unless the link map
/// changes): one salsa input, read by every unit.
#[salsa::input]
pub struct CodegenInput {
    #[returns(ref)]
    pub config: Arc<SharedConfig>,
}

/// What [`UnitConfig`] holds besides the binary crate.
pub struct SharedConfig {
    pub isa: cranelift_codegen::isa::OwnedTargetIsa,
    pub linkmap: Arc<linkmap::LinkMap>,
    pub paths: crate::spans::PathDisplay,
    pub cache: Option<Arc<crate::stencil_cache::StencilCache>>,
}

/// One instance as compiled for one binary crate.
#[salsa::interned(revisions = usize::MAX)]
pub struct UnitKey<'db> {
    #[returns(copy)]
    pub krate: ra_ap_base_db::Crate,
    #[returns(ref)]
    pub instance: InstanceKey,
}

/// The build that is running; a unit records the build that compiled it, so the driver
/// tells reused units from compiled ones.
static BUILD: AtomicU64 = AtomicU64::new(0);

pub fn start_build() -> u64 {
    BUILD.fetch_add(1, Ordering::Relaxed) + 1
}

/// The build that compiled `unit` (see [`start_build`]).
pub fn current_build() -> u64 {
    BUILD.load(Ordering::Relaxed)
}

#[salsa::tracked(returns(clone), no_eq)]
pub fn compiled_unit<'db>(
    db: &'db dyn HirDatabase,
    input: CodegenInput,
    key: UnitKey<'db>,
) -> Arc<UnitOutput> {
    let shared = input.config(db);
    let config = UnitConfig {
        krate: key.krate(db),
        views: None,
        isa: shared.isa.clone(),
        linkmap: shared.linkmap.clone(),
        paths: shared.paths.clone(),
        cache: shared.cache.clone(),
    };
    let mut out = crate::compile::compile_instance(db, &config, key.instance(db).instance());
    out.compiled_in = current_build();
    Arc::new(out)
}
