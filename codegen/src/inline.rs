//! Inlining small functions of std and of dependencies into their callers.
//!
//! rustc's debug builds instantiate std's generic code from the *optimized* MIR std ships,
//! where `NonNull::as_ptr`, `Iter::next`'s helpers, `wrapping_add` and friends are already
//! inlined, and LLVM inlines `#[inline(always)]` even at `-O0`. rac lowers that code from
//! source, so without this a slice loop made five calls per element (4x rustc's time).
//!
//! While a unit is translated, the small callees that are not workspace code are
//! translated again into scratch bodies (never defined by this unit: each is still
//! compiled as its own unit), and Cranelift's inliner splices them into the unit's
//! functions before machine code is generated.
//!
//! Invariants:
//! - the scratch translation runs inside the unit's own computation, so every database
//!   read it makes is a dependency of the unit (salsa), and it only reads crates of the
//!   unit's view; the on-disk cache keys the IR after inlining. A reused unit therefore
//!   covers the code it inlined;
//! - workspace code is never inlined: an edit to a workspace function recompiles that
//!   function only, not its callers;
//! - a callee whose scratch translation fails, defines other functions, or is large is
//!   simply called.

use std::borrow::Cow;

use cranelift_codegen::inline::{Inline, InlineCommand};
use cranelift_codegen::ir::{self, ExternalName, Function, InstructionData};
use cranelift_module::FuncId;
use ra_ap_hir_ty::mir::{StatementKind, TerminatorKind};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::cx::CodegenCx;
use crate::instance::Instance;
use crate::resolve::Tier;

/// A callee is inlined when its body has at most this many instructions.
const MAX_CALLEE_INSTS: usize = 72;
/// A callee is translated for inlining only when its MIR has at most this many
/// statements and terminators.
const MAX_CALLEE_MIR: usize = 16;
/// Scratch translations per unit: bounds the extra translation time.
const MAX_SCRATCH: usize = 32;
/// How many calls deep inlining goes from a unit's function.
const MAX_DEPTH: usize = 3;
/// Calls inlined into one function, at most (recursion cannot run away).
const MAX_INLINES_PER_FUNCTION: usize = 64;

/// Scratch bodies of the small callees of `cx.compiled`, by the callee's `FuncId`.
pub type Bodies = FxHashMap<FuncId, Function>;

/// Translates the small non-workspace callees of the unit's functions (and theirs, up to
/// `MAX_DEPTH`) into scratch bodies for `inline_calls`.
pub fn scratch_bodies(cx: &mut CodegenCx<'_>) -> Bodies {
    let mut bodies = Bodies::default();
    if !cx.errors.is_empty() || cx.explain.is_some() {
        return bodies;
    }
    let defined: FxHashSet<FuncId> = cx.compiled.iter().map(|(id, _)| *id).collect();
    let mut tried: FxHashSet<FuncId> = defined.clone();
    let mut frontier: Vec<FuncId> = cx.compiled.iter().flat_map(|(_, f)| callees(f)).collect();
    let mut scratch = 0;
    for _ in 0..MAX_DEPTH {
        // Scratch translations declare the instances they call: look them up afresh.
        let by_id: FxHashMap<FuncId, Instance<'_>> = cx
            .defined_instances()
            .filter_map(|i| cx.func_id(i).map(|id| (id, *i)))
            .collect();
        let mut next = Vec::new();
        for id in frontier {
            if !tried.insert(id) || scratch >= MAX_SCRATCH {
                continue;
            }
            let Some(&instance) = by_id.get(&id) else {
                continue;
            };
            let inlinable_tier = matches!(
                cx.tier_of.get(&instance),
                Some(Tier::Tier1 | Tier::Tier3 | Tier::Generated)
            );
            if !inlinable_tier || instance.is_local(&cx.tcx) || !looks_small(cx, &instance) {
                continue;
            }
            scratch += 1;
            if let Some(f) = translate_scratch(cx, instance, id) {
                next.extend(callees(&f));
                bodies.insert(id, f);
            }
        }
        frontier = next;
    }
    bodies
}

/// Whether `instance`'s MIR is short enough to be worth a scratch translation (which most
/// of a unit's time goes to): glue without MIR is left alone, and so are functions that
/// never return (panics: cold paths).
fn looks_small<'db>(cx: &CodegenCx<'db>, instance: &Instance<'db>) -> bool {
    use crate::instance::InstanceKind;
    if !matches!(
        instance.kind,
        InstanceKind::Item(_) | InstanceKind::Closure(_)
    ) {
        return false;
    }
    let Ok(body) = crate::mir::body_of(&cx.tcx, instance) else {
        return false;
    };
    let size: usize = body
        .basic_blocks
        .iter()
        .map(|(_, b)| {
            // Markers generate no code.
            let code = b.statements.iter().filter(|s| {
                !matches!(
                    s.kind,
                    StatementKind::StorageLive(_)
                        | StatementKind::StorageDead(_)
                        | StatementKind::Nop
                        | StatementKind::FakeRead(_)
                )
            });
            code.count() + 1
        })
        .sum();
    let returns = body.basic_blocks.iter().any(|(_, b)| {
        matches!(
            b.terminator.as_ref().map(|t| &t.kind),
            Some(TerminatorKind::Return)
        )
    });
    size <= MAX_CALLEE_MIR && returns
}

/// Translates `instance` without defining it in the unit; `None` unless it translated
/// cleanly into one small function.
fn translate_scratch<'db>(
    cx: &mut CodegenCx<'db>,
    instance: Instance<'db>,
    id: FuncId,
) -> Option<Function> {
    let (errors, compiled, current) = (cx.errors.len(), cx.compiled.len(), cx.current);
    crate::compile::translate_instance(cx, instance);
    cx.current = current;
    let new: Vec<(FuncId, Function)> = cx.compiled.drain(compiled..).collect();
    if cx.errors.len() > errors {
        cx.errors.truncate(errors);
        return None;
    }
    let [(fid, f)] = <[_; 1]>::try_from(new).ok()?;
    (fid == id
        && f.dfg.num_insts() <= MAX_CALLEE_INSTS
        && !f.dfg.ext_funcs.values().any(|e| e.patchable))
    .then_some(f)
}

/// The scratch bodies `caller` calls, prepared for inlining into it: Cranelift's inliner
/// copies a callee's symbol global values (constants, statics, thread-locals) with their
/// names as references into the *callee's* name table, so each copy's symbol names are
/// re-pointed at the same names declared in `caller`.
pub fn bodies_for(caller: &mut Function, bodies: &Bodies) -> Bodies {
    let mut out = Bodies::default();
    let mut todo: Vec<FuncId> = callees(caller);
    while let Some(id) = todo.pop() {
        if out.contains_key(&id) {
            continue;
        }
        let Some(body) = bodies.get(&id) else {
            continue;
        };
        let mut body = body.clone();
        let names = body.params.user_named_funcs().clone();
        for gv in body.global_values.values_mut() {
            if let ir::GlobalValueData::Symbol {
                name: ExternalName::User(r),
                ..
            } = gv
            {
                *r = caller.declare_imported_user_function(names[*r].clone());
            }
        }
        todo.extend(callees(&body));
        out.insert(id, body);
    }
    out
}

/// The functions `f` calls directly, by `FuncId`.
fn callees(f: &Function) -> Vec<FuncId> {
    let mut out = Vec::new();
    for block in f.layout.blocks() {
        for inst in f.layout.block_insts(block) {
            let func_ref = match f.dfg.insts[inst] {
                InstructionData::Call { func_ref, .. }
                | InstructionData::TryCall { func_ref, .. } => func_ref,
                _ => continue,
            };
            if let Some(id) = func_id(f, func_ref) {
                out.push(id);
            }
        }
    }
    out
}

fn func_id(f: &Function, func_ref: ir::FuncRef) -> Option<FuncId> {
    match f.dfg.ext_funcs[func_ref].name {
        ExternalName::User(r) => {
            let name = &f.params.user_named_funcs()[r];
            (name.namespace == 0).then(|| FuncId::from_u32(name.index))
        }
        _ => None,
    }
}

/// Directs Cranelift's inliner: a call is inlined when its callee has a scratch body.
pub struct Inliner<'a> {
    pub bodies: &'a Bodies,
    pub inlined: usize,
}

impl Inline for Inliner<'_> {
    fn inline(
        &mut self,
        caller: &Function,
        _call_inst: ir::Inst,
        _call_opcode: ir::Opcode,
        callee: ir::FuncRef,
        _call_args: &[ir::Value],
    ) -> InlineCommand<'_> {
        if self.inlined >= MAX_INLINES_PER_FUNCTION {
            return InlineCommand::KeepCall;
        }
        let Some(body) = func_id(caller, callee).and_then(|id| self.bodies.get(&id)) else {
            return InlineCommand::KeepCall;
        };
        if body.signature != caller.dfg.signatures[caller.dfg.ext_funcs[callee].signature] {
            return InlineCommand::KeepCall;
        }
        self.inlined += 1;
        InlineCommand::Inline {
            callee: Cow::Borrowed(body),
            visit_callee: true,
        }
    }
}
