//! v0 symbol names for the functions rac emits (`linkmap::v0` does the encoding).
//!
//! Each name is the instance's Rust path, so `nm -C`, debuggers and backtraces print
//! `<alloc::vec::Vec<my_crate::Point>>::push`; but every crate root carries a
//! disambiguator of rac's own (rustc's are the crates' `StableCrateId`s), and the last
//! segment a per-object counter, so no name can collide with a rustc symbol or with another
//! rac instance. Tier 2 references never go through here: they use the link map's symbols.
//!
//! Paths rac cannot express structurally (block-local items, closures' owners in constants,
//! `dyn` and function-pointer arguments) fall back to one `rac::{shim:...}` segment holding
//! the instance's description, still readable and still unique.

use linkmap::v0::{self, BasicType, Namespace, V0GenericArg, V0Path, V0Type};
use ra_ap_hir_def::{
    AdtId, FunctionId, GenericDefId, HasModule, ItemContainerId, Lookup, ModuleId, TraitId,
    signatures::{FunctionSignature, TraitSignature},
};
use ra_ap_hir_ty::next_solver::{GenericArg, GenericArgs, Ty, TyKind};
use ra_ap_rustc_type_ir::inherent::{GenericArg as _, IntoKind};
use ra_ap_rustc_type_ir::{FloatTy, IntTy, UintTy};

use crate::instance::{Instance, InstanceKind};
use crate::ty::TyCx;

/// The v0 symbol of `instance`; `unique` becomes the last segment's disambiguator.
pub fn symbol_name<'db>(tcx: &TyCx<'db>, instance: &Instance<'db>, unique: u64) -> String {
    let path = instance_path(tcx, instance, unique)
        .unwrap_or_else(|| fallback(&instance.describe(tcx), unique));
    v0::mangle(&path, None)
        .or_else(|_| v0::mangle(&fallback(&instance.describe(tcx), unique), None))
        .unwrap_or_else(|_| format!("_rac{unique}"))
}

fn fallback(description: &str, unique: u64) -> V0Path {
    let readable: String = description
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(200)
        .collect();
    V0Path::Nested {
        ns: Namespace::Shim,
        parent: Box::new(crate_root("rac")),
        name: readable,
        disambiguator: unique,
    }
}

/// A crate root with rac's disambiguator: FNV-1a of `rac:<name>`.
fn crate_root(name: &str) -> V0Path {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in "rac:".bytes().chain(name.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    V0Path::crate_root(name, h)
}

fn instance_path<'db>(tcx: &TyCx<'db>, instance: &Instance<'db>, unique: u64) -> Option<V0Path> {
    let args = instance.args;
    let shim = |f: FunctionId, what: &str| {
        let base = fn_path(tcx, f, args, 0)?;
        Some(V0Path::Nested {
            ns: Namespace::Shim,
            parent: Box::new(base),
            name: what.into(),
            disambiguator: unique,
        })
    };
    match instance.kind {
        InstanceKind::Item(f) | InstanceKind::Shim(f) => fn_path(tcx, f, args, unique),
        InstanceKind::VTableShim(f) => shim(f, "vtable"),
        InstanceKind::ReifyShim(f) => shim(f, "reify"),
        InstanceKind::FnPtrShim(f) => shim(f, "fn_ptr"),
        InstanceKind::DropGlue => {
            let path = V0Path::Nested {
                ns: Namespace::Value,
                parent: Box::new(crate_root("core").ty("ptr")),
                name: "drop_in_place".into(),
                disambiguator: unique,
            };
            Some(path.with_args(type_args(tcx, args)?))
        }
        _ => None,
    }
}

/// The type arguments among `args` (lifetimes are erased, consts not printed).
fn type_args<'db>(
    tcx: &TyCx<'db>,
    args: impl IntoIterator<Item = GenericArg<'db>>,
) -> Option<Vec<V0GenericArg>> {
    args.into_iter()
        .filter_map(|a| a.as_type())
        .map(|t| ty(tcx, t).map(V0GenericArg::Type))
        .collect()
}

fn module_path(tcx: &TyCx<'_>, module: ModuleId) -> Option<V0Path> {
    let db = tcx.db;
    let root = crate_root(&crate::symbol_path::crate_name(db, module.krate(db)));
    let segs = crate::symbol_path::module_segments(db, module)?;
    Some(segs.into_iter().fold(root, V0Path::ty))
}

/// The path of `f` with its own generic arguments; `unique` on the function's segment.
fn fn_path<'db>(
    tcx: &TyCx<'db>,
    f: FunctionId,
    args: GenericArgs<'db>,
    unique: u64,
) -> Option<V0Path> {
    let db = tcx.db;
    let name = FunctionSignature::of(db, f).name.as_str().to_owned();
    let item = |parent: V0Path| V0Path::Nested {
        ns: Namespace::Value,
        parent: Box::new(parent),
        name: name.clone(),
        disambiguator: unique,
    };
    let own = |skip: usize| type_args(tcx, args.iter().skip(skip));
    let path = match f.lookup(db).container {
        ItemContainerId::ModuleId(m) => item(module_path(tcx, m)?).with_args(own(0)?),
        ItemContainerId::ImplId(imp) => {
            let n_impl = crate::instance::generics_count(
                tcx,
                ra_ap_hir_ty::next_solver::SolverDefId::ImplId(imp),
            );
            let self_ty = ty(
                tcx,
                tcx.instantiate(db.impl_self_ty(imp).skip_binder(), args),
            )?;
            let parent = module_path(tcx, imp.module(db))?;
            let impl_path = match db.impl_trait(imp) {
                None => V0Path::inherent_impl(parent, 0, self_ty),
                Some(tr) => {
                    let tr = tcx.instantiate(tr.skip_binder(), args);
                    let trait_path = trait_path(tcx, tr.def_id.0, tr.args)?;
                    V0Path::trait_impl(parent, 0, self_ty, trait_path)
                }
            };
            item(impl_path).with_args(own(n_impl)?)
        }
        ItemContainerId::TraitId(t) => {
            let n_trait = crate::instance::generics_count(
                tcx,
                ra_ap_hir_ty::next_solver::SolverDefId::TraitId(t),
            );
            let self_ty = ty(tcx, args.iter().next()?.as_type()?)?;
            let trait_path = trait_path(tcx, t, args)?;
            item(V0Path::TraitDef {
                self_ty: Box::new(self_ty),
                trait_path: Box::new(trait_path),
            })
            .with_args(own(n_trait)?)
        }
        ItemContainerId::ExternBlockId(_) => return None,
    };
    Some(path)
}

/// `krate::module::Trait<Args>`, without `Self` (the first argument).
fn trait_path<'db>(tcx: &TyCx<'db>, t: TraitId, args: GenericArgs<'db>) -> Option<V0Path> {
    let db = tcx.db;
    let base = module_path(tcx, t.module(db))?.ty(TraitSignature::of(db, t).name.as_str());
    let rest = crate::symbol_path::args_without_defaults(tcx, GenericDefId::TraitId(t), args, 1);
    Some(base.with_args(type_args(tcx, rest)?))
}

fn adt_path<'db>(tcx: &TyCx<'db>, adt: AdtId, args: GenericArgs<'db>) -> Option<V0Path> {
    let db = tcx.db;
    let name = crate::symbol_path::adt_name(db, adt);
    let args = crate::symbol_path::args_without_defaults(tcx, GenericDefId::AdtId(adt), args, 0);
    let args = type_args(tcx, args)?;
    Some(module_path(tcx, adt.module(db))?.ty(name).with_args(args))
}

fn ty<'db>(tcx: &TyCx<'db>, t: Ty<'db>) -> Option<V0Type> {
    use BasicType as B;
    Some(match t.kind() {
        TyKind::Bool => B::Bool.into(),
        TyKind::Char => B::Char.into(),
        TyKind::Str => B::Str.into(),
        TyKind::Never => B::Never.into(),
        TyKind::Int(i) => match i {
            IntTy::Isize => B::Isize,
            IntTy::I8 => B::I8,
            IntTy::I16 => B::I16,
            IntTy::I32 => B::I32,
            IntTy::I64 => B::I64,
            IntTy::I128 => B::I128,
        }
        .into(),
        TyKind::Uint(u) => match u {
            UintTy::Usize => B::Usize,
            UintTy::U8 => B::U8,
            UintTy::U16 => B::U16,
            UintTy::U32 => B::U32,
            UintTy::U64 => B::U64,
            UintTy::U128 => B::U128,
        }
        .into(),
        TyKind::Float(f) => match f {
            FloatTy::F16 => B::F16,
            FloatTy::F32 => B::F32,
            FloatTy::F64 => B::F64,
            FloatTy::F128 => B::F128,
        }
        .into(),
        TyKind::Tuple(tys) => V0Type::Tuple(tys.iter().map(|t| ty(tcx, t)).collect::<Option<_>>()?),
        TyKind::Ref(_, t, m) => V0Type::reference(m.is_mut(), ty(tcx, t)?),
        TyKind::RawPtr(t, m) => V0Type::raw_ptr(m.is_mut(), ty(tcx, t)?),
        TyKind::Slice(t) => V0Type::slice(ty(tcx, t)?),
        TyKind::Array(t, n) => V0Type::array(
            ty(tcx, t)?,
            ra_ap_hir_ty::consteval::try_const_usize(tcx.db, n)? as u64,
        ),
        TyKind::Adt(def, args) => V0Type::path(adt_path(tcx, def.def_id(), args)?),
        _ => return None,
    })
}
