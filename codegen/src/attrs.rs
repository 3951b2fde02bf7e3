//! Codegen-relevant attributes of functions and statics, read from the syntax tree with
//! `cfg_attr` evaluated under the owning crate's cfgs (std's `#[cfg_attr(debug_assertions,
//! track_caller)]` must read as std was built, not as the user crate is).

use std::ops::ControlFlow;

use ra_ap_hir_def::{FunctionId, HasModule, Lookup, StaticId, src::HasSource};
use ra_ap_hir_expand::attrs::expand_cfg_attr;
use ra_ap_hir_ty::db::HirDatabase;
use ra_ap_syntax::ast::{self, HasAttrs};

#[derive(Debug, Default, Clone)]
pub struct CodegenAttrs {
    /// `#[inline]` or `#[inline(always)]`; `#[inline(never)]` does not count.
    pub inline: bool,
    pub track_caller: bool,
    pub no_mangle: bool,
    pub rustc_std_internal_symbol: bool,
    pub link_name: Option<String>,
    pub export_name: Option<String>,
    pub thread_local: bool,
    /// `#[global_allocator]` (on a static).
    pub global_allocator: bool,
    /// `#[lang = "..."]`.
    pub lang: Option<String>,
}

fn collect(
    db: &dyn HirDatabase,
    krate: ra_ap_base_db::Crate,
    attrs: impl Iterator<Item = ast::Attr>,
) -> CodegenAttrs {
    let mut out = CodegenAttrs::default();
    let cfg = krate.cfg_options(db);
    expand_cfg_attr::<()>(
        attrs,
        || cfg,
        |meta, _| {
            match &meta {
                ast::Meta::PathMeta(m) => match path_text(m.path()).as_deref() {
                    Some("inline") => out.inline = true,
                    Some("track_caller") => out.track_caller = true,
                    Some("no_mangle") => out.no_mangle = true,
                    Some("rustc_std_internal_symbol") => out.rustc_std_internal_symbol = true,
                    Some("thread_local") => out.thread_local = true,
                    Some("global_allocator") => out.global_allocator = true,
                    _ => {}
                },
                ast::Meta::TokenTreeMeta(m) => {
                    if path_text(m.path()).as_deref() == Some("inline") {
                        let tt = m
                            .token_tree()
                            .map(|t| t.syntax().text().to_string())
                            .unwrap_or_default();
                        if !tt.contains("never") {
                            out.inline = true;
                        }
                    }
                }
                ast::Meta::KeyValueMeta(m) => {
                    let key = path_text(m.path());
                    let value = m.expr().and_then(|e| match e {
                        ast::Expr::Literal(l) => match l.kind() {
                            ast::LiteralKind::String(s) => s.value().ok().map(|v| v.into_owned()),
                            _ => None,
                        },
                        _ => None,
                    });
                    match key.as_deref() {
                        Some("link_name") => out.link_name = value,
                        Some("export_name") => out.export_name = value,
                        Some("lang") => out.lang = value,
                        _ => {}
                    }
                }
                _ => {}
            }
            ControlFlow::Continue(())
        },
    );
    out
}

fn path_text(p: Option<ast::Path>) -> Option<String> {
    let p = p?;
    if p.qualifier().is_some() {
        return None;
    }
    Some(p.segment()?.name_ref()?.text().to_string())
}

use ra_ap_syntax::AstNode;

pub fn fn_attrs(db: &dyn HirDatabase, f: FunctionId) -> CodegenAttrs {
    let krate = f.krate(db);
    let src = f.lookup(db).source(db);
    let mut attrs = collect(db, krate, src.value.attrs());
    // `#[track_caller]` on a trait's method prototype applies to every impl of it
    // (`Index::index`, `SliceIndex::index`), and changes the impls' ABI.
    if !attrs.track_caller
        && let Some(proto) = trait_prototype(db, f)
    {
        let src = proto.lookup(db).source(db);
        attrs.track_caller = collect(db, proto.krate(db), src.value.attrs()).track_caller;
    }
    attrs
}

/// The trait's declaration of the method `f` implements, if `f` is in a trait impl.
fn trait_prototype(db: &dyn HirDatabase, f: FunctionId) -> Option<FunctionId> {
    let ra_ap_hir_def::ItemContainerId::ImplId(imp) = f.lookup(db).container else {
        return None;
    };
    let trait_id = db.impl_trait(imp)?.skip_binder().def_id.0;
    let name = ra_ap_hir_def::signatures::FunctionSignature::of(db, f)
        .name
        .clone();
    trait_id
        .trait_items(db)
        .items
        .iter()
        .find_map(|(n, item)| match item {
            ra_ap_hir_def::AssocItemId::FunctionId(g) if *n == name => Some(*g),
            _ => None,
        })
}

pub fn static_attrs(db: &dyn HirDatabase, s: StaticId) -> CodegenAttrs {
    let krate = s.krate(db);
    let src = s.lookup(db).source(db);
    let mut attrs = collect(db, krate, src.value.attrs());
    // `#[global_allocator]` is a builtin attribute macro: the static rust-analyzer sees
    // is its expansion, without the attribute.
    let mut file = src.file_id;
    while let Some(call) = file.macro_file() {
        let loc = call.loc(db);
        if let ra_ap_hir_expand::MacroDefKind::BuiltInAttr(_, expander) = loc.def.kind
            && matches!(
                expander,
                ra_ap_hir_expand::builtin::BuiltinAttrExpander::GlobalAllocator
            )
        {
            attrs.global_allocator = true;
            break;
        }
        file = loc.kind.file_id();
    }
    attrs
}

/// `#[default]` on an enum variant (for `#[derive(Default)]`).
pub fn variant_is_default(db: &dyn HirDatabase, v: ra_ap_hir_def::EnumVariantId) -> bool {
    let src = v.lookup(db).source(db);
    src.value.attrs().any(|a| {
        a.path()
            .and_then(|p| p.as_single_name_ref())
            .map(|n| n.text() == "default")
            .unwrap_or(false)
    })
}
