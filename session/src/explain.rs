//! `cargo rac explain <fn>`: how each call in a function resolves.
//!
//! Explain runs the build's own translation of everything reachable from `main` with call
//! site recording switched on (`CodegenCx::explain`), so what it prints is what the build
//! does: the same resolution pipeline, the same tiers, the same refusals. Only Cranelift's
//! compilation and the link are skipped. A local function `main` does not reach is
//! translated as an extra root.

use std::collections::HashSet;
use std::fmt::Write as _;

use anyhow::Result;
use ra_ap_hir as hir;
use ra_ap_hir_def::{FunctionId, ItemContainerId, Lookup};
use ra_ap_hir_ty::next_solver::{GenericArgs, TyKind};
use ra_ap_rustc_type_ir::inherent::{GenericArgs as _, IntoKind};

use codegen::cx::CallSite;
use codegen::instance::{Instance, InstanceKind};
use codegen::resolve::{Reason, Tier};

const HELP: &str = "move this code behind a non-generic function in a crate that rustc compiles (a dependency), and call that instead";

/// What explain's walk recorded: every instance reached, its tier and why, every call
/// site, and the errors (field names as on `CodegenCx`, which records them per unit).
struct ExplainData<'db> {
    tcx: codegen::ty::TyCx<'db>,
    instances: Vec<Instance<'db>>,
    tier_of: rustc_hash::FxHashMap<Instance<'db>, Tier>,
    reasons: rustc_hash::FxHashMap<Instance<'db>, Reason>,
    explain: Option<Vec<CallSite<'db>>>,
    errors: Vec<codegen::cx::UnitError>,
}

impl<'db> ExplainData<'db> {
    fn defined_instances(&self) -> impl Iterator<Item = &Instance<'db>> {
        self.instances.iter()
    }

    /// Translates `roots` and everything they reach (without Cranelift), recording.
    fn walk(&mut self, config: &codegen::UnitConfig, roots: Vec<(Instance<'db>, Tier)>) {
        let mut queue: std::collections::VecDeque<Instance<'db>> = Default::default();
        for (i, t) in roots {
            if !self.tier_of.contains_key(&i) {
                self.tier_of.insert(i, t);
                self.instances.push(i);
                queue.push_back(i);
            }
        }
        while let Some(inst) = queue.pop_front() {
            let mut cx = codegen::cx::CodegenCx::new(
                codegen::ty::TyCx::new(self.tcx.db, self.tcx.krate).expect("type context"),
                config.isa.clone(),
                config.linkmap.clone(),
            );
            cx.tcx.paths = config.paths.clone();
            cx.explain = Some(Vec::new());
            codegen::compile::translate_instance(&mut cx, inst);
            self.absorb(cx, &mut queue);
        }
    }

    fn absorb(
        &mut self,
        cx: codegen::cx::CodegenCx<'db>,
        queue: &mut std::collections::VecDeque<Instance<'db>>,
    ) {
        for (r, t) in cx.references {
            if !self.tier_of.contains_key(&r) {
                self.tier_of.insert(r, t);
                self.instances.push(r);
                queue.push_back(r);
            }
        }
        for (i, r) in cx.reasons {
            self.reasons.entry(i).or_insert(r);
        }
        self.explain
            .get_or_insert_default()
            .extend(cx.explain.unwrap_or_default());
        self.errors.extend(cx.errors);
    }
}

/// Explains `function` in `target` (`--depth` levels of callees), as text or JSON lines.
pub fn explain(
    session: &crate::Session,
    target: &crate::BinTarget,
    function: &str,
    depth: usize,
    json: bool,
) -> Result<String> {
    let db = &session.ws.db;
    ra_ap_hir_ty::attach_db(db, || -> Result<String> {
        let krate = session.binary_crate(target)?;
        let main = crate::find_main(db, krate)
            .ok_or_else(|| anyhow::anyhow!("binary `{}` has no `main` function", target.name))?;
        let config = codegen::UnitConfig {
            krate: krate.into(),
            views: None,
            isa: codegen::emit::build_isa()?,
            linkmap: session.linkmap.clone(),
            paths: session.path_display(),
            cache: None,
        };
        let mut tcx = codegen::ty::TyCx::new(db, krate.into())?;
        tcx.paths = config.paths.clone();
        let mut cx = ExplainData {
            tcx,
            instances: Vec::new(),
            tier_of: Default::default(),
            reasons: Default::default(),
            explain: Some(Vec::new()),
            errors: Vec::new(),
        };
        // The entry glue's references are the roots of the build.
        let mut entry = codegen::cx::CodegenCx::new(
            codegen::ty::TyCx::new(db, krate.into())?,
            config.isa.clone(),
            config.linkmap.clone(),
        );
        codegen::entry::define_c_main(&mut entry, main)?;
        let roots = entry.references.clone();
        for (i, r) in entry.reasons.drain() {
            cx.reasons.insert(i, r);
        }
        cx.reasons.insert(
            Instance::item(main, GenericArgs::empty(cx.tcx.interner)),
            Reason::Local,
        );
        cx.walk(&config, roots);
        let query = normalize(function);
        let mut roots: Vec<Instance<'_>> = cx
            .defined_instances()
            .copied()
            .filter(|i| keys(&cx, i).iter().any(|k| matches(k, &query)))
            .collect();
        if roots.is_empty() {
            // A local function `main` does not reach: translate it as a root.
            let mut extra = Vec::new();
            for f in local_functions(db, krate) {
                if matches(&def_path(&cx, f), &query) {
                    // Lifetime parameters only: the identity arguments, regions erased.
                    let args = cx
                        .tcx
                        .erase_regions(GenericArgs::identity_for_item(cx.tcx.interner, f.into()));
                    let inst = Instance::item(f, args);
                    cx.reasons.insert(inst, Reason::Local);
                    extra.push((inst, Tier::Tier1));
                    roots.push(inst);
                }
            }
            cx.walk(&config, extra);
        }
        if roots.is_empty() {
            return Err(no_match(&cx, db, krate, target, function, &query));
        }
        roots.sort_by_key(|i| i.describe(&cx.tcx));
        let mut out = String::new();
        let printer = Printer {
            cx: &cx,
            json,
            max_depth: depth,
        };
        let mut seen = HashSet::new();
        for root in roots {
            printer.function(&mut out, root, 0, &mut seen);
        }
        Ok(out)
    })
}

struct Printer<'a, 'db> {
    cx: &'a ExplainData<'db>,
    json: bool,
    max_depth: usize,
}

impl<'db> Printer<'_, 'db> {
    fn function(
        &self,
        out: &mut String,
        inst: Instance<'db>,
        depth: usize,
        seen: &mut HashSet<Instance<'db>>,
    ) {
        let cx = self.cx;
        let name = inst.describe(&cx.tcx);
        let tier = cx.tier_of.get(&inst).copied().unwrap_or(Tier::Tier1);
        let reason = cx
            .reasons
            .get(&inst)
            .copied()
            .unwrap_or(if inst.is_local(&cx.tcx) {
                Reason::Local
            } else {
                Reason::Generic
            });
        let error = self.error_of(&name);
        if depth == 0 {
            if self.json {
                let mut o = serde_json::json!({
                    "function": name,
                    "tier": tier_name(tier),
                    "reason": reason.as_str(),
                });
                if let Some(e) = &error {
                    o["error"] = e.clone().into();
                    o["help"] = HELP.into();
                }
                let _ = writeln!(out, "{o}");
            } else {
                let _ = writeln!(out, "{name}: {} ({})", tier_label(tier), reason.as_str());
                if let Some(e) = &error {
                    let _ = writeln!(out, "  refused: {e}");
                    let _ = writeln!(out, "  help: {HELP}");
                }
            }
        }
        if !seen.insert(inst) {
            return;
        }
        let sites: Vec<&CallSite<'db>> = cx
            .explain
            .iter()
            .flatten()
            .filter(|s| s.caller == inst)
            .collect();
        let indent = "  ".repeat(depth + 1);
        if sites.is_empty() && !self.json && depth == 0 {
            let _ = writeln!(out, "{indent}(no calls)");
        }
        for site in sites {
            let at = site
                .at
                .as_ref()
                .map(|l| format!("{}:{}:{}", l.file, l.line, l.col))
                .unwrap_or_else(|| "<in a macro expansion>".into());
            let callee_error = site.error.clone().or_else(|| {
                site.callee_instance
                    .and_then(|_| self.error_of(&site.callee))
            });
            if self.json {
                let mut o = serde_json::json!({
                    "caller": name,
                    "depth": depth + 1,
                    "location": at,
                    "callee": site.callee,
                    "tier": site_kind(site),
                    "reason": site.reason,
                });
                if let Some(s) = &site.symbol {
                    o["symbol"] = s.clone().into();
                }
                if let Some(r) = &site.rlib {
                    o["rlib"] = r.display().to_string().into();
                }
                if let Some(e) = &callee_error {
                    o["error"] = e.clone().into();
                    o["help"] = HELP.into();
                }
                let _ = writeln!(out, "{o}");
            } else {
                let resolution = match (site.tier, &site.error) {
                    (_, Some(_)) => "refused".to_owned(),
                    (Some(t), None) => format!("{} ({})", tier_label(t), site.reason),
                    (None, None) => site.reason.clone(),
                };
                let _ = writeln!(out, "{indent}{at}  {}  ->  {resolution}", site.callee);
                if let Some(s) = &site.symbol {
                    let rlib = site
                        .rlib
                        .as_ref()
                        .and_then(|r| r.file_name())
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_else(|| "the linker's search path".into());
                    let _ = writeln!(out, "{indent}    symbol {s} in {rlib}");
                }
                if let Some(e) = &callee_error {
                    let _ = writeln!(out, "{indent}    refused: {e}");
                    let _ = writeln!(out, "{indent}    help: {HELP}");
                }
            }
            if depth < self.max_depth
                && let Some(callee) = site.callee_instance
            {
                self.function(out, callee, depth + 1, seen);
            }
        }
    }

    fn error_of(&self, function: &str) -> Option<String> {
        self.cx
            .errors
            .iter()
            .find(|e| e.function == function)
            .map(|e| e.reason.clone())
    }
}

fn tier_label(t: Tier) -> &'static str {
    match t {
        Tier::Tier1 => "Tier 1",
        Tier::Tier2 => "Tier 2",
        Tier::Tier3 => "Tier 3",
        Tier::Generated => "generated",
    }
}

/// The JSON `tier` of a call site: a tier, or what the call is when it has none.
fn site_kind(site: &CallSite<'_>) -> &'static str {
    match (site.tier, &site.error) {
        (_, Some(_)) => "refused",
        (Some(t), None) => tier_name(t),
        (None, None) if site.reason.starts_with(Reason::Intrinsic.as_str()) => "intrinsic",
        (None, None) => "virtual",
    }
}

fn tier_name(t: Tier) -> &'static str {
    match t {
        Tier::Tier1 => "tier1",
        Tier::Tier2 => "tier2",
        Tier::Tier3 => "tier3",
        Tier::Generated => "generated",
    }
}

/// `a::<T>::b<U>` → `a::b`: generic arguments do not take part in matching.
fn normalize(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut prev = ' ';
    for c in path.trim().chars() {
        match c {
            '<' if prev.is_alphanumeric() || prev == '_' || prev == ':' || depth > 0 => depth += 1,
            '>' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            c => out.push(c),
        }
        prev = c;
    }
    let out = out.replace("::::", "::").replace("<", "").replace(">", "");
    out.trim_end_matches("::").to_owned()
}

fn matches(key: &str, query: &str) -> bool {
    !query.is_empty() && (key == query || key.ends_with(&format!("::{query}")))
}

/// The names an instance answers to: its description and its definition path, both
/// without generic arguments.
fn keys<'db>(cx: &ExplainData<'db>, inst: &Instance<'db>) -> Vec<String> {
    let mut keys = vec![normalize(&inst.describe(&cx.tcx))];
    if let InstanceKind::Item(f) = inst.kind {
        keys.push(def_path(cx, f));
    }
    keys
}

/// `krate::module::Type::method` / `krate::module::func` / `krate::Trait::method`.
fn def_path(cx: &ExplainData<'_>, f: FunctionId) -> String {
    let db = cx.tcx.db;
    let name = codegen::instance::fn_name(&cx.tcx, f);
    let module_path =
        |m: ra_ap_hir_def::ModuleId| codegen::symbol_path::module_path(db, m).unwrap_or_default();
    match f.lookup(db).container {
        ItemContainerId::ModuleId(m) => format!("{}::{name}", module_path(m)),
        ItemContainerId::ImplId(imp) => {
            let self_ty = db.impl_self_ty(imp).skip_binder();
            match self_ty.kind() {
                TyKind::Adt(adt, _) => {
                    let id = adt.def_id();
                    let (m, adt_name) = adt_module_and_name(db, id);
                    format!("{}::{adt_name}::{name}", module_path(m))
                }
                _ => format!("{}::{name}", normalize(&cx.tcx.display(self_ty))),
            }
        }
        ItemContainerId::TraitId(t) => {
            use ra_ap_hir_def::HasModule;
            let tname = ra_ap_hir_def::signatures::TraitSignature::of(db, t)
                .name
                .as_str()
                .to_owned();
            format!("{}::{tname}::{name}", module_path(t.module(db)))
        }
        ItemContainerId::ExternBlockId(_) => name,
    }
}

fn adt_module_and_name(
    db: &dyn ra_ap_hir_ty::db::HirDatabase,
    id: ra_ap_hir_def::AdtId,
) -> (ra_ap_hir_def::ModuleId, String) {
    use ra_ap_hir_def::signatures::{EnumSignature, StructSignature, UnionSignature};
    use ra_ap_hir_def::{AdtId, HasModule};
    let name = match id {
        AdtId::StructId(s) => StructSignature::of(db, s).name.as_str().to_owned(),
        AdtId::EnumId(e) => EnumSignature::of(db, e).name.as_str().to_owned(),
        AdtId::UnionId(u) => UnionSignature::of(db, u).name.as_str().to_owned(),
    };
    (id.module(db), name)
}

/// Every function of the crate without type or const parameters, free or in an impl.
fn local_functions(db: &ra_ap_ide_db::RootDatabase, krate: hir::Crate) -> Vec<FunctionId> {
    let interner = ra_ap_hir_ty::next_solver::DbInterner::new_no_crate(db);
    let mut out = Vec::new();
    let mut push = |f: hir::Function| {
        if let Ok(id) = FunctionId::try_from(f) {
            let args = GenericArgs::identity_for_item(interner, id.into());
            if args.types().next().is_none() && args.consts().next().is_none() {
                out.push(id);
            }
        }
    };
    for module in krate.modules(db) {
        for decl in module.declarations(db) {
            if let hir::ModuleDef::Function(f) = decl {
                push(f);
            }
        }
        for imp in module.impl_defs(db) {
            for item in imp.items(db) {
                if let hir::AssocItem::Function(f) = item {
                    push(f);
                }
            }
        }
    }
    out
}

fn no_match(
    cx: &ExplainData<'_>,
    db: &ra_ap_ide_db::RootDatabase,
    krate: hir::Crate,
    target: &crate::BinTarget,
    function: &str,
    query: &str,
) -> anyhow::Error {
    let mut names: Vec<String> = cx.defined_instances().flat_map(|i| keys(cx, i)).collect();
    names.extend(
        local_functions(db, krate)
            .into_iter()
            .map(|f| def_path(cx, f)),
    );
    names.sort();
    names.dedup();
    let last = query.rsplit("::").next().unwrap_or(query).to_lowercase();
    let mut scored: Vec<(usize, &String)> = names
        .iter()
        .filter_map(|n| {
            let n_last = n.rsplit("::").next().unwrap_or(n).to_lowercase();
            let d = edit_distance(&n_last, &last);
            let score = if n_last == last {
                0
            } else if n_last.contains(&last) || last.contains(&n_last) {
                1
            } else if d <= 2 {
                1 + d
            } else {
                return None;
            };
            Some((score * 1000 + n.len(), n))
        })
        .collect();
    scored.sort();
    let candidates: Vec<&str> = scored.iter().take(8).map(|(_, n)| n.as_str()).collect();
    if candidates.is_empty() {
        anyhow::anyhow!(
            "no function matches `{function}` in binary `{}`",
            target.name
        )
    } else {
        anyhow::anyhow!(
            "no function matches `{function}` in binary `{}`; closest: {}",
            target.name,
            candidates.join(", ")
        )
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_strips_generic_arguments() {
        assert_eq!(normalize("<Vec<i32, Global>>::push"), "Vec::push");
        assert_eq!(normalize("Vec::<T>::push"), "Vec::push");
        assert_eq!(
            normalize("core::ptr::drop_in_place::<Vec<u8>>"),
            "core::ptr::drop_in_place"
        );
        assert_eq!(normalize("main"), "main");
    }

    #[test]
    fn matching_is_by_path_suffix() {
        assert!(matches("hello::main", "main"));
        assert!(matches("hello::Point::new", "Point::new"));
        assert!(!matches("hello::domain", "main"));
    }
}
