//! The type context: rust-analyzer's database plus what codegen asks of it (monomorphic
//! types, layouts, signatures), with caches.
//!
//! Invariant: every type handed out by [`TyCx::mono`] is monomorphic, normalized and has
//! its free regions erased, so equal types compare equal (instances and layouts are cached
//! by type).

use std::cell::RefCell;

use anyhow::{Result, anyhow};
use ra_ap_base_db::Crate;
use ra_ap_hir_ty::ParamEnvAndCrate;
use ra_ap_hir_ty::db::HirDatabase;
use ra_ap_hir_ty::display::{DisplayTarget, HirDisplay};
use ra_ap_hir_ty::layout::Layout;
use ra_ap_hir_ty::next_solver::infer::traits::ObligationCause;
use ra_ap_hir_ty::next_solver::infer::{DbInternerInferExt, InferCtxt};
use ra_ap_hir_ty::next_solver::{
    DbInterner, EarlyBinder, GenericArgs, ParamEnv, Region, Ty, TyKind, TypingMode,
};
use ra_ap_rustc_abi::TargetDataLayout;
use ra_ap_rustc_ast_ir::Mutability;
use ra_ap_rustc_type_ir::inherent::IntoKind;
use ra_ap_rustc_type_ir::{RegionKind, TypeFoldable, TypeVisitableExt};
use rustc_hash::FxHashMap;
use triomphe::Arc;

#[derive(Clone)]
pub struct TyAndLayout<'db> {
    pub ty: Ty<'db>,
    pub layout: Arc<Layout>,
}

impl<'db> TyAndLayout<'db> {
    pub fn size(&self) -> u64 {
        self.layout.size.bytes()
    }
    pub fn align(&self) -> u64 {
        self.layout.align.abi.bytes()
    }
    pub fn is_zst(&self) -> bool {
        self.layout.is_sized() && self.layout.size.bytes() == 0
    }
}

impl std::fmt::Debug for TyAndLayout<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.ty)
    }
}

pub struct TyCx<'db> {
    pub db: &'db dyn HirDatabase,
    pub interner: DbInterner<'db>,
    /// The crate whose view of the world we take: the binary crate, which sees every impl.
    pub krate: Crate,
    pub env: ParamEnvAndCrate<'db>,
    pub infcx: InferCtxt<'db>,
    pub dl: &'db TargetDataLayout,
    pub paths: crate::spans::PathDisplay,
    layouts: RefCell<FxHashMap<Ty<'db>, Arc<Layout>>>,
}

impl<'db> TyCx<'db> {
    pub fn new(db: &'db dyn HirDatabase, krate: Crate) -> Result<Self> {
        let interner = DbInterner::new_with(db, krate);
        let infcx = interner.infer_ctxt().build(TypingMode::PostAnalysis);
        let dl = db
            .target_data_layout(krate)
            .map_err(|e| anyhow!("rust-analyzer has no target data layout: {e:?}"))?;
        Ok(TyCx {
            db,
            interner,
            krate,
            env: ParamEnvAndCrate {
                param_env: ParamEnv::empty(interner),
                krate,
            },
            infcx,
            dl,
            paths: crate::spans::PathDisplay::default(),
            layouts: RefCell::new(FxHashMap::default()),
        })
    }

    pub fn display(&self, ty: Ty<'db>) -> String {
        ty.display(self.db, DisplayTarget::from_crate(self.db, self.krate))
            .to_string()
    }

    /// Substitutes `args` into `value` (a type from a generic definition), normalizes and
    /// erases regions.
    pub fn instantiate<T>(&self, value: T, args: GenericArgs<'db>) -> T
    where
        T: TypeFoldable<DbInterner<'db>>,
    {
        let v = EarlyBinder::bind(value)
            .instantiate(self.interner, args)
            .skip_norm_wip();
        self.mono(v)
    }

    /// Normalizes and erases free regions of an already substituted value.
    pub fn mono<T>(&self, value: T) -> T
    where
        T: TypeFoldable<DbInterner<'db>>,
    {
        let value = self.erase_regions(value);
        if !value.has_aliases() {
            return value;
        }
        let value = self.impl_opaques(value);
        let cause = ObligationCause::dummy();
        match self
            .infcx
            .at(&cause, self.env.param_env)
            .deeply_normalize(value.clone())
        {
            Ok(v) => self.erase_regions(v),
            Err(_) => value,
        }
    }

    /// The opaque type of a trait method returning `impl Trait` (an `async fn` in a trait)
    /// becomes the impl method's return type, as rustc's projection does: with the trait's
    /// (whose hidden type is the default body's), layouts and calls would disagree with the
    /// value an overriding impl returns (see `opaques::trait_method_opaque_in_impl`).
    fn impl_opaques<T>(&self, value: T) -> T
    where
        T: TypeFoldable<DbInterner<'db>>,
    {
        use ra_ap_hir_ty::next_solver::util::BottomUpFolder;
        let db = self.db;
        value.fold_with(&mut BottomUpFolder {
            interner: self.interner,
            ty_op: |ty: Ty<'db>| {
                ra_ap_hir_ty::opaques::trait_method_opaque_in_impl(db, self.env, ty).unwrap_or(ty)
            },
            lt_op: |r| r,
            ct_op: |c| c,
        })
    }

    pub fn erase_regions<T>(&self, value: T) -> T
    where
        T: TypeFoldable<DbInterner<'db>>,
    {
        if !value.has_free_regions() && !value.has_escaping_bound_vars() {
            return value;
        }
        // Free regions and regions bound by a binder that was skipped (late-bound regions
        // of a signature) are erased; regions bound inside the value (`for<'a> fn(&'a T)`)
        // stay.
        let erased = Region::new_erased(self.interner);
        ra_ap_rustc_type_ir::fold_regions(self.interner, value, |r, current| match r.kind() {
            RegionKind::ReBound(ra_ap_rustc_type_ir::BoundVarIndexKind::Bound(debruijn), _)
                if debruijn < current =>
            {
                r
            }
            _ => erased,
        })
    }

    pub fn layout_of(&self, ty: Ty<'db>) -> Result<TyAndLayout<'db>> {
        if let Some(l) = self.layouts.borrow().get(&ty) {
            return Ok(TyAndLayout {
                ty,
                layout: l.clone(),
            });
        }
        let layout = crate::layout::compute(self, ty)?;
        self.layouts.borrow_mut().insert(ty, layout.clone());
        Ok(TyAndLayout { ty, layout })
    }

    pub fn erased(&self) -> Region<'db> {
        Region::new_erased(self.interner)
    }

    pub fn mut_ptr(&self, ty: Ty<'db>) -> Ty<'db> {
        <Ty<'db> as ra_ap_rustc_type_ir::inherent::Ty<_>>::new_ptr(
            self.interner,
            ty,
            Mutability::Mut,
        )
    }

    pub fn imm_ref(&self, ty: Ty<'db>) -> Ty<'db> {
        <Ty<'db> as ra_ap_rustc_type_ir::inherent::Ty<_>>::new_ref(
            self.interner,
            self.erased(),
            ty,
            Mutability::Not,
        )
    }

    pub fn mut_ref(&self, ty: Ty<'db>) -> Ty<'db> {
        <Ty<'db> as ra_ap_rustc_type_ir::inherent::Ty<_>>::new_ref(
            self.interner,
            self.erased(),
            ty,
            Mutability::Mut,
        )
    }

    /// Arguments for an item whose only generic parameters are lifetimes: all erased.
    pub fn erased_args_for(
        &self,
        def: ra_ap_hir_ty::next_solver::SolverDefId<'db>,
    ) -> GenericArgs<'db> {
        let erased = self.erased();
        GenericArgs::for_item(self.interner, def, |_, _, lt, _| {
            assert!(
                lt.is_some(),
                "erased_args_for an item with type or const parameters"
            );
            erased.into()
        })
    }

    pub fn usize(&self) -> Ty<'db> {
        Ty::new_uint(self.interner, ra_ap_rustc_type_ir::UintTy::Usize)
    }

    pub fn unit(&self) -> Ty<'db> {
        Ty::new_empty_tuple(self.interner)
    }

    pub fn is_sized(&self, ty: Ty<'db>) -> bool {
        !matches!(
            self.tail(ty).kind(),
            TyKind::Str | TyKind::Slice(_) | TyKind::Dynamic(..)
        )
    }

    /// The last field of nested structs: what decides whether `ty` is unsized and what its
    /// pointer metadata is.
    pub fn tail(&self, mut ty: Ty<'db>) -> Ty<'db> {
        while let Some(last) = self.last_field(ty) {
            ty = last;
        }
        ty
    }

    /// The type of a struct's or tuple's last field (the one that may be unsized), or of
    /// a pattern type's base; `None` for other types.
    pub fn last_field(&self, ty: Ty<'db>) -> Option<Ty<'db>> {
        match ty.kind() {
            TyKind::Adt(def, args) => {
                let ra_ap_hir_def::AdtId::StructId(s) = def.def_id() else {
                    return None;
                };
                let fields = self.db.field_types(s.into());
                let (_, last) = fields.iter().last()?;
                Some(self.instantiate(last.ty().skip_binder(), args))
            }
            TyKind::Tuple(tys) => tys.as_slice().last().copied(),
            TyKind::Pat(inner, _) => Some(inner),
            _ => None,
        }
    }
}
