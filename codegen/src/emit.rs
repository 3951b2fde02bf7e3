//! Turning Cranelift functions into an object file: the ISA settings, parallel machine-code
//! compilation, and `.eh_frame` so panics unwind through rac's frames.
//!
//! Invariant: every function rac defines gets an FDE whose address is encoded
//! pc-relative (`DW_EH_PE_pcrel | sdata4`), as `-pie` binaries require. A function with
//! landing pads (`try_call`s) also gets an LSDA in `.gcc_except_table`, read by std's
//! `rust_eh_personality`, listing *every* call site of the function (a call missing from
//! the table would make the personality terminate the process).

use anyhow::{Result, anyhow};
use cranelift_codegen::gimli;
use cranelift_codegen::isa::unwind::UnwindInfo;
use cranelift_codegen::isa::{OwnedTargetIsa, TargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::{FinalizedMachCallSite, FinalizedMachExceptionHandler};
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module, ModuleReloc};
use cranelift_object::object::write::{Relocation as ObjReloc, StandardSection};
use cranelift_object::object::{RelocationEncoding, RelocationFlags, RelocationKind};
use cranelift_object::{ObjectBuilder, ObjectModule, ObjectProduct};
use gimli::write::{
    Address, CieId, EhFrame, EndianVec, FrameTable, RelocateWriter, Relocation, RelocationTarget,
};

pub fn build_isa() -> Result<OwnedTargetIsa> {
    let mut fb = settings::builder();
    let set = |fb: &mut settings::Builder, k: &str, v: &str| {
        fb.set(k, v)
            .map_err(|e| anyhow!("cranelift setting {k}: {e}"))
    };
    set(&mut fb, "is_pic", "true")?;
    set(&mut fb, "preserve_frame_pointers", "false")?;
    set(&mut fb, "tls_model", "elf_gd")?;
    set(&mut fb, "enable_llvm_abi_extensions", "true")?;
    set(&mut fb, "opt_level", "none")?;
    set(
        &mut fb,
        "enable_verifier",
        if std::env::var_os("RAC_VERIFY").is_some() {
            "true"
        } else {
            "false"
        },
    )?;
    set(&mut fb, "probestack_strategy", "inline")?;
    fb.enable("enable_probestack").map_err(|e| anyhow!("{e}"))?;
    let flags = settings::Flags::new(fb);
    let isa = cranelift_codegen::isa::lookup_by_name("x86_64-unknown-linux-gnu")
        .map_err(|e| anyhow!("no x86_64 backend in cranelift: {e}"))?
        .finish(flags)
        .map_err(|e| anyhow!("{e}"))?;
    Ok(isa)
}

pub fn new_module(isa: OwnedTargetIsa, name: &str) -> Result<ObjectModule> {
    let builder = ObjectBuilder::new(isa, name, cranelift_module::default_libcall_names())
        .map_err(|e| anyhow!("{e}"))?;
    Ok(ObjectModule::new(builder))
}

/// One object file of a binary: some of its units, and the statics it defines.
///
/// A binary is split into several objects so that an edit rewrites only the objects of
/// the units it changed. Across objects, rac's functions and statics are hidden globals
/// (defined in exactly one object, imported by the others); content-named constants are
/// local to each object that uses them.
pub struct ObjectPart<'a> {
    pub units: Vec<&'a crate::unit::CompiledUnit>,
    /// The statics this object defines (each static is defined by exactly one object),
    /// with the unit whose symbols their relocations index.
    pub statics: Vec<(&'a crate::unit::CompiledUnit, &'a crate::unit::DataObject)>,
}

/// Whether a data symbol names a static (one definition per binary) rather than a
/// content-named constant (one per object that uses it).
pub fn is_static(name: &str) -> bool {
    name.starts_with("rac.static.")
}

/// Writes one object file. Within it, a name defined twice must have identical contents,
/// else the build stops (two different things under one name would be a wrong binary).
pub fn write_object(isa: &OwnedTargetIsa, name: &str, part: &ObjectPart) -> Result<Vec<u8>> {
    use crate::unit::SymbolKind;
    use cranelift_module::{FuncOrDataId, ModuleRelocTarget};
    use std::collections::{HashMap, HashSet};

    let mut module = new_module(isa.clone(), name)?;
    let empty_sig = module.make_signature();
    let here: HashSet<&str> = part
        .units
        .iter()
        .flat_map(|u| u.functions.iter().map(|f| f.name.as_str()))
        .collect();
    let statics_here: HashSet<&str> = part.statics.iter().map(|(_, d)| d.name.as_str()).collect();
    let mut defined_data: HashMap<String, (Option<Vec<u8>>, usize)> = HashMap::new();
    let mut defined_funcs: HashSet<String> = Default::default();
    let mut eh = EhFrameBuilder::new(isa.as_ref())?;

    // rac's own functions and statics: hidden where defined, imported elsewhere.
    let func_linkage = |name: &str, linkage: Linkage| match linkage {
        Linkage::Local if here.contains(name) => Linkage::Hidden,
        Linkage::Local => Linkage::Import,
        Linkage::Export if !here.contains(name) => Linkage::Import,
        other => other,
    };
    let data_linkage = |name: &str, linkage: Linkage| match linkage {
        Linkage::Local if is_static(name) && statics_here.contains(name) => Linkage::Hidden,
        Linkage::Local if is_static(name) => Linkage::Import,
        other => other,
    };
    let declare = |module: &mut ObjectModule, s: &crate::unit::Symbol| -> Result<FuncOrDataId> {
        Ok(match s.kind {
            SymbolKind::Func { linkage } => FuncOrDataId::Func(
                module
                    .declare_function(&s.name, func_linkage(&s.name, linkage), &empty_sig)
                    .map_err(|e| anyhow!("declaring {}: {e}", s.name))?,
            ),
            SymbolKind::Data {
                linkage,
                writable,
                tls,
            } => FuncOrDataId::Data(
                module
                    .declare_data(&s.name, data_linkage(&s.name, linkage), writable, tls)
                    .map_err(|e| anyhow!("declaring {}: {e}", s.name))?,
            ),
        })
    };

    let mut define_data = |module: &mut ObjectModule,
                           d: &crate::unit::DataObject,
                           ids: &[FuncOrDataId]|
     -> Result<()> {
        if let Some((bytes, size)) = defined_data.get(&d.name) {
            if *bytes != d.bytes || *size != d.size {
                return Err(anyhow!(
                    "internal error: two different data objects are named `{}`",
                    d.name
                ));
            }
            return Ok(());
        }
        let id = module
            .declare_data(&d.name, data_linkage(&d.name, d.linkage), d.writable, d.tls)
            .map_err(|e| anyhow!("declaring {}: {e}", d.name))?;
        let mut desc = DataDescription::new();
        match &d.bytes {
            Some(b) => desc.define(b.clone().into_boxed_slice()),
            None => desc.define_zeroinit(d.size),
        }
        desc.set_align(d.align.max(1));
        if let Some(sec) = &d.section {
            desc.set_custom_section(sec);
        }
        for r in &d.relocs {
            match ids[r.target as usize] {
                FuncOrDataId::Func(f) => {
                    let fr = module.declare_func_in_data(f, &mut desc);
                    desc.write_function_addr(r.offset, fr);
                }
                FuncOrDataId::Data(t) => {
                    let gv = module.declare_data_in_data(t, &mut desc);
                    desc.write_data_addr(r.offset, gv, r.addend);
                }
            }
        }
        module
            .define_data(id, &desc)
            .map_err(|e| anyhow!("defining {}: {e}", d.name))?;
        defined_data.insert(d.name.clone(), (d.bytes.clone(), d.size));
        Ok(())
    };

    // The statics this object defines come from units anywhere in the binary: their
    // relocation targets are declared in this object by their symbols' names.
    for (unit, d) in &part.statics {
        let ids: Vec<FuncOrDataId> = unit
            .symbols
            .iter()
            .map(|s| declare(&mut module, s))
            .collect::<Result<_>>()?;
        // Declaring the unit's symbols declares its content-named constants, local to
        // each object that uses them: define them all here too (the static points to
        // some of them).
        for c in unit.data.iter().filter(|c| !is_static(&c.name)) {
            define_data(&mut module, c, &ids)?;
        }
        define_data(&mut module, d, &ids)?;
    }
    for unit in &part.units {
        let ids: Vec<FuncOrDataId> = unit
            .symbols
            .iter()
            .map(|s| declare(&mut module, s))
            .collect::<Result<_>>()?;
        for d in &unit.data {
            if is_static(&d.name) {
                continue;
            }
            define_data(&mut module, d, &ids)?;
        }
        for f in &unit.functions {
            if !defined_funcs.insert(f.name.clone()) {
                // The same instance compiled twice (reached as two keys): one definition.
                continue;
            }
            let id = module
                .declare_function(&f.name, func_linkage(&f.name, f.linkage), &empty_sig)
                .map_err(|e| anyhow!("declaring {}: {e}", f.name))?;
            let relocs: Vec<ModuleReloc> = f
                .relocs
                .iter()
                .map(|r| ModuleReloc {
                    offset: r.offset,
                    kind: r.kind,
                    name: ModuleRelocTarget::from(ids[r.target as usize]),
                    addend: r.addend,
                })
                .collect();
            module
                .define_function_bytes(id, f.alignment, &f.bytes, &relocs)
                .map_err(|e| anyhow!("defining {}: {e}", f.name))?;
            if let Some(u) = &f.unwind {
                eh.add_function(&mut module, id, u.clone(), f.lsda.clone())?;
            }
        }
    }
    // A content-named constant is defined by every object that refers to it.
    for unit in &part.units {
        for sym in &unit.symbols {
            if let SymbolKind::Data {
                linkage: Linkage::Local,
                ..
            } = sym.kind
                && !is_static(&sym.name)
                && !defined_data.contains_key(&sym.name)
            {
                return Err(anyhow!(
                    "internal error: `{}` refers to the constant `{}`, which it does not define",
                    unit.functions.first().map_or("?", |f| f.name.as_str()),
                    sym.name
                ));
            }
        }
    }
    let mut product = module.finish();
    eh.emit(&mut product)?;
    product
        .emit()
        .map_err(|e| anyhow!("writing the object file: {e}"))
}

fn uleb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// The LSDA of a function (the Itanium C++ ABI format std's personality reads), or `None`
/// when no call has a landing pad. Call sites are one byte long (the byte before the
/// return address); cleanup pads have action 0, the `catch_unwind` catch has a catch-all
/// action.
pub(crate) fn build_lsda<'a>(
    call_sites: impl Iterator<Item = FinalizedMachCallSite<'a>>,
) -> Result<Option<Vec<u8>>> {
    let mut any_handler = false;
    let mut any_catch = false;
    let mut table = Vec::new();
    for cs in call_sites {
        let (pad, action) = match cs.exception_handlers {
            [] => (0u32, 0u64),
            // A call inlined into a call with a handler has its own handler first, then
            // the caller's (`inline.rs`). Every handler rac emits catches everything, so
            // the first is the one that runs; a cleanup ends in `_Unwind_Resume`, itself
            // a call covered by the caller's handler.
            [FinalizedMachExceptionHandler::Tag(tag, pad), ..] => {
                any_handler = true;
                match tag.as_u32() {
                    crate::drops::TAG_CLEANUP => (*pad, 0),
                    crate::drops::TAG_CATCH => {
                        any_catch = true;
                        (*pad, 1)
                    }
                    t => return Err(anyhow!("unknown exception tag {t}")),
                }
            }
            other => return Err(anyhow!("unsupported exception handlers {other:?}")),
        };
        uleb(&mut table, u64::from(cs.ret_addr - 1));
        uleb(&mut table, 1);
        uleb(&mut table, u64::from(pad));
        uleb(&mut table, action);
    }
    if !any_handler {
        return Ok(None);
    }
    let mut call_sites_part = vec![gimli::DW_EH_PE_uleb128.0];
    uleb(&mut call_sites_part, table.len() as u64);
    call_sites_part.extend_from_slice(&table);
    let mut out = vec![gimli::DW_EH_PE_omit.0];
    if any_catch {
        // One action record {type index 1, no next}; a type table of one null entry: catch all.
        let actions = [1u8, 0u8];
        out.push(gimli::DW_EH_PE_udata4.0);
        uleb(&mut out, (call_sites_part.len() + actions.len() + 4) as u64);
        out.extend_from_slice(&call_sites_part);
        out.extend_from_slice(&actions);
        out.extend_from_slice(&0u32.to_le_bytes());
    } else {
        out.push(gimli::DW_EH_PE_omit.0);
        out.extend_from_slice(&call_sites_part);
    }
    Ok(Some(out))
}

/// Relocation targets in `.eh_frame` above this bit are data objects, below it functions.
const DATA_BIT: usize = 1 << 31;

fn pcrel_sdata4() -> gimli::DwEhPe {
    gimli::DwEhPe(gimli::DW_EH_PE_pcrel.0 | gimli::DW_EH_PE_sdata4.0)
}

pub struct EhFrameBuilder {
    table: FrameTable,
    cie: CieId,
    /// The CIE with `rust_eh_personality`, for functions with an LSDA (added on first use).
    cie_eh: Option<CieId>,
}

impl EhFrameBuilder {
    pub fn new(isa: &dyn TargetIsa) -> Result<Self> {
        let mut cie = isa
            .create_systemv_cie()
            .ok_or_else(|| anyhow!("no SystemV CIE"))?;
        cie.fde_address_encoding = pcrel_sdata4();
        let mut table = FrameTable::default();
        let cie = table.add_cie(cie);
        Ok(EhFrameBuilder {
            table,
            cie,
            cie_eh: None,
        })
    }

    /// Adds the function's FDE; with `lsda` bytes, defines them in `.gcc_except_table` and
    /// uses the personality CIE.
    pub fn add_function(
        &mut self,
        module: &mut ObjectModule,
        id: FuncId,
        info: UnwindInfo,
        lsda: Option<Vec<u8>>,
    ) -> Result<()> {
        let UnwindInfo::SystemV(info) = info else {
            return Ok(());
        };
        let mut fde = info.to_fde(Address::Symbol {
            symbol: id.as_u32() as usize,
            addend: 0,
        });
        let cie = match lsda {
            None => self.cie,
            Some(bytes) => {
                let cie = self.personality_cie(module)?;
                let data = module
                    .declare_anonymous_data(false, false)
                    .map_err(|e| anyhow!("{e}"))?;
                let mut d = DataDescription::new();
                d.define(bytes.into_boxed_slice());
                d.set_custom_section(".gcc_except_table");
                d.set_align(4);
                module.define_data(data, &d).map_err(|e| anyhow!("{e}"))?;
                fde.lsda = Some(data_address(data));
                cie
            }
        };
        self.table.add_fde(cie, fde);
        Ok(())
    }

    /// The CIE naming `rust_eh_personality` through a local `DW.ref.rust_eh_personality`
    /// cell (indirect, pc-relative), as LLVM and cg_clif emit it.
    fn personality_cie(&mut self, module: &mut ObjectModule) -> Result<CieId> {
        if let Some(c) = self.cie_eh {
            return Ok(c);
        }
        use cranelift_codegen::ir::{AbiParam, Signature, types};
        let ptr = module.target_config().pointer_type();
        let mut sig = Signature::new(module.target_config().default_call_conv);
        sig.params.extend([
            AbiParam::new(types::I32),
            AbiParam::new(types::I32),
            AbiParam::new(types::I64),
            AbiParam::new(ptr),
            AbiParam::new(ptr),
        ]);
        sig.returns.push(AbiParam::new(types::I32));
        let personality = module
            .declare_function("rust_eh_personality", Linkage::Import, &sig)
            .map_err(|e| anyhow!("{e}"))?;
        let cell = module
            .declare_data("DW.ref.rust_eh_personality", Linkage::Local, false, false)
            .map_err(|e| anyhow!("{e}"))?;
        let mut d = DataDescription::new();
        // Not zero-initialized: a `.bss` cell would not be relocated.
        d.define(vec![0u8; 8].into_boxed_slice());
        d.set_align(8);
        let f = module.declare_func_in_data(personality, &mut d);
        d.write_function_addr(0, f);
        module.define_data(cell, &d).map_err(|e| anyhow!("{e}"))?;
        let mut cie = module
            .isa()
            .create_systemv_cie()
            .ok_or_else(|| anyhow!("no SystemV CIE"))?;
        cie.fde_address_encoding = pcrel_sdata4();
        cie.lsda_encoding = Some(pcrel_sdata4());
        cie.personality = Some((
            gimli::DwEhPe(gimli::DW_EH_PE_indirect.0 | pcrel_sdata4().0),
            data_address(cell),
        ));
        let id = self.table.add_cie(cie);
        self.cie_eh = Some(id);
        Ok(id)
    }

    /// Writes `.eh_frame` into the finished object (after `ObjectModule::finish`).
    pub fn emit(self, product: &mut ObjectProduct) -> Result<()> {
        let mut eh = EhFrame(Section {
            writer: EndianVec::new(gimli::RunTimeEndian::Little),
            relocs: vec![],
        });
        self.table
            .write_eh_frame(&mut eh)
            .map_err(|e| anyhow!("writing .eh_frame: {e}"))?;
        let Section { writer, relocs } = eh.0;
        let data = writer.into_vec();
        if data.is_empty() {
            return Ok(());
        }
        let sec = product.object.section_id(StandardSection::EhFrame);
        let base = product.object.append_section_data(sec, &data, 8);
        for r in relocs {
            let RelocationTarget::Symbol(idx) = r.target else {
                continue;
            };
            let sym = if idx & DATA_BIT == 0 {
                product.function_symbol(FuncId::from_u32(idx as u32))
            } else {
                product.data_symbol(DataId::from_u32((idx & !DATA_BIT) as u32))
            };
            let (symbol, off) = product
                .object
                .symbol_section_and_offset(sym)
                .unwrap_or((sym, 0));
            let kind = match r.eh_pe.unwrap_or(gimli::DW_EH_PE_absptr).application() {
                gimli::DW_EH_PE_pcrel => RelocationKind::Relative,
                _ => RelocationKind::Absolute,
            };
            product
                .object
                .add_relocation(
                    sec,
                    ObjReloc {
                        offset: base + r.offset as u64,
                        symbol,
                        addend: r.addend + off as i64,
                        flags: RelocationFlags::Generic {
                            kind,
                            encoding: RelocationEncoding::Generic,
                            size: r.size * 8,
                        },
                    },
                )
                .map_err(|e| anyhow!("{e}"))?;
        }
        Ok(())
    }
}

struct Section {
    writer: EndianVec<gimli::RunTimeEndian>,
    relocs: Vec<Relocation>,
}

impl RelocateWriter for Section {
    type Writer = EndianVec<gimli::RunTimeEndian>;
    fn writer(&self) -> &Self::Writer {
        &self.writer
    }
    fn writer_mut(&mut self) -> &mut Self::Writer {
        &mut self.writer
    }
    fn relocate(&mut self, r: Relocation) {
        self.relocs.push(r);
    }
}

fn data_address(id: DataId) -> Address {
    Address::Symbol {
        symbol: DATA_BIT | id.as_u32() as usize,
        addend: 0,
    }
}
