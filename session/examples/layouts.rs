use ra_ap_hir as hir;
use ra_ap_hir_ty as hir_ty;
use ra_ap_hir_ty::db::HirDatabase;

fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let ws = session::load::load_for_tools(std::path::Path::new(&dir)).unwrap();
    let db = &ws.db;
    hir_ty::attach_db(db, || {
        for krate in hir::Crate::all(db) {
            if !krate.origin(db).is_local() {
                continue;
            }
            let tcx = codegen::ty::TyCx::new(db, krate.into()).unwrap();
            for decl in krate.root_module(db).declarations(db) {
                if let hir::ModuleDef::Function(f) = decl {
                    let fid = ra_ap_hir_def::FunctionId::try_from(f).ok().unwrap();
                    let body = db
                        .mir_body(hir_ty::InferBodyId::from(
                            ra_ap_hir_def::DefWithBodyId::from(fid),
                        ))
                        .unwrap();
                    for (l, local) in body.locals.iter() {
                        let ty = tcx.mono(local.ty.as_ref());
                        match tcx.layout_of(ty) {
                            Ok(lay) => println!(
                                "{:?} {}: size {} align {} {:?} fields {:?} niche {:?}",
                                l,
                                tcx.display(ty),
                                lay.size(),
                                lay.align(),
                                lay.layout.backend_repr,
                                lay.layout.fields,
                                lay.layout.largest_niche
                            ),
                            Err(e) => println!("{:?} {}: {e}", l, tcx.display(ty)),
                        }
                    }
                }
            }
        }
    });
}
