//! Drop elaboration: which parts of a local are still owned when its `Drop` runs.
//!
//! rust-analyzer's MIR drops whole locals at the end of their scope, whatever was moved out
//! of them before, and it writes `copy` for moves of non-`Copy` values. rustc's drop
//! elaboration tracks *move paths* instead (`x`, `x.0`, `(x as Some).0`, ...), each with a
//! runtime flag where needed, and drops what is left field by field ("open drop"). rac
//! does the same, at the granularity the MIR needs:
//!
//! - every local that a `Drop` terminator drops gets a root flag (initialized?);
//! - every field path moved out of such a local (found by a scan of the body) gets its own
//!   flag; a path's state is its own flag, or that of its nearest tracked ancestor;
//! - moving a path clears its flag and its descendants'; writing a path sets them;
//! - dropping a local with moved-out descendants drops the remaining fields one by one.
//!
//! Invariant: reading a `Copy` value is never a move, so `println!("{}", d.0)` leaves `d`
//! to be dropped at the end of its scope.

use anyhow::Result;
use cranelift_codegen::ir::{InstBuilder, types};
use cranelift_frontend::Variable;
use ra_ap_hir_def::VariantId;
use ra_ap_hir_ty::mir::{LocalId, MirBody, Place, PlaceTy, ProjectionElem};
use ra_ap_hir_ty::next_solver::{Ty, TyKind};
use ra_ap_rustc_abi::Variants;
use ra_ap_rustc_type_ir::inherent::{GenericArgs as _, IntoKind};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::common::FunctionCx;
use crate::value_and_place::CPlace;

/// One step of a move path below a local.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PathElem {
    Field(u32),
    Variant(VariantId),
    /// An array element, from a by-value slice pattern (`let [a, b] = arr;`).
    Element(u64),
}

/// The tracked move paths of the function's dropped locals.
#[derive(Default)]
pub struct MovePaths {
    /// Per local: its root flag, and the flags of its moved-out descendants.
    pub locals: FxHashMap<LocalId, LocalPaths>,
}

pub struct LocalPaths {
    pub root: Variable,
    pub children: Vec<(Vec<PathElem>, Variable)>,
}

/// The path of `place` below its local, if it is made of field, variant and constant
/// index steps only (`None` for moves through a `Deref`, an `Index` or a `Subslice`).
pub fn path_of(place: &Place) -> Option<Vec<PathElem>> {
    let mut out = Vec::new();
    for elem in place.projection.lookup() {
        match elem {
            ProjectionElem::Field(f) => out.push(PathElem::Field(f.0)),
            ProjectionElem::Downcast(v) => out.push(PathElem::Variant(*v)),
            &ProjectionElem::ConstantIndex {
                offset,
                from_end: false,
            } => out.push(PathElem::Element(offset)),
            _ => return None,
        }
    }
    Some(out)
}

/// The places the body moves out of (operands of non-`Copy` type), per local.
pub fn moved_places<'db>(fx: &FunctionCx<'_, 'db>, body: &MirBody<'db>) -> Vec<Place> {
    let mut out = ra_ap_hir_ty::mir::places_read_by_value(body);
    out.retain(|p| !fx.is_copy(fx.place_ty(p)));
    out
}

impl<'db> FunctionCx<'_, 'db> {
    pub fn is_copy(&self, ty: Ty<'db>) -> bool {
        self.cx
            .tcx
            .infcx
            .type_is_copy_modulo_regions(self.cx.tcx.env.param_env, ty)
    }

    /// Declares the flags: `dropped` locals get a root flag (set for parameters), and the
    /// field paths moved out of them get their own.
    pub fn declare_move_paths(
        &mut self,
        dropped: &FxHashSet<LocalId>,
        params: &FxHashSet<LocalId>,
        moved: Vec<Place>,
    ) {
        for &local in dropped {
            let root = self.new_flag(params.contains(&local));
            self.move_paths.locals.insert(
                local,
                LocalPaths {
                    root,
                    children: Vec::new(),
                },
            );
        }
        for place in moved {
            let Some(lp) = self.move_paths.locals.get(&place.local) else {
                continue;
            };
            let Some(path) = path_of(&place) else {
                continue;
            };
            if lp.children.iter().any(|(p, _)| *p == path) {
                continue;
            }
            let init = params.contains(&place.local);
            let var = self.new_flag(init);
            self.move_paths
                .locals
                .get_mut(&place.local)
                .unwrap()
                .children
                .push((path, var));
        }
    }

    fn new_flag(&mut self, init: bool) -> Variable {
        let var = self.bcx.declare_var(types::I8);
        let v = self.bcx.ins().iconst(types::I8, init as i64);
        self.bcx.def_var(var, v);
        var
    }

    fn set_flag(&mut self, var: Variable, value: bool) {
        let v = self.bcx.ins().iconst(types::I8, value as i64);
        self.bcx.def_var(var, v);
    }

    /// The flags of `path` and everything below it.
    fn flags_at_or_below(&self, local: LocalId, path: &[PathElem]) -> Vec<Variable> {
        let Some(lp) = self.move_paths.locals.get(&local) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if path.is_empty() {
            out.push(lp.root);
        }
        for (p, v) in &lp.children {
            if p.starts_with(path) {
                out.push(*v);
            }
        }
        out
    }

    /// `place` was moved out of (a move, or r-a's `copy` of a non-`Copy` value).
    pub fn note_move_of(&mut self, place: &Place) {
        if !self.move_paths.locals.contains_key(&place.local) {
            return;
        }
        let path = if place.projection.lookup().is_empty() {
            Vec::new()
        } else {
            if self.is_copy(self.place_ty(place)) {
                return;
            }
            // A move through a `Deref` or an index: the local no longer owns all of
            // itself, and rac cannot tell which part. Leaking the rest is safe; it only
            // differs from rustc for moves out of a `Box`, whose allocation leaks.
            path_of(place).unwrap_or_default()
        };
        for var in self.flags_at_or_below(place.local, &path) {
            self.set_flag(var, false);
        }
    }

    /// `place` was written (an assignment or a call's destination).
    pub fn note_init_of(&mut self, place: &Place) {
        if !self.move_paths.locals.contains_key(&place.local) {
            return;
        }
        let Some(path) = path_of(place) else {
            return;
        };
        for var in self.flags_at_or_below(place.local, &path) {
            self.set_flag(var, true);
        }
    }

    /// The flag deciding whether `path` is initialized: its own, or its nearest tracked
    /// ancestor's.
    fn flag_of(&self, local: LocalId, path: &[PathElem]) -> Option<Variable> {
        let lp = self.move_paths.locals.get(&local)?;
        let mut best: Option<(usize, Variable)> = Some((0, lp.root));
        for (p, v) in &lp.children {
            if path.starts_with(p) && best.is_none_or(|(n, _)| p.len() >= n) {
                best = Some((p.len(), *v));
            }
        }
        best.map(|(_, v)| v)
    }

    fn has_tracked_below(&self, local: LocalId, path: &[PathElem]) -> bool {
        self.move_paths.locals.get(&local).is_some_and(|lp| {
            lp.children
                .iter()
                .any(|(p, _)| p.len() > path.len() && p.starts_with(path))
        })
    }

    /// Drops what `place` still owns, then marks it moved.
    pub fn drop_place(&mut self, place: &Place) -> Result<()> {
        let ty = self.place_ty(place);
        if !crate::glue::needs_drop(&self.cx.tcx, ty) {
            return Ok(());
        }
        let cplace = self.codegen_place(place)?;
        match (
            self.move_paths.locals.contains_key(&place.local),
            path_of(place),
        ) {
            (true, Some(path)) => {
                self.drop_path(place.local, &path, &cplace, PlaceTy::from_ty(ty))?;
                for var in self.flags_at_or_below(place.local, &path) {
                    self.set_flag(var, false);
                }
            }
            // Not a local's own path (`*r`, `v[i]`): always initialized.
            _ => crate::glue::call_drop_in_place(self, &cplace)?,
        }
        Ok(())
    }

    fn drop_path(
        &mut self,
        local: LocalId,
        path: &[PathElem],
        place: &CPlace<'db>,
        pty: PlaceTy<'db>,
    ) -> Result<()> {
        if !crate::glue::needs_drop(&self.cx.tcx, pty.ty) {
            return Ok(());
        }
        let open = self.has_tracked_below(local, path);
        let cont = self.bcx.create_block();
        if let Some(flag) = self.flag_of(local, path) {
            let f = self.bcx.use_var(flag);
            let do_drop = self.bcx.create_block();
            self.bcx.ins().brif(f, do_drop, &[], cont, &[]);
            self.bcx.switch_to_block(do_drop);
        }
        if open {
            self.open_drop(local, path, place, pty)?;
        } else {
            crate::glue::call_drop_in_place(self, place)?;
        }
        self.bcx.ins().jump(cont, &[]);
        self.bcx.switch_to_block(cont);
        Ok(())
    }

    /// Drops the fields of a partly moved-out value one by one.
    fn open_drop(
        &mut self,
        local: LocalId,
        path: &[PathElem],
        place: &CPlace<'db>,
        pty: PlaceTy<'db>,
    ) -> Result<()> {
        match pty.ty.kind() {
            TyKind::Adt(def, _) if matches!(def.def_id(), ra_ap_hir_def::AdtId::EnumId(_)) => {
                // Variants with moved-out fields are dropped field by field; any other
                // variant is dropped whole.
                let lp = &self.move_paths.locals[&local];
                let mut variants: Vec<VariantId> = lp
                    .children
                    .iter()
                    .filter(|(p, _)| p.len() > path.len() && p.starts_with(path))
                    .filter_map(|(p, _)| match p[path.len()] {
                        PathElem::Variant(v) => Some(v),
                        _ => None,
                    })
                    .collect();
                variants.dedup();
                let discr = self.read_discriminant(place)?;
                let done = self.bcx.create_block();
                let whole = self.bcx.create_block();
                let mut arms = Vec::new();
                for v in &variants {
                    let VariantId::EnumVariantId(ev) = *v else {
                        continue;
                    };
                    let value = self
                        .cx
                        .tcx
                        .db
                        .const_eval_discriminant(ev)
                        .map_err(|_| anyhow::anyhow!("cannot evaluate a discriminant"))?;
                    arms.push((value as u128, self.bcx.create_block(), *v));
                }
                let targets: Vec<_> = arms.iter().map(|(val, b, _)| (*val, *b)).collect();
                self.codegen_switch(discr, &targets, whole);
                for (_, block, v) in arms {
                    self.bcx.switch_to_block(block);
                    let mut vpath = path.to_vec();
                    vpath.push(PathElem::Variant(v));
                    let vpty = PlaceTy {
                        ty: pty.ty,
                        variant_id: Some(v),
                    };
                    self.drop_fields(local, &vpath, place, vpty)?;
                    self.bcx.ins().jump(done, &[]);
                }
                self.bcx.switch_to_block(whole);
                crate::glue::call_drop_in_place(self, place)?;
                self.bcx.ins().jump(done, &[]);
                self.bcx.switch_to_block(done);
                Ok(())
            }
            _ => self.drop_fields(local, path, place, pty),
        }
    }

    fn drop_fields(
        &mut self,
        local: LocalId,
        path: &[PathElem],
        place: &CPlace<'db>,
        pty: PlaceTy<'db>,
    ) -> Result<()> {
        if let TyKind::Array(elem, n) = pty.ty.kind() {
            let n = ra_ap_hir_ty::consteval::try_const_usize(self.cx.tcx.db, n).unwrap_or(0);
            let el = self.layout_of(elem)?;
            for i in 0..n as u64 {
                let p = self.offset_ptr(place.ptr, (i * el.size()) as i64);
                let mut sub = path.to_vec();
                sub.push(PathElem::Element(i));
                self.drop_path(
                    local,
                    &sub,
                    &CPlace::new(p, el.clone()),
                    PlaceTy::from_ty(elem),
                )?;
            }
            return Ok(());
        }
        let n = match pty.ty.kind() {
            TyKind::Tuple(tys) => tys.len(),
            TyKind::Closure(_, args) => args.as_closure().upvar_tys().len(),
            TyKind::Adt(..) => {
                let variant = match (pty.variant_id, pty.ty.kind()) {
                    (Some(v), _) => v,
                    (None, TyKind::Adt(def, _)) => match def.def_id() {
                        ra_ap_hir_def::AdtId::StructId(s) => s.into(),
                        ra_ap_hir_def::AdtId::UnionId(u) => u.into(),
                        ra_ap_hir_def::AdtId::EnumId(_) => unreachable!(),
                    },
                    _ => unreachable!(),
                };
                self.cx.tcx.db.field_types(variant).iter().count()
            }
            _ => anyhow::bail!(
                "rac cannot drop the rest of a partly moved `{}`",
                self.cx.tcx.display(pty.ty)
            ),
        };
        let layout = match (pty.variant_id, &place.layout.layout.variants) {
            (Some(VariantId::EnumVariantId(v)), Variants::Multiple { variants, .. }) => variants
                [ra_ap_hir_ty::layout::RustcEnumVariantIdx(v.index(self.cx.tcx.db) as usize)]
            .clone(),
            _ => (*place.layout.layout).clone(),
        };
        for i in 0..n {
            let elem = ProjectionElem::Field(ra_ap_hir_ty::mir::FieldIndex(i as u32));
            let fty = self.project_ty(pty, &elem);
            let fl = self.layout_of(fty.ty)?;
            let p = self.offset_ptr(place.ptr, layout.fields.offset(i).bytes() as i64);
            let mut sub = path.to_vec();
            sub.push(PathElem::Field(i as u32));
            self.drop_path(local, &sub, &CPlace::new(p, fl), PlaceTy::from_ty(fty.ty))?;
        }
        Ok(())
    }
}

/// Exception tags of `try_call`s (rac's convention, as cg_clif's): a cleanup pad runs drops
/// and resumes unwinding; a catch is the `catch_unwind` intrinsic.
pub const TAG_CLEANUP: u32 = 0;
pub const TAG_CATCH: u32 = 1;

/// How a call is made.
pub enum CallTarget {
    Direct(cranelift_codegen::ir::FuncRef),
    Indirect(cranelift_codegen::ir::SigRef, cranelift_codegen::ir::Value),
}

impl<'db> FunctionCx<'_, 'db> {
    /// The landing pad for calls made now: while the function owns values that need
    /// dropping, a call that unwinds must drop them (rustc's cleanup blocks).
    fn cleanup_block(&mut self) -> Option<cranelift_codegen::ir::Block> {
        if self.in_cleanup || self.move_paths.locals.is_empty() {
            return None;
        }
        if let Some(b) = self.cleanup_pad {
            return Some(b);
        }
        let b = self.bcx.create_block();
        self.bcx.set_cold_block(b);
        self.bcx.append_block_param(b, crate::value_and_place::PTR);
        self.cleanup_pad = Some(b);
        Some(b)
    }

    /// Emits a call, as a `try_call` into the cleanup pad when there is one; returns the
    /// call's results.
    pub fn emit_call_inst(
        &mut self,
        target: CallTarget,
        args: &[cranelift_codegen::ir::Value],
    ) -> Vec<cranelift_codegen::ir::Value> {
        use cranelift_codegen::ir::{
            BlockArg, ExceptionTableData, ExceptionTableItem, ExceptionTag,
        };
        let Some(pad) = self.cleanup_block() else {
            let inst = match target {
                CallTarget::Direct(f) => self.bcx.ins().call(f, args),
                CallTarget::Indirect(s, p) => self.bcx.ins().call_indirect(s, p, args),
            };
            return self.bcx.inst_results(inst).to_vec();
        };
        let sig = match target {
            CallTarget::Direct(f) => self.bcx.func.dfg.ext_funcs[f].signature,
            CallTarget::Indirect(s, _) => s,
        };
        let rets: Vec<_> = self.bcx.func.dfg.signatures[sig]
            .returns
            .iter()
            .map(|r| r.value_type)
            .collect();
        let normal = self.bcx.create_block();
        for &t in &rets {
            self.bcx.append_block_param(normal, t);
        }
        let normal_args: Vec<BlockArg> = (0..rets.len())
            .map(|i| BlockArg::TryCallRet(i as u32))
            .collect();
        let normal_call = self.bcx.func.dfg.block_call(normal, &normal_args);
        let pad_call = self
            .bcx
            .func
            .dfg
            .block_call(pad, &[BlockArg::TryCallExn(0)]);
        let et = self
            .bcx
            .func
            .dfg
            .exception_tables
            .push(ExceptionTableData::new(
                sig,
                normal_call,
                [ExceptionTableItem::Tag(
                    ExceptionTag::with_number(TAG_CLEANUP).unwrap(),
                    pad_call,
                )],
            ));
        match target {
            CallTarget::Direct(f) => self.bcx.ins().try_call(f, args, et),
            CallTarget::Indirect(_, p) => self.bcx.ins().try_call_indirect(p, args, et),
        };
        self.bcx.switch_to_block(normal);
        self.bcx.seal_block(normal);
        self.bcx.block_params(normal).to_vec()
    }

    /// Fills in the cleanup pad: drop, in reverse order of declaration, every local (or
    /// part of one) still initialized when the call unwound, then resume unwinding.
    /// Drops what every tracked local still holds, last declared first, and the locals
    /// holding a closure's or coroutine's captures last, as rustc's scopes do (the cleanup
    /// of an unwinding body, and the drop of a suspended coroutine).
    pub fn drop_all_flagged_locals(&mut self) -> Result<()> {
        let mut locals: Vec<LocalId> = self.move_paths.locals.keys().copied().collect();
        let captures: FxHashSet<LocalId> = self
            .mir()
            .upvar_locals
            .values()
            .flatten()
            .map(|(l, _)| *l)
            .collect();
        locals.sort_by_key(|l| std::cmp::Reverse((!captures.contains(l), l.into_raw().into_u32())));
        for local in locals {
            let ty = self.local_ty(local);
            let place = self.local_place(local);
            self.drop_path(local, &[], &place, PlaceTy::from_ty(ty))?;
        }
        Ok(())
    }

    pub fn finish_cleanup_pad(&mut self) -> Result<()> {
        let Some(pad) = self.cleanup_pad else {
            return Ok(());
        };
        self.in_cleanup = true;
        self.bcx.switch_to_block(pad);
        let exn = self.bcx.block_params(pad)[0];
        self.drop_all_flagged_locals()?;
        let mut sig =
            cranelift_codegen::ir::Signature::new(cranelift_codegen::isa::CallConv::SystemV);
        sig.params.push(cranelift_codegen::ir::AbiParam::new(
            crate::value_and_place::PTR,
        ));
        let resume = self.cx.import_function("_Unwind_Resume", &sig)?;
        let fr = self.func_ref(resume);
        self.bcx.ins().call(fr, &[exn]);
        self.bcx
            .ins()
            .trap(cranelift_codegen::ir::TrapCode::user(8).unwrap());
        Ok(())
    }
}
