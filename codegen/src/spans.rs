//! Source locations of MIR spans, as rustc prints them in panic messages
//! (`src/main.rs:3:5`): the path as cargo passes it to rustc, the 1-based line, and the
//! 1-based *display* column (a tab counts 4, wide characters 2), at the outermost macro
//! call site.

use std::collections::HashMap;

use ra_ap_hir_def::expr_store::{Body, ExpressionStore};
use ra_ap_hir_expand::InFile;
use ra_ap_hir_ty::InferBodyId;
use ra_ap_hir_ty::mir::MirSpan;
use ra_ap_span::FileId;
use ra_ap_syntax::{SyntaxNodePtr, TextSize};

use crate::ty::TyCx;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Loc {
    pub file: String,
    pub line: u32,
    pub col: u32,
}

pub fn loc_of_span(tcx: &TyCx<'_>, owner: InferBodyId<'_>, span: MirSpan) -> Option<Loc> {
    loc_of(tcx, owner, span, false)
}

/// The location a `#[track_caller]` callee sees: rustc's `fn_span`, which for a method
/// call `recv.method(args)` starts at the method name.
pub fn loc_of_call_span(tcx: &TyCx<'_>, owner: InferBodyId<'_>, span: MirSpan) -> Option<Loc> {
    loc_of(tcx, owner, span, true)
}

fn loc_of(tcx: &TyCx<'_>, owner: InferBodyId<'_>, span: MirSpan, call: bool) -> Option<Loc> {
    let db = tcx.db;
    let (source_map, self_param) = match owner {
        InferBodyId::DefWithBodyId(def) => {
            let (_, sm) = Body::with_source_map(db, def);
            (&**sm, sm.self_param_syntax())
        }
        InferBodyId::AnonConstId(def) => (
            ExpressionStore::with_source_map(db, def.loc(db).owner).1,
            None,
        ),
    };
    let node: InFile<SyntaxNodePtr> = match span {
        MirSpan::ExprId(e) => source_map.expr_syntax(e).ok()?.map(|it| it.into()),
        MirSpan::PatId(p) => source_map
            .pat_syntax(p)
            .ok()?
            .map(|it| it.syntax_node_ptr()),
        MirSpan::BindingId(b) => source_map
            .patterns_for_binding(b)
            .iter()
            .find_map(|p| source_map.pat_syntax(*p).ok())?
            .map(|it| it.syntax_node_ptr()),
        MirSpan::SelfParam => self_param?.map(|it| it.syntax_node_ptr()),
        MirSpan::Unknown => return None,
    };
    let mut start = node.value.text_range().start();
    if call {
        // rustc's `fn_span`: a method call starts at the method name, an overloaded index
        // `base[i]` at its `[`.
        use ra_ap_syntax::{AstNode, SyntaxKind, ast};
        let kind = node.value.kind();
        if kind == SyntaxKind::METHOD_CALL_EXPR || kind == SyntaxKind::INDEX_EXPR {
            let root = node.file_id.parse_or_expand(db);
            let syntax = node.value.to_node(&root);
            let at = match ast::Expr::cast(syntax) {
                Some(ast::Expr::MethodCallExpr(m)) => {
                    m.name_ref().map(|n| n.syntax().text_range().start())
                }
                Some(ast::Expr::IndexExpr(i)) => i.l_brack_token().map(|t| t.text_range().start()),
                _ => None,
            };
            if let Some(at) = at {
                start = at;
            }
        }
    }
    let (file, offset) = ra_ap_hir_expand::builtin::rac::user_site(db, node.file_id, start)?;
    let (file, line, col) = file_line_col(tcx, file, offset);
    Some(Loc { file, line, col })
}

/// The file name (without directories) and line where an item is declared, as rustc's
/// debuginfo gives them: its name's line, or for an item a macro of another crate
/// expands to (`tracing`'s `static __CALLSITE`), the outermost macro call's.
pub fn item_line<N: ra_ap_syntax::ast::HasName>(
    tcx: &TyCx<'_>,
    id: ra_ap_hir_expand::AstId<N>,
) -> Option<(String, u32)> {
    let db = tcx.db;
    let node = id.to_in_file_node(db);
    let start = ra_ap_syntax::AstNode::syntax(&node.value.name()?)
        .text_range()
        .start();
    let (file, offset) = ra_ap_hir_expand::builtin::rac::user_site(db, node.file_id, start)?;
    let (path, line, _) = file_line_col(tcx, file, offset);
    let name = std::path::Path::new(&path)
        .file_name()?
        .to_string_lossy()
        .into_owned();
    Some((name, line))
}

pub fn file_line_col(tcx: &TyCx<'_>, file: FileId, offset: TextSize) -> (String, u32, u32) {
    let db = tcx.db;
    let text = db.file_text(file).text(db);
    let offset = usize::from(offset).min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = 1 + before[line_start..]
        .chars()
        .map(|c| {
            if c == '\t' {
                4
            } else {
                unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
            }
        })
        .sum::<usize>() as u32;
    (file_path(tcx, file), line, col)
}

fn file_path(tcx: &TyCx<'_>, file: FileId) -> String {
    let db = tcx.db;
    let root = db.file_source_root(file).source_root_id(db);
    let root = db.source_root(root).source_root(db);
    let Some(path) = root.path_for_file(&file) else {
        return "<unknown>".into();
    };
    let path = path.to_string();
    tcx.paths.display(&path)
}

/// How file paths are shown: relative to the workspace root for the user's crates, under
/// `/rustc/<commit>/library` for std (rustc remaps its sources so), absolute otherwise.
#[derive(Debug, Clone, Default)]
pub struct PathDisplay {
    pub workspace_root: String,
    pub library_src: String,
    pub rustc_commit: String,
}

impl PathDisplay {
    pub fn display(&self, path: &str) -> String {
        if !self.library_src.is_empty()
            && let Some(rest) = path.strip_prefix(&self.library_src)
        {
            return format!("/rustc/{}/library{rest}", self.rustc_commit);
        }
        if !self.workspace_root.is_empty()
            && let Some(rest) = path.strip_prefix(&self.workspace_root)
        {
            return rest.trim_start_matches('/').to_owned();
        }
        path.to_owned()
    }
}

// ---------------------------------------------------------------------------------------
// `file!()` and `module_path!()`: r-a's builtin macro expanders (patched, see
// vendor/README.md) ask rac through these hooks, because only rac knows how cargo names
// files and which module a file is.

static MACRO_PATHS: std::sync::RwLock<Option<PathDisplay>> = std::sync::RwLock::new(None);
static FILE_MODULES: std::sync::RwLock<Option<HashMap<FileId, String>>> =
    std::sync::RwLock::new(None);

/// Installs the hooks; `paths` names files for `file!()`. Call before r-a expands macros.
pub fn install_macro_hooks(paths: PathDisplay) {
    *MACRO_PATHS.write().unwrap() = Some(paths);
    let _ =
        ra_ap_hir_expand::builtin::rac::RAC_HOOKS.set(ra_ap_hir_expand::builtin::rac::RacHooks {
            file_name: hook_file_name,
            module_path: hook_module_path,
        });
}

/// Records the module path of every file-level module of `krate`, for `module_path!()`.
pub fn record_file_modules(db: &ra_ap_ide_db::RootDatabase, krate: ra_ap_hir::Crate) {
    let crate_name = krate
        .display_name(db)
        .map(|n| n.crate_name().to_string())
        .unwrap_or_default();
    let mut map = FILE_MODULES.write().unwrap();
    let map = map.get_or_insert_with(HashMap::new);
    for module in krate.modules(db) {
        if module.is_inline(db) {
            continue;
        }
        let Some(file) = module.definition_source_file_id(db).file_id() else {
            continue;
        };
        let mut path = vec![crate_name.clone()];
        let mut chain = module.path_to_root(db);
        chain.reverse();
        path.extend(
            chain
                .iter()
                .filter_map(|m| m.name(db).map(|n| n.as_str().to_owned())),
        );
        map.insert(file.file_id(db), path.join("::"));
    }
}

/// The module path of every file recorded so far.
pub fn file_modules() -> HashMap<FileId, String> {
    FILE_MODULES.read().unwrap().clone().unwrap_or_default()
}

fn hook_file_name(db: &dyn ra_ap_base_db::SourceDatabase, file: FileId) -> String {
    let root = db.file_source_root(file).source_root_id(db);
    let root = db.source_root(root).source_root(db);
    let Some(path) = root.path_for_file(&file) else {
        return "<unknown>".into();
    };
    let path = path.to_string();
    match &*MACRO_PATHS.read().unwrap() {
        Some(p) => p.display(&path),
        None => path,
    }
}

fn hook_module_path(
    db: &dyn ra_ap_base_db::SourceDatabase,
    _krate: ra_ap_base_db::Crate,
    file: FileId,
    offset: TextSize,
) -> Option<String> {
    use ra_ap_syntax::{AstNode, ast, ast::HasName};
    let base = FILE_MODULES.read().unwrap().as_ref()?.get(&file)?.clone();
    // Inline `mod m { ... }` items around the call site.
    let editioned = ra_ap_base_db::EditionedFileId::current_edition(db, file);
    let parse = editioned.parse(db);
    let token = parse.syntax_node().token_at_offset(offset).right_biased()?;
    let mut inline: Vec<String> = token
        .parent_ancestors()
        .filter_map(ast::Module::cast)
        .filter(|m| m.item_list().is_some())
        .filter_map(|m| m.name().map(|n| n.text().to_string()))
        .collect();
    inline.reverse();
    let mut path = base;
    for m in inline {
        path.push_str("::");
        path.push_str(&m);
    }
    Some(path)
}
