//! Type layouts, computed the way rustc 1.95 computes them.
//!
//! rust-analyzer's `layout_of_ty` (0.0.348) ignores `#[rustc_layout_scalar_valid_range_*]`,
//! so `NonNull<T>` has no niche and `Option<NonNull<T>>` (and every `Option<Box<T>>`, ...)
//! comes out 16 bytes instead of 8. rac therefore computes layouts itself: the same
//! `rustc_abi::LayoutCalculator` rustc uses, fed with rac's own recursion, plus the
//! valid-range narrowing rustc applies after the calculator for such structs.
//!
//! Invariant: every layout codegen uses comes from here, never from `db.layout_of_ty`
//! (whose results only describe the bytes of constants r-a evaluated; see `constant.rs`).

use std::cmp;

use anyhow::{Result, anyhow, bail};
use ra_ap_hir_def::{
    AdtId,
    attrs::AttrFlags,
    signatures::{StructFlags, StructSignature},
};
use ra_ap_hir_ty::layout::{Layout, RustcEnumVariantIdx, RustcFieldIdx};
use ra_ap_hir_ty::next_solver::{PatternKind, Ty, TyKind};
use ra_ap_rustc_abi::{
    AddressSpace, BackendRepr, FieldsShape, Float, Integer, LayoutCalculator, LayoutData, Niche,
    Primitive, ReprOptions, Scalar, Size, StructKind, TargetDataLayout, WrappingRange,
};
use ra_ap_rustc_index::IndexVec;
use ra_ap_rustc_type_ir::inherent::IntoKind;
use ra_ap_rustc_type_ir::{FloatTy, IntTy, UintTy};
use triomphe::Arc;

use crate::ty::TyCx;

fn scalar_unit(dl: &TargetDataLayout, value: Primitive) -> Scalar {
    Scalar::Initialized {
        value,
        valid_range: WrappingRange::full(value.size(dl)),
    }
}

pub fn compute<'db>(tcx: &TyCx<'db>, ty: Ty<'db>) -> Result<Arc<Layout>> {
    let dl = tcx.dl;
    let calc = LayoutCalculator::new(dl);
    let err = |e: ra_ap_rustc_abi::LayoutCalculatorError<&&Layout>| {
        anyhow!("layout error for `{}`: {e:?}", tcx.display(ty))
    };
    let err2 = |e: ra_ap_rustc_abi::LayoutCalculatorError<()>| {
        anyhow!("layout error for `{}`: {e:?}", tcx.display(ty))
    };
    // A struct-like layout of `tys` in order of declaration, which `kind` may let rustc's
    // calculator reorder (tuples keep their last field last; closures do not).
    let univariant = |tys: ra_ap_hir_ty::next_solver::Tys<'db>, kind: StructKind| {
        let fields = tys
            .iter()
            .map(|t| tcx.layout_of(t).map(|l| l.layout))
            .collect::<Result<Vec<_>>>()?;
        let fields: Vec<&Layout> = fields.iter().map(|l| &**l).collect();
        let fields: IndexVec<RustcFieldIdx, &&Layout> = fields.iter().collect();
        calc.univariant(&fields, &ReprOptions::default(), kind)
            .map_err(err)
    };
    let l: Layout = match ty.kind() {
        TyKind::Adt(def, args) => return layout_of_adt(tcx, def.def_id(), args, ty),
        TyKind::Bool => Layout::scalar(
            dl,
            Scalar::Initialized {
                value: Primitive::Int(Integer::I8, false),
                valid_range: WrappingRange { start: 0, end: 1 },
            },
        ),
        TyKind::Char => Layout::scalar(
            dl,
            Scalar::Initialized {
                value: Primitive::Int(Integer::I32, false),
                valid_range: WrappingRange {
                    start: 0,
                    end: 0x10FFFF,
                },
            },
        ),
        TyKind::Int(i) => Layout::scalar(
            dl,
            scalar_unit(dl, Primitive::Int(int_of(dl, Some(i), None), true)),
        ),
        TyKind::Uint(u) => Layout::scalar(
            dl,
            scalar_unit(dl, Primitive::Int(int_of(dl, None, Some(u)), false)),
        ),
        TyKind::Float(f) => Layout::scalar(
            dl,
            scalar_unit(
                dl,
                Primitive::Float(match f {
                    FloatTy::F16 => Float::F16,
                    FloatTy::F32 => Float::F32,
                    FloatTy::F64 => Float::F64,
                    FloatTy::F128 => Float::F128,
                }),
            ),
        ),
        TyKind::Tuple(tys) => {
            let kind = if tys.is_empty() {
                StructKind::AlwaysSized
            } else {
                StructKind::MaybeUnsized
            };
            univariant(tys, kind)?
        }
        TyKind::Array(elem, n) => {
            let n = ra_ap_hir_ty::consteval::try_const_usize(tcx.db, n).ok_or_else(|| {
                anyhow!(
                    "the length of `{}` is not a known constant",
                    tcx.display(ty)
                )
            })?;
            let e = tcx.layout_of(elem)?;
            calc.array_like::<RustcFieldIdx, RustcEnumVariantIdx, ()>(&e.layout, Some(n as u64))
                .map_err(err2)?
        }
        TyKind::Slice(elem) => {
            let e = tcx.layout_of(elem)?;
            calc.array_like::<RustcFieldIdx, RustcEnumVariantIdx, ()>(&e.layout, None)
                .map_err(err2)?
        }
        TyKind::Str => {
            let b = Layout::scalar(dl, scalar_unit(dl, Primitive::Int(Integer::I8, false)));
            calc.array_like::<RustcFieldIdx, RustcEnumVariantIdx, ()>(&b, None)
                .map_err(err2)?
        }
        TyKind::Ref(_, pointee, _) | TyKind::RawPtr(pointee, _) => {
            let mut data = scalar_unit(dl, Primitive::Pointer(AddressSpace::ZERO));
            if matches!(ty.kind(), TyKind::Ref(..)) {
                data.valid_range_mut().start = 1;
            }
            let meta = match tcx.tail(pointee).kind() {
                TyKind::Slice(_) | TyKind::Str => {
                    scalar_unit(dl, Primitive::Int(dl.ptr_sized_integer(), false))
                }
                TyKind::Dynamic(..) => {
                    let mut v = scalar_unit(dl, Primitive::Pointer(AddressSpace::ZERO));
                    v.valid_range_mut().start = 1;
                    v
                }
                _ => return Ok(Arc::new(Layout::scalar(dl, data))),
            };
            LayoutData::scalar_pair(dl, data, meta)
        }
        TyKind::Never => LayoutData::never_type(dl),
        TyKind::FnDef(..) => LayoutData::unit(dl, true),
        TyKind::Dynamic(..) | TyKind::Foreign(_) => LayoutData::unit(dl, false),
        TyKind::FnPtr(..) => {
            let mut p = scalar_unit(dl, Primitive::Pointer(dl.instruction_address_space));
            p.valid_range_mut().start = 1;
            Layout::scalar(dl, p)
        }
        TyKind::Closure(_, args) => {
            // rustc lays a closure out as a sized struct of its captures: all of them may be
            // reordered. The tuple of the captures keeps its last field last (a tuple may
            // be unsized), which put `|| { link; self }`'s `&Self` after the `u32` where
            // rustc puts it first: a closure built by rustc code (an iterator returned by a
            // dependency) and run by rac code read the wrong capture.
            let upvars = tcx.mono(
                ra_ap_rustc_type_ir::inherent::GenericArgs::as_closure(args).tupled_upvars_ty(),
            );
            let TyKind::Tuple(tys) = upvars.kind() else {
                bail!("the captures of `{}` are not a tuple", tcx.display(ty))
            };
            univariant(tys, StructKind::AlwaysSized)?
        }
        TyKind::Pat(inner, pat) => {
            let mut layout = (*tcx.layout_of(inner)?.layout).clone();
            apply_pattern(tcx, &mut layout, pat)?;
            layout.fields = FieldsShape::Arbitrary {
                offsets: [Size::ZERO].into_iter().collect(),
                in_memory_order: [RustcFieldIdx::new(0)].into_iter().collect(),
            };
            layout
        }
        TyKind::Coroutine(..) => (*crate::coroutine::layout(tcx, ty)?.layout).clone(),
        TyKind::CoroutineWitness(..) | TyKind::CoroutineClosure(..) => {
            bail!(
                "`{}` is an async closure or a coroutine witness: rac does not compile them",
                tcx.display(ty)
            )
        }
        TyKind::Alias(..) if tcx.display(ty).starts_with("impl Future") => bail!(
            "`{}` is the future of an async block, async fn or coroutine: rac does not \
             compile coroutines (their state machines) yet",
            tcx.display(ty)
        ),
        _ => bail!("rac cannot lay out `{}`", tcx.display(ty)),
    };
    Ok(Arc::new(l))
}

fn int_of(dl: &TargetDataLayout, i: Option<IntTy>, u: Option<UintTy>) -> Integer {
    match (i, u) {
        (Some(IntTy::Isize), _) | (_, Some(UintTy::Usize)) => dl.ptr_sized_integer(),
        (Some(IntTy::I8), _) | (_, Some(UintTy::U8)) => Integer::I8,
        (Some(IntTy::I16), _) | (_, Some(UintTy::U16)) => Integer::I16,
        (Some(IntTy::I32), _) | (_, Some(UintTy::U32)) => Integer::I32,
        (Some(IntTy::I64), _) | (_, Some(UintTy::U64)) => Integer::I64,
        _ => Integer::I128,
    }
}

fn apply_pattern<'db>(
    tcx: &TyCx<'db>,
    layout: &mut Layout,
    pat: ra_ap_hir_ty::next_solver::Pattern<'db>,
) -> Result<()> {
    let dl = tcx.dl;
    let bits = |c: ra_ap_hir_ty::next_solver::Const<'db>| -> Result<u128> {
        match c.kind() {
            ra_ap_hir_ty::next_solver::ConstKind::Value(v) => v
                .try_to_leaf()
                .map(|l| l.to_bits_unchecked())
                .ok_or_else(|| anyhow!("non-scalar pattern bound")),
            k => Err(anyhow!(
                "pattern type bound is not a known constant: {k:?} in {pat:?}"
            )),
        }
    };
    match pat.kind() {
        PatternKind::Range { start, end } => {
            let BackendRepr::Scalar(scalar) = &mut layout.backend_repr else {
                bail!("range pattern type on a non-scalar")
            };
            scalar.valid_range_mut().start = bits(start)?;
            scalar.valid_range_mut().end = bits(end)?;
            layout.largest_niche = Some(Niche {
                offset: Size::ZERO,
                value: scalar.primitive(),
                valid_range: scalar.valid_range(dl),
            });
        }
        PatternKind::NotNull => {
            let (BackendRepr::Scalar(scalar) | BackendRepr::ScalarPair(scalar, _)) =
                &mut layout.backend_repr
            else {
                bail!("`!null` pattern type on a non-scalar")
            };
            scalar.valid_range_mut().start = 1;
            layout.largest_niche = Some(Niche {
                offset: Size::ZERO,
                value: scalar.primitive(),
                valid_range: scalar.valid_range(dl),
            });
        }
        PatternKind::Or(variants) => {
            let BackendRepr::Scalar(scalar) = &mut layout.backend_repr else {
                bail!("or-pattern type on a non-scalar")
            };
            let mut ranges = Vec::new();
            for p in variants.iter() {
                match p.kind() {
                    PatternKind::Range { start, end } => ranges.push((bits(start)?, bits(end)?)),
                    _ => bail!("unsupported or-pattern type"),
                }
            }
            ranges.sort();
            if ranges.len() != 2 {
                bail!("unsupported or-pattern type");
            }
            let (mut first, mut second) = (ranges[0], ranges[1]);
            if second.0 == layout.size.truncate(layout.size.signed_int_min() as u128) {
                std::mem::swap(&mut first, &mut second);
            }
            scalar.valid_range_mut().start = second.0;
            scalar.valid_range_mut().end = first.1;
            layout.largest_niche = Some(Niche {
                offset: Size::ZERO,
                value: scalar.primitive(),
                valid_range: scalar.valid_range(dl),
            });
        }
    }
    Ok(())
}

fn layout_of_adt<'db>(
    tcx: &TyCx<'db>,
    def: AdtId,
    args: ra_ap_hir_ty::next_solver::GenericArgs<'db>,
    ty: Ty<'db>,
) -> Result<Arc<Layout>> {
    let db = tcx.db;
    let dl = tcx.dl;
    let calc = LayoutCalculator::new(dl);
    let field_layouts = |v: ra_ap_hir_def::VariantId| -> Result<Vec<Arc<Layout>>> {
        db.field_types(v)
            .iter()
            .map(|(_, f)| {
                tcx.layout_of(tcx.instantiate(f.ty().skip_binder(), args))
                    .map(|l| l.layout)
            })
            .collect()
    };
    let (variants, repr, special_no_niche) = match def {
        AdtId::StructId(s) => {
            let repr = AttrFlags::repr(db, s.into()).unwrap_or_default();
            if repr.simd() {
                return layout_of_simd(tcx, s, &repr, args, ty);
            }
            let sig = StructSignature::of(db, s);
            (
                vec![field_layouts(s.into())?],
                repr,
                sig.flags
                    .intersects(StructFlags::IS_UNSAFE_CELL | StructFlags::IS_UNSAFE_PINNED),
            )
        }
        AdtId::UnionId(u) => (
            vec![field_layouts(u.into())?],
            AttrFlags::repr(db, u.into()).unwrap_or_default(),
            false,
        ),
        AdtId::EnumId(e) => {
            let vs = e.enum_variants(db);
            let mut out = Vec::new();
            for (v, _) in vs.variants.values() {
                out.push(field_layouts((*v).into())?);
            }
            (
                out,
                AttrFlags::repr(db, e.into()).unwrap_or_default(),
                false,
            )
        }
    };
    let refs: Vec<Vec<&Layout>> = variants
        .iter()
        .map(|v| v.iter().map(|l| &**l).collect())
        .collect();
    let idx: IndexVec<RustcEnumVariantIdx, IndexVec<RustcFieldIdx, &&Layout>> =
        refs.iter().map(|v| v.iter().collect()).collect();
    let err = |e: ra_ap_rustc_abi::LayoutCalculatorError<_>| {
        anyhow!("layout error for `{}`: {e:?}", tcx.display(ty))
    };
    let mut layout = if let AdtId::UnionId(_) = def {
        calc.layout_of_union(&repr, &idx).map_err(err)?
    } else {
        let is_enum = matches!(def, AdtId::EnumId(_));
        let discriminants: Vec<(RustcEnumVariantIdx, i128)> = match def {
            AdtId::EnumId(e) => e
                .enum_variants(db)
                .variants
                .values()
                .enumerate()
                .filter_map(|(i, (v, _))| {
                    db.const_eval_discriminant(*v)
                        .ok()
                        .map(|d| (RustcEnumVariantIdx(i), d))
                })
                .collect(),
            _ => vec![],
        };
        // rustc decides this from the struct's definition, not from the instance: a struct
        // whose last field may be unsized (`PolymorphicIter<DATA: ?Sized>`) keeps that field
        // last even when instantiated with a sized type, so `&S<[T; N]>` can be unsized to
        // `&S<[T]>` without moving fields.
        let always_sized = match def {
            AdtId::StructId(s) => !declared_tail_may_be_unsized(tcx, s),
            _ => true,
        };
        calc.layout_of_struct_or_enum(
            &repr,
            &idx,
            is_enum,
            special_no_niche,
            |min, max| repr_discr(dl, &repr, min, max),
            discriminants.into_iter(),
            always_sized,
        )
        .map_err(err)?
    };
    if let AdtId::StructId(_) = def {
        apply_valid_range_attr(tcx, def, &mut layout);
    }
    Ok(Arc::new(layout))
}

/// `#[repr(simd)] struct S([T; N])`, as rustc 1.95's `layout_of_uncached` lays it out:
/// the calculator's `simd_type` (a `BackendRepr::SimdVector`, size rounded up to a power
/// of two and aligned to it unless `packed`).
fn layout_of_simd<'db>(
    tcx: &TyCx<'db>,
    s: ra_ap_hir_def::StructId,
    repr: &ReprOptions,
    args: ra_ap_hir_ty::next_solver::GenericArgs<'db>,
    ty: Ty<'db>,
) -> Result<Arc<Layout>> {
    let db = tcx.db;
    let fields = db.field_types(s.into());
    let mut it = fields.iter();
    let field_ty = match (it.next(), it.next()) {
        (Some((_, f)), None) => tcx.instantiate(f.ty().skip_binder(), args),
        _ => bail!("`{}`: invalid `#[repr(simd)]` type", tcx.display(ty)),
    };
    let TyKind::Array(elem, n) = field_ty.kind() else {
        bail!(
            "`{}`: `#[repr(simd)]` types other than a single array field are not supported by rac",
            tcx.display(ty)
        );
    };
    let n = ra_ap_hir_ty::consteval::try_const_usize(tcx.db, n).ok_or_else(|| {
        anyhow!(
            "the lane count of `{}` is not a known constant",
            tcx.display(ty)
        )
    })?;
    let e = tcx.layout_of(elem)?;
    if !matches!(e.layout.backend_repr, BackendRepr::Scalar(_)) {
        bail!(
            "`{}`: SIMD lanes of type `{}` are not supported by rac",
            tcx.display(ty),
            tcx.display(elem)
        );
    }
    let calc = LayoutCalculator::new(tcx.dl);
    let l = calc
        .simd_type::<RustcFieldIdx, RustcEnumVariantIdx, _>(
            e.layout.clone(),
            n as u64,
            repr.packed(),
        )
        .map_err(|e| anyhow!("layout error for `{}`: {e:?}", tcx.display(ty)))?;
    Ok(Arc::new(l))
}

/// rustc narrows the first scalar of `#[rustc_layout_scalar_valid_range_start/end]` structs
/// (`NonNull`, `OwnedFd`) and makes it the largest niche.
fn apply_valid_range_attr(tcx: &TyCx<'_>, def: AdtId, layout: &mut Layout) {
    let range = AttrFlags::rustc_layout_scalar_valid_range(tcx.db, def);
    if range.start.is_none() && range.end.is_none() {
        return;
    }
    let dl = tcx.dl;
    let (BackendRepr::Scalar(scalar) | BackendRepr::ScalarPair(scalar, _)) =
        &mut layout.backend_repr
    else {
        return;
    };
    if let Some(s) = range.start {
        scalar.valid_range_mut().start = s;
    }
    if let Some(e) = range.end {
        scalar.valid_range_mut().end = e;
    }
    if let Some(niche) = Niche::from_scalar(dl, Size::ZERO, *scalar) {
        match layout.largest_niche {
            Some(n) if n.available(dl) > niche.available(dl) => {}
            _ => layout.largest_niche = Some(niche),
        }
    }
}

fn repr_discr(dl: &TargetDataLayout, repr: &ReprOptions, min: i128, max: i128) -> (Integer, bool) {
    let unsigned_fit = Integer::fit_unsigned(cmp::max(min as u128, max as u128));
    let signed_fit = cmp::max(Integer::fit_signed(min), Integer::fit_signed(max));
    if let Some(ity) = repr.int {
        let discr = Integer::from_attr(dl, ity);
        return (discr, ity.is_signed());
    }
    let at_least = if repr.c() {
        dl.c_enum_min_size
    } else {
        Integer::I8
    };
    if unsigned_fit <= signed_fit {
        (cmp::max(unsigned_fit, at_least), false)
    } else {
        (cmp::max(signed_fit, at_least), true)
    }
}

/// Whether the declared type of the struct's last field is not known to be `Sized` under
/// the struct's own bounds (rustc's `StructKind::MaybeUnsized` test).
fn declared_tail_may_be_unsized(tcx: &TyCx<'_>, s: ra_ap_hir_def::StructId) -> bool {
    let fields = tcx.db.field_types(s.into());
    let Some((_, last)) = fields.iter().last() else {
        return false;
    };
    let declared = last.ty().skip_binder();
    let env = tcx
        .db
        .trait_environment(ra_ap_hir_def::GenericDefId::AdtId(s.into()));
    !tcx.infcx.type_is_sized_modulo_regions(env, declared)
}
