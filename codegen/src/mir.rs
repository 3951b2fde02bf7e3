//! Fetching rust-analyzer's monomorphized MIR for an instance, with readable errors.

use ra_ap_hir_def::DefWithBodyId;
use ra_ap_hir_ty::InferBodyId;
use ra_ap_hir_ty::display::DisplayTarget;
use ra_ap_hir_ty::mir::{MirBody, MirLowerError};
use ra_ap_rustc_type_ir::inherent::GenericArgs as _;

use crate::instance::{Instance, InstanceKind};
use crate::ty::TyCx;

/// The MIR rac compiles for a Tier 1 instance, or rust-analyzer's reason why there is none.
pub fn body_of<'db>(
    tcx: &TyCx<'db>,
    instance: &Instance<'db>,
) -> Result<&'db MirBody<'db>, String> {
    crate::phase::time(crate::phase::Phase::Lower, || {
        body_of_untimed(tcx, instance)
    })
}

fn body_of_untimed<'db>(
    tcx: &TyCx<'db>,
    instance: &Instance<'db>,
) -> Result<&'db MirBody<'db>, String> {
    let db = tcx.db;
    let owner = match instance.kind {
        InstanceKind::Item(f) => InferBodyId::from(DefWithBodyId::from(f)),
        InstanceKind::Closure(c) => c.loc(db).owner,
        InstanceKind::Coroutine(c) => c.loc(db).owner,
        _ => return Err("this instance has no MIR body".into()),
    };
    macro_expansion_errors(tcx, owner)?;
    let r = match instance.kind {
        InstanceKind::Item(f) => db.monomorphized_mir_body(
            InferBodyId::from(DefWithBodyId::from(f)),
            instance.args.store(),
            tcx.env.store(),
        ),
        InstanceKind::Closure(c) => {
            let parent = ra_ap_hir_ty::next_solver::GenericArgs::new_from_slice(
                instance.args.as_closure().parent_args(),
            );
            db.monomorphized_mir_body_for_closure(c, parent.store(), tcx.env.store())
        }
        InstanceKind::Coroutine(c) => {
            let parent = ra_ap_hir_ty::next_solver::GenericArgs::new_from_slice(
                instance.args.as_coroutine().parent_args(),
            );
            db.monomorphized_mir_body_for_coroutine(c, parent.store(), tcx.env.store())
        }
        _ => return Err("this instance has no MIR body".into()),
    };
    r.map_err(|e| lowering_error(tcx, &e))
}

/// rust-analyzer expands a macro it cannot fully expand to what it could (an empty string
/// for an `include_str!` of a file it does not have, nothing for a proc macro that
/// failed): compiling that body would give a wrong binary, so a body (or the body of a
/// constant or static it uses) with a macro expansion error is refused, with the macro's
/// location and rust-analyzer's reason.
pub fn macro_expansion_errors(tcx: &TyCx<'_>, owner: InferBodyId<'_>) -> Result<(), String> {
    use ra_ap_hir_def::expr_store::ExpressionStore;
    let db = tcx.db;
    let (_, source_map) = ExpressionStore::with_source_map(db, owner.expression_store_owner(db));
    for (ptr, call) in source_map.macro_calls() {
        let Some(e) = call.parse_macro_expansion_error(db) else {
            continue;
        };
        let Some(err) = &e.err else {
            continue;
        };
        let message = err.render_to_string(db).message;
        let at = ra_ap_hir_expand::builtin::rac::user_site(
            db,
            ptr.file_id,
            ptr.value.text_range().start(),
        )
        .map(|(file, offset)| {
            let (path, line, col) = crate::spans::file_line_col(tcx, file, offset);
            format!("{path}:{line}:{col}: ")
        })
        .unwrap_or_default();
        let root = ptr.file_id.parse_or_expand(db);
        let name = ptr
            .value
            .to_node(&root)
            .path()
            .map(|p| format!("`{p}!` "))
            .unwrap_or_default();
        let hint = if message.contains("failed to load file") {
            " (rac has the files that workspace code names in `include_str!`/`include_bytes!` \
             as a string literal or `concat!(env!(\"CARGO_MANIFEST_DIR\"), \"...\")`, inside \
             the package)"
        } else {
            ""
        };
        return Err(format!(
            "{at}rust-analyzer could not expand the macro call {name}in this body: {message}{hint}"
        ));
    }
    Ok(())
}

pub fn lowering_error(tcx: &TyCx<'_>, e: &MirLowerError<'_>) -> String {
    let mut s = String::new();
    let target = DisplayTarget::from_crate(tcx.db, tcx.krate);
    let fmt = |file, range: ra_ap_syntax::TextRange| {
        let (path, line, col) = crate::spans::file_line_col(tcx, file, range.start());
        format!("{path}:{line}:{col}")
    };
    if e.pretty_print(&mut s, tcx.db, fmt, target).is_err() || s.trim().is_empty() {
        s = format!("{e:?}");
    }
    s.trim().replace('\n', "; ")
}

/// A compact, panic-free rendering of a MIR body (r-a's pretty printer panics on some
/// constants), for `RAC_DUMP_MIR` and diagnostics.
pub fn dump<'db>(tcx: &TyCx<'db>, body: &MirBody<'db>) -> String {
    use ra_ap_hir_ty::mir::{OperandKind, Rvalue, StatementKind, TerminatorKind};
    use std::fmt::Write;
    let place = |p: &ra_ap_hir_ty::mir::Place| {
        let mut s = format!("_{}", u32::from(p.local.into_raw()));
        for e in p.projection.lookup() {
            match e {
                ra_ap_hir_ty::mir::ProjectionElem::Deref => s = format!("(*{s})"),
                ra_ap_hir_ty::mir::ProjectionElem::Field(f) => s = format!("{s}.{}", f.0),
                ra_ap_hir_ty::mir::ProjectionElem::Index(l) => {
                    s = format!("{s}[_{}]", u32::from(l.into_raw()))
                }
                ra_ap_hir_ty::mir::ProjectionElem::ConstantIndex { offset, from_end } => {
                    s = format!("{s}[{}{offset}]", if *from_end { "-" } else { "" })
                }
                ra_ap_hir_ty::mir::ProjectionElem::Subslice { from, to } => {
                    s = format!("{s}[{from}..{to}]")
                }
                ra_ap_hir_ty::mir::ProjectionElem::Downcast(v) => s = format!("({s} as {v:?})"),
            }
        }
        s
    };
    let operand = |o: &ra_ap_hir_ty::mir::Operand| match &o.kind {
        OperandKind::Copy(p) => format!("copy {}", place(p)),
        OperandKind::Move(p) => format!("move {}", place(p)),
        OperandKind::Constant { ty, .. } => format!("const:{}", tcx.display(ty.as_ref())),
        OperandKind::Allocation { allocation } => {
            let a = allocation.as_ref();
            format!(
                "alloc:{}{:?}",
                tcx.display(a.ty),
                &a.memory[..a.memory.len().min(16)]
            )
        }
        OperandKind::Static(s) => format!("static {s:?}"),
        OperandKind::PromotedConstRef { ty, .. } => {
            format!("&const:{}", tcx.display(ty.as_ref()))
        }
    };
    let mut out = String::new();
    for (l, local) in body.locals.iter() {
        let _ = writeln!(
            out,
            "  let _{}: {};",
            u32::from(l.into_raw()),
            tcx.display(local.ty.as_ref())
        );
    }
    let _ = writeln!(
        out,
        "  params: {:?}",
        body.param_locals
            .iter()
            .map(|l| u32::from(l.into_raw()))
            .collect::<Vec<_>>()
    );
    for (bb, data) in body.basic_blocks.iter() {
        let _ = writeln!(out, "  bb{}:", u32::from(bb.into_raw()));
        for st in &data.statements {
            let text = match &st.kind {
                StatementKind::Assign(p, rv) => {
                    let r = match rv {
                        Rvalue::Use(o) => operand(o),
                        Rvalue::Repeat(o, _) => format!("[{}; _]", operand(o)),
                        Rvalue::Ref(k, p) => format!("&{k:?} {}", place(p)),
                        Rvalue::Len(p) => format!("Len({})", place(p)),
                        Rvalue::Cast(k, o, t) => {
                            format!("{} as {} ({k:?})", operand(o), tcx.display(t.as_ref()))
                        }
                        Rvalue::CheckedBinaryOp(op, a, b) => {
                            format!("{} {op} {}", operand(a), operand(b))
                        }
                        Rvalue::UnaryOp(op, a) => format!("{op:?} {}", operand(a)),
                        Rvalue::Discriminant(p) => format!("discriminant({})", place(p)),
                        Rvalue::Aggregate(k, ops) => {
                            format!(
                                "{:?}({})",
                                std::mem::discriminant(k),
                                ops.iter()
                                    .map(|o| operand(o))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        }
                        Rvalue::CopyForDeref(p) => format!("deref_copy {}", place(p)),
                        Rvalue::ThreadLocalRef(n)
                        | Rvalue::AddressOf(n)
                        | Rvalue::BinaryOp(n)
                        | Rvalue::NullaryOp(n) => match *n {},
                    };
                    format!("{} = {r}", place(p))
                }
                StatementKind::StorageLive(l) => {
                    format!("StorageLive(_{})", l.into_raw().into_u32())
                }
                StatementKind::StorageDead(l) => {
                    format!("StorageDead(_{})", l.into_raw().into_u32())
                }
                StatementKind::Nop => continue,
                other => format!("{other:?}"),
            };
            let _ = writeln!(out, "    {text}");
        }
        let t = match data.terminator.as_ref().map(|t| &t.kind) {
            Some(TerminatorKind::Call {
                func,
                args,
                destination,
                target,
                ..
            }) => format!(
                "{} = call {}({}) -> {:?}",
                place(destination),
                operand(func),
                args.iter()
                    .map(|a| operand(a))
                    .collect::<Vec<_>>()
                    .join(", "),
                target.map(|t| u32::from(t.into_raw()))
            ),
            Some(TerminatorKind::Drop {
                place: p, target, ..
            }) => format!("drop({}) -> bb{}", place(p), u32::from(target.into_raw())),
            Some(TerminatorKind::SwitchInt { discr, targets }) => format!(
                "switch {} {:?} else bb{}",
                operand(discr),
                targets
                    .iter()
                    .map(|(v, b)| (v, u32::from(b.into_raw())))
                    .collect::<Vec<_>>(),
                u32::from(targets.otherwise().into_raw())
            ),
            Some(TerminatorKind::Goto { target }) => {
                format!("goto bb{}", u32::from(target.into_raw()))
            }
            Some(other) => format!("{other:?}"),
            None => "<no terminator>".into(),
        };
        let _ = writeln!(out, "    {t}");
    }
    out
}
