//! What translating one instance produces: a [`CompiledUnit`] of machine code, the data
//! objects the code uses, and the symbols and instances it refers to by name.
//!
//! Translation writes into a [`RecordingModule`], a `cranelift_module::Module` that keeps
//! declarations and data definitions instead of writing an object file. When the unit is
//! finished every reference becomes a *name*, so a unit is a value of its own: it can be
//! kept across builds and linked into any object together with other units.
//!
//! Invariants:
//! - an anonymous data object is named after its content (`rac.d.<hash>` over its bytes,
//!   alignment, flags, section and relocation targets), so units that define the same
//!   constant define the same symbol with the same bytes, and the object writer keeps one;
//! - every other name is unique to what it names (instance symbols: `mangle.rs`; statics:
//!   their path and a session-wide disambiguator; Tier 2 symbols: the link map's).

use std::collections::HashMap;

use anyhow::{Result, anyhow};
use cranelift_codegen::binemit::Reloc;
use cranelift_codegen::ir;
use cranelift_codegen::isa::{OwnedTargetIsa, TargetIsa, unwind::UnwindInfo};
use cranelift_codegen::{Context, control::ControlPlane};
use cranelift_module::{
    DataDescription, DataId, FuncId, Init, Linkage, Module, ModuleDeclarations, ModuleError,
    ModuleRelocTarget, ModuleResult,
};
use sha2::Digest;

/// A symbol referenced by a unit's code or data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub kind: SymbolKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Func {
        linkage: Linkage,
    },
    Data {
        linkage: Linkage,
        writable: bool,
        tls: bool,
    },
}

/// A relocation in code or data: `target` indexes the unit's `symbols`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitReloc {
    pub offset: u32,
    pub kind: Reloc,
    pub target: u32,
    pub addend: i64,
}

/// One compiled function: machine code with symbolic relocations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MachineFunction {
    pub name: String,
    pub linkage: Linkage,
    pub alignment: u64,
    pub bytes: Vec<u8>,
    pub relocs: Vec<UnitReloc>,
    pub unwind: Option<UnwindInfo>,
    /// The LSDA bytes, for functions with landing pads.
    pub lsda: Option<Vec<u8>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataObject {
    pub name: String,
    pub linkage: Linkage,
    pub writable: bool,
    pub tls: bool,
    pub align: u64,
    pub section: Option<String>,
    /// `None`: zero-initialized of `size` bytes.
    pub bytes: Option<Vec<u8>>,
    pub size: usize,
    /// Data relocations are absolute 64-bit addresses.
    pub relocs: Vec<UnitReloc>,
}

/// The machine code and data of one instance (or of the entry glue), with every
/// reference by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompiledUnit {
    pub functions: Vec<MachineFunction>,
    pub data: Vec<DataObject>,
    pub symbols: Vec<Symbol>,
    /// A hash of everything above: equal fingerprints, equal object contents.
    pub fingerprint: u64,
}

impl CompiledUnit {
    fn compute_fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        let linkage = |l: &Linkage| format!("{l:?}");
        let relocs = |h: &mut std::hash::DefaultHasher, rs: &[UnitReloc]| {
            for r in rs {
                (r.offset, format!("{:?}", r.kind), r.target, r.addend).hash(h);
            }
        };
        for f in &self.functions {
            (&f.name, linkage(&f.linkage), f.alignment, &f.bytes, &f.lsda).hash(&mut h);
            format!("{:?}", f.unwind).hash(&mut h);
            relocs(&mut h, &f.relocs);
        }
        for d in &self.data {
            (
                &d.name,
                linkage(&d.linkage),
                d.writable,
                d.tls,
                d.align,
                &d.section,
                &d.bytes,
                d.size,
            )
                .hash(&mut h);
            relocs(&mut h, &d.relocs);
        }
        for s in &self.symbols {
            (&s.name, format!("{:?}", s.kind)).hash(&mut h);
        }
        h.finish()
    }
}

/// A `Module` that records what translation declares and defines.
pub struct RecordingModule {
    isa: OwnedTargetIsa,
    declarations: ModuleDeclarations,
    data: HashMap<DataId, DataDescription>,
}

impl RecordingModule {
    pub fn new(isa: OwnedTargetIsa) -> Self {
        RecordingModule {
            isa,
            declarations: ModuleDeclarations::default(),
            data: HashMap::new(),
        }
    }

    /// Compiles `funcs` (each declared in this module) and turns everything into a unit.
    pub fn finish(
        self,
        funcs: Vec<(FuncId, ir::Function)>,
        inline: &crate::inline::Bodies,
        cache: Option<&crate::stencil_cache::StencilCache>,
    ) -> Result<CompiledUnit> {
        let mut namer = Namer::new(&self);
        let mut unit = CompiledUnit::default();
        for (id, func) in funcs {
            let decl = self.declarations.get_function_decl(id);
            let compiled = compile_function(self.isa.as_ref(), func, inline, cache)?;
            let mut relocs = Vec::with_capacity(compiled.relocs.len());
            for r in &compiled.relocs {
                let (target, addend) = match r.name {
                    // A reference into the function itself (its own address plus an offset).
                    ModuleRelocTarget::FunctionOffset(_, off) => (
                        namer.symbol(&mut unit, &ModuleRelocTarget::user(0, id.as_u32()))?,
                        r.addend + i64::from(off),
                    ),
                    ref name => (namer.symbol(&mut unit, name)?, r.addend),
                };
                relocs.push(UnitReloc {
                    offset: r.offset,
                    kind: r.kind,
                    target,
                    addend,
                });
            }
            unit.functions.push(MachineFunction {
                name: decl.linkage_name(id).into_owned(),
                linkage: decl.linkage,
                alignment: compiled.alignment,
                bytes: compiled.bytes,
                relocs,
                unwind: compiled.unwind,
                lsda: compiled.lsda,
            });
        }
        namer.flush_data(&mut unit)?;
        unit.fingerprint = unit.compute_fingerprint();
        Ok(unit)
    }
}

/// Machine code with `ModuleRelocTarget`s (this module's ids).
struct CompiledCode {
    alignment: u64,
    bytes: Vec<u8>,
    relocs: Vec<cranelift_module::ModuleReloc>,
    unwind: Option<UnwindInfo>,
    lsda: Option<Vec<u8>>,
}

fn compile_function(
    isa: &dyn TargetIsa,
    func: ir::Function,
    inline: &crate::inline::Bodies,
    cache: Option<&crate::stencil_cache::StencilCache>,
) -> Result<CompiledCode> {
    let mut ctx = Context::for_function(func);
    if !inline.is_empty() {
        let bodies = crate::inline::bodies_for(&mut ctx.func, inline);
        ctx.inline(crate::inline::Inliner {
            bodies: &bodies,
            inlined: 0,
        })
        .map_err(|e| anyhow!("cranelift failed to inline into a function: {e:?}"))?;
    }
    let result = match cache {
        Some(cache) => {
            let mut store = cache.store();
            ctx.compile_with_cache(isa, &mut store, &mut ControlPlane::default())
                .map(|(c, _)| c)
        }
        None => ctx.compile(isa, &mut ControlPlane::default()),
    };
    if let Err(e) = result {
        let msg = format!("{:?}", e.inner);
        let text = e.func.display().to_string();
        return Err(anyhow!(
            "cranelift failed to compile a function: {msg}\n{text}"
        ));
    }
    let code = ctx.compiled_code().expect("compiled");
    let relocs = code
        .buffer
        .relocs()
        .iter()
        .map(|r| cranelift_module::ModuleReloc::from_mach_reloc(r, &ctx.func, FuncId::from_u32(0)))
        .collect();
    let unwind = code
        .create_unwind_info(isa)
        .map_err(|e| anyhow!("unwind info: {e}"))?;
    let lsda = crate::emit::build_lsda(code.buffer.call_sites())?;
    Ok(CompiledCode {
        alignment: code.buffer.alignment as u64,
        bytes: code.buffer.data().to_vec(),
        relocs,
        unwind,
        lsda,
    })
}

/// Turns module ids into unit symbol indices, naming anonymous data by content.
struct Namer<'m> {
    module: &'m RecordingModule,
    funcs: HashMap<FuncId, u32>,
    datas: HashMap<DataId, u32>,
    /// Final names of defined anonymous data, computed on first need.
    data_names: HashMap<DataId, String>,
    /// Data objects to emit, in the order they were first referenced.
    pending: Vec<DataId>,
}

impl<'m> Namer<'m> {
    fn new(module: &'m RecordingModule) -> Self {
        Namer {
            module,
            funcs: HashMap::new(),
            datas: HashMap::new(),
            data_names: HashMap::new(),
            pending: Vec::new(),
        }
    }

    fn symbol(&mut self, unit: &mut CompiledUnit, target: &ModuleRelocTarget) -> Result<u32> {
        match target {
            ModuleRelocTarget::User { namespace: 0, .. } => {
                let id = FuncId::from_name(target);
                if let Some(i) = self.funcs.get(&id) {
                    return Ok(*i);
                }
                let decl = self.module.declarations.get_function_decl(id);
                let i = push_symbol(
                    unit,
                    Symbol {
                        name: decl.linkage_name(id).into_owned(),
                        kind: SymbolKind::Func {
                            linkage: decl.linkage,
                        },
                    },
                );
                self.funcs.insert(id, i);
                Ok(i)
            }
            ModuleRelocTarget::User { namespace: 1, .. } => {
                let id = DataId::from_name(target);
                if let Some(i) = self.datas.get(&id) {
                    return Ok(*i);
                }
                let decl = self.module.declarations.get_data_decl(id);
                let name = self.data_name(id, 0)?;
                let i = push_symbol(
                    unit,
                    Symbol {
                        name,
                        kind: SymbolKind::Data {
                            linkage: data_linkage(decl),
                            writable: decl.writable,
                            tls: decl.tls,
                        },
                    },
                );
                self.datas.insert(id, i);
                if self.module.data.contains_key(&id) {
                    self.pending.push(id);
                }
                Ok(i)
            }
            // `memcpy`/`memset` that Cranelift calls for large copies: libc's.
            ModuleRelocTarget::LibCall(lc) => {
                let name = (cranelift_module::default_libcall_names())(*lc);
                Ok(push_symbol(
                    unit,
                    Symbol {
                        name,
                        kind: SymbolKind::Func {
                            linkage: Linkage::Import,
                        },
                    },
                ))
            }
            ModuleRelocTarget::KnownSymbol(ks) => Err(anyhow!("unexpected known symbol {ks:?}")),
            other => Err(anyhow!("unexpected relocation target {other:?}")),
        }
    }

    /// The final name of a data object: its declared name, or `rac.d.<hash of content>`.
    fn data_name(&mut self, id: DataId, depth: usize) -> Result<String> {
        let decl = self.module.declarations.get_data_decl(id);
        if let Some(n) = &decl.name {
            return Ok(n.clone());
        }
        if let Some(n) = self.data_names.get(&id) {
            return Ok(n.clone());
        }
        let Some(desc) = self.module.data.get(&id) else {
            return Err(anyhow!(
                "anonymous data object referenced but never defined"
            ));
        };
        if depth > 64 {
            return Err(anyhow!(
                "anonymous data objects refer to each other in a cycle"
            ));
        }
        let mut h = sha2::Sha256::new();
        h.update([decl.writable as u8, decl.tls as u8]);
        h.update(desc.align.unwrap_or(1).to_le_bytes());
        h.update(desc.custom_section.as_deref().unwrap_or("").as_bytes());
        h.update([0xff]);
        match &desc.init {
            Init::Bytes { contents } => {
                h.update(b"B");
                h.update((contents.len() as u64).to_le_bytes());
                h.update(contents);
            }
            Init::Zeros { size } => {
                h.update(b"Z");
                h.update((*size as u64).to_le_bytes());
            }
            Init::Uninitialized => return Err(anyhow!("data object without contents")),
        }
        for (off, fr) in &desc.function_relocs {
            let target = &desc.function_decls[*fr];
            let fid = FuncId::from_name(target);
            let name = self
                .module
                .declarations
                .get_function_decl(fid)
                .linkage_name(fid)
                .into_owned();
            h.update(b"F");
            h.update(off.to_le_bytes());
            h.update(name.as_bytes());
            h.update([0]);
        }
        for (off, gv, addend) in &desc.data_relocs {
            let target = &desc.data_decls[*gv];
            let did = DataId::from_name(target);
            let name = self.data_name(did, depth + 1)?;
            h.update(b"D");
            h.update(off.to_le_bytes());
            h.update(addend.to_le_bytes());
            h.update(name.as_bytes());
            h.update([0]);
        }
        let digest = h.finalize();
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        let name = format!("rac.d.{hex}");
        self.data_names.insert(id, name.clone());
        Ok(name)
    }

    /// Emits every referenced data object defined in this module (and what they refer to).
    fn flush_data(&mut self, unit: &mut CompiledUnit) -> Result<()> {
        let mut done = std::collections::HashSet::new();
        while let Some(id) = self.pending.pop() {
            if !done.insert(id) {
                continue;
            }
            let desc = &self.module.data[&id];
            let decl = self.module.declarations.get_data_decl(id);
            let mut relocs = Vec::new();
            for (off, fr) in &desc.function_relocs {
                let target = desc.function_decls[*fr].clone();
                relocs.push(UnitReloc {
                    offset: *off,
                    kind: Reloc::Abs8,
                    target: self.symbol(unit, &target)?,
                    addend: 0,
                });
            }
            for (off, gv, addend) in &desc.data_relocs {
                let target = desc.data_decls[*gv].clone();
                relocs.push(UnitReloc {
                    offset: *off,
                    kind: Reloc::Abs8,
                    target: self.symbol(unit, &target)?,
                    addend: *addend,
                });
            }
            let (bytes, size) = match &desc.init {
                Init::Bytes { contents } => (Some(contents.to_vec()), contents.len()),
                Init::Zeros { size } => (None, *size),
                Init::Uninitialized => return Err(anyhow!("data object without contents")),
            };
            unit.data.push(DataObject {
                name: self.data_name(id, 0)?,
                linkage: data_linkage(decl),
                writable: decl.writable,
                tls: decl.tls,
                align: desc.align.unwrap_or(1),
                section: desc.custom_section.clone(),
                bytes,
                size,
                relocs,
            });
        }
        Ok(())
    }
}

fn push_symbol(unit: &mut CompiledUnit, s: Symbol) -> u32 {
    unit.symbols.push(s);
    (unit.symbols.len() - 1) as u32
}

impl Module for RecordingModule {
    fn isa(&self) -> &dyn TargetIsa {
        self.isa.as_ref()
    }

    fn declarations(&self) -> &ModuleDeclarations {
        &self.declarations
    }

    fn declare_function(
        &mut self,
        name: &str,
        linkage: Linkage,
        signature: &ir::Signature,
    ) -> ModuleResult<FuncId> {
        let (id, _) = self
            .declarations
            .declare_function(name, linkage, signature)?;
        Ok(id)
    }

    fn declare_anonymous_function(&mut self, signature: &ir::Signature) -> ModuleResult<FuncId> {
        self.declarations.declare_anonymous_function(signature)
    }

    fn declare_data(
        &mut self,
        name: &str,
        linkage: Linkage,
        writable: bool,
        tls: bool,
    ) -> ModuleResult<DataId> {
        let (id, _) = self
            .declarations
            .declare_data(name, linkage, writable, tls)?;
        Ok(id)
    }

    fn declare_anonymous_data(&mut self, writable: bool, tls: bool) -> ModuleResult<DataId> {
        self.declarations.declare_anonymous_data(writable, tls)
    }

    fn define_function_with_control_plane(
        &mut self,
        _func: FuncId,
        _ctx: &mut Context,
        _ctrl_plane: &mut ControlPlane,
    ) -> ModuleResult<()> {
        Err(ModuleError::Backend(anyhow!(
            "functions are compiled by RecordingModule::finish"
        )))
    }

    fn define_function_bytes(
        &mut self,
        _func_id: FuncId,
        _alignment: u64,
        _bytes: &[u8],
        _relocs: &[cranelift_module::ModuleReloc],
    ) -> ModuleResult<()> {
        Err(ModuleError::Backend(anyhow!(
            "functions are compiled by RecordingModule::finish"
        )))
    }

    fn define_data(&mut self, data_id: DataId, data: &DataDescription) -> ModuleResult<()> {
        if self.data.contains_key(&data_id) {
            let name = self
                .declarations
                .get_data_decl(data_id)
                .linkage_name(data_id);
            return Err(ModuleError::DuplicateDefinition(name.into_owned()));
        }
        self.data.insert(data_id, data.clone());
        Ok(())
    }
}

/// An anonymous data object (a content-named constant) is local to every object using it.
fn data_linkage(decl: &cranelift_module::DataDeclaration) -> Linkage {
    if decl.name.is_none() {
        Linkage::Local
    } else {
        decl.linkage
    }
}
