//! What an rlib's debuginfo says that its symbols do not: where its global variables are
//! declared, and for which type each instance of `core::any::TypeId::of` was made.
//!
//! Legacy symbols (rustc's default outside std) do not spell the disambiguators of
//! same-named items: every `tracing::trace!` in one function declares a `static
//! __CALLSITE`, and all of them demangle to `<..>::poll::__CALLSITE`. The DWARF of the
//! rlib's objects names each variable's symbol (`DW_AT_linkage_name`) with its
//! declaration line (`DW_AT_decl_line`, at the outermost macro call site for macros of
//! other crates), which tells them apart.
//!
//! Nor do legacy symbols spell generic arguments: `core::any::TypeId::of::h55b9..` is
//! some type's id. The DWARF of the subprogram names its instance
//! (`of<axum::routing::url_params::UrlParams>`), which is how rac finds rustc's id of a
//! dependency's private type (see `codegen::type_id`).

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use object::{Object, ObjectSection, ObjectSymbol};

/// A variable's declaration: its file's name (without directories) and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    pub file_name: String,
    pub line: u64,
}

/// What the debuginfo of an rlib's objects says (nothing when it was built without).
#[derive(Debug, Default)]
pub struct RlibDebuginfo {
    /// Some object of the rlib has a `.debug_info` section.
    pub present: bool,
    /// Mangled symbol → declaration, for the global variables.
    pub variables: HashMap<String, Declared>,
    /// The functions of the rlib that compute `TypeId::of::<T>()`, by `T` as rustc's
    /// debuginfo names it (`alloc::vec::Vec<u8, alloc::alloc::Global>`, every argument
    /// spelled): instances of `TypeId::of`, then `type_id` methods it was inlined into.
    /// The rlib may export none of them (the link map checks).
    pub type_id_instances: HashMap<String, Vec<TypeIdFn>>,
}

/// A function that returns rustc's `TypeId` of a type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeIdFn {
    /// Its mangled symbol (whether the rlib exports it is the link map's to say).
    pub symbol: String,
    /// It takes `&self` (a thin reference it does not read; its other arguments are
    /// zero-sized): `Any::type_id`, `Error::type_id`. Otherwise it takes nothing
    /// (`TypeId::of`).
    pub receiver: bool,
}

/// Reads the debuginfo of the rlib's objects.
pub fn read(rlib: &Path) -> Result<RlibDebuginfo> {
    let data = std::fs::read(rlib).with_context(|| format!("cannot read {}", rlib.display()))?;
    let mut archive = ar::Archive::new(data.as_slice());
    let mut out = RlibDebuginfo::default();
    while let Some(entry) = archive.next_entry() {
        let mut entry = entry.with_context(|| format!("{} is not an rlib", rlib.display()))?;
        if !entry.header().identifier().ends_with(b".o") {
            continue;
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes)?;
        let file = object::File::parse(bytes.as_slice())
            .map_err(|e| anyhow::anyhow!("a member of {} is not an object: {e}", rlib.display()))?;
        read_object(&file, &mut out)
            .with_context(|| format!("cannot read the debuginfo of {}", rlib.display()))?;
    }
    Ok(out)
}

/// A DWARF section's bytes with the object's relocations applied: in a relocatable
/// object, `.debug_info`'s references into `.debug_str` are zeros plus relocations.
fn relocated_section(file: &object::File<'_>, name: &str) -> Result<Vec<u8>> {
    let Some(section) = file.section_by_name(name) else {
        return Ok(Vec::new());
    };
    let mut bytes = section.uncompressed_data()?.into_owned();
    for (offset, reloc) in section.relocations() {
        let target = match reloc.target() {
            object::RelocationTarget::Symbol(i) => file.symbol_by_index(i)?.address(),
            object::RelocationTarget::Section(_) => 0,
            _ => continue,
        };
        let value = (target as i64).wrapping_add(reloc.addend()) as u64;
        let at = offset as usize;
        match reloc.size() {
            32 if at + 4 <= bytes.len() => {
                bytes[at..at + 4].copy_from_slice(&(value as u32).to_le_bytes())
            }
            64 if at + 8 <= bytes.len() => bytes[at..at + 8].copy_from_slice(&value.to_le_bytes()),
            _ => {}
        }
    }
    Ok(bytes)
}

fn read_object(file: &object::File<'_>, out: &mut RlibDebuginfo) -> Result<()> {
    if file.section_by_name(".debug_info").is_none() {
        return Ok(());
    }
    out.present = true;
    let sections = gimli::DwarfSections::load(|id| relocated_section(file, id.name()))?;
    let dwarf = sections.borrow(|s| gimli::EndianSlice::new(s, gimli::LittleEndian));
    let mut units = dwarf.units();
    while let Some(header) = units.next()? {
        let unit = dwarf.unit(header)?;
        read_unit(&dwarf, &unit, out)?;
    }
    Ok(())
}

type Slice<'a> = gimli::EndianSlice<'a, gimli::LittleEndian>;

/// One unit's variables, and its subprograms as far as `TypeId::of` goes.
///
/// A subprogram's declaration (in its namespaces: `TypeId`'s for `of<T>`) carries its
/// linkage and display names; its out-of-line definition (`DW_AT_low_pc`) and its
/// abstract instance (`DW_AT_inline`) refer to the declaration by `DW_AT_specification`;
/// an inlined call (`DW_TAG_inlined_subroutine`) refers to the abstract instance by
/// `DW_AT_abstract_origin`. rustc inlines `TypeId::of` even at `opt-level = 0` into
/// `Any::type_id` and `Error::type_id`, whose instances are then the callable ones.
fn read_unit(
    dwarf: &gimli::Dwarf<Slice<'_>>,
    unit: &gimli::Unit<Slice<'_>>,
    out: &mut RlibDebuginfo,
) -> Result<()> {
    use gimli::UnitOffset;
    let mut linkage: HashMap<UnitOffset, String> = HashMap::new();
    let mut type_id_of: HashMap<UnitOffset, String> = HashMap::new();
    let mut specification: HashMap<UnitOffset, UnitOffset> = HashMap::new();
    // (abstract origin, the concrete subprogram the call was inlined into)
    let mut inlined: Vec<(UnitOffset, UnitOffset)> = Vec::new();
    let mut enclosing: Option<(isize, UnitOffset)> = None;
    let mut entries = unit.entries();
    while let Some(e) = entries.next_dfs()? {
        if enclosing.is_some_and(|(depth, _)| e.depth() <= depth) {
            enclosing = None;
        }
        match e.tag() {
            gimli::DW_TAG_subprogram => {
                if let Some(gimli::AttributeValue::UnitRef(decl)) =
                    e.attr_value(gimli::DW_AT_specification)
                {
                    specification.insert(e.offset(), decl);
                }
                if e.attr_value(gimli::DW_AT_low_pc).is_some() {
                    enclosing = Some((e.depth(), e.offset()));
                }
                let Some(link) = e.attr_value(gimli::DW_AT_linkage_name) else {
                    continue;
                };
                let symbol = dwarf
                    .attr_string(unit, link)?
                    .to_string_lossy()
                    .into_owned();
                if let Some(name) = e.attr_value(gimli::DW_AT_name)
                    && let Some(arg) = dwarf
                        .attr_string(unit, name)?
                        .to_string_lossy()
                        .strip_prefix("of<")
                        .and_then(|n| n.strip_suffix('>'))
                    && is_type_id_of(&symbol)
                {
                    type_id_of.insert(e.offset(), arg.to_owned());
                    push_candidate(
                        out,
                        arg,
                        TypeIdFn {
                            symbol: symbol.clone(),
                            receiver: false,
                        },
                    );
                }
                linkage.insert(e.offset(), symbol);
            }
            gimli::DW_TAG_inlined_subroutine => {
                if let (Some(gimli::AttributeValue::UnitRef(origin)), Some((_, at))) =
                    (e.attr_value(gimli::DW_AT_abstract_origin), enclosing)
                {
                    inlined.push((origin, at));
                }
            }
            gimli::DW_TAG_variable => read_variable(dwarf, unit, e, out)?,
            _ => {}
        }
    }
    let declaration = |o: UnitOffset| specification.get(&o).copied().unwrap_or(o);
    for (origin, at) in inlined {
        let Some(arg) = type_id_of.get(&declaration(origin)) else {
            continue;
        };
        let Some(caller) = linkage.get(&declaration(at)) else {
            continue;
        };
        if is_type_id_method(caller) {
            push_candidate(
                out,
                arg,
                TypeIdFn {
                    symbol: caller.clone(),
                    receiver: true,
                },
            );
        }
    }
    Ok(())
}

/// Adds a function computing `arg`'s id; the instances of `TypeId::of` come first (the
/// simpler call), in the order met.
fn push_candidate(out: &mut RlibDebuginfo, arg: &str, f: TypeIdFn) {
    let fns = out.type_id_instances.entry(arg.to_owned()).or_default();
    if !fns.contains(&f) {
        let at = if f.receiver {
            fns.len()
        } else {
            fns.iter().take_while(|g| !g.receiver).count()
        };
        fns.insert(at, f);
    }
}

fn read_variable(
    dwarf: &gimli::Dwarf<Slice<'_>>,
    unit: &gimli::Unit<Slice<'_>>,
    e: &gimli::DebuggingInformationEntry<Slice<'_>>,
    out: &mut RlibDebuginfo,
) -> Result<()> {
    let (Some(link), Some(line)) = (
        e.attr_value(gimli::DW_AT_linkage_name),
        e.attr_value(gimli::DW_AT_decl_line)
            .and_then(|v| v.udata_value()),
    ) else {
        return Ok(());
    };
    let symbol = dwarf
        .attr_string(unit, link)?
        .to_string_lossy()
        .into_owned();
    let file_name = match e.attr_value(gimli::DW_AT_decl_file) {
        Some(gimli::AttributeValue::FileIndex(i)) => unit
            .line_program
            .as_ref()
            .and_then(|p| p.header().file(i))
            .and_then(|f| dwarf.attr_string(unit, f.path_name()).ok())
            .map(|s| s.to_string_lossy().into_owned())
            .map(|p| {
                Path::new(&p)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or(p)
            })
            .unwrap_or_default(),
        _ => String::new(),
    };
    out.variables.insert(symbol, Declared { file_name, line });
    Ok(())
}

/// `symbol` is an instance of a method whose whole body is `TypeId::of::<Self>()` and
/// whose only argument that is not zero-sized is `&self`: `Any::type_id`,
/// `Error::type_id` (its second argument is the zero-sized `private::Internal`).
fn is_type_id_method(symbol: &str) -> bool {
    rustc_demangle::try_demangle(symbol).is_ok_and(|d| {
        let d = format!("{d:#}");
        d == "core::error::Error::type_id"
            || (d.starts_with('<') && d.ends_with(" as core::any::Any>::type_id"))
    })
}

/// `symbol` is an instance of `core::any::TypeId::of` (legacy or v0).
fn is_type_id_of(symbol: &str) -> bool {
    rustc_demangle::try_demangle(symbol).is_ok_and(|d| {
        let d = format!("{d:#}");
        d == "core::any::TypeId::of" || d.starts_with("<core::any::TypeId>::of::<")
    })
}
