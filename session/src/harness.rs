//! The test harness of a test target, as `rustc --test` generates it: every `#[test]`
//! function of the crate becomes a `test::TestDescAndFn` constant (its name is its path in
//! the crate, `tests::it_works`, as rustc names it), and a `main` hands them all to the
//! sysroot's `test` crate (`test::test_main_static`), which parses the command line, runs,
//! captures and reports exactly as under `cargo test`.
//!
//! The harness is Rust source appended to the crate root's text in rust-analyzer's
//! database (never on disk), after a marker line; it is rewritten whenever the set of
//! tests changes and stripped from the text before the tests are collected again, so
//! edits to the root file (which replace the text) and edits adding tests both land.
//! The crate is loaded with `cfg(test)` (the session's `CargoOptions::test`), so
//! `#[cfg(test)]` code exists and `#[test]` functions are not expanded away.

use anyhow::{Result, anyhow};
use ra_ap_base_db::salsa::Durability;
use ra_ap_hir as hir;
use ra_ap_hir::HasSource;
use ra_ap_ide_db::RootDatabase;
use ra_ap_syntax::{AstNode, AstToken, ast, ast::HasAttrs, ast::HasName};

/// Starts the harness in the root file's text; everything after it is generated.
const MARKER: &str = "\n// rac: generated test harness (rac_test_harness), not on disk\n";
/// The module the harness lives in (a child of the crate root).
pub const MODULE: &str = "__rac_test_harness";

/// One `#[test]` function.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TestFn {
    /// Its path from the crate root: `tests::it_works`.
    path: String,
    ignore: bool,
    ignore_message: Option<String>,
    should_panic: ShouldPanic,
    /// Line and column (1-based) of its name's start and end, as rustc reports them.
    span: (usize, usize, usize, usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ShouldPanic {
    No,
    Yes,
    WithMessage(String),
}

/// Appends (or refreshes) the harness of `krate` in its root file's text and returns the
/// harness's `main`. `source_file` is how rustc names the root file (`src/lib.rs`), and
/// `integration` says whether this is a `tests/` target (rustc's `TestType`).
pub fn prepare(
    db: &mut RootDatabase,
    krate: hir::Crate,
    source_file: &str,
    integration: bool,
) -> Result<ra_ap_hir_def::FunctionId> {
    use ra_ap_base_db::SourceDatabase;
    let root = krate.root_file(db);
    let text = db.file_text(root).text(db).to_string();
    let base = match text.find(MARKER) {
        Some(i) => &text[..i],
        None => &text[..],
    };
    let mut tests = collect(db, krate, base);
    // rustc's harness lists the tests sorted by name (libtest runs them in that order
    // with one thread).
    tests.sort_by(|a, b| a.path.cmp(&b.path));
    let wanted = format!("{base}{MARKER}{}", render(&tests, source_file, integration));
    // A debug aid: the generated harness on stderr.
    if std::env::var_os("RAC_DEBUG_HARNESS").is_some() {
        eprintln!("{}", &wanted[base.len()..]);
    }
    if wanted != text {
        db.set_file_text_with_durability(root, &wanted, Durability::LOW);
    }
    if let Some(main) = harness_main(db, krate) {
        return Ok(main);
    }
    // A crate disabled as a whole by a crate-level `#![cfg(..)]` under these features
    // (hex's `tests/serde.rs` without `serde`) has no items, not even the harness: rustc's
    // harness then runs no tests. That harness is put in rac's shims crate.
    if krate.root_module(db).declarations(db).is_empty() {
        return empty_harness(db);
    }
    Err(anyhow!(
        "the generated test harness of {source_file} did not resolve (rac bug)"
    ))
}

/// A harness without tests, in the shims crate (which depends on `test` as every crate).
fn empty_harness(db: &mut RootDatabase) -> Result<ra_ap_hir_def::FunctionId> {
    use ra_ap_base_db::SourceDatabase;
    let shims = hir::Crate::all(db)
        .into_iter()
        .find(|k| {
            k.display_name(db)
                .is_some_and(|n| n.crate_name().as_str() == crate::load::SHIMS_CRATE)
        })
        .ok_or_else(|| anyhow!("rac's shims crate is not loaded"))?;
    let root = shims.root_file(db);
    let text = db.file_text(root).text(db).to_string();
    if !text.contains(MARKER) {
        let harness = format!(
            "{text}{MARKER}#[doc(hidden)]\npub mod {MODULE} {{\n    extern crate test;\n    pub fn main() {{\n        test::test_main_static(&[]);\n    }}\n}}\n"
        );
        db.set_file_text_with_durability(root, &harness, Durability::LOW);
    }
    harness_main(db, shims)
        .ok_or_else(|| anyhow!("the empty test harness did not resolve (rac bug)"))
}

fn harness_main(db: &RootDatabase, krate: hir::Crate) -> Option<ra_ap_hir_def::FunctionId> {
    let module = krate
        .root_module(db)
        .declarations(db)
        .into_iter()
        .find_map(|d| match d {
            hir::ModuleDef::Module(m) if m.name(db).is_some_and(|n| n.as_str() == MODULE) => {
                Some(m)
            }
            _ => None,
        })?;
    module.declarations(db).into_iter().find_map(|d| match d {
        hir::ModuleDef::Function(f) if f.name(db).as_str() == "main" => {
            ra_ap_hir_def::FunctionId::try_from(f).ok()
        }
        _ => None,
    })
}

/// The `#[test]` functions of the crate, in module order.
fn collect(db: &RootDatabase, krate: hir::Crate, root_text: &str) -> Vec<TestFn> {
    let root_file = krate.root_file(db);
    let mut out = Vec::new();
    for module in krate.modules(db) {
        let mut names: Vec<String> = module
            .path_to_root(db)
            .iter()
            .filter_map(|m| m.name(db).map(|n| n.as_str().to_owned()))
            .collect();
        names.reverse();
        if names.first().is_some_and(|n| n == MODULE) {
            continue;
        }
        for decl in module.declarations(db) {
            let hir::ModuleDef::Function(f) = decl else {
                continue;
            };
            if !f.is_test(db) {
                continue;
            }
            let Some(src) = f.source(db) else { continue };
            let mut path = names.clone();
            path.push(f.name(db).as_str().to_owned());
            let mut t = TestFn {
                path: path.join("::"),
                ignore: false,
                ignore_message: None,
                should_panic: ShouldPanic::No,
                span: (0, 0, 0, 0),
            };
            for attr in src.value.attrs() {
                let Some(name) = attr.path().and_then(|p| p.as_single_name_ref()) else {
                    continue;
                };
                match &*name.text() {
                    "ignore" => {
                        t.ignore = true;
                        t.ignore_message = attr_string(&attr);
                    }
                    "should_panic" => {
                        t.should_panic = match attr_string(&attr) {
                            Some(m) => ShouldPanic::WithMessage(m),
                            None => ShouldPanic::Yes,
                        };
                    }
                    _ => {}
                }
            }
            // The name's position, when it is written in a file (not made by a macro).
            if let (Some(file), Some(name)) = (src.file_id.file_id(), src.value.name()) {
                let file = file.file_id(db);
                let text = if file == root_file {
                    root_text.to_owned()
                } else {
                    use ra_ap_base_db::SourceDatabase;
                    db.file_text(file).text(db).to_string()
                };
                let range = name.syntax().text_range();
                let (l1, c1) = line_col(&text, range.start().into());
                let (l2, c2) = line_col(&text, range.end().into());
                t.span = (l1, c1, l2, c2);
            }
            out.push(t);
        }
    }
    out
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
    (line, col)
}

/// The string of `#[ignore = "why"]`, `#[should_panic = "msg"]` or
/// `#[should_panic(expected = "msg")]`: each form holds one string literal.
fn attr_string(attr: &ast::Attr) -> Option<String> {
    attr.syntax()
        .descendants_with_tokens()
        .filter_map(|t| t.into_token())
        .find_map(ast::String::cast)
        .and_then(|s| s.value().ok().map(|v| v.into_owned()))
}

/// A Rust string literal of `s`.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn render(tests: &[TestFn], source_file: &str, integration: bool) -> String {
    let mut s = String::new();
    s.push_str(
        "#[cfg(test)]\n#[doc(hidden)]\n#[allow(unused, non_snake_case, non_upper_case_globals)]\n",
    );
    // Every name is qualified through crates the module declares itself: the crate may be
    // `#![no_std]` (no `String` in its prelude) or shadow prelude names.
    s.push_str(&format!(
        "pub mod {MODULE} {{\n    extern crate test;\n    extern crate std as rac_std;\n"
    ));
    s.push_str("    pub fn main() {\n        test::test_main_static(&[");
    for i in 0..tests.len() {
        s.push_str(&format!("&T{i}, "));
    }
    s.push_str("]);\n    }\n");
    let test_type = if integration {
        "IntegrationTest"
    } else {
        "UnitTest"
    };
    for (i, t) in tests.iter().enumerate() {
        let should_panic = match &t.should_panic {
            ShouldPanic::No => "test::ShouldPanic::No".to_owned(),
            ShouldPanic::Yes => "test::ShouldPanic::Yes".to_owned(),
            ShouldPanic::WithMessage(m) => format!("test::ShouldPanic::YesWithMessage({})", lit(m)),
        };
        let ignore_message = match &t.ignore_message {
            Some(m) => format!("rac_std::option::Option::Some({})", lit(m)),
            None => "rac_std::option::Option::None".to_owned(),
        };
        let (l1, c1, l2, c2) = t.span;
        s.push_str(&format!(
            "    fn f{i}() -> rac_std::result::Result<(), rac_std::string::String> {{ test::assert_test_result(crate::{path}()) }}\n\
             \x20   pub const T{i}: test::TestDescAndFn = test::TestDescAndFn {{\n\
             \x20       desc: test::TestDesc {{\n\
             \x20           name: test::StaticTestName({name}),\n\
             \x20           ignore: {ignore},\n\
             \x20           ignore_message: {ignore_message},\n\
             \x20           source_file: {file},\n\
             \x20           start_line: {l1}, start_col: {c1}, end_line: {l2}, end_col: {c2},\n\
             \x20           should_panic: {should_panic},\n\
             \x20           compile_fail: false,\n\
             \x20           no_run: false,\n\
             \x20           test_type: test::TestType::{test_type},\n\
             \x20       }},\n\
             \x20       testfn: test::StaticTestFn(f{i}),\n\
             \x20   }};\n",
            path = t.path,
            name = lit(&t.path),
            ignore = t.ignore,
            file = lit(source_file),
        ));
    }
    s.push_str("}\n");
    s
}
