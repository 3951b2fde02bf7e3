//! MIR lowering for places

use hir_def::FunctionId;
use rustc_type_ir::inherent::Region as _;

use super::*;
use crate::{
    mir::{MutBorrowKind, Operand, OperandKind},
    next_solver::Region,
};

impl<'db> MirLowerCtx<'_, 'db> {
    fn lower_expr_to_some_place_without_adjust(
        &mut self,
        expr_id: ExprId,
        prev_block: BasicBlockId,
    ) -> Result<'db, Option<(PlaceRef<'db>, BasicBlockId)>> {
        let ty = self.expr_ty_without_adjust(expr_id);
        let place = self.temp(ty, prev_block, expr_id.into())?.into();
        let Some(current) = self.lower_expr_to_place_without_adjust(expr_id, place, prev_block)?
        else {
            return Ok(None);
        };
        Ok(Some((place, current)))
    }

    fn lower_expr_to_some_place_with_adjust(
        &mut self,
        expr_id: ExprId,
        prev_block: BasicBlockId,
        adjustments: &[Adjustment],
    ) -> Result<'db, Option<(PlaceRef<'db>, BasicBlockId)>> {
        let ty = adjustments
            .last()
            .map(|it| it.target.as_ref())
            .unwrap_or_else(|| self.expr_ty_without_adjust(expr_id));
        let place = self.temp(ty, prev_block, expr_id.into())?.into();
        let Some(current) =
            self.lower_expr_to_place_with_adjust(expr_id, place, prev_block, adjustments)?
        else {
            return Ok(None);
        };
        Ok(Some((place, current)))
    }

    pub(super) fn lower_expr_as_place_with_adjust(
        &mut self,
        current: BasicBlockId,
        expr_id: ExprId,
        upgrade_rvalue: bool,
        adjustments: &[Adjustment],
    ) -> Result<'db, Option<(PlaceRef<'db>, BasicBlockId)>> {
        let try_rvalue = |this: &mut MirLowerCtx<'_, 'db>| {
            if !upgrade_rvalue {
                return Err(MirLowerError::MutatingRvalue);
            }
            this.lower_expr_to_some_place_with_adjust(expr_id, current, adjustments)
        };
        if let Some((last, rest)) = adjustments.split_last() {
            match last.kind {
                Adjust::Deref(None) => {
                    let Some(mut it) = self.lower_expr_as_place_with_adjust(
                        current,
                        expr_id,
                        upgrade_rvalue,
                        rest,
                    )?
                    else {
                        return Ok(None);
                    };
                    it.0 = it.0.project(ProjectionElem::Deref);
                    Ok(Some(it))
                }
                Adjust::Deref(Some(od)) => {
                    let Some((r, current)) = self.lower_expr_as_place_with_adjust(
                        current,
                        expr_id,
                        upgrade_rvalue,
                        rest,
                    )?
                    else {
                        return Ok(None);
                    };
                    self.lower_overloaded_deref(
                        current,
                        r,
                        rest.last()
                            .map(|it| it.target.as_ref())
                            .unwrap_or_else(|| self.expr_ty_without_adjust(expr_id)),
                        last.target.as_ref(),
                        expr_id.into(),
                        match od.0 {
                            Mutability::Mut => true,
                            Mutability::Not => false,
                        },
                    )
                }
                Adjust::NeverToAny | Adjust::Borrow(_) | Adjust::Pointer(_) => try_rvalue(self),
            }
        } else {
            self.lower_expr_as_place_without_adjust(current, expr_id, upgrade_rvalue)
        }
    }

    pub(super) fn lower_expr_as_place(
        &mut self,
        current: BasicBlockId,
        expr_id: ExprId,
        upgrade_rvalue: bool,
    ) -> Result<'db, Option<(PlaceRef<'db>, BasicBlockId)>> {
        match self.infer.expr_adjustments.get(&expr_id) {
            Some(a) => self.lower_expr_as_place_with_adjust(current, expr_id, upgrade_rvalue, a),
            None => self.lower_expr_as_place_without_adjust(current, expr_id, upgrade_rvalue),
        }
    }

    pub(super) fn lower_expr_as_place_without_adjust(
        &mut self,
        current: BasicBlockId,
        expr_id: ExprId,
        upgrade_rvalue: bool,
    ) -> Result<'db, Option<(PlaceRef<'db>, BasicBlockId)>> {
        let try_rvalue = |this: &mut MirLowerCtx<'_, 'db>| {
            if !upgrade_rvalue {
                return Err(MirLowerError::MutatingRvalue);
            }
            // rac: only the borrowed place chain itself is promoted, nothing nested in it.
            let saved = std::mem::replace(&mut this.promote_const_places, false);
            let r = this.lower_expr_to_some_place_without_adjust(expr_id, current);
            this.promote_const_places = saved;
            r
        };
        // rac: `&<constant expression>` (`&[1, 2]`, `&Vtable { f: g::<T> }`, `&(1, "a")`)
        // is promoted to static memory as rustc promotes it, so the reference may outlive
        // the function (anyhow returns `&'static ErrorVTable` built this way).
        if self.promote_const_places
            && !matches!(self.store[expr_id], Expr::Literal(_))
            && self.is_promotable_expr(expr_id, 0)
            && let Some(r) = self.promote_expr(current, expr_id)?
        {
            return Ok(Some(r));
        }
        match &self.store[expr_id] {
            Expr::Path(p) => {
                let resolver_guard =
                    self.resolver.update_to_inner_scope(self.db, self.store_owner, expr_id);
                let hygiene = self.store.expr_path_hygiene(expr_id);
                let resolved = self.resolver.resolve_path_in_value_ns_fully(self.db, p, hygiene);
                self.resolver.reset_to_guard(resolver_guard);
                let Some(pr) = resolved else {
                    return try_rvalue(self);
                };
                match pr {
                    ValueNs::LocalBinding(pat_id) => {
                        Ok(Some((self.binding_local(pat_id)?.into(), current)))
                    }
                    ValueNs::StaticId(s) => {
                        let ty = self.expr_ty_without_adjust(expr_id);
                        let ref_ty = Ty::new_ref(
                            self.interner(),
                            Region::new_static(self.interner()),
                            ty,
                            Mutability::Not,
                        );
                        let temp = self.temp(ref_ty, current, expr_id.into())?.into();
                        self.push_assignment(
                            current,
                            temp,
                            Operand { kind: OperandKind::Static(s), span: None }.into(),
                            expr_id.into(),
                        );
                        Ok(Some((temp.project(ProjectionElem::Deref), current)))
                    }
                    ValueNs::ConstId(c) if self.promote_const_places => {
                        let ty = self.expr_ty_without_adjust(expr_id);
                        if !self.is_promotable(ty) {
                            return try_rvalue(self);
                        }
                        let ref_ty = Ty::new_ref(
                            self.interner(),
                            Region::new_static(self.interner()),
                            ty,
                            Mutability::Not,
                        );
                        let OperandKind::Constant { konst, .. } = self
                            .lower_const_to_operand(GenericArgs::empty(self.interner()), c.into())?
                            .kind
                        else {
                            return try_rvalue(self);
                        };
                        let temp = self.temp(ref_ty, current, expr_id.into())?.into();
                        self.push_assignment(
                            current,
                            temp,
                            Operand {
                                kind: OperandKind::PromotedConstRef {
                                    konst,
                                    ty: ty.store(),
                                },
                                span: None,
                            }
                            .into(),
                            expr_id.into(),
                        );
                        Ok(Some((temp.project(ProjectionElem::Deref), current)))
                    }
                    _ => try_rvalue(self),
                }
            }
            Expr::UnaryOp { expr, op: hir_def::hir::UnaryOp::Deref } => {
                let is_builtin = match self.expr_ty_without_adjust(*expr).kind() {
                    TyKind::Ref(..) | TyKind::RawPtr(..) => true,
                    TyKind::Adt(id, _) => id.is_box(),
                    _ => false,
                };
                if !is_builtin {
                    let Some((p, current)) = self.lower_expr_as_place(current, *expr, true)? else {
                        return Ok(None);
                    };
                    return self.lower_overloaded_deref(
                        current,
                        p,
                        self.expr_ty_without_adjust(*expr),
                        self.expr_ty_without_adjust(expr_id),
                        expr_id.into(),
                        'b: {
                            if let Some((f, _)) = self.infer.method_resolution(expr_id)
                                && let Some(deref_fn) = self.lang_items().DerefMut_deref_mut
                            {
                                break 'b deref_fn == f;
                            }
                            false
                        },
                    );
                }
                let Some((mut r, current)) = self.lower_expr_as_place(current, *expr, true)? else {
                    return Ok(None);
                };
                r = r.project(ProjectionElem::Deref);
                Ok(Some((r, current)))
            }
            Expr::UnaryOp { .. } => try_rvalue(self),
            Expr::Field { expr, .. } => {
                let Some((mut r, current)) = self.lower_expr_as_place(current, *expr, true)? else {
                    return Ok(None);
                };
                self.push_field_projection(&mut r, expr_id)?;
                Ok(Some((r, current)))
            }
            Expr::Index { base, index } => {
                let base_ty = self.expr_ty_after_adjustments(*base);
                let index_ty = self.expr_ty_after_adjustments(*index);
                if !matches!(index_ty.kind(), TyKind::Uint(rustc_ast_ir::UintTy::Usize))
                    || !matches!(
                        base_ty.strip_reference().kind(),
                        TyKind::Array(..) | TyKind::Slice(..)
                    )
                {
                    let Some(index_fn) = self.infer.method_resolution(expr_id) else {
                        return Err(MirLowerError::UnresolvedMethod(
                            "[overloaded index]".to_owned(),
                        ));
                    };
                    let Some((base_place, current)) =
                        self.lower_expr_as_place(current, *base, true)?
                    else {
                        return Ok(None);
                    };
                    let Some((index_operand, current)) =
                        self.lower_expr_to_some_operand(*index, current)?
                    else {
                        return Ok(None);
                    };
                    return self.lower_overloaded_index(
                        current,
                        base_place,
                        base_ty,
                        self.expr_ty_without_adjust(expr_id),
                        index_operand,
                        expr_id.into(),
                        index_fn,
                    );
                }
                let adjusts = self
                    .infer
                    .expr_adjustments
                    .get(base)
                    .and_then(|it| it.split_last())
                    .map(|it| it.1)
                    .unwrap_or(&[]);
                let Some((mut p_base, current)) =
                    self.lower_expr_as_place_with_adjust(current, *base, true, adjusts)?
                else {
                    return Ok(None);
                };
                let l_index =
                    self.temp(self.expr_ty_after_adjustments(*index), current, expr_id.into())?;
                let Some(current) = self.lower_expr_to_place(*index, l_index.into(), current)?
                else {
                    return Ok(None);
                };
                p_base = p_base.project(ProjectionElem::Index(l_index));
                Ok(Some((p_base, current)))
            }
            _ => try_rvalue(self),
        }
    }

    fn lower_overloaded_index(
        &mut self,
        current: BasicBlockId,
        place: PlaceRef<'db>,
        base_ty: Ty<'db>,
        result_ty: Ty<'db>,
        index_operand: Operand,
        span: MirSpan,
        index_fn: (FunctionId, GenericArgs<'db>),
    ) -> Result<'db, Option<(PlaceRef<'db>, BasicBlockId)>> {
        let mutability = match base_ty.as_reference() {
            Some((_, _, mutability)) => mutability,
            None => Mutability::Not,
        };
        let result_ref =
            Ty::new_ref(self.interner(), Region::error(self.interner()), result_ty, mutability);
        let mut result = self.temp(result_ref, current, span)?.into();
        let index_fn_op = Operand::const_zst(Ty::new_fn_def(
            self.interner(),
            CallableDefId::FunctionId(index_fn.0).into(),
            index_fn.1,
        ));
        let Some(current) = self.lower_call(
            index_fn_op,
            Box::new([
                Operand { kind: OperandKind::Copy(place.store()), span: None },
                index_operand,
            ]),
            result,
            current,
            false,
            span,
        )?
        else {
            return Ok(None);
        };
        result = result.project(ProjectionElem::Deref);
        Ok(Some((result, current)))
    }

    fn lower_overloaded_deref(
        &mut self,
        current: BasicBlockId,
        place: PlaceRef<'db>,
        source_ty: Ty<'db>,
        target_ty: Ty<'db>,
        span: MirSpan,
        mutability: bool,
    ) -> Result<'db, Option<(PlaceRef<'db>, BasicBlockId)>> {
        let lang_items = self.lang_items();
        let (mutability, deref_fn, borrow_kind) = if !mutability {
            (Mutability::Not, lang_items.Deref_deref, BorrowKind::Shared)
        } else {
            (
                Mutability::Mut,
                lang_items.DerefMut_deref_mut,
                BorrowKind::Mut { kind: MutBorrowKind::Default },
            )
        };
        let error_region = Region::error(self.interner());
        let ty_ref = Ty::new_ref(self.interner(), error_region, source_ty, mutability);
        let target_ty_ref = Ty::new_ref(self.interner(), error_region, target_ty, mutability);
        let ref_place = self.temp(ty_ref, current, span)?.into();
        self.push_assignment(current, ref_place, Rvalue::Ref(borrow_kind, place.store()), span);
        let deref_fn = deref_fn.ok_or(MirLowerError::LangItemNotFound)?;
        let deref_fn_op = Operand::const_zst(Ty::new_fn_def(
            self.interner(),
            CallableDefId::FunctionId(deref_fn).into(),
            GenericArgs::new_from_slice(&[source_ty.into()]),
        ));
        let mut result = self.temp(target_ty_ref, current, span)?.into();
        let Some(current) = self.lower_call(
            deref_fn_op,
            Box::new([Operand { kind: OperandKind::Copy(ref_place.store()), span: None }]),
            result,
            current,
            false,
            span,
        )?
        else {
            return Ok(None);
        };
        result = result.project(ProjectionElem::Deref);
        Ok(Some((result, current)))
    }
}

impl<'db> MirLowerCtx<'_, 'db> {
    /// rac: whether `expr` is a constant expression rustc promotes under a shared borrow
    /// (a conservative subset of `rustc_const_eval::transform::promote_consts`): literals,
    /// constants, function items, unit structs and variants, tuples, arrays, struct
    /// literals and tuple-struct constructors of such operands, `#[rustc_promotable]` calls,
    /// borrows of them, numeric negation, and casts of function items and numbers. Nothing
    /// that reads a local, calls another function, or could panic.
    fn is_promotable_expr(&mut self, expr: ExprId, depth: usize) -> bool {
        if depth > 32 {
            return false;
        }
        let adjusted = self.infer.expr_adjustments.get(&expr).is_some_and(|a| {
            a.iter().any(|a| {
                // Coercions the constant's own inference redoes (`&[1, 2]` as `&[u8]` is a
                // reborrow then an unsizing, `f` as `fn()`); overloaded derefs and mutable
                // borrows are not constant.
                !matches!(
                    a.kind,
                    Adjust::Pointer(
                        PointerCast::ReifyFnPointer
                            | PointerCast::UnsafeFnPointer
                            | PointerCast::ClosureFnPointer(_)
                            | PointerCast::Unsize
                    ) | Adjust::Deref(None)
                        | Adjust::Borrow(crate::infer::AutoBorrow::Ref(
                            crate::infer::AutoBorrowMutability::Not
                        ))
                )
            })
        });
        if adjusted {
            return false;
        }
        let numeric = |ty: Ty<'db>| {
            matches!(
                ty.kind(),
                TyKind::Int(_) | TyKind::Uint(_) | TyKind::Float(_) | TyKind::Bool | TyKind::Char
            )
        };
        match &self.store[expr] {
            Expr::Literal(_) => true,
            // Associated constants and functions (`OffsetHelper::<T, S>::TRAILER_OFFSET`,
            // `poll::<T>` in tokio's task vtable).
            Expr::Path(_) if self.infer.assoc_resolutions_for_expr(expr).is_some() => true,
            Expr::Path(p) => {
                let resolver_guard =
                    self.resolver.update_to_inner_scope(self.db, self.store_owner, expr);
                let hygiene = self.store.expr_path_hygiene(expr);
                let resolved = self.resolver.resolve_path_in_value_ns_fully(self.db, p, hygiene);
                self.resolver.reset_to_guard(resolver_guard);
                match resolved {
                    Some(ValueNs::ConstId(_)) | Some(ValueNs::FunctionId(_)) => true,
                    // Unit structs and unit variants (tuple ones are constructor functions).
                    Some(ValueNs::StructId(_)) | Some(ValueNs::EnumVariantId(_)) => true,
                    _ => false,
                }
            }
            Expr::Tuple { exprs } => {
                let exprs = exprs.clone();
                exprs.iter().all(|e| self.is_promotable_expr(*e, depth + 1))
            }
            Expr::Array(hir_def::hir::Array::ElementList { elements }) => {
                let elements = elements.clone();
                elements.iter().all(|e| self.is_promotable_expr(*e, depth + 1))
            }
            Expr::Array(hir_def::hir::Array::Repeat { initializer, .. }) => {
                let init = *initializer;
                self.is_promotable_expr(init, depth + 1)
            }
            Expr::RecordLit { fields, spread: hir_def::hir::RecordSpread::None, .. } => {
                let fields: Vec<ExprId> = fields.iter().map(|f| f.expr).collect();
                fields.iter().all(|e| self.is_promotable_expr(*e, depth + 1))
            }
            Expr::Call { callee, args } => {
                // Constructors, and `#[rustc_promotable]` const fns (`&RawWakerVTable::new(
                // clone::<W>, ..)`, futures' wakers), as rustc promotes them.
                let promotable_callee = match self.expr_ty_without_adjust(*callee).kind() {
                    TyKind::FnDef(def, _) => match def.0 {
                        CallableDefId::StructId(_) | CallableDefId::EnumVariantId(_) => true,
                        CallableDefId::FunctionId(f) => {
                            hir_def::attrs::AttrFlags::query(self.db, f.into())
                                .contains(hir_def::attrs::AttrFlags::RUSTC_PROMOTABLE)
                        }
                    },
                    _ => false,
                };
                let args = args.clone();
                promotable_callee && args.iter().all(|e| self.is_promotable_expr(*e, depth + 1))
            }
            Expr::Ref { expr: inner, mutability: hir_def::type_ref::Mutability::Shared, .. } => {
                let inner = *inner;
                self.is_promotable_expr(inner, depth + 1)
            }
            Expr::UnaryOp { expr: inner, op: hir_def::hir::UnaryOp::Neg | hir_def::hir::UnaryOp::Not } => {
                let inner = *inner;
                numeric(self.expr_ty_without_adjust(inner)) && self.is_promotable_expr(inner, depth + 1)
            }
            // Arithmetic and comparisons of numeric constants, as rustc promotes them
            // (`&(FLAG_A | FLAG_B)`); not `/` and `%`, which may panic.
            Expr::BinaryOp {
                lhs,
                rhs,
                op:
                    Some(
                        hir_def::hir::BinaryOp::CmpOp(_)
                        | hir_def::hir::BinaryOp::ArithOp(
                            hir_def::hir::ArithOp::Add
                            | hir_def::hir::ArithOp::Sub
                            | hir_def::hir::ArithOp::Mul
                            | hir_def::hir::ArithOp::Shl
                            | hir_def::hir::ArithOp::Shr
                            | hir_def::hir::ArithOp::BitAnd
                            | hir_def::hir::ArithOp::BitOr
                            | hir_def::hir::ArithOp::BitXor,
                        ),
                    ),
            } => {
                let (lhs, rhs) = (*lhs, *rhs);
                numeric(self.expr_ty_without_adjust(lhs))
                    && numeric(self.expr_ty_without_adjust(rhs))
                    && self.is_promotable_expr(lhs, depth + 1)
                    && self.is_promotable_expr(rhs, depth + 1)
            }
            // A closure coerced to a function pointer is a constant (it captures nothing):
            // minijinja's `&VTable { f: |ptr| .. }`. An uncoerced closure is not promoted:
            // it is zero-sized, and the constant would re-infer it as another closure.
            Expr::Closure { .. } => self.infer.expr_adjustments.get(&expr).is_some_and(|a| {
                a.iter().any(|a| matches!(a.kind, Adjust::Pointer(PointerCast::ClosureFnPointer(_))))
            }),
            Expr::Cast { expr: inner, .. }
                if matches!(self.expr_ty_without_adjust(*inner).kind(), TyKind::Closure(..))
                    && matches!(self.expr_ty_without_adjust(expr).kind(), TyKind::FnPtr(..)) =>
            {
                true
            }
            Expr::Cast { expr: inner, .. } => {
                let inner = *inner;
                let from = self.expr_ty_without_adjust(inner);
                let to = self.expr_ty_without_adjust(expr);
                let from_ok = numeric(from) || matches!(from.kind(), TyKind::FnDef(..));
                let to_ok = numeric(to) || matches!(to.kind(), TyKind::FnPtr(..));
                from_ok && to_ok && self.is_promotable_expr(inner, depth + 1)
            }
            _ => false,
        }
    }

    /// rac: `&expr` for a promotable `expr`: an anonymous constant of the body holding the
    /// expression, referenced through `PromotedConstRef` (`None` if its type has interior
    /// mutability or drop glue, which rustc does not promote).
    fn promote_expr(
        &mut self,
        current: BasicBlockId,
        expr_id: ExprId,
    ) -> Result<'db, Option<(PlaceRef<'db>, BasicBlockId)>> {
        let ty = self.expr_ty_without_adjust(expr_id);
        if ty.references_non_lt_error() || !self.is_promotable(ty) {
            return Ok(None);
        }
        let Some(token) = hir_def::LoweringMode::Analysis.allow_tracked_structs() else {
            return Ok(None);
        };
        let konst_id = crate::db::AnonConstId::new(
            self.db,
            crate::db::AnonConstLoc {
                owner: self.store_owner,
                expr: expr_id,
                ty: crate::next_solver::StoredEarlyBinder::bind(ty.store()),
                allow_using_generic_params: true,
            },
            token,
        );
        let args = GenericArgs::identity_for_item(
            self.interner(),
            self.store_owner.generic_def(self.db).into(),
        );
        let konst = crate::next_solver::Const::new_unevaluated(
            self.interner(),
            crate::next_solver::UnevaluatedConst {
                def: crate::db::GeneralConstId::AnonConstId(konst_id).into(),
                args,
            },
        );
        let ref_ty =
            Ty::new_ref(self.interner(), Region::new_static(self.interner()), ty, Mutability::Not);
        let temp = self.temp(ref_ty, current, expr_id.into())?.into();
        self.push_assignment(
            current,
            temp,
            Operand {
                kind: OperandKind::PromotedConstRef { konst: konst.store(), ty: ty.store() },
                span: None,
            }
            .into(),
            expr_id.into(),
        );
        Ok(Some((temp.project(ProjectionElem::Deref), current)))
    }
}
