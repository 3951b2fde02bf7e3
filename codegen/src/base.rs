//! Translating one MIR body to Cranelift IR: the prelude, statements, places, operands,
//! rvalues and terminators (calls are in `call.rs`, arithmetic and casts in `num.rs`).
//!
//! Invariants this module adds because rust-analyzer's MIR does not have them:
//! - drop flags: a `Drop` of a local runs only if the local holds a value (it was assigned
//!   and not moved out since), tracked at run time per local;
//! - bounds checks on `Index`/`ConstantIndex` projections, with rustc's panic;
//! - overflow, division and shift checks in the user's crates (`num.rs`).

use anyhow::{Context as _, Result, anyhow, bail};
use cranelift_codegen::ir::{self, Block, InstBuilder, TrapCode, Value, condcodes::IntCC, types};
use cranelift_frontend::{FunctionBuilder, Switch};
use ra_ap_hir_ty::mir::{
    AggregateKind, LocalId, Operand, OperandKind, Place, PlaceTy, ProjectionElem, Rvalue,
    StatementKind, TerminatorKind,
};
use ra_ap_hir_ty::next_solver::{Ty, TyKind};
use ra_ap_rustc_abi::{BackendRepr, Variants};
use ra_ap_rustc_type_ir::inherent::IntoKind;
use rustc_hash::FxHashSet;

use crate::common::{FunctionCx, return_local};
use crate::cx::CodegenCx;
use crate::instance::Instance;
use crate::value_and_place::{CPlace, CValue, CValueInner, PTR, flags};

/// Compiles a Tier 1 instance (a MIR body) into a Cranelift function.
pub fn codegen_mir_instance<'db>(
    cx: &mut CodegenCx<'db>,
    instance: Instance<'db>,
    func: &mut ir::Function,
) -> Result<()> {
    let body = crate::mir::body_of(&cx.tcx, &instance).map_err(|e| anyhow!("{e}"))?;
    let fn_abi = cx.fn_abi(&instance)?;
    let overflow_checks = instance.overflow_checks(&cx.tcx);
    let mut fbctx = cranelift_frontend::FunctionBuilderContext::new();
    let bcx = FunctionBuilder::new(func, &mut fbctx);
    let mut fx = FunctionCx::new(cx, bcx, instance, fn_abi);
    fx.body = Some(body);
    fx.owner = Some(body.owner);
    fx.overflow_checks = overflow_checks;
    fx.codegen_body()?;
    fx.finish_cleanup_pad()?;
    fx.bcx.seal_all_blocks();
    let config = fx.cx.module_config();
    fx.bcx.finalize(config);
    Ok(())
}

impl<'a, 'db> FunctionCx<'a, 'db> {
    fn codegen_body(&mut self) -> Result<()> {
        let body = self.mir();
        let entry = self.bcx.create_block();
        self.bcx.append_block_params_for_function_params(entry);
        for (bb, _) in body.basic_blocks.iter() {
            let b = self.bcx.create_block();
            self.blocks.insert(bb, b);
        }
        self.bcx.switch_to_block(entry);
        self.prelude(entry)?;
        self.defer_format_args_drops();
        self.plan_operand_snapshots()?;
        let start = self.block(body.start_block);
        if self.coroutine.is_some() {
            self.coroutine_dispatch(start)?;
        } else {
            self.bcx.ins().jump(start, &[]);
        }

        for (bb, data) in body.basic_blocks.iter() {
            let block = self.block(bb);
            self.bcx.switch_to_block(block);
            self.current_bb = Some(bb);
            for (i, stmt) in data.statements.iter().enumerate() {
                self.span = stmt.span;
                self.current_stmt = Some(i);
                self.take_snapshots((bb, Some(i)))?;
                self.codegen_statement(&stmt.kind)
                    .with_context(|| format!("in a statement at {}", self.span_text()))?;
            }
            self.current_stmt = None;
            let Some(term) = &data.terminator else {
                self.bcx.ins().trap(TrapCode::user(1).unwrap());
                continue;
            };
            self.span = term.span;
            self.take_snapshots((bb, None))?;
            self.codegen_terminator(&term.kind)
                .with_context(|| format!("in a terminator at {}", self.span_text()))?;
        }
        Ok(())
    }

    fn prelude(&mut self, entry: Block) -> Result<()> {
        let body = self.mir();
        let params: Vec<Value> = self.bcx.block_params(entry).to_vec();
        let mut next = 0usize;
        let mut take = |n: usize| {
            let v = params[next..next + n].to_vec();
            next += n;
            v
        };
        let ret_ptr = crate::abi::incoming_return_pointer(&self.fn_abi, &mut take);

        // rust-call items (`impl FnOnce for MyType`, `call_once(self, args: (A, B))`) get
        // their tupled arguments spread by the ABI but keep the tuple as one MIR local.
        let n_mir = body.param_locals.len();
        let n_abi = self.fn_abi.args.len();
        let spread_tuple_param = n_mir >= 1
            && n_abi != n_mir
            && matches!(self.instance.kind, crate::instance::InstanceKind::Item(f)
                if ra_ap_hir_def::signatures::FunctionSignature::of(self.cx.tcx.db, f).abi == ra_ap_rustc_abi::ExternAbi::RustCall);
        if n_mir != n_abi && !spread_tuple_param {
            bail!(
                "rac's signature for {} has {} parameters but its MIR has {}",
                self.instance.describe(&self.cx.tcx),
                n_abi,
                n_mir
            );
        }
        let param_locals: FxHashSet<LocalId> = body.param_locals.iter().copied().collect();
        for (i, &local) in body.param_locals.iter().enumerate() {
            let layout = self.layout_of(self.local_ty(local))?;
            if spread_tuple_param && i == n_mir - 1 {
                let place = self.alloc_stack(layout.clone());
                let TyKind::Tuple(fields) = layout.ty.kind() else {
                    bail!("rust-call function without a tuple parameter")
                };
                for (k, _) in fields.iter().enumerate() {
                    let arg = self.fn_abi.args[i + k].clone();
                    let v = crate::abi::incoming_value(self, &arg, &mut take);
                    let off = layout.layout.fields.offset(k).bytes();
                    let p = self.offset_ptr(place.ptr, off as i64);
                    CPlace::new(p, arg.layout.clone()).write(self, v);
                }
                self.set_local_place(local, place);
                continue;
            }
            let arg = self.fn_abi.args[i].clone();
            let place = crate::abi::incoming_param_place(self, &arg, layout, &mut take);
            self.set_local_place(local, place);
        }
        if let crate::instance::InstanceKind::Coroutine(_) = self.instance.kind {
            // The body's locals live in the coroutine (`coroutine.rs`).
            let self_local = body.param_locals[0];
            let self_ptr = self.local_place(self_local).to_cvalue().load_scalar(self);
            self.coroutine_prelude(self_ptr, ret_ptr)?;
        }
        for (local, _) in body.locals.iter() {
            // A coroutine's saved locals have their places in it already; the others
            // (dead at every suspension) live in this frame.
            if param_locals.contains(&local)
                || (self.coroutine.is_some() && self.has_local_place(local))
            {
                continue;
            }
            let layout = self.layout_of(self.local_ty(local))?;
            if local == return_local()
                && let Some(p) = ret_ptr
            {
                self.set_local_place(local, CPlace::new(p, layout));
                continue;
            }
            self.alloc_local_slot(local, layout);
        }
        if self.fn_abi.caller_location {
            self.caller_location = Some(take(1)[0]);
        }
        self.declare_body_move_paths(body)?;
        Ok(())
    }

    /// Declares the drop flags of `body`'s locals (`drops.rs`): those of the locals some
    /// `Drop` terminator drops, and of every other local with drop glue.
    pub(crate) fn declare_body_move_paths(
        &mut self,
        body: &'db ra_ap_hir_ty::mir::MirBody<'db>,
    ) -> Result<()> {
        let mut dropped: FxHashSet<LocalId> = FxHashSet::default();
        for (_, bb) in body.basic_blocks.iter() {
            if let Some(t) = &bb.terminator
                && let TerminatorKind::Drop { place, .. }
                | TerminatorKind::DropAndReplace { place, .. } = &t.kind
            {
                dropped.insert(place.local);
            }
        }
        // rust-analyzer emits no scope-exit drops on paths that diverge (`let g = Guard;
        // panic!()`), but rustc's cleanup drops every initialized local when a call unwinds
        // (scopeguard's `defer_on_unwind!`): such locals get flags too, for the cleanup pad.
        // (Also `let g = Guard; loop { may_panic() }`.)
        for (local, _) in body.locals.iter() {
            if local != return_local()
                && !dropped.contains(&local)
                && crate::glue::needs_drop(&self.cx.tcx, self.local_ty(local))
            {
                dropped.insert(local);
            }
        }
        let params: FxHashSet<LocalId> = body.param_locals.iter().copied().collect();
        let moved = crate::drops::moved_places(self, body);
        self.declare_move_paths(&dropped, &params, moved);
        Ok(())
    }

    /// Reading a non-`Copy` value out of a place moves it (r-a writes `copy` for such moves
    /// too): see `drops.rs`.
    fn note_moves(&mut self, op: &Operand) {
        if let OperandKind::Move(p) | OperandKind::Copy(p) = &op.kind {
            let p = p.clone();
            self.note_move_of(&p);
        }
    }

    fn codegen_statement(&mut self, kind: &StatementKind) -> Result<()> {
        match kind {
            StatementKind::Assign(place, rvalue) => {
                let dest = self.codegen_place(place)?;
                if self.rvalue_reads_local(rvalue, place.local)
                    && !place_is_scalar_local(self, place)
                {
                    let tmp = self.alloc_stack(dest.layout.clone());
                    self.codegen_rvalue(&tmp, rvalue)?;
                    dest.write(self, tmp.to_cvalue());
                } else {
                    self.codegen_rvalue(&dest, rvalue)?;
                }
                self.note_init_of(place);
            }
            StatementKind::FakeRead(_)
            | StatementKind::Deinit(_)
            | StatementKind::StorageLive(_)
            | StatementKind::StorageDead(_)
            | StatementKind::Nop => {}
        }
        Ok(())
    }

    fn rvalue_reads_local(&self, rvalue: &Rvalue, local: LocalId) -> bool {
        let op_reads = |op: &Operand| match &op.kind {
            OperandKind::Copy(p) | OperandKind::Move(p) => p.local == local,
            _ => false,
        };
        match rvalue {
            Rvalue::Use(o)
            | Rvalue::Repeat(o, _)
            | Rvalue::Cast(_, o, _)
            | Rvalue::UnaryOp(_, o) => op_reads(o),
            Rvalue::CheckedBinaryOp(_, a, b) => op_reads(a) || op_reads(b),
            Rvalue::Aggregate(_, ops) => ops.iter().any(op_reads),
            Rvalue::Discriminant(p) | Rvalue::Len(p) | Rvalue::CopyForDeref(p) => p.local == local,
            Rvalue::Ref(_, _) => false,
            Rvalue::ThreadLocalRef(n)
            | Rvalue::AddressOf(n)
            | Rvalue::BinaryOp(n)
            | Rvalue::NullaryOp(n) => match *n {},
        }
    }

    // ---------------------------------------------------------------- places

    pub fn codegen_place(&mut self, place: &Place) -> Result<CPlace<'db>> {
        let mut cur = self.local_place(place.local);
        let mut pty = PlaceTy::from_ty(self.local_ty(place.local));
        for elem in place.projection.lookup() {
            let next_pty = self.project(pty, elem);
            match elem {
                ProjectionElem::Deref => {
                    let target = next_pty.ty;
                    let layout = self.layout_of(target)?;
                    let v = cur.to_cvalue();
                    let ptr_val = match v.inner {
                        CValueInner::ByRef(p, _) => p,
                        _ => unreachable!(),
                    };
                    if self.cx.tcx.is_sized(target) {
                        let p = self.bcx.ins().load(PTR, flags(), ptr_val, 0);
                        cur = CPlace::new(p, layout);
                    } else {
                        let p = self.bcx.ins().load(PTR, flags(), ptr_val, 0);
                        let m = self.bcx.ins().load(PTR, flags(), ptr_val, 8);
                        cur = CPlace {
                            ptr: p,
                            meta: Some(m),
                            layout,
                        };
                    }
                }
                ProjectionElem::Field(f) => {
                    let layout = self.layout_of(next_pty.ty)?;
                    let base_layout = match (pty.variant_id, &cur.layout.layout.variants) {
                        (
                            Some(ra_ap_hir_def::VariantId::EnumVariantId(v)),
                            Variants::Multiple { variants, .. },
                        ) => {
                            let idx = ra_ap_hir_ty::layout::RustcEnumVariantIdx(
                                v.index(self.cx.tcx.db) as usize,
                            );
                            Some(variants[idx].clone())
                        }
                        // A field of a variant the layout has no room for (the enum or the
                        // variant is uninhabited): the code is unreachable, and rustc's
                        // `for_variant` puts such fields at offset 0.
                        (_, Variants::Empty) => None,
                        (
                            Some(ra_ap_hir_def::VariantId::EnumVariantId(v)),
                            Variants::Single { index },
                        ) if index.0 != v.index(self.cx.tcx.db) as usize => None,
                        _ => Some((*cur.layout.layout).clone()),
                    };
                    let offset = match base_layout {
                        Some(l) => l.fields.offset(f.0 as usize).bytes(),
                        None => 0,
                    };
                    let mut ptr = self.offset_ptr(cur.ptr, offset as i64);
                    let meta = if self.cx.tcx.is_sized(next_pty.ty) {
                        None
                    } else {
                        cur.meta
                    };
                    if let Some(vtable) = meta
                        && matches!(self.cx.tcx.tail(next_pty.ty).kind(), TyKind::Dynamic(..))
                    {
                        ptr = self.dyn_tail_field_ptr(cur.ptr, offset, vtable);
                    }
                    cur = CPlace { ptr, meta, layout };
                }
                ProjectionElem::Index(idx_local) => {
                    let idx_place = self.local_place(*idx_local);
                    let idx = idx_place.to_cvalue().load_scalar(self);
                    cur = self.index_place(&cur, pty.ty, next_pty.ty, idx)?;
                }
                &ProjectionElem::ConstantIndex { offset, from_end } => {
                    let idx = if from_end {
                        let len = self.place_len(&cur, pty.ty)?;
                        self.bcx.ins().iadd_imm_s(len, -(offset as i64) - 1)
                    } else {
                        self.bcx.ins().iconst(PTR, offset as i64)
                    };
                    cur = self.index_place(&cur, pty.ty, next_pty.ty, idx)?;
                }
                &ProjectionElem::Subslice { from, to } => {
                    let elem_ty = match pty.ty.kind() {
                        TyKind::Array(t, _) | TyKind::Slice(t) => t,
                        _ => bail!("subslice of a non-array place"),
                    };
                    let elem = self.layout_of(elem_ty)?;
                    let ptr = self.offset_ptr(cur.ptr, (from * elem.size()) as i64);
                    let layout = self.layout_of(next_pty.ty)?;
                    let meta = match cur.meta {
                        Some(len) => Some(self.bcx.ins().iadd_imm_s(len, -((from + to) as i64))),
                        None => None,
                    };
                    cur = CPlace { ptr, meta, layout };
                }
                ProjectionElem::Downcast(_) => {}
            }
            pty = next_pty;
        }
        Ok(cur)
    }

    fn place_len(&mut self, place: &CPlace<'db>, ty: Ty<'db>) -> Result<Value> {
        match ty.kind() {
            TyKind::Array(_, n) => {
                let n = ra_ap_hir_ty::consteval::try_const_usize(self.cx.tcx.db, n)
                    .ok_or_else(|| anyhow!("array length is not a known constant"))?;
                Ok(self.bcx.ins().iconst(PTR, n as i64))
            }
            _ => place
                .meta
                .ok_or_else(|| anyhow!("length of a place without metadata")),
        }
    }

    fn index_place(
        &mut self,
        base: &CPlace<'db>,
        base_ty: Ty<'db>,
        elem_ty: Ty<'db>,
        idx: Value,
    ) -> Result<CPlace<'db>> {
        let len = self.place_len(base, base_ty)?;
        let ok = self.bcx.ins().icmp(IntCC::UnsignedLessThan, idx, len);
        let ok_block = self.bcx.create_block();
        let fail = self.bcx.create_block();
        self.bcx.set_cold_block(fail);
        self.bcx.ins().brif(ok, ok_block, &[], fail, &[]);
        self.bcx.switch_to_block(fail);
        self.panic_bounds_check(idx, len)?;
        self.bcx.switch_to_block(ok_block);
        let layout = self.layout_of(elem_ty)?;
        let off = self.bcx.ins().imul_imm_s(idx, layout.size() as i64);
        let ptr = self.bcx.ins().iadd(base.ptr, off);
        Ok(CPlace::new(ptr, layout))
    }

    // ---------------------------------------------------------------- operands

    pub fn operand_ty(&self, op: &Operand) -> Ty<'db> {
        let tcx = &self.cx.tcx;
        match &op.kind {
            OperandKind::Copy(p) | OperandKind::Move(p) => self.place_ty(p),
            OperandKind::Constant { ty, .. } => tcx.mono(ty.as_ref()),
            OperandKind::Allocation { allocation } => tcx.mono(allocation.as_ref().ty),
            OperandKind::Static(s) => {
                let ty = crate::constant::static_ty(tcx, *s);
                tcx.imm_ref(ty)
            }
            OperandKind::PromotedConstRef { ty, .. } => tcx.imm_ref(tcx.mono(ty.as_ref())),
        }
    }

    pub fn place_ty(&self, p: &Place) -> Ty<'db> {
        let mut pty = PlaceTy::from_ty(self.local_ty(p.local));
        for elem in p.projection.lookup() {
            pty = self.project(pty, elem);
        }
        pty.ty
    }

    /// The type of a projection. r-a reads a `Subslice { from, to }` of an array as
    /// `[T; to - from]`, but its pattern lowering passes `to` counted from the end (as for
    /// slices): the subslice of `[T; N]` is `[T; N - from - to]`.
    pub fn project_ty(&self, pty: PlaceTy<'db>, elem: &ProjectionElem<LocalId>) -> PlaceTy<'db> {
        self.project(pty, elem)
    }

    fn project(&self, pty: PlaceTy<'db>, elem: &ProjectionElem<LocalId>) -> PlaceTy<'db> {
        let tcx = &self.cx.tcx;
        if let ProjectionElem::Subslice { from, to } = elem
            && let TyKind::Array(e, n) = pty.ty.kind()
            && let Some(n) = ra_ap_hir_ty::consteval::try_const_usize(tcx.db, n)
        {
            let len = (n as u64).saturating_sub(from + to);
            return PlaceTy::from_ty(ra_ap_hir_ty::next_solver::Ty::new_array(
                tcx.interner,
                e,
                len,
            ));
        }
        let t = pty.projection_ty(&tcx.infcx, elem, tcx.env.param_env);
        PlaceTy {
            ty: tcx.mono(t.ty),
            variant_id: t.variant_id,
        }
    }

    pub fn codegen_operand(&mut self, op: &Operand) -> Result<CValue<'db>> {
        match &op.kind {
            OperandKind::Copy(p) | OperandKind::Move(p) => {
                let place = self.codegen_place(p)?;
                Ok(place.to_cvalue())
            }
            OperandKind::Constant { konst, ty } => {
                let ty = self.cx.tcx.mono(ty.as_ref());
                crate::constant::codegen_const(self, konst.as_ref(), ty)
            }
            OperandKind::Allocation { allocation } => {
                crate::constant::codegen_allocation(self, allocation.as_ref())
            }
            OperandKind::Static(s) => {
                let s = *s;
                let ty = self.operand_ty(op);
                let layout = self.layout_of(ty)?;
                let addr = crate::constant::static_addr(self, s)?;
                Ok(CValue::by_val(addr, layout))
            }
            OperandKind::PromotedConstRef { konst, ty } => {
                let ref_ty = self.operand_ty(op);
                let layout = self.layout_of(ref_ty)?;
                let ty = self.cx.tcx.mono(ty.as_ref());
                let addr = crate::constant::promoted_const_ref(self, konst.as_ref(), ty)?;
                Ok(CValue::by_val(addr, layout))
            }
        }
    }

    // ---------------------------------------------------------------- rvalues

    fn codegen_rvalue(&mut self, dest: &CPlace<'db>, rvalue: &Rvalue) -> Result<()> {
        match rvalue {
            Rvalue::Use(op) => {
                let v = self.codegen_operand(op)?;
                self.note_moves(op);
                dest.write(self, v.with_layout(dest.layout.clone()));
            }
            Rvalue::CopyForDeref(p) => {
                let v = self.codegen_place(p)?.to_cvalue();
                dest.write(self, v);
            }
            Rvalue::Repeat(op, _len) => {
                let v = self.codegen_operand(op)?;
                self.note_moves(op);
                let n = match dest.layout.ty.kind() {
                    TyKind::Array(_, n) => {
                        ra_ap_hir_ty::consteval::try_const_usize(self.cx.tcx.db, n)
                            .ok_or_else(|| anyhow!("repeat length is not a known constant"))?
                            as u64
                    }
                    _ => bail!("repeat into a non-array"),
                };
                let elem = v.layout.clone();
                if elem.size() == 0 || n == 0 {
                    return Ok(());
                }
                if n <= 16 {
                    for i in 0..n {
                        let p = self.offset_ptr(dest.ptr, (i * elem.size()) as i64);
                        CPlace::new(p, elem.clone()).write(self, v.clone());
                    }
                } else {
                    self.repeat_loop(dest.ptr, v, n)?;
                }
            }
            Rvalue::Ref(_, place) => {
                let p = self.codegen_place(place)?;
                if p.layout.ty == dest.layout.ty {
                    // `_r = &p` where `p` already has the reference's type: r-a lowers an
                    // overloaded `*x`/`x[i]` whose operand carries an autoref adjustment by
                    // borrowing the already-borrowed temporary again. The MIR's types say
                    // what was meant (`&T`, not `&&T`): pass the reference on.
                    dest.write(self, p.to_cvalue());
                } else {
                    dest.write(self, p.address_value(dest.layout.clone()));
                }
            }
            Rvalue::Len(place) => {
                let pty = self.place_ty(place);
                let p = self.codegen_place(place)?;
                let len = self.place_len(&p, pty)?;
                dest.write(self, CValue::by_val(len, dest.layout.clone()));
            }
            Rvalue::Cast(kind, op, target) => {
                let target = self.cx.tcx.mono(target.as_ref());
                let v = self.codegen_operand(op)?;
                let from_ty = self.operand_ty(op);
                self.note_moves(op);
                let out = crate::num::codegen_cast(self, kind, v, from_ty, target)?;
                dest.write(self, out);
            }
            Rvalue::CheckedBinaryOp(op, a, b) => {
                let ta = self.operand_ty(a);
                let tb = self.operand_ty(b);
                let va = self.binop_lhs(a)?;
                let vb = self.codegen_operand(b)?;
                let out = crate::num::codegen_binop(self, op, va, ta, vb, tb, dest.layout.clone())?;
                dest.write(self, out);
            }
            Rvalue::UnaryOp(op, a) => {
                let ta = self.operand_ty(a);
                // r-a lowers a literal to an allocation (a named constant stays
                // `Constant`): `-128i8` is `Neg(128i8)`, which rustc folds into one
                // constant, without an overflow check.
                let literal = matches!(&a.kind, OperandKind::Allocation { .. });
                let va = self.codegen_operand(a)?;
                let out =
                    crate::num::codegen_unop(self, *op, va, ta, literal, dest.layout.clone())?;
                dest.write(self, out);
            }
            Rvalue::Discriminant(place) => {
                let p = self.codegen_place(place)?;
                let d = self.read_discriminant(&p)?;
                let dty = crate::num::clif_int_type(&dest.layout);
                let d = crate::num::int_cast(self, d, dty, true);
                dest.write(self, CValue::by_val(d, dest.layout.clone()));
            }
            Rvalue::Aggregate(kind, ops) => self.codegen_aggregate(dest, kind, ops)?,
            Rvalue::ThreadLocalRef(n)
            | Rvalue::AddressOf(n)
            | Rvalue::BinaryOp(n)
            | Rvalue::NullaryOp(n) => match *n {},
        }
        Ok(())
    }

    fn repeat_loop(&mut self, base: Value, v: CValue<'db>, n: u64) -> Result<()> {
        let elem = v.layout.clone();
        // Spill the element once so the loop body only copies memory.
        let (src, _) = v.force_stack(self);
        let header = self.bcx.create_block();
        let body = self.bcx.create_block();
        let done = self.bcx.create_block();
        self.bcx.append_block_param(header, PTR);
        let zero = self.bcx.ins().iconst(PTR, 0);
        self.bcx.ins().jump(header, &[zero.into()]);
        self.bcx.switch_to_block(header);
        let i = self.bcx.block_params(header)[0];
        let c = self
            .bcx
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThan, i, n as i64);
        self.bcx.ins().brif(c, body, &[], done, &[]);
        self.bcx.switch_to_block(body);
        let off = self.bcx.ins().imul_imm_s(i, elem.size() as i64);
        let p = self.bcx.ins().iadd(base, off);
        self.copy_bytes(p, src, elem.size(), elem.align());
        let i1 = self.bcx.ins().iadd_imm_s(i, 1);
        self.bcx.ins().jump(header, &[i1.into()]);
        self.bcx.switch_to_block(done);
        Ok(())
    }

    fn codegen_aggregate(
        &mut self,
        dest: &CPlace<'db>,
        kind: &AggregateKind,
        ops: &[Operand],
    ) -> Result<()> {
        let tcx_db = self.cx.tcx.db;
        match kind {
            AggregateKind::Array(_) => {
                let elem_ty = match dest.layout.ty.kind() {
                    TyKind::Array(t, _) => t,
                    _ => bail!("array aggregate into a non-array"),
                };
                let elem = self.layout_of(elem_ty)?;
                for (i, op) in ops.iter().enumerate() {
                    let v = self.codegen_operand(op)?;
                    self.note_moves(op);
                    let p = self.offset_ptr(dest.ptr, (i as u64 * elem.size()) as i64);
                    CPlace::new(p, elem.clone()).write(self, v);
                }
            }
            AggregateKind::Tuple(_) | AggregateKind::Closure(_) => {
                let layout = (*dest.layout.layout).clone();
                self.write_fields(dest, &layout, ops)?;
                if let TyKind::Coroutine(..) = dest.layout.ty.kind() {
                    crate::coroutine::init_state(self, dest)?;
                }
            }
            AggregateKind::Union(_, field) => {
                let idx = u32::from(field.local_id.into_raw()) as usize;
                let off = dest.layout.layout.fields.offset(idx).bytes();
                let v = self.codegen_operand(&ops[0])?;
                self.note_moves(&ops[0]);
                let p = self.offset_ptr(dest.ptr, off as i64);
                CPlace::new(p, v.layout.clone()).write(self, v);
            }
            AggregateKind::Adt(variant, _args) => match variant {
                ra_ap_hir_def::VariantId::EnumVariantId(v) => {
                    let idx = v.index(tcx_db) as usize;
                    let vl = match &dest.layout.layout.variants {
                        Variants::Multiple { variants, .. } => {
                            variants[ra_ap_hir_ty::layout::RustcEnumVariantIdx(idx)].clone()
                        }
                        _ => (*dest.layout.layout).clone(),
                    };
                    self.write_fields(dest, &vl, ops)?;
                    self.write_discriminant(dest, idx)?;
                }
                _ => {
                    let layout = (*dest.layout.layout).clone();
                    self.write_fields(dest, &layout, ops)?;
                }
            },
        }
        Ok(())
    }

    fn write_fields(
        &mut self,
        dest: &CPlace<'db>,
        layout: &ra_ap_hir_ty::layout::Layout,
        ops: &[Operand],
    ) -> Result<()> {
        for (i, op) in ops.iter().enumerate() {
            let v = self.codegen_operand(op)?;
            self.note_moves(op);
            if v.layout.is_zst() {
                continue;
            }
            let off = layout.fields.offset(i).bytes();
            let p = self.offset_ptr(dest.ptr, off as i64);
            CPlace::new(p, v.layout.clone()).write(self, v);
        }
        Ok(())
    }

    pub fn codegen_switch(&mut self, discr: Value, targets: &[(u128, Block)], otherwise: Block) {
        let ty = self.bcx.func.dfg.value_type(discr);
        if ty == types::I128 {
            for &(val, target) in targets {
                let next = self.bcx.create_block();
                let lo = self.bcx.ins().iconst(types::I64, val as u64 as i64);
                let hi = self.bcx.ins().iconst(types::I64, (val >> 64) as u64 as i64);
                let c = self.bcx.ins().iconcat(lo, hi);
                let eq = self.bcx.ins().icmp(IntCC::Equal, discr, c);
                self.bcx.ins().brif(eq, target, &[], next, &[]);
                self.bcx.switch_to_block(next);
            }
            self.bcx.ins().jump(otherwise, &[]);
            return;
        }
        let bits = ty.bits();
        let mask = if bits >= 128 {
            u128::MAX
        } else {
            (1u128 << bits) - 1
        };
        let mut sw = Switch::new();
        let mut seen = FxHashSet::default();
        for &(val, target) in targets {
            let v = val & mask;
            if seen.insert(v) {
                sw.set_entry(v, target);
            }
        }
        sw.emit(&mut self.bcx, discr, otherwise);
    }

    // ---------------------------------------------------------------- terminators

    fn codegen_terminator(&mut self, kind: &TerminatorKind) -> Result<()> {
        match kind {
            TerminatorKind::Goto { target } => {
                let b = self.block(*target);
                self.bcx.ins().jump(b, &[]);
            }
            TerminatorKind::FalseEdge { real_target, .. }
            | TerminatorKind::FalseUnwind { real_target, .. } => {
                let b = self.block(*real_target);
                self.bcx.ins().jump(b, &[]);
            }
            TerminatorKind::SwitchInt { discr, targets } => {
                let v = self.codegen_operand(discr)?;
                let v = v.load_scalar(self);
                let list: Vec<(u128, Block)> = targets
                    .iter()
                    .map(|(val, bb)| (val, self.block(bb)))
                    .collect();
                let otherwise = self.block(targets.otherwise());
                self.codegen_switch(v, &list, otherwise);
            }
            TerminatorKind::Return => self.codegen_return()?,
            TerminatorKind::Unreachable => {
                self.bcx.ins().trap(TrapCode::user(2).unwrap());
            }
            TerminatorKind::UnwindResume
            | TerminatorKind::Abort
            | TerminatorKind::CoroutineDrop => {
                self.bcx.ins().trap(TrapCode::user(3).unwrap());
            }
            TerminatorKind::Drop { place, target, .. } => {
                let deferred = self
                    .current_bb
                    .is_some_and(|bb| self.repairs.drop_is_deferred(bb));
                if !deferred {
                    self.codegen_drop(place)?;
                }
                let b = self.block(*target);
                self.bcx.ins().jump(b, &[]);
            }
            TerminatorKind::DropAndReplace {
                place,
                value,
                target,
                ..
            } => {
                self.codegen_drop(place)?;
                let dest = self.codegen_place(place)?;
                let v = self.codegen_operand(value)?;
                self.note_moves(value);
                dest.write(self, v);
                self.note_init_of(place);
                let b = self.block(*target);
                self.bcx.ins().jump(b, &[]);
            }
            TerminatorKind::Call {
                func,
                args,
                destination,
                target,
                ..
            } => {
                crate::call::codegen_call(self, func, args, destination, *target)?;
                if destination.projection.lookup().is_empty() {
                    // The flag is set after the call returned, on the path to `target`.
                }
            }
            TerminatorKind::Assert {
                cond,
                expected,
                target,
                ..
            } => {
                let c = self.codegen_operand(cond)?.load_scalar(self);
                let ok = self.block(*target);
                let fail = self.bcx.create_block();
                if *expected {
                    self.bcx.ins().brif(c, ok, &[], fail, &[]);
                } else {
                    self.bcx.ins().brif(c, fail, &[], ok, &[]);
                }
                self.bcx.switch_to_block(fail);
                self.bcx.ins().trap(TrapCode::user(4).unwrap());
            }
            TerminatorKind::Yield { resume, .. } if self.coroutine.is_some() => {
                self.codegen_yield(*resume)?
            }
            TerminatorKind::Yield { .. } => bail!("coroutines (`yield`) are not supported by rac"),
        }
        Ok(())
    }

    /// Marks a call's destination as holding a value (done by `call.rs` after the call).
    pub fn call_returned_into(&mut self, destination: &Place) {
        self.note_init_of(destination);
    }

    pub fn note_call_moves(&mut self, args: &[Operand]) {
        for a in args {
            self.note_moves(a);
        }
    }

    fn codegen_return(&mut self) -> Result<()> {
        if self.coroutine.is_some() {
            return self.codegen_coroutine_return();
        }
        let place = self.local_place(return_local());
        self.return_from(&place);
        Ok(())
    }

    pub fn codegen_drop(&mut self, place: &Place) -> Result<()> {
        self.drop_place(place)
    }

    // ---------------------------------------------------------------- enums
}

fn place_is_scalar_local(fx: &FunctionCx<'_, '_>, place: &Place) -> bool {
    place.projection.lookup().is_empty()
        && matches!(
            fx.local_layout(place.local).layout.backend_repr,
            BackendRepr::Scalar(_)
        )
}
