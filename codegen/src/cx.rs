//! The module-level codegen context: the object being built, the instances declared in it
//! and the work queue of instances still to compile.
//!
//! Invariant: an instance is declared (given a `FuncId` and a symbol) exactly once, the
//! first time anything refers to it, and is queued for compilation at that moment; the
//! instance that referred to it first is remembered so an error can show the call chain
//! from `main`.

use std::collections::VecDeque;
use std::sync::Arc;

use anyhow::{Result, anyhow};
use cranelift_codegen::ir::{Function, Signature};
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_module::{DataId, FuncId, Linkage, Module};
use cranelift_object::ObjectModule;
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
    pub module: ObjectModule,
    pub isa: OwnedTargetIsa,
    pub linkmap: Arc<LinkMap>,
    instances: FxHashMap<Instance<'db>, FuncId>,
    pub queue: VecDeque<Instance<'db>>,
    /// The instance that first referred to each instance (`None` for roots).
    parents: FxHashMap<Instance<'db>, Option<Instance<'db>>>,
    /// Tier 2 and foreign symbols imported by name.
    imports: FxHashMap<String, FuncId>,
    pub statics: FxHashMap<StaticId, DataId>,
    pub vtables: FxHashMap<(Ty<'db>, Option<ra_ap_hir_ty::next_solver::TraitRef<'db>>), DataId>,
    pub const_data: FxHashMap<(Vec<u8>, Vec<(u32, crate::constant::RelocTarget)>, u64), DataId>,
    pub compiled: Vec<(FuncId, Function)>,
    pub thread_local_statics: rustc_hash::FxHashSet<DataId>,
    pub errors: Vec<BuildError>,
    pub stats: Stats,
    pub tier_of: FxHashMap<Instance<'db>, Tier>,
    /// The instance being translated: the caller of whatever it references.
    pub current: Option<Instance<'db>>,
    /// Call sites and their resolutions, when `cargo rac explain` asked for them.
    pub explain: Option<Vec<CallSite<'db>>>,
    /// Why each defined instance got its tier (first resolution that reached it).
    pub reasons: FxHashMap<Instance<'db>, crate::resolve::Reason>,
    next_symbol: usize,
}

impl<'db> CodegenCx<'db> {
    pub fn new(
        tcx: TyCx<'db>,
        module: ObjectModule,
        isa: OwnedTargetIsa,
        linkmap: Arc<LinkMap>,
    ) -> Self {
        CodegenCx {
            tcx,
            module,
            isa,
            linkmap,
            instances: FxHashMap::default(),
            queue: VecDeque::new(),
            parents: FxHashMap::default(),
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
            next_symbol: 0,
        }
    }

    pub fn fn_abi(&self, instance: &Instance<'db>) -> Result<FnAbi<'db>> {
        crate::abi::fn_abi_of_instance(&self.tcx, instance)
    }

    /// The `FuncId` of an instance rac defines, declaring and queueing it on first use.
    pub fn declare_instance(
        &mut self,
        instance: Instance<'db>,
        from: Option<Instance<'db>>,
        tier: Tier,
    ) -> Result<FuncId> {
        if let Some(id) = self.instances.get(&instance) {
            return Ok(*id);
        }
        let from = from.or(self.current);
        let abi = self.fn_abi(&instance)?;
        let sig = abi.signature();
        let name = self.symbol_name(&instance);
        let id = self
            .module
            .declare_function(&name, Linkage::Local, &sig)
            .map_err(|e| anyhow!("cannot declare {name}: {e}"))?;
        self.instances.insert(instance, id);
        self.parents.insert(instance, from);
        self.tier_of.insert(instance, tier);
        match tier {
            Tier::Tier1 => self.stats.tier1 += 1,
            Tier::Tier3 => self.stats.tier3 += 1,
            Tier::Generated => self.stats.generated += 1,
            Tier::Tier2 => {}
        }
        self.queue.push_back(instance);
        Ok(id)
    }

    /// Every instance rac defines in this object so far.
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

    fn symbol_name(&mut self, instance: &Instance<'db>) -> String {
        self.next_symbol += 1;
        crate::mangle::symbol_name(&self.tcx, instance, self.next_symbol as u64)
    }

    /// `main` first, then each caller up to the instance itself.
    pub fn call_chain(&self, instance: &Instance<'db>) -> Vec<String> {
        let mut chain = vec![instance.describe(&self.tcx)];
        let mut cur = *instance;
        while let Some(Some(parent)) = self.parents.get(&cur) {
            chain.push(parent.describe(&self.tcx));
            cur = *parent;
            if chain.len() > 64 {
                break;
            }
        }
        chain.reverse();
        chain
    }

    pub fn error(&mut self, at: &Instance<'db>, function: String, reason: String) {
        let mut chain = self.call_chain(at);
        if chain.last() != Some(&function) {
            chain.push(function.clone());
        }
        self.errors.push(BuildError {
            function,
            chain,
            reason,
        });
    }
}
