//! Turning Cranelift functions into an object file: the ISA settings, parallel machine-code
//! compilation, and `.eh_frame` so panics unwind through rac's frames.
//!
//! Invariant: every function rac defines gets an FDE whose address is encoded
//! pc-relative (`DW_EH_PE_pcrel | sdata4`), as `-pie` binaries require.

use std::sync::Arc;

use anyhow::{Result, anyhow};
use cranelift_codegen::Context;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::gimli;
use cranelift_codegen::ir::Function;
use cranelift_codegen::isa::unwind::UnwindInfo;
use cranelift_codegen::isa::{OwnedTargetIsa, TargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_module::{FuncId, ModuleReloc};
use cranelift_object::object::write::{Relocation as ObjReloc, StandardSection};
use cranelift_object::object::{RelocationEncoding, RelocationFlags, RelocationKind};
use cranelift_object::{ObjectBuilder, ObjectModule, ObjectProduct};
use gimli::write::{
    Address, CieId, EhFrame, EndianVec, FrameTable, RelocateWriter, Relocation, RelocationTarget,
};
use rayon::prelude::*;

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
    let mut builder = ObjectBuilder::new(isa, name, cranelift_module::default_libcall_names())
        .map_err(|e| anyhow!("{e}"))?;
    builder.per_function_section(true);
    Ok(ObjectModule::new(builder))
}

pub struct Compiled {
    pub id: FuncId,
    pub alignment: u64,
    pub bytes: Vec<u8>,
    pub relocs: Vec<ModuleReloc>,
    pub unwind: Option<UnwindInfo>,
}

/// Compiles functions to machine code on a thread pool of `jobs` threads.
pub fn compile_all(
    isa: &Arc<dyn TargetIsa>,
    funcs: Vec<(FuncId, Function)>,
    jobs: usize,
) -> Result<Vec<Compiled>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(|e| anyhow!("{e}"))?;
    pool.install(|| {
        funcs
            .into_par_iter()
            .map_init(Context::new, |ctx, (id, func)| {
                compile_one(isa.as_ref(), ctx, id, func)
            })
            .collect()
    })
}

fn compile_one(
    isa: &dyn TargetIsa,
    ctx: &mut Context,
    id: FuncId,
    func: Function,
) -> Result<Compiled> {
    ctx.clear();
    ctx.func = func;
    if let Err(e) = ctx.compile(isa, &mut ControlPlane::default()) {
        let msg = format!("{:?}", e.inner);
        let text = e.func.display().to_string();
        return Err(anyhow!(
            "cranelift failed to compile a function: {msg}\n{text}"
        ));
    }
    let code = ctx.compiled_code().unwrap();
    let relocs = code
        .buffer
        .relocs()
        .iter()
        .map(|r| ModuleReloc::from_mach_reloc(r, &ctx.func, id))
        .collect();
    let unwind = code
        .create_unwind_info(isa)
        .map_err(|e| anyhow!("unwind info: {e}"))?;
    Ok(Compiled {
        id,
        alignment: code.buffer.alignment as u64,
        bytes: code.buffer.data().to_vec(),
        relocs,
        unwind,
    })
}

fn pcrel_sdata4() -> gimli::DwEhPe {
    gimli::DwEhPe(gimli::DW_EH_PE_pcrel.0 | gimli::DW_EH_PE_sdata4.0)
}

pub struct EhFrameBuilder {
    table: FrameTable,
    cie: CieId,
}

impl EhFrameBuilder {
    pub fn new(isa: &dyn TargetIsa) -> Result<Self> {
        let mut cie = isa
            .create_systemv_cie()
            .ok_or_else(|| anyhow!("no SystemV CIE"))?;
        cie.fde_address_encoding = pcrel_sdata4();
        let mut table = FrameTable::default();
        let cie = table.add_cie(cie);
        Ok(EhFrameBuilder { table, cie })
    }

    pub fn add_function(&mut self, id: FuncId, info: UnwindInfo) {
        if let UnwindInfo::SystemV(info) = info {
            let fde = info.to_fde(Address::Symbol {
                symbol: id.as_u32() as usize,
                addend: 0,
            });
            self.table.add_fde(self.cie, fde);
        }
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
            let sym = product.function_symbol(FuncId::from_u32(idx as u32));
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
