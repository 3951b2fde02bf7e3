//! Vtables laid out exactly as rustc 1.95 lays them out (`prepare_vtable_segments`):
//! drop glue (null when the type needs none), size, align, then the methods of the
//! supertrait segments in DFS post-order (the first supertrait's whole vtable as a prefix),
//! with a pointer to the supertrait's own vtable after each later segment that has
//! entries, and the trait's own dispatchable methods last.

use anyhow::{Result, anyhow, bail};
use cranelift_module::{DataDescription, DataId, Module};
use ra_ap_hir_def::{AssocItemId, FunctionId, GenericDefId, ItemContainerId, Lookup, TraitId};
use ra_ap_hir_ty::next_solver::{ClauseKind, GenericArgs, TraitRef, Ty, TyKind};
use ra_ap_rustc_type_ir::inherent::{BoundExistentialPredicates, GenericArgs as _, IntoKind};
use rustc_hash::FxHashSet;

use crate::cx::CodegenCx;
use crate::instance::{Instance, InstanceKind};
use crate::resolve::{CallResolution, Tier};
use crate::ty::TyCx;

#[derive(Clone, Debug)]
pub enum Entry<'db> {
    Drop,
    Size,
    Align,
    Method(FunctionId, TraitRef<'db>),
    TraitVPtr(TraitRef<'db>),
}

fn direct_supertraits<'db>(tcx: &TyCx<'db>, tr: TraitRef<'db>) -> Vec<TraitRef<'db>> {
    let db = tcx.db;
    let preds =
        ra_ap_hir_ty::GenericPredicates::query_explicit(db, GenericDefId::TraitId(tr.def_id.0));
    let mut out = Vec::new();
    for clause in preds.skip_binder() {
        let ClauseKind::Trait(tp) = clause.kind().skip_binder() else {
            continue;
        };
        let TyKind::Param(p) = tp.trait_ref.self_ty().kind() else {
            continue;
        };
        if p.index != 0 || tp.trait_ref.def_id.0 == tr.def_id.0 {
            continue;
        }
        let super_ref = tcx.instantiate(tp.trait_ref, tr.args);
        out.push(super_ref);
    }
    out
}

fn own_methods(tcx: &TyCx<'_>, t: TraitId) -> Vec<FunctionId> {
    let db = tcx.db;
    t.trait_items(db)
        .items
        .iter()
        .filter_map(|(_, item)| match item {
            AssocItemId::FunctionId(f) => Some(*f),
            _ => None,
        })
        .filter(|f| is_dispatchable(tcx, *f))
        .collect()
}

/// Methods with their own type parameters or `where Self: Sized` take no vtable slot.
fn is_dispatchable(tcx: &TyCx<'_>, f: FunctionId) -> bool {
    let db = tcx.db;
    let sig = ra_ap_hir_def::signatures::FunctionSignature::of(db, f);
    if !sig
        .flags
        .contains(ra_ap_hir_def::signatures::FnFlags::HAS_SELF_PARAM)
    {
        return false;
    }
    let own_types = sig.generic_params.iter_type_or_consts().count();
    if own_types > 0 {
        return false;
    }
    !ra_ap_hir_ty::dyn_compatibility::generics_require_sized_self(db, GenericDefId::FunctionId(f))
}

fn has_entries_in_hierarchy(tcx: &TyCx<'_>, t: TraitId) -> bool {
    ra_ap_hir_ty::all_super_traits(tcx.db, t)
        .iter()
        .any(|s| !own_methods(tcx, *s).is_empty())
}

pub fn vtable_entries<'db>(tcx: &TyCx<'db>, principal: Option<TraitRef<'db>>) -> Vec<Entry<'db>> {
    let mut entries = vec![Entry::Drop, Entry::Size, Entry::Align];
    let Some(principal) = principal else {
        return entries;
    };
    let mut visited: FxHashSet<TraitRef<'db>> = FxHashSet::default();
    visited.insert(principal);
    let mut emit_vptr_on_new_entry = false;
    struct Frame<'db> {
        tr: TraitRef<'db>,
        emit_vptr: bool,
        siblings: std::vec::IntoIter<TraitRef<'db>>,
    }
    let mut stack = vec![Frame {
        tr: principal,
        emit_vptr: false,
        siblings: Vec::new().into_iter(),
    }];
    'outer: loop {
        // Dive into the first unvisited supertrait until there is none.
        loop {
            let top = stack.last().unwrap().tr;
            let mut supers = direct_supertraits(tcx, top).into_iter();
            match supers.by_ref().find(|s| visited.insert(*s)) {
                Some(next) => stack.push(Frame {
                    tr: next,
                    emit_vptr: emit_vptr_on_new_entry,
                    siblings: supers,
                }),
                None => break,
            }
        }
        while let Some(mut frame) = stack.pop() {
            let has_entries = has_entries_in_hierarchy(tcx, frame.tr.def_id.0);
            for m in own_methods(tcx, frame.tr.def_id.0) {
                entries.push(Entry::Method(m, frame.tr));
            }
            if frame.emit_vptr && has_entries {
                entries.push(Entry::TraitVPtr(frame.tr));
            }
            emit_vptr_on_new_entry |= has_entries;
            if let Some(next) = frame.siblings.by_ref().find(|s| visited.insert(*s)) {
                let siblings = std::mem::take(&mut frame.siblings);
                stack.push(Frame {
                    tr: next,
                    emit_vptr: emit_vptr_on_new_entry,
                    siblings,
                });
                continue 'outer;
            }
        }
        return entries;
    }
}

/// The principal trait of a `dyn` type, with the given self type.
pub fn principal<'db>(
    tcx: &TyCx<'db>,
    dyn_ty: Ty<'db>,
    self_ty: Ty<'db>,
) -> Result<Option<TraitRef<'db>>> {
    let TyKind::Dynamic(preds, _) = dyn_ty.kind() else {
        bail!("`{}` is not a trait object", tcx.display(dyn_ty))
    };
    Ok(preds
        .principal()
        .map(|p| tcx.erase_regions(p.skip_binder().with_self_ty(tcx.interner, self_ty))))
}

/// The slot of `method` in the vtable of `dyn_ty` (the method's `Self`).
pub fn method_index<'db>(
    tcx: &TyCx<'db>,
    dyn_ty: Ty<'db>,
    method: FunctionId,
    _args: GenericArgs<'db>,
) -> Result<usize> {
    let p = principal(tcx, dyn_ty, dyn_ty)?;
    vtable_entries(tcx, p)
        .iter()
        .position(|e| matches!(e, Entry::Method(m, _) if *m == method))
        .ok_or_else(|| {
            anyhow!(
                "method not found in the vtable of `{}`",
                tcx.display(dyn_ty)
            )
        })
}

pub fn get_vtable<'db>(
    cx: &mut CodegenCx<'db>,
    concrete: Ty<'db>,
    dyn_ty: Ty<'db>,
) -> Result<DataId> {
    let p = principal(&cx.tcx, dyn_ty, concrete)?;
    vtable_for(cx, concrete, p)
}

fn vtable_for<'db>(
    cx: &mut CodegenCx<'db>,
    concrete: Ty<'db>,
    p: Option<TraitRef<'db>>,
) -> Result<DataId> {
    let key = (concrete, p);
    if let Some(id) = cx.vtables.get(&key) {
        return Ok(*id);
    }
    let entries = vtable_entries(&cx.tcx, p);
    let layout = cx.tcx.layout_of(concrete)?;
    let mut bytes = vec![0u8; entries.len() * 8];
    let mut funcs: Vec<(usize, cranelift_module::FuncId)> = Vec::new();
    let mut datas: Vec<(usize, DataId)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        match e {
            Entry::Drop => {
                if crate::glue::needs_drop(&cx.tcx, concrete) {
                    let inst = Instance::drop_glue(&cx.tcx, concrete);
                    funcs.push((i, cx.declare_instance(inst, None, Tier::Generated)?));
                }
            }
            Entry::Size => bytes[i * 8..i * 8 + 8].copy_from_slice(&layout.size().to_le_bytes()),
            Entry::Align => bytes[i * 8..i * 8 + 8].copy_from_slice(&layout.align().to_le_bytes()),
            Entry::Method(m, tr) => {
                // A dispatchable method's own parameters are lifetimes (early-bound when a
                // where clause names them, e.g. `fn call<'a: 'b, 'b>`): erased, like all.
                let erased = cx.tcx.erased();
                let args = GenericArgs::fill_rest(
                    cx.tcx.interner,
                    (*m).into(),
                    tr.args.iter(),
                    |_, _, _| erased.into(),
                );
                if let Some(id) = method_slot(cx, *m, args)? {
                    funcs.push((i, id));
                }
            }
            Entry::TraitVPtr(tr) => {
                let sub = vtable_for(cx, concrete, Some(*tr))?;
                datas.push((i, sub));
            }
        }
    }
    let id = cx
        .module
        .declare_anonymous_data(false, false)
        .map_err(|e| anyhow!("{e}"))?;
    let mut desc = DataDescription::new();
    desc.define(bytes.into_boxed_slice());
    desc.set_align(8);
    for (i, f) in funcs {
        let fr = cx.module.declare_func_in_data(f, &mut desc);
        desc.write_function_addr((i * 8) as u32, fr);
    }
    for (i, d) in datas {
        let gv = cx.module.declare_data_in_data(d, &mut desc);
        desc.write_data_addr((i * 8) as u32, gv, 0);
    }
    cx.module
        .define_data(id, &desc)
        .map_err(|e| anyhow!("{e}"))?;
    cx.vtables.insert(key, id);
    Ok(id)
}

/// The function in a method's slot: the resolved impl, or a shim for by-value `self`.
fn method_slot<'db>(
    cx: &mut CodegenCx<'db>,
    m: FunctionId,
    args: GenericArgs<'db>,
) -> Result<Option<cranelift_module::FuncId>> {
    let tcx = &cx.tcx;
    let sig = tcx.db.callable_item_signature(m.into());
    let sig = tcx.instantiate(sig.skip_binder().skip_binder(), args);
    let self_by_value = sig.inputs().iter().next() == Some(&args.type_at(0));
    if self_by_value {
        let shim = Instance {
            kind: InstanceKind::VTableShim(m),
            args,
        };
        return Ok(Some(cx.declare_instance(shim, None, Tier::Generated)?));
    }
    match crate::resolve::resolve_fn(&cx.tcx, &cx.linkmap, m, args) {
        CallResolution::Define { instance, tier, .. } => {
            Ok(Some(cx.declare_instance(instance, None, tier)?))
        }
        CallResolution::Tier2Extern {
            instance, symbol, ..
        } => {
            let abi = cx.fn_abi(&instance)?;
            Ok(Some(cx.import_function(&symbol, &abi.signature())?))
        }
        CallResolution::Refused { function, reason } => {
            bail!("vtable method {function} cannot be compiled: {reason}")
        }
        _ => Ok(None),
    }
}

pub fn trait_of_method(tcx: &TyCx<'_>, m: FunctionId) -> Option<TraitId> {
    match m.lookup(tcx.db).container {
        ItemContainerId::TraitId(t) => Some(t),
        _ => None,
    }
}
