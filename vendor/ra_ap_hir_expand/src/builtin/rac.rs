//! rac: builtin macros expanded the way rustc 1.95 expands them.
//!
//! rust-analyzer only needs these macros for type checking, so it expands `line!()` to `0`,
//! `file!()` to `"file"`, `module_path!()` to `"module::path"`, `assert!(c)` to a panic
//! without a message and `stringify!` with its own spacing. rac compiles the expansion, so
//! it needs rustc's text:
//! - `file!`/`line!`/`column!`: the outermost macro call site (rustc's `expansion_cause`);
//!   the file name and the module path come from hooks the embedding compiler installs,
//!   because only it knows how cargo names the files (`RacHooks`).
//! - `stringify!`: rustc's `print_tts`, with the token spacing rustc records from the
//!   source (a token followed by whitespace is `Alone`, then `space_between` decides).
//! - `assert!(cond)`: `"assertion failed: {}"` with the condition printed by rustc's AST
//!   pretty printer (`pprust::expr_to_string`), for the expression kinds that occur in
//!   practice.

use std::sync::OnceLock;

use base_db::SourceDatabase;
use span::{FileId, Span};
use syntax::{
    AstNode, AstToken, SyntaxKind, SyntaxNode, SyntaxToken, TextSize,
    ast::{self, HasArgList, HasGenericArgs},
};

use super::rac_pp::{Breaks, INDENT_UNIT, Printer};
use crate::{
    MacroCallId,
    tt::{self, TtElement},
};

/// Functions the embedding compiler provides, set once per process.
pub struct RacHooks {
    /// The file name rustc would print for `file`: relative to the workspace root for
    /// workspace members (cargo runs rustc there), remapped for the sysroot, else absolute.
    pub file_name: fn(&dyn SourceDatabase, FileId) -> String,
    /// `module_path!()` at `offset` of `file` in `krate`: `crate_name::a::b`.
    pub module_path: fn(&dyn SourceDatabase, base_db::Crate, FileId, TextSize) -> Option<String>,
}

pub static RAC_HOOKS: OnceLock<RacHooks> = OnceLock::new();

/// The environment `env!`/`option_env!` read a variable from when the crate's own env
/// (cargo's `CARGO_*` variables, build scripts' `rustc-env`) does not set it: the
/// environment of the command that asked for the build, as rustc inherits cargo's.
/// Every variable read is recorded with the value it had, so that a build server can
/// tell when a later command's environment differs in one that a macro read (its
/// expansion is memoized without that dependency).
struct BuildEnv {
    vars: std::collections::HashMap<String, String>,
    reads: std::collections::BTreeMap<String, Option<String>>,
}

static BUILD_ENV: std::sync::Mutex<Option<BuildEnv>> = std::sync::Mutex::new(None);

/// Sets the build environment. `fresh`: a new database, whose expansions read nothing
/// yet (the record of reads starts empty); otherwise the reads so far are kept.
pub fn set_build_env(vars: std::collections::HashMap<String, String>, fresh: bool) {
    let mut env = BUILD_ENV.lock().unwrap_or_else(|e| e.into_inner());
    let reads = match env.take() {
        Some(old) if !fresh => old.reads,
        _ => Default::default(),
    };
    *env = Some(BuildEnv { vars, reads });
}

/// Whether `vars` gives another value to a variable an expansion has read.
pub fn build_env_differs(vars: &std::collections::HashMap<String, String>) -> bool {
    let env = BUILD_ENV.lock().unwrap_or_else(|e| e.into_inner());
    env.as_ref()
        .is_some_and(|env| env.reads.iter().any(|(k, v)| vars.get(k) != v.as_ref()))
}

/// A variable of the build environment, recorded as read. `None` when unset, or when no
/// build environment was set (rust-analyzer's own behaviour).
pub fn build_env_var(key: &str) -> Option<String> {
    let mut env = BUILD_ENV.lock().unwrap_or_else(|e| e.into_inner());
    let env = env.as_mut()?;
    let value = env.vars.get(key).cloned();
    env.reads.insert(key.to_owned(), value.clone());
    value
}

/// How a file that is not UTF-8 is held as a file text in the database (which holds
/// `String`s): this prefix, then one `char` per byte (U+0000..=U+00FF). `include_bytes!`
/// decodes it; `include_str!` of such a file is an error, as with rustc.
pub const BINARY_FILE_PREFIX: &str = "\u{fdd0}rac-binary-file\u{fdd0}";

/// The bytes of a file text held as `BINARY_FILE_PREFIX` says, or of a UTF-8 text.
pub fn file_bytes(text: &str) -> Vec<u8> {
    match text.strip_prefix(BINARY_FILE_PREFIX) {
        Some(latin1) => latin1.chars().map(|c| c as u32 as u8).collect(),
        None => text.as_bytes().to_vec(),
    }
}

/// The position rustc reports for a `file!`/`line!`/`column!`/`module_path!` call
/// (rustc's `expansion_cause`): walk from the call up through the expansions that produced
/// its tokens until a call the user wrote (root context) is found. A call written in the
/// arguments of another macro is its own cause; one produced by a macro body is attributed
/// to that macro's call, and so on.
pub(crate) fn expansion_cause(db: &dyn SourceDatabase, id: MacroCallId) -> Option<(FileId, TextSize)> {
    let node = id.call_node(db);
    let first = node.value.first_token()?;
    user_site(db, node.file_id, first.text_range().start())
}

/// Where rustc attributes code at `offset` of `file` (a real file or a macro expansion):
/// the code itself when the user wrote it, else the outermost macro call that produced it,
/// following the hygiene contexts of the tokens as rustc's `expansion_cause` does.
pub fn user_site(
    db: &dyn SourceDatabase,
    mut file: crate::HirFileId,
    mut offset: TextSize,
) -> Option<(FileId, TextSize)> {
    for _ in 0..256 {
        match file {
            crate::HirFileId::FileId(file) => return Some((file.file_id(db), offset)),
            crate::HirFileId::MacroFile(mac) => {
                let (range, ctx) = crate::span_for_offset(db, mac.expansion_span_map(db), offset);
                if ctx.is_root() {
                    return Some((range.file_id.file_id(db), range.range.start()));
                }
                let call = crate::MacroCallId::from(ctx.outer_expn(db)?);
                let node = call.call_node(db);
                file = node.file_id;
                offset = node.value.first_token()?.text_range().start();
            }
        }
    }
    None
}

pub(crate) fn line_col(db: &dyn SourceDatabase, file: FileId, offset: TextSize) -> (u32, u32) {
    let text = db.file_text(file).text(db);
    let offset = usize::from(offset).min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    // `column!()` counts characters (rustc's `CharPos`), 1-based.
    let col = before[line_start..].chars().count() as u32 + 1;
    (line, col)
}

// ---------------------------------------------------------------------------------------
// Token printing (rustc_ast_pretty's `print_tts`).

#[derive(Debug)]
enum Tok {
    Leaf { text: String, kind: LeafKind, start: Option<Pos>, end: Option<Pos> },
    Group { delim: Delim, open_end: Option<Pos>, children: Vec<Tok>, start: Option<Pos>, end: Option<Pos> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LeafKind {
    Ident,
    Literal,
    Punct(char),
    /// A multi-character operator (`..`, `::`, `==`, ...): punctuation, but not `.`.
    Op,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delim {
    Paren,
    Bracket,
    Brace,
    Invisible,
}

/// A source position: the anchor (file and AST node) plus the offset within it. Two tokens
/// are adjacent in the source when one ends where the other starts, under the same anchor.
type Pos = (span::SpanAnchor, TextSize);

impl Tok {
    fn start(&self) -> Option<Pos> {
        match self {
            Tok::Leaf { start, .. } | Tok::Group { start, .. } => *start,
        }
    }
    fn end(&self) -> Option<Pos> {
        match self {
            Tok::Leaf { end, .. } | Tok::Group { end, .. } => *end,
        }
    }
    fn is_punct(&self) -> bool {
        matches!(self, Tok::Leaf { kind: LeafKind::Punct(_) | LeafKind::Op, .. })
    }
    fn punct(&self) -> Option<char> {
        match self {
            Tok::Leaf { kind: LeafKind::Punct(c), .. } => Some(*c),
            _ => None,
        }
    }
}

fn span_start(s: &Span) -> Option<Pos> {
    Some((s.anchor, s.range.start()))
}
fn span_end(s: &Span) -> Option<Pos> {
    Some((s.anchor, s.range.end()))
}

fn toks_of_tt(iter: tt::TtIter<'_>) -> Vec<Tok> {
    let mut out = Vec::new();
    for el in iter {
        match el {
            TtElement::Leaf(leaf) => {
                let span = *leaf.span();
                let (text, kind) = match &leaf {
                    tt::Leaf::Ident(i) => (format!("{}{}", i.is_raw.as_str(), i.sym), LeafKind::Ident),
                    tt::Leaf::Literal(l) => (l.to_string(), LeafKind::Literal),
                    tt::Leaf::Punct(p) => (p.char.to_string(), LeafKind::Punct(p.char)),
                };
                out.push(Tok::Leaf { text, kind, start: span_start(&span), end: span_end(&span) });
            }
            TtElement::Subtree(sub, inner) => {
                let delim = match sub.delimiter.kind {
                    // r-a's transcriber wraps `$e:expr` fragments in parentheses whose two
                    // delimiters carry the same span; rustc's are invisible.
                    tt::DelimiterKind::Parenthesis if sub.delimiter.open == sub.delimiter.close => {
                        Delim::Invisible
                    }
                    tt::DelimiterKind::Parenthesis => Delim::Paren,
                    tt::DelimiterKind::Bracket => Delim::Bracket,
                    tt::DelimiterKind::Brace => Delim::Brace,
                    tt::DelimiterKind::Invisible => Delim::Invisible,
                };
                let children = toks_of_tt(inner);
                let (start, end, open_end) = if delim == Delim::Invisible {
                    (
                        children.first().and_then(Tok::start),
                        children.last().and_then(Tok::end),
                        None,
                    )
                } else {
                    (
                        span_start(&sub.delimiter.open),
                        span_end(&sub.delimiter.close),
                        span_end(&sub.delimiter.open),
                    )
                };
                out.push(Tok::Group { delim, open_end, children, start, end });
            }
        }
    }
    out
}

/// rustc keeps a token's `Spacing` from the source: `Alone` when whitespace follows it.
fn is_alone(prev: &Tok, next: &Tok) -> bool {
    match (prev.end(), next.start()) {
        (Some(a), Some(b)) => a != b,
        _ => true,
    }
}

const RESERVED: &[&str] = &[
    "_", "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "ref", "return", "self",
    "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "async", "await", "dyn", "try", "gen",
];

/// rustc_ast_pretty's `space_between`, for two tokens whose first one is `Alone`.
fn space_between(prev: &Tok, next: &Tok, prev_is_single_dot: bool, next_is_single_dot: bool) -> bool {
    // `.` + NON-PUNCT: `x.y`, `tup.0`
    if prev_is_single_dot && !next.is_punct() {
        return false;
    }
    // `$` + IDENT: `$e`
    if prev.punct() == Some('$') && matches!(next, Tok::Leaf { kind: LeafKind::Ident, .. }) {
        return false;
    }
    // NON-PUNCT + `,` / `;` / `.`
    if !prev.is_punct() && (matches!(next.punct(), Some(',' | ';')) || next_is_single_dot) {
        return false;
    }
    // IDENT|`fn`|`Self`|`pub` + `(`: `f(3)`, `fn(x: u8)`, `Self()`, `pub(crate)`
    if let (Tok::Leaf { text, kind: LeafKind::Ident, .. }, Tok::Group { delim: Delim::Paren, .. }) =
        (prev, next)
        && (text.starts_with("r#") || !RESERVED.contains(&text.as_str()))
    {
        return false;
    }
    // `#` + `[`: `#[attr]`
    if prev.punct() == Some('#') && matches!(next, Tok::Group { delim: Delim::Bracket, .. }) {
        return false;
    }
    true
}

/// rustc's `print_tts`.
fn print_tts(p: &mut Printer, toks: &[Tok]) {
    for (i, t) in toks.iter().enumerate() {
        print_tt(p, t);
        if let Some(next) = toks.get(i + 1) {
            // r-a splits `..`, `::`, `==` into joint single-character puncts; rustc's rules
            // about `.` are for the single-dot token only.
            let single_dot = |j: usize| {
                toks.get(j).and_then(Tok::punct) == Some('.')
                    && !(j > 0
                        && toks.get(j - 1).and_then(Tok::punct) == Some('.')
                        && !is_alone(&toks[j - 1], &toks[j]))
                    && !(toks.get(j + 1).and_then(Tok::punct) == Some('.')
                        && !is_alone(&toks[j], &toks[j + 1]))
            };
            // A lifetime is one token for rustc; r-a has `'` then the name.
            let lifetime_quote = t.punct() == Some('\'');
            if !lifetime_quote
                && is_alone(t, next)
                && space_between(t, next, single_dot(i), single_dot(i + 1))
            {
                p.space();
            }
        }
    }
}

fn print_tt(p: &mut Printer, t: &Tok) {
    match t {
        Tok::Leaf { text, .. } => p.word(text.clone()),
        Tok::Group { delim, children, open_end, .. } => {
            let open_alone =
                !(open_end.is_some() && children.first().and_then(Tok::start) == *open_end);
            print_mac_common(p, None, *delim, Some(open_alone), children);
        }
    }
}

/// rustc's `print_mac_common`: `header!` (for a macro call) then the delimited tokens.
/// `open_alone` is the spacing after the opening delimiter, `None` when unknown.
fn print_mac_common(
    p: &mut Printer,
    header: Option<&dyn Fn(&mut Printer)>,
    delim: Delim,
    open_alone: Option<bool>,
    children: &[Tok],
) {
    if delim == Delim::Brace {
        p.cbox(INDENT_UNIT);
    }
    if let Some(header) = header {
        header(p);
        p.word("!");
    }
    match delim {
        Delim::Brace => {
            if header.is_some() {
                p.nbsp();
            }
            p.word("{");
            let open_space = open_alone.unwrap_or(true) && !children.is_empty();
            if open_space {
                p.space();
            }
            p.ibox(0);
            print_tts(p, children);
            p.end();
            if open_space {
                p.break_offset_if_not_bol(1, -INDENT_UNIT);
            }
            p.word("}");
            p.end();
        }
        Delim::Paren | Delim::Bracket | Delim::Invisible => {
            let (open, close) = match delim {
                Delim::Paren => ("(", ")"),
                Delim::Bracket => ("[", "]"),
                _ => ("", ""),
            };
            p.word(open);
            p.ibox(0);
            print_tts(p, children);
            p.end();
            p.word(close);
        }
    }
}

/// `stringify!(tokens)` as rustc prints it.
pub(crate) fn stringify(tt: &tt::TopSubtree) -> String {
    let toks = toks_of_tt(tt.iter());
    let mut p = Printer::new();
    print_tts(&mut p, &toks);
    p.eof()
}

// ---------------------------------------------------------------------------------------
// Expression printing (rustc_ast_pretty's `expr_to_string`), for `assert!`.

/// Prints the condition of an `assert!` the way rustc's AST pretty printer does.
pub(crate) fn expr_to_string(db: &dyn SourceDatabase, cond: &tt::TopSubtree) -> String {
    let (parse, map) = syntax_bridge::token_tree_to_syntax_node(
        cond,
        syntax_bridge::TopEntryPoint::Expr,
        &mut |ctx| ctx.edition(db),
    );
    let root = parse.syntax_node();
    let Some(expr) = root.descendants().find_map(ast::Expr::cast) else {
        return stringify(cond);
    };
    let mut p = Printer::new();
    ExprPrinter { map: &map }.expr(&mut p, &expr);
    p.eof()
}

struct ExprPrinter<'a> {
    map: &'a span::SpanMap,
}

impl ExprPrinter<'_> {
    /// rustc's `print_expr`: every expression sits in an inconsistent box.
    fn expr(&self, p: &mut Printer, e: &ast::Expr) {
        p.ibox(INDENT_UNIT);
        self.expr_kind(p, e);
        p.end();
    }

    fn expr_kind(&self, p: &mut Printer, e: &ast::Expr) {
        use ast::Expr as E;
        match e {
            E::Literal(l) => p.word(l.syntax().text().to_string()),
            E::PathExpr(path) => self.tokens(p, path.syntax()),
            E::BinExpr(b) => {
                let (Some(lhs), Some(op), Some(rhs)) = (b.lhs(), b.op_token(), b.rhs()) else {
                    return self.tokens(p, b.syntax());
                };
                self.expr(p, &lhs);
                p.space();
                p.word_space(op.text());
                self.expr(p, &rhs);
            }
            E::PrefixExpr(pre) => {
                let (Some(op), Some(inner)) = (pre.op_token(), pre.expr()) else {
                    return self.tokens(p, pre.syntax());
                };
                p.word(op.text().to_owned());
                self.expr(p, &inner);
            }
            E::RefExpr(r) => {
                let Some(inner) = r.expr() else { return self.tokens(p, r.syntax()) };
                p.word("&");
                if r.raw_token().is_some() {
                    p.word_nbsp("raw");
                    p.word_nbsp(if r.mut_token().is_some() { "mut" } else { "const" });
                } else if r.mut_token().is_some() {
                    p.word_nbsp("mut");
                }
                self.expr(p, &inner);
            }
            E::MethodCallExpr(m) => {
                let (Some(recv), Some(name)) = (m.receiver(), m.name_ref()) else {
                    return self.tokens(p, m.syntax());
                };
                self.expr(p, &recv);
                p.word(".");
                p.word(name.text().to_string());
                if let Some(g) = m.generic_arg_list() {
                    self.tokens(p, g.syntax());
                }
                self.call_args(p, m.arg_list());
            }
            E::CallExpr(c) => {
                let Some(f) = c.expr() else { return self.tokens(p, c.syntax()) };
                self.expr(p, &f);
                self.call_args(p, c.arg_list());
            }
            E::FieldExpr(f) => {
                let (Some(base), Some(name)) = (f.expr(), f.name_ref()) else {
                    return self.tokens(p, f.syntax());
                };
                self.expr(p, &base);
                p.word(".");
                p.word(name.text().to_string());
            }
            E::IndexExpr(i) => {
                let (Some(base), Some(index)) = (i.base(), i.index()) else {
                    return self.tokens(p, i.syntax());
                };
                self.expr(p, &base);
                p.word("[");
                self.expr(p, &index);
                p.word("]");
            }
            E::ParenExpr(paren) => {
                let Some(inner) = paren.expr() else { return self.tokens(p, paren.syntax()) };
                if self.is_fragment_parens(paren) {
                    return self.expr_kind(p, &inner);
                }
                p.word("(");
                self.expr(p, &inner);
                p.word(")");
            }
            E::TupleExpr(t) => {
                let fields: Vec<_> = t.fields().collect();
                p.word("(");
                self.commasep_exprs(p, &fields);
                if fields.len() == 1 {
                    p.word(",");
                }
                p.word(")");
            }
            E::ArrayExpr(a) => {
                p.ibox(INDENT_UNIT);
                p.word("[");
                if a.semicolon_token().is_some() {
                    let mut exprs = a.exprs();
                    if let (Some(elem), Some(count)) = (exprs.next(), exprs.next()) {
                        self.expr(p, &elem);
                        p.word_space(";");
                        self.expr(p, &count);
                    }
                } else {
                    let exprs: Vec<_> = a.exprs().collect();
                    self.commasep_exprs(p, &exprs);
                }
                p.word("]");
                p.end();
            }
            E::CastExpr(c) => {
                let (Some(inner), Some(ty)) = (c.expr(), c.ty()) else {
                    return self.tokens(p, c.syntax());
                };
                self.expr(p, &inner);
                p.space();
                p.word_space("as");
                self.tokens(p, ty.syntax());
            }
            E::RangeExpr(r) => {
                use ast::RangeItem;
                if let Some(start) = r.start() {
                    self.expr(p, &start);
                }
                p.word(match r.op_kind() {
                    Some(ast::RangeOp::Inclusive) => "..=",
                    _ => "..",
                });
                if let Some(end) = r.end() {
                    self.expr(p, &end);
                }
            }
            E::TryExpr(t) => {
                let Some(inner) = t.expr() else { return self.tokens(p, t.syntax()) };
                self.expr(p, &inner);
                p.word("?");
            }
            E::AwaitExpr(a) => {
                let Some(inner) = a.expr() else { return self.tokens(p, a.syntax()) };
                self.expr(p, &inner);
                p.word(".await");
            }
            E::UnderscoreExpr(_) => p.word("_"),
            E::MacroExpr(m) => {
                let Some(call) = m.macro_call() else { return self.tokens(p, m.syntax()) };
                let (Some(path), Some(tt)) = (call.path(), call.token_tree()) else {
                    return self.tokens(p, call.syntax());
                };
                // rustc's `print_mac`: the path, `!`, then the arguments as tokens.
                let toks = self.toks(tt.syntax());
                let Some(Tok::Group { delim, children, .. }) = toks.into_iter().next() else {
                    return self.tokens(p, call.syntax());
                };
                let header = |p: &mut Printer| self.tokens(p, path.syntax());
                print_mac_common(p, Some(&header), delim, None, &children);
            }
            E::RecordExpr(r) => self.record_expr(p, r),
            E::ClosureExpr(c) => {
                let (Some(params), Some(body)) = (c.param_list(), c.body()) else {
                    return self.tokens(p, c.syntax());
                };
                if c.move_token().is_some() {
                    p.word_space("move");
                }
                p.word("|");
                p.rbox(0, Breaks::Inconsistent);
                for (i, param) in params.params().enumerate() {
                    if i > 0 {
                        p.word_space(",");
                    }
                    p.ibox(INDENT_UNIT);
                    if let Some(pat) = param.pat() {
                        self.tokens(p, pat.syntax());
                    }
                    if let Some(ty) = param.ty() {
                        p.word_space(":");
                        self.tokens(p, ty.syntax());
                    }
                    p.end();
                }
                p.end();
                p.word("|");
                if let Some(ret) = c.ret_type().and_then(|r| r.ty()) {
                    p.space_if_not_bol();
                    p.ibox(INDENT_UNIT);
                    p.word_space("->");
                    self.tokens(p, ret.syntax());
                    p.end();
                }
                p.space();
                self.expr(p, &body);
            }
            E::BlockExpr(b)
                if b.stmt_list().is_some_and(|l| l.statements().next().is_none())
                    && b.unsafe_token().is_none()
                    && b.label().is_none() =>
            {
                // `{ tail }`: rustc's `print_block` with no statements.
                let tail = b.stmt_list().and_then(|l| l.tail_expr());
                p.cbox(0);
                p.ibox(0);
                p.word("{");
                p.end();
                if let Some(tail) = &tail {
                    p.space_if_not_bol();
                    self.expr(p, tail);
                    p.break_offset_if_not_bol(1, -INDENT_UNIT);
                }
                p.word("}");
                p.end();
            }
            // `if`, `match`, loops and blocks with statements: rustc lays these out over
            // several lines; rac prints their tokens.
            _ => self.tokens(p, e.syntax()),
        }
    }

    fn record_expr(&self, p: &mut Printer, r: &ast::RecordExpr) {
        let (Some(path), Some(list)) = (r.path(), r.record_expr_field_list()) else {
            return self.tokens(p, r.syntax());
        };
        self.tokens(p, path.syntax());
        p.nbsp();
        p.word("{");
        let fields: Vec<_> = list.fields().collect();
        let has_rest = list.dotdot_token().is_some();
        if fields.is_empty() && !has_rest {
            p.word("}");
            return;
        }
        p.cbox(0);
        for (i, f) in fields.iter().enumerate() {
            if i == 0 {
                p.space_if_not_bol();
            }
            match (f.name_ref(), f.expr()) {
                (Some(name), Some(e)) if f.colon_token().is_some() => {
                    p.word(name.text().to_string());
                    p.word_nbsp(":");
                    self.expr(p, &e);
                }
                (_, Some(e)) => self.expr(p, &e),
                _ => self.tokens(p, f.syntax()),
            }
            if i + 1 < fields.len() || has_rest {
                p.word_space(",");
            } else {
                p.trailing_comma_or_space();
            }
        }
        if has_rest {
            if fields.is_empty() {
                p.space();
            }
            p.word("..");
            if let Some(base) = list.spread() {
                self.expr(p, &base);
            }
            p.space();
        }
        p.offset(-INDENT_UNIT);
        p.end();
        p.word("}");
    }

    /// The parentheses r-a's transcriber puts around `$e:expr` (same span on both sides).
    fn is_fragment_parens(&self, paren: &ast::ParenExpr) -> bool {
        match (paren.l_paren_token(), paren.r_paren_token()) {
            (Some(l), Some(r)) => {
                self.map.span_at(l.text_range().start()) == self.map.span_at(r.text_range().start())
            }
            _ => false,
        }
    }

    /// rustc's `commasep_exprs(Inconsistent, ..)`.
    fn commasep_exprs(&self, p: &mut Printer, exprs: &[ast::Expr]) {
        p.rbox(0, Breaks::Inconsistent);
        for (i, e) in exprs.iter().enumerate() {
            self.expr(p, e);
            if i + 1 < exprs.len() {
                p.word(",");
                p.space_if_not_bol();
            }
        }
        p.end();
    }

    fn call_args(&self, p: &mut Printer, list: Option<ast::ArgList>) {
        p.word("(");
        let args: Vec<_> = list.map(|l| l.args().collect()).unwrap_or_default();
        self.commasep_exprs(p, &args);
        p.word(")");
    }

    /// Prints a node's tokens as rustc prints a token stream, with their source spacing.
    fn tokens(&self, p: &mut Printer, node: &SyntaxNode) {
        let toks = self.toks(node);
        print_tts(p, &toks);
    }

    fn toks(&self, node: &SyntaxNode) -> Vec<Tok> {
        let tokens: Vec<SyntaxToken> = node
            .descendants_with_tokens()
            .filter_map(|e| e.into_token())
            .filter(|t| !t.kind().is_trivia())
            .collect();
        let mut pos = 0;
        self.group(&tokens, &mut pos, None)
    }

    fn tok_pos(&self, t: &SyntaxToken) -> (Option<Pos>, Option<Pos>) {
        let span = self.map.span_at(t.text_range().start());
        let start = (span.anchor, span.range.start());
        let end = (span.anchor, span.range.start() + t.text_range().len());
        (Some(start), Some(end))
    }

    fn group(&self, tokens: &[SyntaxToken], pos: &mut usize, close: Option<SyntaxKind>) -> Vec<Tok> {
        let mut out = Vec::new();
        while *pos < tokens.len() {
            let t = &tokens[*pos];
            *pos += 1;
            let kind = t.kind();
            if Some(kind) == close {
                return out;
            }
            let (delim, closer) = match kind {
                SyntaxKind::L_PAREN => (Some(Delim::Paren), SyntaxKind::R_PAREN),
                SyntaxKind::L_BRACK => (Some(Delim::Bracket), SyntaxKind::R_BRACK),
                SyntaxKind::L_CURLY => (Some(Delim::Brace), SyntaxKind::R_CURLY),
                _ => (None, SyntaxKind::EOF),
            };
            let (start, open_end) = self.tok_pos(t);
            if let Some(delim) = delim {
                let children = self.group(tokens, pos, Some(closer));
                let end = tokens
                    .get(pos.wrapping_sub(1))
                    .filter(|c| c.kind() == closer)
                    .and_then(|c| self.tok_pos(c).1);
                out.push(Tok::Group { delim, open_end, children, start, end });
                continue;
            }
            let text = t.text().to_owned();
            let leaf_kind = if kind == SyntaxKind::IDENT
                || kind.is_keyword(span::Edition::CURRENT)
                || kind == SyntaxKind::LIFETIME_IDENT
            {
                LeafKind::Ident
            } else if ast::String::can_cast(kind) || kind.is_literal() {
                LeafKind::Literal
            } else {
                match text.chars().next() {
                    Some(c) if text.len() == 1 => LeafKind::Punct(c),
                    _ => LeafKind::Op,
                }
            };
            out.push(Tok::Leaf { text, kind: leaf_kind, start, end: open_end });
        }
        out
    }
}
