//! Compiling one instance: the entry point of the code generator. Its input is an
//! instance of one binary (and the [`UnitConfig`] it is compiled with), its output a
//! [`UnitOutput`]: the compiled unit, the instances it refers to, and the errors it met.
//! The session (crate `session`) walks from `main` through the references and links.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use cranelift_codegen::ir::{Function, UserFuncName};
use cranelift_module::Module;

use crate::cx::CodegenCx;
use crate::instance::{Instance, InstanceKind};

#[derive(Clone)]
pub struct UnitConfig {
    /// The binary crate: its view of the world (it sees every impl).
    pub krate: ra_ap_base_db::Crate,
    /// Every crate's transitive dependencies, to compile an instance from the smallest
    /// view that has all its crates (see `view_of`); `None`: the binary's view always.
    pub views: Option<Arc<CrateViews>>,
    pub isa: cranelift_codegen::isa::OwnedTargetIsa,
    pub linkmap: Arc<linkmap::LinkMap>,
    pub paths: crate::spans::PathDisplay,
    pub cache: Option<Arc<crate::stencil_cache::StencilCache>>,
}

/// The crate graph, as views need it: each crate's transitive dependencies (itself
/// included), and which crates are the sysroot's.
#[derive(Debug, Default)]
pub struct CrateViews {
    pub deps:
        rustc_hash::FxHashMap<ra_ap_base_db::Crate, rustc_hash::FxHashSet<ra_ap_base_db::Crate>>,
    pub sysroot: rustc_hash::FxHashSet<ra_ap_base_db::Crate>,
    /// The sysroot's `core`: the view of instances made of no crate at all (drop glue and
    /// clone shims of tuples of primitives).
    pub core: Option<ra_ap_base_db::Crate>,
}

impl CrateViews {
    pub fn new(db: &dyn ra_ap_hir_ty::db::HirDatabase) -> Self {
        let mut v = CrateViews::default();
        for k in ra_ap_base_db::all_crates(db).iter().copied() {
            if k.data(db).origin.is_lang() {
                v.sysroot.insert(k);
                let name = k
                    .extra_data(db)
                    .display_name
                    .as_ref()
                    .map(|n| n.crate_name().as_str().to_owned());
                if name.as_deref() == Some("core") {
                    v.core = Some(k);
                }
            }
            v.deps
                .insert(k, k.transitive_deps(db).into_iter().collect());
        }
        v
    }
}

impl UnitConfig {
    /// The crate whose view `instance` is compiled from: among the crates it is made of,
    /// the one that depends on all the others (the binary's when there is none).
    ///
    /// By coherence, no crate outside that view can add an impl that applies to the
    /// instance, so every view that contains it compiles it the same; the smallest one
    /// makes its unit depend on the fewest crates, so an edit elsewhere (in the binary
    /// crate, say) does not even make salsa check it again.
    pub fn view_of<'db>(
        &self,
        db: &'db dyn ra_ap_hir_ty::db::HirDatabase,
        instance: &Instance<'db>,
    ) -> ra_ap_base_db::Crate {
        let Some(views) = &self.views else {
            return self.krate;
        };
        let Some(crates) = instance.crates(db) else {
            return self.krate;
        };
        let top = crates.iter().copied().find(|v| {
            views
                .deps
                .get(v)
                .is_some_and(|deps| crates.iter().all(|c| deps.contains(c)))
        });
        match top {
            Some(v) => v,
            // No crate at all (drop glue of `(u8, i32)`): core.
            None if crates.is_empty() => views.core.unwrap_or(self.krate),
            None => self.krate,
        }
    }

    /// Whether `view` is a sysroot crate (units of such views depend on the sysroot only).
    pub fn is_sysroot_view(&self, view: ra_ap_base_db::Crate) -> bool {
        self.views
            .as_ref()
            .is_some_and(|v| v.sysroot.contains(&view))
    }
}

/// The result of compiling one instance (or the entry glue), free of the database
/// lifetime so it can cross threads and be kept.
#[derive(Clone, Debug, Default)]
pub struct UnitOutput {
    /// `None` when translation failed (the reason is in `errors`).
    pub unit: Option<Arc<crate::unit::CompiledUnit>>,
    /// Instances the unit refers to (to be compiled too), with their tier.
    pub references: Vec<(crate::instance::InstanceKey, crate::resolve::Tier)>,
    pub errors: Vec<crate::cx::UnitError>,
    pub tier2: usize,
    pub resolve: crate::phase::PhaseTotal,
    pub lower: crate::phase::PhaseTotal,
    pub translate: Duration,
    pub codegen: Duration,
    /// The build that compiled this unit (`query::start_build`); older: reused.
    pub compiled_in: u64,
}

fn new_cx<'db>(
    db: &'db dyn ra_ap_hir_ty::db::HirDatabase,
    config: &UnitConfig,
) -> Result<CodegenCx<'db>> {
    let mut tcx = crate::ty::TyCx::new(db, config.krate)?;
    tcx.paths = config.paths.clone();
    Ok(CodegenCx::new(
        tcx,
        config.isa.clone(),
        config.linkmap.clone(),
    ))
}

/// Turns a translated context into a unit: Cranelift compiles its functions.
fn finish_unit(
    mut cx: CodegenCx<'_>,
    config: &UnitConfig,
    inline: &crate::inline::Bodies,
    out: &mut UnitOutput,
) {
    out.references = cx.references.iter().map(|(i, t)| (i.key(), *t)).collect();
    out.errors.append(&mut cx.errors);
    out.tier2 = cx.stats.tier2;
    if !out.errors.is_empty() {
        return;
    }
    let t = Instant::now();
    let funcs = std::mem::take(&mut cx.compiled);
    let module = std::mem::replace(
        &mut cx.module,
        crate::unit::RecordingModule::new(config.isa.clone()),
    );
    let was = IN_UNIT.with(|f| f.replace(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        module.finish(funcs, inline, config.cache.as_deref())
    }));
    IN_UNIT.with(|f| f.set(was));
    out.codegen = t.elapsed();
    match r {
        Ok(Ok(unit)) => out.unit = Some(Arc::new(unit)),
        Ok(Err(e)) => out.errors.push(crate::cx::UnitError {
            function: cx.current.map(|i| i.describe(&cx.tcx)).unwrap_or_default(),
            reason: format!("{e:#}"),
        }),
        Err(_) => out.errors.push(crate::cx::UnitError {
            function: cx.current.map(|i| i.describe(&cx.tcx)).unwrap_or_default(),
            reason: "internal error: Cranelift panicked".into(),
        }),
    }
}

/// The entry glue of a binary: C `main` and the allocator shim.
pub fn compile_entry(
    db: &dyn ra_ap_hir_ty::db::HirDatabase,
    config: &UnitConfig,
    main: ra_ap_hir_def::FunctionId,
) -> Result<UnitOutput> {
    let mut cx = new_cx(db, config)?;
    crate::entry::define_c_main(&mut cx, main)?;
    crate::entry::define_allocator_shim(&mut cx)?;
    let mut out = UnitOutput {
        compiled_in: crate::query::current_build(),
        ..Default::default()
    };
    finish_unit(cx, config, &Default::default(), &mut out);
    Ok(out)
}

/// Compiles one instance: translation to Cranelift IR, then machine code. A failure is
/// reported in `errors`, never as a partial unit.
pub fn compile_instance<'db>(
    db: &'db dyn ra_ap_hir_ty::db::HirDatabase,
    config: &UnitConfig,
    instance: Instance<'db>,
) -> UnitOutput {
    let config = &UnitConfig {
        krate: config.view_of(db, &instance),
        ..config.clone()
    };
    let mut out = UnitOutput::default();
    let mut cx = match new_cx(db, config) {
        Ok(cx) => cx,
        Err(e) => {
            out.errors.push(crate::cx::UnitError {
                function: String::new(),
                reason: format!("{e:#}"),
            });
            return out;
        }
    };
    let t = Instant::now();
    crate::phase::take();
    translate_instance(&mut cx, instance);
    let inline = crate::inline::scratch_bodies(&mut cx);
    let (resolve, lower) = crate::phase::take();
    out.translate = t.elapsed().saturating_sub(resolve.time + lower.time);
    out.resolve = resolve;
    out.lower = lower;
    finish_unit(cx, config, &inline, &mut out);
    out
}

/// Translates `instance` into `cx.compiled` (errors go to `cx.errors`).
pub fn translate_instance<'db>(cx: &mut CodegenCx<'db>, instance: Instance<'db>) {
    cx.current = Some(instance);
    let name = |cx: &CodegenCx<'db>| instance.describe(&cx.tcx);
    let sig = match cx.fn_abi(&instance) {
        Ok(abi) => abi.signature(),
        Err(e) => {
            let name = name(cx);
            cx.error(&instance, name, format!("{e:#}"));
            return;
        }
    };
    let symbol = crate::symbols::instance_symbol(&cx.tcx, &instance);
    let id = match cx
        .module
        .declare_function(&symbol, cranelift_module::Linkage::Local, &sig)
    {
        Ok(id) => id,
        Err(e) => {
            let name = name(cx);
            cx.error(&instance, name, format!("cannot declare {symbol}: {e}"));
            return;
        }
    };
    if let Ok(filter) = std::env::var("RAC_DUMP_MIR")
        && instance.describe(&cx.tcx).contains(&filter)
        && let Ok(body) = crate::mir::body_of(&cx.tcx, &instance)
    {
        let text = crate::mir::dump(&cx.tcx, body);
        eprintln!("; MIR of {}\n{text}", instance.describe(&cx.tcx));
    }
    let mut func = Function::with_name_signature(UserFuncName::user(0, id.as_u32()), sig);

    let was = IN_UNIT.with(|f| f.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match instance.kind {
        InstanceKind::Item(_) | InstanceKind::Closure(_) | InstanceKind::Coroutine(_) => {
            crate::base::codegen_mir_instance(cx, instance, &mut func)
        }
        _ => crate::glue::codegen_glue_instance(cx, instance, &mut func),
    }));
    IN_UNIT.with(|f| f.set(was));
    if let Ok(filter) = std::env::var("RAC_DUMP_CLIF")
        && instance.describe(&cx.tcx).contains(&filter)
    {
        eprintln!("; {}\n{}", instance.describe(&cx.tcx), func.display());
    }
    match result {
        Ok(Ok(())) => cx.compiled.push((id, func)),
        Ok(Err(e)) => {
            let name = name(cx);
            cx.error(&instance, name, format!("{e:#}"));
        }
        Err(panic) => {
            if panic.is::<ra_ap_base_db::salsa::Cancelled>() {
                std::panic::resume_unwind(panic);
            }
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            let name = name(cx);
            let at = LAST_PANIC_LOCATION
                .with(|l| l.borrow().clone())
                .unwrap_or_default();
            cx.error(
                &instance,
                name,
                format!("internal error while compiling: {msg} ({at})"),
            );
        }
    }
}

/// Everything reachable from a binary's `main`, compiled.
pub fn ensure(cond: bool, msg: &str) -> Result<()> {
    if !cond {
        bail!("{msg}");
    }
    Ok(())
}

thread_local! {
    static LAST_PANIC_LOCATION: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// Set while a unit is translated: a panic there becomes that function's refusal.
    static IN_UNIT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Internal errors (panics inside rust-analyzer or rac while compiling one function) are
/// reported as that function's refusal; the hook keeps where they happened for the report
/// and keeps the default hook's message off the user's terminal. A panic anywhere else is
/// a bug of rac's: it is reported in one line as an internal error (no backtrace unless
/// `RAC_PANIC_TRACE` is set).
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let loc = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()));
            if std::env::var_os("RAC_PANIC_TRACE").is_some() {
                default(info);
            }
            if IN_UNIT.with(|f| f.get()) {
                LAST_PANIC_LOCATION.with(|l| *l.borrow_mut() = loc);
                return;
            }
            if info.payload().is::<ra_ap_base_db::salsa::Cancelled>() {
                return;
            }
            let msg = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            eprintln!(
                "error: internal error in rac: {msg} ({}); this is a bug, please report it",
                loc.unwrap_or_default()
            );
        }));
    });
}
