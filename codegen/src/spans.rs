//! Source locations of MIR spans, as rustc prints them in panic messages
//! (`src/main.rs:3:5`): the path as cargo passes it to rustc, the 1-based line, and the
//! 1-based *display* column (a tab counts 4, wide characters 2), at the outermost macro
//! call site.

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
    let range = outermost_call_site(db, node.map(|p| p.text_range()));
    let file = range.file_id.file_id(db);
    let (file, line, col) = file_line_col(tcx, file, range.range.start());
    Some(Loc { file, line, col })
}

/// rustc's `expansion_cause`: code the user wrote keeps its own position, even when it is
/// an argument of a macro; code a macro produced is attributed to the outermost macro call.
fn outermost_call_site(
    db: &dyn ra_ap_hir_ty::db::HirDatabase,
    range: InFile<ra_ap_syntax::TextRange>,
) -> ra_ap_hir_expand::files::FileRange {
    match range.file_id {
        ra_ap_hir_expand::HirFileId::FileId(file_id) => ra_ap_hir_expand::files::FileRange {
            file_id,
            range: range.value,
        },
        ra_ap_hir_expand::HirFileId::MacroFile(mac) => {
            let first = ra_ap_hir_expand::files::InMacroFile {
                file_id: mac,
                value: range.value.start(),
            };
            let (file_range, ctx) = first.original_file_range(db);
            if ctx.is_root() {
                file_range
            } else {
                let loc = mac.loc(db);
                loc.kind.original_call_range(db, loc.krate)
            }
        }
    }
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
