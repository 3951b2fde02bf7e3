//! Instances: the monomorphic functions rac emits or calls, and their signatures.
//!
//! Invariant: `Instance::args` are monomorphic (see `TyCx::mono`), so two call sites that
//! reach the same function with the same types produce equal instances and one symbol.

use ra_ap_hir_def::{
    BuiltinDeriveImplId, FunctionId, HasModule, ItemContainerId, Lookup,
    builtin_derive::BuiltinDeriveImplMethod, signatures::FunctionSignature,
};
use ra_ap_hir_ty::db::{InternedClosureId, InternedCoroutineId};
use ra_ap_hir_ty::next_solver::{GenericArgs, SolverDefId, Ty, TyKind};
use ra_ap_rustc_abi::ExternAbi;
use ra_ap_rustc_type_ir::ClosureKind;
use ra_ap_rustc_type_ir::inherent::{GenericArg as _, GenericArgs as _, IntoKind, Ty as _};

use crate::ty::TyCx;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum InstanceKind<'db> {
    /// A function with a body (free function, inherent or trait impl method, trait default
    /// method).
    Item(FunctionId),
    /// A closure body; `args` are the closure type's full arguments.
    Closure(InternedClosureId<'db>),
    /// `<closure as FnOnce>::call_once` for a `Fn`/`FnMut` closure: takes the closure by
    /// value, calls its body by reference, then drops it.
    ClosureOnceShim(InternedClosureId<'db>),
    /// `<{async block} as Future>::poll`: the body of an `async` block or `async fn`,
    /// compiled as its state machine's resume function (`coroutine.rs`); `args` are the
    /// coroutine type's full arguments.
    Coroutine(InternedCoroutineId<'db>),
    /// A `Fn*` trait method called on a function item or function pointer; `args` are the
    /// trait method's arguments `[Self, Args]`.
    FnPtrShim(FunctionId),
    /// A by-value-`self` method in a vtable: takes `*mut Self` and moves `*self` into the
    /// real method (`Item` with the same args).
    VTableShim(FunctionId),
    /// A function turned into a function pointer that cannot be called directly: a
    /// `#[track_caller]` function (no location parameter), or a trait method with a `dyn`
    /// `Self` (`<dyn Trait as Trait>::m`: the shim makes the virtual call).
    ReifyShim(FunctionId),
    /// `core::ptr::drop_in_place::<T>`; `args` = `[T]`.
    DropGlue,
    /// `Clone::clone` for tuples, arrays and closures; `args` = `[T]`.
    CloneShim,
    /// A method of a builtin `#[derive]` impl; `args` are the impl's arguments.
    Derive(BuiltinDeriveImplId, BuiltinDeriveImplMethod),
    /// A Tier 3 replacement for the std function (see `shims.rs`), with its signature.
    Shim(FunctionId),
    /// A tuple struct or tuple variant constructor used as a function value (`.map(Some)`,
    /// `let f: fn(u8) -> S = S;`); `args` are the ADT's arguments.
    Ctor(ra_ap_hir_def::CallableDefId),
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Instance<'db> {
    pub kind: InstanceKind<'db>,
    pub args: GenericArgs<'db>,
}

/// The Rust-level signature of an instance after rust-call spreading: what the ABI is
/// computed from.
#[derive(Debug, Clone)]
pub struct InstanceSig<'db> {
    pub inputs: Vec<Ty<'db>>,
    pub output: Ty<'db>,
    pub caller_location: bool,
    pub c_abi: bool,
}

impl<'db> InstanceSig<'db> {
    /// A Rust-ABI signature without a caller location parameter.
    pub fn rust(inputs: Vec<Ty<'db>>, output: Ty<'db>) -> Self {
        InstanceSig {
            inputs,
            output,
            caller_location: false,
            c_abi: false,
        }
    }
}

impl<'db> Instance<'db> {
    pub fn item(f: FunctionId, args: GenericArgs<'db>) -> Self {
        Instance {
            kind: InstanceKind::Item(f),
            args,
        }
    }

    pub fn drop_glue(tcx: &TyCx<'db>, ty: Ty<'db>) -> Self {
        Instance {
            kind: InstanceKind::DropGlue,
            args: GenericArgs::new_from_slice(&[ty.into()]),
        }
        .with_interner(tcx)
    }

    fn with_interner(self, _tcx: &TyCx<'db>) -> Self {
        self
    }

    pub fn closure_ty(&self, tcx: &TyCx<'db>) -> Option<Ty<'db>> {
        match self.kind {
            InstanceKind::Closure(c) | InstanceKind::ClosureOnceShim(c) => {
                Some(Ty::new_closure(tcx.interner, c.into(), self.args))
            }
            _ => None,
        }
    }

    /// The first type argument (`T` of drop glue and clone shims, `Self` of fn shims).
    pub fn type_arg(&self) -> Ty<'db> {
        self.args.type_at(0)
    }

    pub fn function(&self) -> Option<FunctionId> {
        match self.kind {
            InstanceKind::Item(f)
            | InstanceKind::VTableShim(f)
            | InstanceKind::ReifyShim(f)
            | InstanceKind::FnPtrShim(f) => Some(f),
            _ => None,
        }
    }

    /// The crate whose code this instance is (`None` for glue rac generates).
    fn code_crate(&self, tcx: &TyCx<'db>) -> Option<ra_ap_base_db::Crate> {
        match self.kind {
            InstanceKind::Item(f) => Some(f.krate(tcx.db)),
            InstanceKind::Closure(c) => Some(c.loc(tcx.db).owner.module(tcx.db).krate(tcx.db)),
            InstanceKind::Coroutine(c) => Some(c.loc(tcx.db).owner.module(tcx.db).krate(tcx.db)),
            _ => None,
        }
    }

    /// Whether this instance is code of a workspace crate.
    pub fn is_local(&self, tcx: &TyCx<'db>) -> bool {
        self.code_crate(tcx)
            .is_some_and(|k| k.data(tcx.db).origin.is_local())
    }

    /// Whether arithmetic overflow panics here: in the crates whose profile has overflow
    /// checks (the session gives them rustc's cfg `overflow_checks`, from what cargo
    /// reported: on in the dev profile unless `overflow-checks = false`); not in the
    /// sysroot, built with the release profile, nor in rac's own shims, which stand in
    /// for std code.
    pub fn overflow_checks(&self, tcx: &TyCx<'db>) -> bool {
        static ATOM: std::sync::OnceLock<ra_ap_cfg::CfgAtom> = std::sync::OnceLock::new();
        let atom = ATOM.get_or_init(|| {
            ra_ap_cfg::CfgAtom::Flag(ra_ap_intern::Symbol::intern("overflow_checks"))
        });
        self.code_crate(tcx)
            .is_some_and(|k| k.cfg_options(tcx.db).check_atom(atom))
    }

    pub fn sig(&self, tcx: &TyCx<'db>) -> InstanceSig<'db> {
        let db = tcx.db;
        match self.kind {
            InstanceKind::Item(f)
            | InstanceKind::VTableShim(f)
            | InstanceKind::ReifyShim(f)
            | InstanceKind::Shim(f) => {
                let sig = db.callable_item_signature(f.into());
                let sig = tcx.instantiate(sig.skip_binder().skip_binder(), self.args);
                let fsig = FunctionSignature::of(db, f);
                let mut inputs: Vec<Ty<'db>> = sig.inputs().iter().copied().collect();
                if fsig.abi == ExternAbi::RustCall {
                    spread_last(&mut inputs);
                }
                if matches!(self.kind, InstanceKind::VTableShim(_)) {
                    inputs[0] = tcx.mut_ptr(inputs[0]);
                }
                let attrs = crate::attrs::fn_attrs(db, f);
                let caller_location = attrs.track_caller
                    && matches!(self.kind, InstanceKind::Item(_) | InstanceKind::Shim(_));
                let c_abi = !matches!(
                    fsig.abi,
                    ExternAbi::Rust | ExternAbi::RustCall | ExternAbi::RustCold
                );
                InstanceSig {
                    inputs,
                    output: sig.output(),
                    caller_location,
                    c_abi,
                }
            }
            InstanceKind::Closure(_) | InstanceKind::ClosureOnceShim(_) => {
                let closure_ty = self.closure_ty(tcx).unwrap();
                let cargs = self.args.as_closure();
                let sig = tcx.erase_regions(cargs.sig().skip_binder());
                let self_ty = match (self.kind, cargs.kind()) {
                    (InstanceKind::ClosureOnceShim(_), _) | (_, ClosureKind::FnOnce) => closure_ty,
                    (_, ClosureKind::FnMut) => tcx.mut_ref(closure_ty),
                    (_, ClosureKind::Fn) => tcx.imm_ref(closure_ty),
                };
                let mut inputs = vec![self_ty];
                inputs.extend(sig.inputs().iter());
                spread_last(&mut inputs);
                InstanceSig::rust(inputs, tcx.mono(sig.output()))
            }
            InstanceKind::Coroutine(c) => {
                // `Future::poll(self: Pin<&mut Self>, cx: &mut Context<'_>)`: `Pin` of a
                // reference is passed as the reference.
                let coroutine_ty = ra_ap_rustc_type_ir::inherent::Ty::new_coroutine(
                    tcx.interner,
                    c.into(),
                    self.args,
                );
                let output = tcx.mono(self.args.as_coroutine().return_ty());
                let lang = tcx.interner.lang_items();
                let (Some(context), Some(poll)) = (lang.Context, lang.Poll) else {
                    panic!("core has no `Context` or `Poll` lang item");
                };
                let context = Ty::new_adt(
                    tcx.interner,
                    ra_ap_hir_def::AdtId::StructId(context),
                    GenericArgs::new_from_slice(&[ra_ap_hir_ty::next_solver::Region::new_erased(
                        tcx.interner,
                    )
                    .into()]),
                );
                let poll = Ty::new_adt(
                    tcx.interner,
                    ra_ap_hir_def::AdtId::EnumId(poll),
                    GenericArgs::new_from_slice(&[output.into()]),
                );
                InstanceSig::rust(vec![tcx.mut_ref(coroutine_ty), tcx.mut_ref(context)], poll)
            }
            InstanceKind::FnPtrShim(trait_fn) => {
                let self_ty = self.args.type_at(0);
                let args_tuple = self.args.type_at(1);
                let callee_sig = self_ty
                    .callable_sig(tcx.interner)
                    .expect("FnPtrShim on a non-callable");
                let output = tcx.mono(callee_sig.skip_binder().output());
                let lang = tcx.interner.lang_items();
                let self_param = if Some(trait_fn) == lang.Fn_call {
                    tcx.imm_ref(self_ty)
                } else if Some(trait_fn) == lang.FnMut_call_mut {
                    tcx.mut_ref(self_ty)
                } else {
                    self_ty
                };
                let mut inputs = vec![self_param];
                inputs.extend(args_tuple.tuple_fields().iter());
                InstanceSig::rust(inputs, output)
            }
            InstanceKind::DropGlue => {
                InstanceSig::rust(vec![tcx.mut_ptr(self.type_arg())], tcx.unit())
            }
            InstanceKind::Ctor(ctor) => {
                let sig = db.callable_item_signature(ctor);
                let sig = tcx.instantiate(sig.skip_binder().skip_binder(), self.args);
                InstanceSig::rust(sig.inputs().iter().copied().collect(), sig.output())
            }
            InstanceKind::CloneShim => {
                InstanceSig::rust(vec![tcx.imm_ref(self.type_arg())], self.type_arg())
            }
            InstanceKind::Derive(id, method) => {
                let f = method
                    .trait_method(tcx.db, id)
                    .expect("derived method of a known trait");
                let sig = tcx.db.callable_item_signature(f.into());
                let sig = tcx.instantiate(sig.skip_binder().skip_binder(), self.args);
                InstanceSig::rust(sig.inputs().iter().copied().collect(), sig.output())
            }
        }
    }

    /// A readable name for messages (`explain`, errors).
    pub fn describe(&self, tcx: &TyCx<'db>) -> String {
        let args = || {
            let tys: Vec<String> = self.args.types().map(|t| tcx.display(t)).collect();
            if tys.is_empty() {
                String::new()
            } else {
                format!("::<{}>", tys.join(", "))
            }
        };
        match self.kind {
            InstanceKind::Item(f) => describe_fn(tcx, f, self.args),
            InstanceKind::Closure(c) => {
                format!(
                    "{{closure}} in {}",
                    describe_owner(tcx, c.loc(tcx.db), self.args)
                )
            }
            InstanceKind::Coroutine(c) => {
                format!(
                    "{{async body}} in {}",
                    describe_owner(tcx, c.loc(tcx.db), self.args)
                )
            }
            InstanceKind::ClosureOnceShim(c) => {
                format!(
                    "<{{closure}} in {} as FnOnce>::call_once (shim)",
                    describe_owner(tcx, c.loc(tcx.db), self.args)
                )
            }
            InstanceKind::FnPtrShim(f) => {
                format!(
                    "<{} as {}>::{} (shim)",
                    tcx.display(self.type_arg()),
                    trait_name(tcx, f),
                    fn_name(tcx, f)
                )
            }
            InstanceKind::VTableShim(f) => {
                format!("{} (vtable shim)", describe_fn(tcx, f, self.args))
            }
            InstanceKind::ReifyShim(f) => {
                format!("{} (reify shim)", describe_fn(tcx, f, self.args))
            }
            InstanceKind::DropGlue => format!("core::ptr::drop_in_place{}", args()),
            InstanceKind::CloneShim => format!(
                "<{} as core::clone::Clone>::clone (shim)",
                tcx.display(self.type_arg())
            ),
            InstanceKind::Shim(f) => format!("{} (rac shim)", describe_fn(tcx, f, self.args)),
            InstanceKind::Ctor(ctor) => {
                let out = tcx.display(self.sig(tcx).output);
                match ctor {
                    ra_ap_hir_def::CallableDefId::EnumVariantId(v) => {
                        let name = ra_ap_hir::EnumVariant::from(v).name(tcx.db);
                        format!("{out}::{} (constructor)", name.as_str())
                    }
                    _ => format!("{out} (constructor)"),
                }
            }
            InstanceKind::Derive(id, method) => match method.trait_method(tcx.db, id) {
                Some(f) => format!("{} (derived)", describe_fn(tcx, f, self.args)),
                None => format!("builtin derive{}", args()),
            },
        }
    }
}

fn spread_last<'db>(inputs: &mut Vec<Ty<'db>>) {
    if let Some(last) = inputs.pop() {
        match last.kind() {
            TyKind::Tuple(tys) => inputs.extend(tys.iter()),
            _ => inputs.push(last),
        }
    }
}

pub fn fn_name(tcx: &TyCx<'_>, f: FunctionId) -> String {
    FunctionSignature::of(tcx.db, f).name.as_str().to_owned()
}

fn trait_name(tcx: &TyCx<'_>, f: FunctionId) -> String {
    match f.lookup(tcx.db).container {
        ItemContainerId::TraitId(t) => ra_ap_hir_def::signatures::TraitSignature::of(tcx.db, t)
            .name
            .as_str()
            .to_owned(),
        _ => "?".into(),
    }
}

/// `krate::module::f`, `<Type as Trait>::f`, `<Type>::f`, with the generic arguments.
pub fn describe_fn<'db>(tcx: &TyCx<'db>, f: FunctionId, args: GenericArgs<'db>) -> String {
    let db = tcx.db;
    let name = fn_name(tcx, f);
    let own_args = |skip: usize| {
        let tys: Vec<String> = args
            .iter()
            .skip(skip)
            .filter_map(|a| a.as_type())
            .map(|t| tcx.display(t))
            .collect();
        if tys.is_empty() {
            String::new()
        } else {
            format!("::<{}>", tys.join(", "))
        }
    };
    match f.lookup(db).container {
        ItemContainerId::ModuleId(m) => {
            let path = crate::symbol_path::module_path(db, m)
                .unwrap_or_else(|| crate::symbol_path::crate_name(db, m.krate(db)));
            format!("{path}::{name}{}", own_args(0))
        }
        ItemContainerId::ImplId(imp) => {
            let n_impl = generics_count(tcx, SolverDefId::ImplId(imp));
            let self_ty = tcx.instantiate(db.impl_self_ty(imp).skip_binder(), args);
            match db.impl_trait(imp) {
                None => format!("<{}>::{name}{}", tcx.display(self_ty), own_args(n_impl)),
                Some(tr) => {
                    let tr = tcx.instantiate(tr.skip_binder(), args);
                    let tname = ra_ap_hir_def::signatures::TraitSignature::of(db, tr.def_id.0)
                        .name
                        .as_str()
                        .to_owned();
                    format!(
                        "<{} as {tname}>::{name}{}",
                        tcx.display(self_ty),
                        own_args(n_impl)
                    )
                }
            }
        }
        ItemContainerId::TraitId(t) => {
            let tname = ra_ap_hir_def::signatures::TraitSignature::of(db, t)
                .name
                .as_str()
                .to_owned();
            let self_ty = args
                .iter()
                .next()
                .and_then(|a| a.as_type())
                .map(|t| tcx.display(t))
                .unwrap_or_default();
            let n_trait = generics_count(tcx, SolverDefId::TraitId(t));
            format!("<{self_ty} as {tname}>::{name}{}", own_args(n_trait))
        }
        ItemContainerId::ExternBlockId(_) => format!("extern {name}"),
    }
}

fn describe_owner<'db>(
    tcx: &TyCx<'db>,
    loc: ra_ap_hir_ty::db::InternedClosure<'db>,
    args: GenericArgs<'db>,
) -> String {
    match loc.owner.as_function() {
        Some(f) => {
            // The closure's parent arguments are the owner's arguments.
            let n = generics_count(tcx, SolverDefId::FunctionId(f));
            let parent = GenericArgs::new_from_slice(&args.as_slice()[..n.min(args.len())]);
            describe_fn(tcx, f, parent)
        }
        None => "a constant".into(),
    }
}

pub fn generics_count(tcx: &TyCx<'_>, def: SolverDefId<'_>) -> usize {
    use ra_ap_rustc_type_ir::Interner as _;
    use ra_ap_rustc_type_ir::inherent::GenericsOf as _;
    tcx.interner.generics_of(def).count()
}

/// An [`Instance`] without the database lifetime, to key what outlives one query: symbol
/// names and the build server's caches.
///
/// The lifetime only ties an instance's interned ids to a borrow of the database; the ids
/// themselves stay valid for the database's whole life (closures are interned with
/// `revisions = usize::MAX`, types are kept alive by the stored arguments). A key is only
/// turned back into an instance with the database that made it.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct InstanceKey {
    kind: InstanceKind<'static>,
    args: ra_ap_hir_ty::next_solver::StoredGenericArgs,
}

impl<'db> Instance<'db> {
    pub fn key(&self) -> InstanceKey {
        InstanceKey {
            // SAFETY: only the lifetime changes (see the type's documentation).
            kind: unsafe {
                std::mem::transmute::<InstanceKind<'db>, InstanceKind<'static>>(self.kind)
            },
            args: self.args.store(),
        }
    }
}

impl InstanceKey {
    pub fn instance<'db>(&self) -> Instance<'db> {
        Instance {
            // SAFETY: as in `Instance::key`.
            kind: unsafe {
                std::mem::transmute::<InstanceKind<'static>, InstanceKind<'db>>(self.kind)
            },
            args: self.args.as_ref(),
        }
    }
}

impl<'db> Instance<'db> {
    /// The crates this instance is made of: the crate of its definition and the crates of
    /// every item its type arguments name. `None` when an argument has a part whose
    /// crates rac does not track (trait objects, opaque and foreign types).
    pub fn crates(
        &self,
        db: &'db dyn ra_ap_hir_ty::db::HirDatabase,
    ) -> Option<Vec<ra_ap_base_db::Crate>> {
        use ra_ap_hir_ty::next_solver::GenericArgKind;
        let module_crate = |m: ra_ap_hir_def::ModuleId| m.krate(db);
        let callable = |c: ra_ap_hir_def::CallableDefId| match c {
            ra_ap_hir_def::CallableDefId::FunctionId(f) => f.krate(db),
            ra_ap_hir_def::CallableDefId::StructId(s) => module_crate(s.module(db)),
            ra_ap_hir_def::CallableDefId::EnumVariantId(v) => module_crate(v.module(db)),
        };
        let mut out = Vec::new();
        match self.kind {
            InstanceKind::Item(f)
            | InstanceKind::FnPtrShim(f)
            | InstanceKind::VTableShim(f)
            | InstanceKind::ReifyShim(f)
            | InstanceKind::Shim(f) => out.push(f.krate(db)),
            InstanceKind::Closure(c) | InstanceKind::ClosureOnceShim(c) => {
                out.push(module_crate(c.loc(db).owner.module(db)))
            }
            InstanceKind::Coroutine(c) => out.push(module_crate(c.loc(db).owner.module(db))),
            InstanceKind::DropGlue | InstanceKind::CloneShim => {}
            InstanceKind::Derive(id, _) => out.push(module_crate(id.module(db))),
            InstanceKind::Ctor(c) => out.push(callable(c)),
        }
        for arg in self.args.iter() {
            if let GenericArgKind::Type(ty) = arg.kind() {
                crates_of_ty(db, ty, &mut out)?;
            }
        }
        out.sort();
        out.dedup();
        Some(out)
    }
}

/// Appends the crates of every item `ty` names (ADTs, fn items, closures' owners); `None`
/// when it has a part whose crates rac does not track (trait objects, opaque and foreign
/// types).
pub fn crates_of_ty<'db>(
    db: &'db dyn ra_ap_hir_ty::db::HirDatabase,
    ty: ra_ap_hir_ty::next_solver::Ty<'db>,
    out: &mut Vec<ra_ap_base_db::Crate>,
) -> Option<()> {
    use ra_ap_hir_ty::next_solver::{GenericArgKind, TyKind as K};
    let module_crate = |m: ra_ap_hir_def::ModuleId| m.krate(db);
    let callable = |c: ra_ap_hir_def::CallableDefId| match c {
        ra_ap_hir_def::CallableDefId::FunctionId(f) => f.krate(db),
        ra_ap_hir_def::CallableDefId::StructId(s) => module_crate(s.module(db)),
        ra_ap_hir_def::CallableDefId::EnumVariantId(v) => module_crate(v.module(db)),
    };
    for t in ty.walk() {
        let GenericArgKind::Type(t) = t.kind() else {
            continue;
        };
        match t.kind() {
            K::Adt(def, _) => out.push(module_crate(def.def_id().module(db))),
            K::FnDef(def, _) => out.push(callable(def.0)),
            K::Closure(c, _) => out.push(module_crate(c.0.loc(db).owner.module(db))),
            K::Coroutine(c, _) => out.push(module_crate(c.0.loc(db).owner.module(db))),
            K::Bool
            | K::Char
            | K::Int(_)
            | K::Uint(_)
            | K::Float(_)
            | K::Str
            | K::Array(..)
            | K::Slice(_)
            | K::RawPtr(..)
            | K::Ref(..)
            | K::FnPtr(..)
            | K::Never
            | K::Tuple(_) => {}
            _ => return None,
        }
    }
    Some(())
}
