//! The codegen context of one unit: what translating one instance (or the entry glue)
//! declares, defines and refers to.
//!
//! Invariant: translation reads the database and nothing else that can change during a
//! session (the link map and the configuration are fixed for its lifetime). Everything it
//! produces is in the unit: its machine code and data, the instances it refers to (declared
//! under their symbol on first reference, and listed in `references` for the driver to
//! compile), and the errors it met. That is what lets a unit be reused by the build server.

use std::sync::Arc;

use anyhow::{Result, anyhow};
use cranelift_codegen::ir::{Function, Signature};
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_module::{DataId, FuncId, Linkage, Module};
use linkmap::LinkMap;
use ra_ap_hir_def::StaticId;
use ra_ap_hir_ty::next_solver::Ty;
use rustc_hash::FxHashMap;

use crate::abi::FnAbi;
use crate::instance::Instance;
use crate::resolve::Tier;
use crate::ty::TyCx;

/// A function that could not be compiled, with the chain of callers that reached it.
#[derive(Debug, Clone)]
pub struct BuildError {
    pub function: String,
    pub chain: Vec<String>,
    pub reason: String,
}

/// A function the unit's translation could not compile (the unit's own instance, or a
/// callee refused at a call site); the driver prefixes the unit's call chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitError {
    pub function: String,
    pub reason: String,
}

/// One call site seen while translating a function, and how it was resolved
/// (recorded only for `cargo rac explain`).
#[derive(Debug, Clone)]
pub struct CallSite<'db> {
    pub caller: Instance<'db>,
    pub at: Option<crate::spans::Loc>,
    pub callee: String,
    /// The instance rac defines for the callee (Tier 1/3 and glue), to follow with `--depth`.
    pub callee_instance: Option<Instance<'db>>,
    pub tier: Option<Tier>,
    pub reason: String,
    pub symbol: Option<String>,
    pub rlib: Option<std::path::PathBuf>,
    pub error: Option<String>,
}

#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub tier1: usize,
    pub tier2: usize,
    pub tier3: usize,
    pub generated: usize,
}

pub struct CodegenCx<'db> {
    pub tcx: TyCx<'db>,
    pub module: crate::unit::RecordingModule,
    pub isa: OwnedTargetIsa,
    pub linkmap: Arc<LinkMap>,
    /// Instances this unit refers to, by the `FuncId` they were declared under.
    instances: FxHashMap<Instance<'db>, FuncId>,
    /// Instances this unit refers to, in order of first reference, with their tier.
    pub references: Vec<(Instance<'db>, Tier)>,
    /// Tier 2 and foreign symbols imported by name.
    imports: FxHashMap<String, FuncId>,
    pub statics: FxHashMap<StaticId, DataId>,
    pub vtables: FxHashMap<(Ty<'db>, Option<ra_ap_hir_ty::next_solver::TraitRef<'db>>), DataId>,
    pub const_data: FxHashMap<(Vec<u8>, Vec<(u32, crate::constant::RelocTarget)>, u64), DataId>,
    pub compiled: Vec<(FuncId, Function)>,
    pub thread_local_statics: rustc_hash::FxHashSet<DataId>,
    pub errors: Vec<UnitError>,
    pub stats: Stats,
    pub tier_of: FxHashMap<Instance<'db>, Tier>,
    /// The instance being translated: the caller of whatever it references.
    pub current: Option<Instance<'db>>,
    /// Call sites and their resolutions, when `cargo rac explain` asked for them.
    pub explain: Option<Vec<CallSite<'db>>>,
    /// Why each referenced instance got its tier.
    pub reasons: FxHashMap<Instance<'db>, crate::resolve::Reason>,
}

impl<'db> CodegenCx<'db> {
    pub fn new(tcx: TyCx<'db>, isa: OwnedTargetIsa, linkmap: Arc<LinkMap>) -> Self {
        CodegenCx {
            tcx,
            module: crate::unit::RecordingModule::new(isa.clone()),
            isa,
            linkmap,
            instances: FxHashMap::default(),
            references: Vec::new(),
            imports: FxHashMap::default(),
            statics: FxHashMap::default(),
            vtables: FxHashMap::default(),
            const_data: FxHashMap::default(),
            compiled: Vec::new(),
            thread_local_statics: Default::default(),
            errors: Vec::new(),
            stats: Stats::default(),
            tier_of: FxHashMap::default(),
            current: None,
            explain: None,
            reasons: FxHashMap::default(),
        }
    }

    pub fn fn_abi(&self, instance: &Instance<'db>) -> Result<FnAbi<'db>> {
        crate::abi::fn_abi_of_instance(&self.tcx, instance)
    }

    /// The `FuncId` of an instance rac defines, declared under its symbol on first use and
    /// recorded as a reference of this unit. (`_from` is the unit's own instance.)
    pub fn declare_instance(
        &mut self,
        instance: Instance<'db>,
        _from: Option<Instance<'db>>,
        tier: Tier,
    ) -> Result<FuncId> {
        if let Some(id) = self.instances.get(&instance) {
            return Ok(*id);
        }
        let abi = self.fn_abi(&instance)?;
        let sig = abi.signature();
        let name = crate::symbols::instance_symbol(&self.tcx, &instance);
        let id = self
            .module
            .declare_function(&name, Linkage::Local, &sig)
            .map_err(|e| anyhow!("cannot declare {name}: {e}"))?;
        self.instances.insert(instance, id);
        self.tier_of.insert(instance, tier);
        self.references.push((instance, tier));
        Ok(id)
    }

    /// Every instance this unit refers to.
    pub fn defined_instances(&self) -> impl Iterator<Item = &Instance<'db>> {
        self.instances.keys()
    }

    pub fn func_id(&self, instance: &Instance<'db>) -> Option<FuncId> {
        self.instances.get(instance).copied()
    }

    pub fn import_function(&mut self, symbol: &str, sig: &Signature) -> Result<FuncId> {
        if let Some(id) = self.imports.get(symbol) {
            return Ok(*id);
        }
        let id = self
            .module
            .declare_function(symbol, Linkage::Import, sig)
            .map_err(|e| anyhow!("cannot import {symbol}: {e}"))?;
        self.imports.insert(symbol.to_owned(), id);
        self.stats.tier2 += 1;
        Ok(id)
    }

    /// Records that `function` cannot be compiled (found while translating this unit).
    pub fn error(&mut self, _at: &Instance<'db>, function: String, reason: String) {
        self.errors.push(UnitError { function, reason });
    }
}
