//! Constants, statics and other read-only data.
//!
//! A constant from rust-analyzer is bytes plus a memory map: pointers inside the bytes are
//! fake addresses of blocks in the map, function pointers and vtables are ids into the
//! map's vtable table. rac walks the bytes by type (as r-a's interpreter does when it
//! patches addresses), emits each pointed-to block as its own data object and turns every
//! pointer into a relocation.

use anyhow::{Result, anyhow, bail};
use cranelift_codegen::ir::{InstBuilder, Value};
use cranelift_module::{DataDescription, DataId, Linkage, Module};
use ra_ap_hir_def::{AdtId, StaticId, signatures::StaticFlags, signatures::StaticSignature};
use ra_ap_hir_ty::MemoryMap;
use ra_ap_hir_ty::db::GeneralConstId;
use ra_ap_hir_ty::next_solver::{Allocation, Const, ConstKind, Ty, TyKind};
use ra_ap_rustc_abi::{BackendRepr, Variants};
use ra_ap_rustc_type_ir::inherent::IntoKind;

use crate::common::FunctionCx;
use crate::cx::CodegenCx;
use crate::value_and_place::{CValue, PTR};
use repack::repack;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RelocTarget {
    /// A data object's address plus an addend (non-zero for a raw pointer into the middle
    /// of an allocation).
    Data(u32, i64),
    Func(u32),
}

/// Bytes with pointer relocations, ready to become a data object.
struct DataBuilder {
    bytes: Vec<u8>,
    relocs: Vec<(u32, RelocTarget)>,
    align: u64,
    /// A trial of one field of a union (`add_relocs`): a pointer whose target cannot be
    /// found is an error rather than an address without provenance.
    strict: bool,
}

mod repack;

pub fn static_ty<'db>(tcx: &crate::ty::TyCx<'db>, s: StaticId) -> Ty<'db> {
    tcx.mono(tcx.db.type_for_static(s).skip_binder())
}

pub fn codegen_const<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    konst: Const<'db>,
    ty: Ty<'db>,
) -> Result<CValue<'db>> {
    let layout = fx.layout_of(ty)?;
    if layout.is_zst() {
        return Ok(CValue::zst(layout));
    }
    match konst.kind() {
        ConstKind::Value(v) => {
            let leaf = v
                .try_to_leaf()
                .ok_or_else(|| anyhow!("non-scalar const values are not supported"))?;
            let bits = leaf.to_bits_unchecked();
            let size = layout.size() as usize;
            let bytes = bits.to_le_bytes()[..size.min(16)].to_vec();
            immediate_or_data(fx, layout, bytes, &MemoryMap::Empty)
        }
        ConstKind::Unevaluated(uc) => {
            let alloc = eval_unevaluated(fx.cx, uc.def.0, uc.args)?;
            codegen_allocation(fx, alloc)
        }
        other => bail!("unsupported constant {other:?}"),
    }
}

/// `&CONST` promoted by rac's patched MIR lowering: the address of the constant's value
/// in read-only data (deduplicated like every constant's data).
pub fn promoted_const_ref<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    konst: Const<'db>,
    ty: Ty<'db>,
) -> Result<Value> {
    let layout = fx.layout_of(ty)?;
    let (bytes, mm) = match konst.kind() {
        ConstKind::Unevaluated(uc) => {
            let alloc = eval_unevaluated(fx.cx, uc.def.0, uc.args)?;
            (alloc.memory.to_vec(), alloc.memory_map.clone())
        }
        other => bail!("unsupported promoted constant {other:?}"),
    };
    let mut d = typed_data(fx.cx, &layout, &bytes, &mm)?;
    d.bytes.resize(layout.size() as usize, 0);
    let id = define_data(fx.cx, d)?;
    Ok(fx.data_addr(id))
}

fn eval_unevaluated<'db>(
    cx: &CodegenCx<'db>,
    def: GeneralConstId<'db>,
    args: ra_ap_hir_ty::next_solver::GenericArgs<'db>,
) -> Result<Allocation<'db>> {
    let tcx = &cx.tcx;
    let db = tcx.db;
    let args = tcx.mono(args);
    let r = match def {
        GeneralConstId::ConstId(c) => {
            let (c, args) = ra_ap_hir_ty::method_resolution::lookup_impl_const(
                &tcx.infcx,
                tcx.env.param_env,
                c,
                args,
            );
            db.const_eval(c, args, Some(tcx.env))
        }
        GeneralConstId::StaticId(s) => db.const_eval_static(s),
        GeneralConstId::AnonConstId(a) => db.anon_const_eval(a, args, Some(tcx.env)),
    };
    r.map_err(|e| {
        anyhow!(
            "rust-analyzer cannot evaluate constant `{}`: {e:?}",
            def.name(db)
        )
    })
}

pub fn codegen_allocation<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    alloc: Allocation<'db>,
) -> Result<CValue<'db>> {
    let ty = fx.cx.tcx.mono(alloc.ty);
    let layout = fx.layout_of(ty)?;
    if layout.is_zst() || matches!(ty.kind(), TyKind::FnDef(..)) {
        return Ok(CValue::zst(layout));
    }
    immediate_or_data(fx, layout, alloc.memory.to_vec(), &alloc.memory_map)
}

/// r-a's evaluated bytes of a value of `layout`, re-laid out as rustc lays it out, with
/// relocations for the pointers into `mm`.
fn typed_data<'db>(
    cx: &mut CodegenCx<'db>,
    layout: &crate::ty::TyAndLayout<'db>,
    bytes: &[u8],
    mm: &MemoryMap<'db>,
) -> Result<DataBuilder> {
    let mut d = DataBuilder {
        bytes: repack(cx, layout.ty, bytes)?,
        relocs: vec![],
        align: layout.align(),
        strict: false,
    };
    add_relocs(cx, &mut d, layout.ty, 0, mm)?;
    Ok(d)
}

fn immediate_or_data<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    layout: crate::ty::TyAndLayout<'db>,
    bytes: Vec<u8>,
    mm: &MemoryMap<'db>,
) -> Result<CValue<'db>> {
    let db = typed_data(fx.cx, &layout, &bytes, mm)?;
    if db.relocs.is_empty() {
        match layout.layout.backend_repr {
            BackendRepr::Scalar(s) => {
                let v = load_imm(fx, &db.bytes, 0, crate::abi::scalar_type(s));
                return Ok(CValue::by_val(v, layout));
            }
            BackendRepr::ScalarPair(a, b) => {
                let off = crate::value_and_place::pair_b_offset(a, b, fx.cx.tcx.dl) as usize;
                let va = load_imm(fx, &db.bytes, 0, crate::abi::scalar_type(a));
                let vb = load_imm(fx, &db.bytes, off, crate::abi::scalar_type(b));
                return Ok(CValue::by_val_pair(va, vb, layout));
            }
            _ => {}
        }
    }
    let id = define_data(fx.cx, db)?;
    let ptr = fx.data_addr(id);
    Ok(CValue::by_ref(ptr, layout))
}

fn load_imm(
    fx: &mut FunctionCx<'_, '_>,
    bytes: &[u8],
    off: usize,
    ty: cranelift_codegen::ir::Type,
) -> Value {
    let n = ty.bytes() as usize;
    let mut buf = [0u8; 16];
    let avail = bytes.len().saturating_sub(off).min(n);
    buf[..avail].copy_from_slice(&bytes[off..off + avail]);
    let v = u128::from_le_bytes(buf);
    crate::num::iconst_u128(fx, ty, v)
}

fn define_data(cx: &mut CodegenCx<'_>, d: DataBuilder) -> Result<DataId> {
    let key = (d.bytes.clone(), d.relocs.clone(), d.align);
    if let Some(id) = cx.const_data.get(&key) {
        return Ok(*id);
    }
    let id = cx
        .module
        .declare_anonymous_data(false, false)
        .map_err(|e| anyhow!("{e}"))?;
    define_declared(cx, id, d)?;
    cx.const_data.insert(key, id);
    Ok(id)
}

/// Defines the data object `id` (already declared) as the bytes and relocations of `d`.
fn define_declared(cx: &mut CodegenCx<'_>, id: DataId, d: DataBuilder) -> Result<()> {
    let mut desc = DataDescription::new();
    desc.define(d.bytes.into_boxed_slice());
    desc.set_align(d.align.max(1));
    write_relocs(cx, &mut desc, &d.relocs);
    cx.module.define_data(id, &desc).map_err(|e| anyhow!("{e}"))
}

/// An untyped allocation exported behind a raw pointer (see the patched evaluator's
/// `export_raw_allocation`): its bytes, with every aligned word that points into another
/// exported allocation relocated; any other word that could be an evaluator address makes
/// rac refuse the constant rather than emit a dangling pointer.
fn raw_block_data<'db>(
    cx: &mut CodegenCx<'db>,
    block: &[u8],
    mm: &MemoryMap<'db>,
    depth: usize,
) -> Result<DataId> {
    let mut d = DataBuilder {
        bytes: block.to_vec(),
        relocs: vec![],
        // The allocation's own alignment is not exported; 16 is the largest any scalar
        // or SIMD type here needs.
        align: 16,
        strict: false,
    };
    for o in (0..block.len().saturating_sub(7)).step_by(8) {
        let v = read_usize(block, o);
        if let Some(fid) = fn_address_target(cx, mm, v)? {
            d.relocs.push((o as u32, RelocTarget::Func(fid.as_u32())));
            d.bytes[o..o + 8].fill(0);
            continue;
        }
        if !is_evaluator_address(v) {
            continue;
        }
        if let Some((id, addend)) = static_target(cx, mm, v)? {
            d.relocs
                .push((o as u32, RelocTarget::Data(id.as_u32(), addend)));
            d.bytes[o..o + 8].fill(0);
            continue;
        }
        match find_block(mm, v) {
            Some((start, inner)) if depth > 0 => {
                let inner = inner.to_vec();
                let id = raw_block_data(cx, &inner, mm, depth - 1)?;
                d.relocs
                    .push((o as u32, RelocTarget::Data(id.as_u32(), (v - start) as i64)));
                d.bytes[o..o + 8].fill(0);
            }
            _ => bail!("a constant points to memory holding a pointer rac cannot follow ({v:#x})"),
        }
    }
    define_data(cx, d)
}

fn write_relocs(cx: &mut CodegenCx<'_>, desc: &mut DataDescription, relocs: &[(u32, RelocTarget)]) {
    for &(off, target) in relocs {
        match target {
            RelocTarget::Data(did, addend) => {
                let gv = cx.module.declare_data_in_data(DataId::from_u32(did), desc);
                desc.write_data_addr(off, gv, addend);
            }
            RelocTarget::Func(fid) => {
                let fr = cx
                    .module
                    .declare_func_in_data(cranelift_module::FuncId::from_u32(fid), desc);
                desc.write_function_addr(off, fr);
            }
        }
    }
}

/// r-a's evaluator places its heap at `1 << 59` and its stack at `1 << 60`.
const EVALUATOR_ADDRESS_MIN: u64 = 1 << 59;
const EVALUATOR_STACK: u64 = 1 << 60;
/// More than either region of the evaluator ever holds.
const EVALUATOR_REGION: u64 = 1 << 40;

/// Whether `addr` may point into the evaluator's heap or stack. Any other value in a
/// constant's pointer is an address without provenance (`usize::MAX as *const u8`,
/// dangling sentinels, `NonNull::dangling()`): its bits are its meaning.
fn is_evaluator_address(addr: u64) -> bool {
    (EVALUATOR_ADDRESS_MIN..EVALUATOR_ADDRESS_MIN + EVALUATOR_REGION).contains(&addr)
        || (EVALUATOR_STACK..EVALUATOR_STACK + EVALUATOR_REGION).contains(&addr)
}

fn read_usize(bytes: &[u8], off: usize) -> u64 {
    let mut b = [0u8; 8];
    let end = (off + 8).min(bytes.len());
    if off < end {
        b[..end - off].copy_from_slice(&bytes[off..end]);
    }
    u64::from_le_bytes(b)
}

/// Finds the memory-map block containing `addr`: (block start, bytes). Pointers to the
/// start of a block are looked up directly (constants such as unicode tables hold
/// thousands); interior pointers scan the blocks.
fn find_block<'a>(mm: &'a MemoryMap<'_>, addr: u64) -> Option<(u64, &'a [u8])> {
    match mm {
        MemoryMap::Empty => None,
        // The one block starts at 0; it may be empty (`""`).
        MemoryMap::Simple(bytes) => {
            (addr == 0 || addr < bytes.len() as u64).then_some((0, &bytes[..]))
        }
        MemoryMap::Complex(cm) => {
            if let Some(b) = cm.memory.get(&(addr as usize)) {
                return Some((addr, &b[..]));
            }
            cm.memory
                .iter()
                .find(|(a, b)| (**a as u64) < addr && addr < **a as u64 + b.len() as u64)
                .map(|(a, b)| (*a as u64, &b[..]))
        }
    }
}

/// A function pointer cast to a raw pointer in a constant (`f as *mut ()`): the patched
/// evaluator tags the function's id with `FN_PTR_ADDRESS_TAG`; the function it names.
fn fn_address_target<'db>(
    cx: &mut CodegenCx<'db>,
    mm: &MemoryMap<'db>,
    addr: u64,
) -> Result<Option<cranelift_module::FuncId>> {
    let tag = ra_ap_hir_ty::FN_PTR_ADDRESS_TAG as u64;
    if addr & tag == 0 || addr >= EVALUATOR_ADDRESS_MIN {
        return Ok(None);
    }
    let Ok(target) = mm.vtable_ty((addr & !tag) as usize) else {
        return Ok(None);
    };
    let target = cx.tcx.mono(target);
    Ok(Some(crate::call::fn_value_id(cx, target)?))
}

/// A pointer into the region where r-a's evaluator placed a static: a pointer to that
/// static itself (its data object and the offset), never to a copy, because statics have
/// identity and may be written through cells and atomics.
fn static_target(
    cx: &mut CodegenCx<'_>,
    mm: &MemoryMap<'_>,
    addr: u64,
) -> Result<Option<(DataId, i64)>> {
    let MemoryMap::Complex(cm) = mm else {
        return Ok(None);
    };
    let Some(region) = cm.statics.iter().find(|r| {
        let (start, size) = (r.start as u64, r.size as u64);
        addr == start || (start < addr && addr < start + size)
    }) else {
        return Ok(None);
    };
    let offset = (addr - region.start as u64) as i64;
    Ok(Some((static_data(cx, region.static_id)?, offset)))
}

/// The vtable word of a constant `*const dyn Trait` at `off`: relocated to rac's vtable of
/// the concrete type r-a's evaluator recorded; returns that type.
fn dyn_metadata_reloc<'db>(
    cx: &mut CodegenCx<'db>,
    d: &mut DataBuilder,
    off: usize,
    dyn_ty: Ty<'db>,
    mm: &MemoryMap<'db>,
) -> Result<Ty<'db>> {
    let id = read_usize(&d.bytes, off) as usize;
    let concrete = mm
        .vtable_ty(id)
        .map_err(|e| anyhow!("bad vtable in a constant: {e:?}"))?;
    let concrete = cx.tcx.mono(concrete);
    let vt = crate::vtable::get_vtable(cx, concrete, dyn_ty)?;
    d.relocs
        .push((off as u32, RelocTarget::Data(vt.as_u32(), 0)));
    d.bytes[off..off + 8].fill(0);
    Ok(concrete)
}

/// Walks `ty` laid out at `off` in `d.bytes` and records a relocation for every pointer
/// that points into the memory map.
fn add_relocs<'db>(
    cx: &mut CodegenCx<'db>,
    d: &mut DataBuilder,
    ty: Ty<'db>,
    off: usize,
    mm: &MemoryMap<'db>,
) -> Result<()> {
    let tcx_db = cx.tcx.db;
    match ty.kind() {
        TyKind::Ref(_, pointee, _) | TyKind::RawPtr(pointee, _) => {
            let addr = read_usize(&d.bytes, off);
            let sized = cx.tcx.is_sized(pointee);
            if let Some(fid) = fn_address_target(cx, mm, addr)? {
                d.relocs.push((off as u32, RelocTarget::Func(fid.as_u32())));
                d.bytes[off..off + 8].fill(0);
                return Ok(());
            }
            if let Some((id, addend)) = static_target(cx, mm, addr)? {
                d.relocs
                    .push((off as u32, RelocTarget::Data(id.as_u32(), addend)));
                d.bytes[off..off + 8].fill(0);
                if let TyKind::Dynamic(..) = pointee.kind() {
                    dyn_metadata_reloc(cx, d, off + 8, pointee, mm)?;
                }
                return Ok(());
            }
            let Some((start, block)) = find_block(mm, addr) else {
                if let TyKind::Dynamic(..) = pointee.kind() {
                    bail!("a constant `dyn` pointer without pointee memory");
                }
                if is_evaluator_address(addr) {
                    // An address in r-a's evaluator memory that it did not export: emitting
                    // it would be a dangling pointer in the binary.
                    bail!(
                        "a constant holds a pointer (`{}`, {addr:#x}) to memory that r-a's const evaluator does not export",
                        cx.tcx.display(ty)
                    );
                }
                // An address without provenance: null, `NonNull::dangling()`, a sentinel.
                if d.strict && addr != 0 {
                    bail!("not a pointer");
                }
                return Ok(());
            };
            let block = block.to_vec();
            if matches!(ty.kind(), TyKind::RawPtr(..))
                && sized
                && (start != addr
                    || cx.tcx.layout_of(pointee).map(|l| l.size()).ok() != Some(block.len() as u64))
            {
                // A raw pointer into (the middle of) a whole exported allocation, whose
                // type is unknown: its bytes as they are.
                let id = raw_block_data(cx, &block, mm, 8)?;
                d.relocs.push((
                    off as u32,
                    RelocTarget::Data(id.as_u32(), (addr - start) as i64),
                ));
                d.bytes[off..off + 8].fill(0);
                return Ok(());
            }
            let target_ty = if sized {
                pointee
            } else {
                match pointee.kind() {
                    TyKind::Str => pointee,
                    TyKind::Slice(elem) => {
                        let len = read_usize(&d.bytes, off + 8);
                        ra_ap_hir_ty::next_solver::Ty::new_array(cx.tcx.interner, elem, len)
                    }
                    TyKind::Dynamic(..) => dyn_metadata_reloc(cx, d, off + 8, pointee, mm)?,
                    TyKind::Adt(..) => {
                        // A struct wrapping an unsized tail and nothing else (`Secret([u8])`,
                        // twox-hash's `&Secret` constant): the tail's bytes. With other
                        // fields: the sized struct it was coerced from (below).
                        let len = read_usize(&d.bytes, off + 8);
                        match single_field_tail(cx, pointee).map(|t| (t, t.kind())) {
                            Some((tail, TyKind::Str)) => tail,
                            Some((_, TyKind::Slice(elem))) => {
                                ra_ap_hir_ty::next_solver::Ty::new_array(cx.tcx.interner, elem, len)
                            }
                            Some(_) => bail!(
                                "a constant pointer to `{}` is not supported by rac",
                                cx.tcx.display(pointee)
                            ),
                            // A struct made unsized by coercion through a type parameter
                            // (`&AlignAs<[u8], u32>` from `&AlignAs<[u8; N], u32>`, regex
                            // automata's serialized DFAs): the value was the struct with
                            // the array, whose layout is the block's.
                            None => sized_struct_of(cx, pointee, len).ok_or_else(|| {
                                anyhow!(
                                    "a constant pointer to `{}` (an unsized struct with sized fields) is not supported by rac",
                                    cx.tcx.display(pointee)
                                )
                            })?,
                        }
                    }
                    _ => pointee,
                }
            };
            let pointee_id = block_data(cx, &block, target_ty, mm)?;
            let addend = addr - start;
            if addend != 0 {
                bail!("interior pointers in constants are not supported");
            }
            d.relocs
                .push((off as u32, RelocTarget::Data(pointee_id.as_u32(), 0)));
            d.bytes[off..off + 8].fill(0);
        }
        TyKind::FnPtr(..) => {
            let id = read_usize(&d.bytes, off) as usize;
            match mm.vtable_ty(id) {
                Ok(target)
                    if !d.strict
                        || matches!(target.kind(), TyKind::FnDef(..) | TyKind::Closure(..)) =>
                {
                    let target = cx.tcx.mono(target);
                    let fid = crate::call::fn_value_id(cx, target)?;
                    d.relocs.push((off as u32, RelocTarget::Func(fid.as_u32())));
                    d.bytes[off..off + 8].fill(0);
                }
                _ if d.strict && id != 0 => bail!("not a function pointer"),
                _ => {}
            }
        }
        TyKind::Tuple(tys) => {
            let layout = cx.tcx.layout_of(ty)?;
            for (i, t) in tys.iter().enumerate() {
                let o = layout.layout.fields.offset(i).bytes() as usize;
                add_relocs(cx, d, t, off + o, mm)?;
            }
        }
        TyKind::Array(elem, n) => {
            let n = ra_ap_hir_ty::consteval::try_const_usize(tcx_db, n).unwrap_or(0) as usize;
            let el = cx.tcx.layout_of(elem)?;
            if may_contain_pointers(elem) {
                for i in 0..n {
                    add_relocs(cx, d, elem, off + i * el.size() as usize, mm)?;
                }
            }
        }
        TyKind::Closure(_, args) => {
            let layout = cx.tcx.layout_of(ty)?;
            let upvars = ra_ap_rustc_type_ir::inherent::GenericArgs::as_closure(args).upvar_tys();
            for (i, t) in upvars.iter().enumerate() {
                let o = layout.layout.fields.offset(i).bytes() as usize;
                add_relocs(cx, d, cx.tcx.mono(t), off + o, mm)?;
            }
        }
        TyKind::Adt(def, args) => {
            let layout = cx.tcx.layout_of(ty)?;
            match def.def_id() {
                AdtId::StructId(s) => {
                    let fields = tcx_db.field_types(s.into());
                    for (i, (_, f)) in fields.iter().enumerate() {
                        let t = cx.tcx.instantiate(f.ty().skip_binder(), args);
                        let o = layout.layout.fields.offset(i).bytes() as usize;
                        add_relocs(cx, d, t, off + o, mm)?;
                    }
                }
                AdtId::UnionId(u) => {
                    // r-a's evaluator does not record which field of a union holds a
                    // value, nor where its bytes hold pointers: the first field (in
                    // declaration order) all of whose pointers point at something the
                    // evaluator exported (a block, a static, a function of the memory
                    // map's table) is taken as the one written. `LazyLock::new(f)` stores
                    // `f`, a function pointer, in the union beside the value to come.
                    let fields = tcx_db.field_types(u.into());
                    for (i, (_, f)) in fields.iter().enumerate() {
                        let t = cx.tcx.instantiate(f.ty().skip_binder(), args);
                        if !may_contain_pointers(t) {
                            continue;
                        }
                        let o = layout.layout.fields.offset(i).bytes() as usize;
                        let mut trial = DataBuilder {
                            bytes: d.bytes.clone(),
                            relocs: Vec::new(),
                            align: d.align,
                            strict: true,
                        };
                        if add_relocs(cx, &mut trial, t, off + o, mm).is_ok()
                            && !trial.relocs.is_empty()
                        {
                            d.bytes = trial.bytes;
                            d.relocs.extend(trial.relocs);
                            break;
                        }
                    }
                }
                AdtId::EnumId(e) => {
                    let Some(vidx) = crate::discriminant::variant_of_bytes(
                        cx.tcx.db,
                        cx.tcx.dl,
                        &layout.layout,
                        e,
                        &d.bytes[off..],
                    ) else {
                        return Ok(());
                    };
                    let vid = e
                        .enum_variants(tcx_db)
                        .variants
                        .values()
                        .nth(vidx)
                        .map(|(v, _)| *v)
                        .unwrap();
                    let vl = match &layout.layout.variants {
                        Variants::Multiple { variants, .. } => {
                            variants[ra_ap_hir_ty::layout::RustcEnumVariantIdx(vidx)].clone()
                        }
                        _ => (*layout.layout).clone(),
                    };
                    let fields = tcx_db.field_types(vid.into());
                    for (i, (_, f)) in fields.iter().enumerate() {
                        let t = cx.tcx.instantiate(f.ty().skip_binder(), args);
                        let o = vl.fields.offset(i).bytes() as usize;
                        add_relocs(cx, d, t, off + o, mm)?;
                    }
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// The innermost field of nested single-field structs (`struct Secret([u8])` gives `[u8]`).
fn single_field_tail<'db>(cx: &CodegenCx<'db>, mut ty: Ty<'db>) -> Option<Ty<'db>> {
    while let TyKind::Adt(def, args) = ty.kind() {
        let AdtId::StructId(s) = def.def_id() else {
            return None;
        };
        let fields = cx.tcx.db.field_types(s.into());
        let mut it = fields.iter();
        let (_, only) = it.next()?;
        if it.next().is_some() {
            return None;
        }
        ty = cx.tcx.instantiate(only.ty().skip_binder(), args);
    }
    Some(ty)
}

/// The sized struct an unsized one was coerced from: its one slice type argument made an
/// array of the pointer's `len` elements (no coercion makes a `str` or `dyn` tail from
/// sized bytes here). `None` when no single argument is a slice.
fn sized_struct_of<'db>(cx: &CodegenCx<'db>, ty: Ty<'db>, len: u64) -> Option<Ty<'db>> {
    let TyKind::Adt(def, args) = ty.kind() else {
        return None;
    };
    let interner = cx.tcx.interner;
    let mut unsized_args = 0;
    let new_args: Vec<ra_ap_hir_ty::next_solver::GenericArg<'db>> = args
        .iter()
        .map(
            |a| match ra_ap_rustc_type_ir::inherent::GenericArg::as_type(&a).map(|t| t.kind()) {
                Some(TyKind::Slice(elem)) => {
                    unsized_args += 1;
                    Ty::new_array(interner, elem, len).into()
                }
                _ => a,
            },
        )
        .collect();
    if unsized_args != 1 {
        return None;
    }
    let args = ra_ap_hir_ty::next_solver::GenericArgs::new_from_slice(&new_args);
    let sized = Ty::new_adt(interner, def.def_id(), args);
    cx.tcx
        .layout_of(sized)
        .ok()
        .filter(|l| l.layout.is_sized())
        .map(|_| sized)
}

fn may_contain_pointers(ty: Ty<'_>) -> bool {
    !matches!(
        ty.kind(),
        TyKind::Int(_) | TyKind::Uint(_) | TyKind::Float(_) | TyKind::Bool | TyKind::Char
    )
}

fn block_data<'db>(
    cx: &mut CodegenCx<'db>,
    block: &[u8],
    ty: Ty<'db>,
    mm: &MemoryMap<'db>,
) -> Result<DataId> {
    let (align, size) = match cx.tcx.layout_of(ty) {
        Ok(l) if l.layout.is_sized() => (l.align(), l.size() as usize),
        _ => (1, block.len()),
    };
    let mut bytes = if matches!(ty.kind(), TyKind::Str) {
        block.to_vec()
    } else {
        repack(cx, ty, block)?
    };
    if matches!(ty.kind(), TyKind::Str) {
        // `Location::file_as_c_str` reads one byte past a location's file name; every
        // constant string carries a trailing NUL so that read stays in bounds.
        bytes.push(0);
    } else if size > bytes.len() {
        bytes.resize(size, 0);
    }
    let mut d = DataBuilder {
        bytes,
        relocs: vec![],
        align,
        strict: false,
    };
    if !matches!(ty.kind(), TyKind::Str) {
        add_relocs(cx, &mut d, ty, 0, mm)?;
    }
    define_data(cx, d)
}

/// A `&'static core::panic::Location` for the given source position.
pub fn location_data(cx: &mut CodegenCx<'_>, loc: &crate::spans::Loc) -> Result<DataId> {
    let mut file = loc.file.clone().into_bytes();
    let len = file.len() as u64;
    file.push(0);
    let file_id = define_data(
        cx,
        DataBuilder {
            bytes: file,
            relocs: vec![],
            align: 1,
            strict: false,
        },
    )?;
    let mut bytes = vec![0u8; 24];
    bytes[8..16].copy_from_slice(&len.to_le_bytes());
    bytes[16..20].copy_from_slice(&loc.line.to_le_bytes());
    bytes[20..24].copy_from_slice(&loc.col.to_le_bytes());
    define_data(
        cx,
        DataBuilder {
            bytes,
            relocs: vec![(0, RelocTarget::Data(file_id.as_u32(), 0))],
            align: 8,
            strict: false,
        },
    )
}

/// The address of a static: rustc's own when the rlibs export it, else rac's copy.
pub fn static_addr<'db>(fx: &mut FunctionCx<'_, 'db>, s: StaticId) -> Result<Value> {
    let id = static_data(fx.cx, s)?;
    let gv = fx.cx.module.declare_data_in_func(id, fx.bcx.func);
    let tls = fx.cx.thread_local_statics.contains(&id);
    if tls {
        Ok(fx.bcx.ins().tls_value(PTR, gv))
    } else {
        Ok(fx.bcx.ins().symbol_value(PTR, gv))
    }
}

pub fn static_data<'db>(cx: &mut CodegenCx<'db>, s: StaticId) -> Result<DataId> {
    if let Some(id) = cx.statics.get(&s) {
        return Ok(*id);
    }
    let db = cx.tcx.db;
    let sig = StaticSignature::of(db, s);
    let attrs = crate::attrs::static_attrs(db, s);
    let krate = ra_ap_hir_def::HasModule::krate(&s, db);
    let mutable = sig.flags.contains(StaticFlags::MUTABLE);
    let extern_ = sig.flags.contains(StaticFlags::EXTERN);
    let id = if extern_ {
        let name = attrs
            .link_name
            .clone()
            .unwrap_or_else(|| sig.name.as_str().to_owned());
        let name = if attrs.rustc_std_internal_symbol {
            crate::resolve::rustc_internal_symbol(&cx.linkmap, &name).unwrap_or(name)
        } else {
            name
        };
        cx.module
            .declare_data(&name, Linkage::Import, mutable, attrs.thread_local)
            .map_err(|e| anyhow!("{e}"))?
    } else if let Some(sym) = rlib_static_symbol(cx, s, krate) {
        // The static of the rlib that the crate's rustc-compiled code uses: one object.
        cx.module
            .declare_data(&sym, Linkage::Import, mutable, attrs.thread_local)
            .map_err(|e| anyhow!("{e}"))?
    } else {
        let alloc = db.const_eval_static(s).map_err(|e| {
            anyhow!(
                "rust-analyzer cannot evaluate static `{}`: {e:?}",
                sig.name.as_str()
            )
        })?;
        let ty = static_ty(&cx.tcx, s);
        let layout = cx.tcx.layout_of(ty)?;
        let writable = mutable || !is_freeze(cx, ty);
        if writable
            && let crate::resolve::RlibScope::Rlib(_) =
                crate::resolve::rlib_scope(db, &cx.linkmap, krate)
        {
            // rustc's code of the crate has this static too: a copy of ours would be
            // another object with its own state.
            bail!(
                "the static `{}` of a dependency is mutable and its rlib does not export it, so rac cannot share it with the dependency's compiled code",
                sig.name.as_str()
            );
        }
        // Named, not content-named: two statics with equal contents are two objects.
        let name = crate::symbols::static_symbol(&cx.tcx, s);
        let id = cx
            .module
            .declare_data(&name, Linkage::Local, writable, attrs.thread_local)
            .map_err(|e| anyhow!("{e}"))?;
        // Declared before its contents are built: they may point to the static itself.
        cx.statics.insert(s, id);
        if attrs.thread_local {
            cx.thread_local_statics.insert(id);
        }
        let bytes = repack(cx, ty, &alloc.memory)?;
        let mut d = DataBuilder {
            bytes,
            relocs: vec![],
            align: layout.align(),
            strict: false,
        };
        add_relocs(cx, &mut d, ty, 0, &alloc.memory_map)?;
        define_declared(cx, id, d)?;
        id
    };
    if attrs.thread_local {
        cx.thread_local_statics.insert(id);
    }
    cx.statics.insert(s, id);
    Ok(id)
}

/// Statics with interior mutability must be writable even when not `static mut`.
fn is_freeze<'db>(cx: &CodegenCx<'db>, ty: Ty<'db>) -> bool {
    let lang = cx.tcx.interner.lang_items();
    let Some(unsafe_cell) = lang.UnsafeCell else {
        return false;
    };
    let mut stack = vec![ty];
    let mut seen = 0;
    while let Some(t) = stack.pop() {
        seen += 1;
        if seen > 256 {
            return false;
        }
        match t.kind() {
            TyKind::Adt(def, args) => {
                if def.def_id() == AdtId::StructId(unsafe_cell) {
                    return false;
                }
                let variants: Vec<ra_ap_hir_def::VariantId> = match def.def_id() {
                    AdtId::StructId(s) => vec![s.into()],
                    AdtId::UnionId(u) => vec![u.into()],
                    AdtId::EnumId(e) => e
                        .enum_variants(cx.tcx.db)
                        .variants
                        .values()
                        .map(|(v, _)| (*v).into())
                        .collect(),
                };
                for v in variants {
                    for (_, f) in cx.tcx.db.field_types(v).iter() {
                        stack.push(cx.tcx.instantiate(f.ty().skip_binder(), args));
                    }
                }
            }
            TyKind::Tuple(tys) => stack.extend(tys.iter()),
            TyKind::Array(t, _) => stack.push(t),
            _ => {}
        }
    }
    true
}

fn rlib_static_symbol(
    cx: &CodegenCx<'_>,
    s: StaticId,
    krate: ra_ap_base_db::Crate,
) -> Option<String> {
    let db = cx.tcx.db;
    let scope = crate::resolve::rlib_scope(db, &cx.linkmap, krate);
    if !scope.is_some() {
        return None;
    }
    let path = crate::symbol_path::static_path(&cx.tcx, s)?;
    let sym = crate::resolve::lookup_in(&cx.linkmap, scope, &path).or_else(|| {
        // Same-named statics of one function share a legacy path; their declaration
        // lines tell them apart.
        let crate::resolve::RlibScope::Rlib(rlib) = scope else {
            return None;
        };
        let (file, line) =
            crate::spans::item_line(&cx.tcx, ra_ap_hir_def::Lookup::lookup(&s, db).id)?;
        cx.linkmap
            .lookup_declared_in(&path, rlib, &file, line as u64)
    })?;
    (sym.kind == linkmap::SymbolKind::Data).then(|| sym.mangled.clone())
}

/// A `&'static str` value for `s`.
pub fn str_value<'db>(
    fx: &mut FunctionCx<'_, 'db>,
    s: &str,
    layout: crate::ty::TyAndLayout<'db>,
) -> Result<CValue<'db>> {
    let mut bytes = s.as_bytes().to_vec();
    bytes.push(0);
    let id = define_data(
        fx.cx,
        DataBuilder {
            bytes,
            relocs: vec![],
            align: 1,
            strict: false,
        },
    )?;
    let p = fx.data_addr(id);
    let len = fx.bcx.ins().iconst(PTR, s.len() as i64);
    Ok(CValue::by_val_pair(p, len, layout))
}
