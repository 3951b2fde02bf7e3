use ra_ap_hir as hir;
use ra_ap_hir_ty as hir_ty;
use ra_ap_hir_ty::db::HirDatabase;

fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let t = std::time::Instant::now();
    let ws = session::load::load_for_tools(std::path::Path::new(&dir)).unwrap();
    eprintln!("loaded in {:?}", t.elapsed());
    let db = &ws.db;
    hir_ty::attach_db(db, || {
        for krate in hir::Crate::all(db) {
            if !krate.origin(db).is_local() {
                continue;
            }
            for decl in krate.root_module(db).declarations(db) {
                if let hir::ModuleDef::Function(f) = decl {
                    let fid = ra_ap_hir_def::FunctionId::try_from(f).ok().unwrap();
                    let body = db.mir_body(hir_ty::InferBodyId::from(
                        ra_ap_hir_def::DefWithBodyId::from(fid),
                    ));
                    match body {
                        Ok(b) => {
                            println!("=== {:?}", f.name(db));
                            println!(
                                "locals: {:?}",
                                b.locals
                                    .iter()
                                    .map(|(i, l)| (i, l.ty.as_ref()))
                                    .collect::<Vec<_>>()
                            );
                            println!("{:#?}", b.basic_blocks);
                        }
                        Err(e) => println!("ERR {e:?}"),
                    }
                }
            }
        }
    });
    eprintln!("done in {:?}", t.elapsed());
}
