//! Where rust-analyzer's MIR differs from what rustc's MIR would be, and codegen (not the
//! vendored MIR lowering) makes the program behave as rustc's does. Each repair states the
//! invariant it restores; ARCHITECTURE.md lists them with the fixes made in `vendor/`.
//!
//! - `format_args!` temporaries live until the call that consumes the `Arguments`
//!   (`defer_format_args_drops`; the vendored lowering makes the same fix for the
//!   temporaries of `let` initializers).
//! - A binary operator reads its left operand before its right operand runs
//!   (`plan_operand_snapshots`, `take_snapshots`, `binop_lhs`).

use anyhow::Result;
use cranelift_codegen::ir::{InstBuilder, types};
use cranelift_frontend::Variable;
use ra_ap_hir_ty::InferBodyId;
use ra_ap_hir_ty::mir::{
    BasicBlockId, MirSpan, Operand, OperandKind, Place, Rvalue, StatementKind, TerminatorKind,
};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::common::FunctionCx;
use crate::value_and_place::{CPlace, CValue};

/// The repairs' plan for one function, made before its blocks are translated.
#[derive(Default)]
pub(crate) struct Repairs<'db> {
    snapshots: Vec<Snapshot<'db>>,
    snapshot_at: FxHashMap<(BasicBlockId, Option<usize>), Vec<usize>>,
    snapshot_use: FxHashMap<(BasicBlockId, usize), usize>,
    /// Blocks whose `Drop` is moved after a call (see `defer_format_args_drops`).
    deferred_drop_blocks: FxHashSet<BasicBlockId>,
    drops_after_call: FxHashMap<BasicBlockId, Vec<BasicBlockId>>,
}

impl Repairs<'_> {
    /// Whether the `Drop` ending `bb` is emitted later, after the call it was moved to.
    pub(crate) fn drop_is_deferred(&self, bb: BasicBlockId) -> bool {
        self.deferred_drop_blocks.contains(&bb)
    }
}

/// A copy of a binary operator's left operand, taken before its right operand runs.
struct Snapshot<'db> {
    place: Place,
    slot: CPlace<'db>,
    taken: Variable,
}

impl<'a, 'db> FunctionCx<'a, 'db> {
    /// rustc keeps the temporaries of `format_args!` arguments alive until the end of the
    /// enclosing statement (`super let`); r-a's desugaring uses plain `let`s and drops them
    /// at the end of the `format_args!` block, before `_print`/`format`/`write_fmt` reads
    /// them. rac moves those drops to just after the call that consumes the `Arguments`.
    pub(crate) fn defer_format_args_drops(&mut self) {
        let Some(owner) = self.owner else { return };
        let body = self.mir();
        let is_format_args_block = |span: MirSpan| -> bool {
            let MirSpan::ExprId(e) = span else {
                return false;
            };
            let InferBodyId::DefWithBodyId(def) = owner else {
                return false;
            };
            let (_, sm) = ra_ap_hir_def::expr_store::Body::with_source_map(self.cx.tcx.db, def);
            match sm.expr_syntax(e) {
                Ok(ptr) => ptr.value.kind() == ra_ap_syntax::SyntaxKind::FORMAT_ARGS_EXPR,
                Err(_) => false,
            }
        };
        for (bb, data) in body.basic_blocks.iter() {
            let Some(t) = &data.terminator else { continue };
            let TerminatorKind::Drop { target, .. } = &t.kind else {
                continue;
            };
            if !is_format_args_block(t.span) {
                continue;
            }
            // Follow the straight-line path to the call that consumes the arguments.
            let mut cur = *target;
            let mut found = None;
            for _ in 0..16 {
                match body.basic_blocks[cur].terminator.as_ref().map(|t| &t.kind) {
                    Some(TerminatorKind::Call { .. }) => {
                        found = Some(cur);
                        break;
                    }
                    Some(TerminatorKind::Goto { target }) => cur = *target,
                    Some(TerminatorKind::Drop { target, .. })
                        if is_format_args_block(
                            body.basic_blocks[cur].terminator.as_ref().unwrap().span,
                        ) =>
                    {
                        cur = *target
                    }
                    _ => break,
                }
            }
            if let Some(call_bb) = found {
                self.repairs.deferred_drop_blocks.insert(bb);
                self.repairs
                    .drops_after_call
                    .entry(call_bb)
                    .or_default()
                    .push(bb);
            }
        }
    }

    /// rustc reads the left operand of a binary operator before evaluating the right one;
    /// r-a's MIR reads a place operand only at the operator, after the right operand ran,
    /// so `*x + { drop(x); 0 }` would read freed memory. rac copies such a left operand
    /// into a snapshot just before the first code of the right operand runs.
    pub(crate) fn plan_operand_snapshots(&mut self) -> Result<()> {
        let Some(InferBodyId::DefWithBodyId(def)) = self.owner else {
            return Ok(());
        };
        let body = self.mir();
        let store = ra_ap_hir_def::expr_store::Body::of(self.cx.tcx.db, def);
        // Locations by the expression they were lowered from.
        let mut by_expr: FxHashMap<ra_ap_hir_def::hir::ExprId, Vec<(BasicBlockId, Option<usize>)>> =
            FxHashMap::default();
        for (bb, data) in body.basic_blocks.iter() {
            for (i, s) in data.statements.iter().enumerate() {
                if let MirSpan::ExprId(e) = s.span {
                    by_expr.entry(e).or_default().push((bb, Some(i)));
                }
            }
            if let Some(t) = &data.terminator
                && let MirSpan::ExprId(e) = t.span
            {
                by_expr.entry(e).or_default().push((bb, None));
            }
        }
        let single_writes = locals_written_once_and_never_borrowed(body);
        for (bb, data) in body.basic_blocks.iter() {
            for (i, s) in data.statements.iter().enumerate() {
                let StatementKind::Assign(_, Rvalue::CheckedBinaryOp(_, lhs, _)) = &s.kind else {
                    continue;
                };
                let (OperandKind::Copy(place) | OperandKind::Move(place)) = &lhs.kind else {
                    continue;
                };
                let MirSpan::ExprId(e) = s.span else { continue };
                let ra_ap_hir_def::hir::Expr::BinaryOp { rhs, op, .. } = &store[e] else {
                    continue;
                };
                if matches!(op, Some(ra_ap_hir_def::hir::BinaryOp::Assignment { .. })) {
                    continue;
                }
                let mut subtree = vec![*rhs];
                let mut k = 0;
                while k < subtree.len() {
                    store.walk_child_exprs(subtree[k], |c| subtree.push(c));
                    k += 1;
                }
                let mut at: Vec<(BasicBlockId, Option<usize>)> = subtree
                    .iter()
                    .filter_map(|x| by_expr.get(x))
                    .flatten()
                    .copied()
                    .collect();
                at.retain(|l| *l != (bb, Some(i)));
                if at.is_empty() {
                    continue;
                }
                // A local that is never borrowed and written in one place only, outside the
                // right operand, cannot change while the right operand runs (r-a's
                // `_3 = &_4; ...; _0 = copy _3 == copy _5`): no snapshot needed.
                if place.projection.lookup().is_empty()
                    && let Some(w) = single_writes.get(&place.local)
                    && !at.contains(w)
                {
                    continue;
                }
                let ty = self.place_ty(place);
                let layout = self.layout_of(ty)?;
                let slot = self.alloc_stack(layout);
                let taken = self.bcx.declare_var(types::I8);
                let zero = self.bcx.ins().iconst(types::I8, 0);
                self.bcx.def_var(taken, zero);
                let id = self.repairs.snapshots.len();
                self.repairs.snapshots.push(Snapshot {
                    place: place.clone(),
                    slot,
                    taken,
                });
                for l in at {
                    self.repairs.snapshot_at.entry(l).or_default().push(id);
                }
                self.repairs.snapshot_use.insert((bb, i), id);
            }
        }
        Ok(())
    }

    pub(crate) fn take_snapshots(&mut self, at: (BasicBlockId, Option<usize>)) -> Result<()> {
        let Some(ids) = self.repairs.snapshot_at.get(&at).cloned() else {
            return Ok(());
        };
        for id in ids {
            let (place, slot, taken) = {
                let s = &self.repairs.snapshots[id];
                (s.place.clone(), s.slot.clone(), s.taken)
            };
            let t = self.bcx.use_var(taken);
            let take = self.bcx.create_block();
            let cont = self.bcx.create_block();
            self.bcx.ins().brif(t, cont, &[], take, &[]);
            self.bcx.switch_to_block(take);
            let v = self.codegen_place(&place)?.to_cvalue();
            slot.write(self, v);
            let one = self.bcx.ins().iconst(types::I8, 1);
            self.bcx.def_var(taken, one);
            self.bcx.ins().jump(cont, &[]);
            self.bcx.switch_to_block(cont);
        }
        Ok(())
    }

    /// The left operand of the binary operator at the current statement: its snapshot if
    /// one was taken, else the place as it is now.
    pub(crate) fn binop_lhs(&mut self, op: &Operand) -> Result<CValue<'db>> {
        let key = self.current_bb.zip(self.current_stmt);
        let Some(id) = key.and_then(|k| self.repairs.snapshot_use.get(&k).copied()) else {
            return self.codegen_operand(op);
        };
        let (slot, taken) = (
            self.repairs.snapshots[id].slot.clone(),
            self.repairs.snapshots[id].taken,
        );
        let now = self.codegen_operand(op)?;
        let (now_ptr, _) = now.force_stack(self);
        let t = self.bcx.use_var(taken);
        let ptr = self.bcx.ins().select(t, slot.ptr, now_ptr);
        let zero = self.bcx.ins().iconst(types::I8, 0);
        self.bcx.def_var(taken, zero);
        Ok(CValue::by_ref(ptr, slot.layout.clone()))
    }

    /// Emits the drops deferred to after the call ending the current block.
    pub fn emit_deferred_drops(&mut self) -> Result<()> {
        let Some(bb) = self.current_bb else {
            return Ok(());
        };
        let Some(sources) = self.repairs.drops_after_call.get(&bb).cloned() else {
            return Ok(());
        };
        let body = self.mir();
        for src in sources {
            if let Some(TerminatorKind::Drop { place, .. }) =
                body.basic_blocks[src].terminator.as_ref().map(|t| &t.kind)
            {
                self.codegen_drop(place)?;
            }
        }
        Ok(())
    }
}

/// The locals of `body` that are never borrowed and written by exactly one statement or
/// call (whole-local writes only; a write through a projection or a `Deinit` counts as a
/// second write), with that write's location.
fn locals_written_once_and_never_borrowed(
    body: &ra_ap_hir_ty::mir::MirBody<'_>,
) -> FxHashMap<ra_ap_hir_ty::mir::LocalId, (BasicBlockId, Option<usize>)> {
    let mut writes: FxHashMap<_, Vec<(BasicBlockId, Option<usize>)>> = FxHashMap::default();
    let mut disqualified = FxHashSet::default();
    for (bb, data) in body.basic_blocks.iter() {
        for (i, s) in data.statements.iter().enumerate() {
            match &s.kind {
                StatementKind::Assign(dest, rvalue) => {
                    if dest.projection.lookup().is_empty() {
                        writes.entry(dest.local).or_default().push((bb, Some(i)));
                    } else {
                        disqualified.insert(dest.local);
                    }
                    if let Rvalue::Ref(_, p) = rvalue {
                        disqualified.insert(p.local);
                    }
                }
                StatementKind::Deinit(p) => {
                    disqualified.insert(p.local);
                }
                _ => {}
            }
        }
        match data.terminator.as_ref().map(|t| &t.kind) {
            Some(TerminatorKind::Call { destination, .. }) => {
                if destination.projection.lookup().is_empty() {
                    writes
                        .entry(destination.local)
                        .or_default()
                        .push((bb, None));
                } else {
                    disqualified.insert(destination.local);
                }
            }
            Some(TerminatorKind::DropAndReplace { place, .. }) => {
                disqualified.insert(place.local);
            }
            _ => {}
        }
    }
    writes
        .into_iter()
        .filter(|(l, w)| w.len() == 1 && !disqualified.contains(l))
        .map(|(l, w)| (l, w[0]))
        .collect()
}
