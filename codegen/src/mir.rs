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
    let db = tcx.db;
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
        _ => return Err("this instance has no MIR body".into()),
    };
    r.map_err(|e| lowering_error(tcx, &e))
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
