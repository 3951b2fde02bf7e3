//! Handling of opaque types, detection of defining scope and hidden type.

use hir_def::{
    AssocItemId, AssocItemLoc, DefWithBodyId, FunctionId, HasModule, ItemContainerId, TypeAliasId,
    signatures::ImplSignature,
};
use hir_expand::name::Name;
use la_arena::{Arena, ArenaMap};
use rustc_type_ir::inherent::Ty as _;
use syntax::ast;

use crate::{
    ImplTraitId, InferBodyId, InferenceResult,
    db::{HirDatabase, InternedOpaqueTyId},
    lower::{ImplTrait, ImplTraitIdx},
    next_solver::{
        DbInterner, ErrorGuaranteed, SolverDefId, StoredEarlyBinder, StoredTy, Ty, TypingMode,
        infer::{DbInternerInferExt, traits::ObligationCause},
        obligation_ctxt::ObligationCtxt,
    },
};

pub(crate) fn opaque_types_defined_by<'db>(
    db: &'db dyn HirDatabase,
    def_id: InferBodyId<'_>,
    result: &mut Vec<SolverDefId<'db>>,
) {
    if let Some(func) = def_id.as_function() {
        // A function may define its own RPITs.
        extend_with_opaques(
            db,
            ImplTrait::return_type_impl_traits(db, func),
            |opaque_idx| ImplTraitId::ReturnTypeImplTrait(func, opaque_idx),
            result,
        );
    }

    let extend_with_taits = |type_alias| {
        extend_with_opaques(
            db,
            ImplTrait::type_alias_impl_traits(db, type_alias),
            |opaque_idx| ImplTraitId::TypeAliasImplTrait(type_alias, opaque_idx),
            result,
        );
    };

    // Collect opaques from assoc items.
    let extend_with_atpit_from_assoc_items = |assoc_items: &[(Name, AssocItemId)]| {
        assoc_items
            .iter()
            .filter_map(|&(_, assoc_id)| match assoc_id {
                AssocItemId::TypeAliasId(it) => Some(it),
                AssocItemId::FunctionId(_) | AssocItemId::ConstId(_) => None,
            })
            .for_each(extend_with_taits);
    };
    let extend_with_atpit_from_container = |container| match container {
        ItemContainerId::ImplId(impl_id)
            if ImplSignature::of(db, impl_id).target_trait.is_some() =>
        {
            extend_with_atpit_from_assoc_items(&impl_id.impl_items(db).items);
        }
        ItemContainerId::TraitId(trait_id) => {
            extend_with_atpit_from_assoc_items(&trait_id.trait_items(db).items);
        }
        _ => {}
    };
    match def_id {
        InferBodyId::DefWithBodyId(DefWithBodyId::ConstId(id)) => {
            extend_with_atpit_from_container(id.loc(db).container)
        }
        InferBodyId::DefWithBodyId(DefWithBodyId::FunctionId(id)) => {
            extend_with_atpit_from_container(id.loc(db).container)
        }
        InferBodyId::DefWithBodyId(DefWithBodyId::StaticId(_))
        | InferBodyId::DefWithBodyId(DefWithBodyId::VariantId(_))
        | InferBodyId::AnonConstId(_) => {}
    }

    // rac: collect opaques from `#[define_opaque]` (std's `Backtrace` holds one).
    if let Some(func) = def_id.as_function() {
        for type_alias in define_opaque_aliases(db, func) {
            extend_with_opaques(
                db,
                ImplTrait::type_alias_impl_traits(db, type_alias),
                |opaque_idx| ImplTraitId::TypeAliasImplTrait(type_alias, opaque_idx),
                result,
            );
        }
    }

    fn extend_with_opaques<'db>(
        db: &'db dyn HirDatabase,
        opaques: &Arena<ImplTrait>,
        mut make_impl_trait: impl FnMut(ImplTraitIdx) -> ImplTraitId,
        result: &mut Vec<SolverDefId<'db>>,
    ) {
        for (opaque_idx, _) in opaques.iter() {
            let opaque_id = InternedOpaqueTyId::new(db, make_impl_trait(opaque_idx));
            result.push(opaque_id.into());
        }
    }
}

// These are firewall queries to prevent drawing dependencies between infers:

#[salsa::tracked(returns(ref))]
pub(crate) fn rpit_hidden_types(
    db: &dyn HirDatabase,
    function: FunctionId,
) -> ArenaMap<ImplTraitIdx, StoredEarlyBinder<StoredTy>> {
    let infer = InferenceResult::of(db, DefWithBodyId::from(function));
    let mut result = ArenaMap::new();
    for (opaque, hidden_type) in infer.return_position_impl_trait_types(db) {
        result.insert(opaque, StoredEarlyBinder::bind(hidden_type.store()));
    }
    result.shrink_to_fit();
    result
}

#[salsa::tracked(returns(ref))]
pub(crate) fn tait_hidden_types(
    db: &dyn HirDatabase,
    type_alias: TypeAliasId,
) -> ArenaMap<ImplTraitIdx, StoredEarlyBinder<StoredTy>> {
    // Call this first, to not perform redundant work if there are no TAITs.
    let taits_count = ImplTrait::type_alias_impl_traits(db, type_alias).len();

    let loc = type_alias.loc(db);
    let module = loc.module(db);
    let interner = DbInterner::new_with(db, module.krate(db));
    let infcx = interner.infer_ctxt().build(TypingMode::non_body_analysis());
    let mut ocx = ObligationCtxt::new(&infcx);
    let cause = ObligationCause::dummy();
    let param_env = db.trait_environment(type_alias.into());

    let defining_bodies = tait_defining_bodies(db, type_alias, loc);

    let mut result = ArenaMap::with_capacity(taits_count);
    for defining_body in defining_bodies {
        let infer = InferenceResult::of(db, defining_body);
        for (&opaque, hidden_type) in &infer.type_of_opaque {
            let ImplTraitId::TypeAliasImplTrait(opaque_owner, opaque_idx) = opaque.loc(db) else {
                continue;
            };
            if opaque_owner != type_alias {
                continue;
            }
            // In the presence of errors, we attempt to create a unified type from all
            // types. rustc doesn't do that, but this should improve the experience.
            let hidden_type = infcx.insert_type_vars(hidden_type.as_ref());
            match result.entry(opaque_idx) {
                la_arena::Entry::Vacant(entry) => {
                    entry.insert(StoredEarlyBinder::bind(hidden_type.store()));
                }
                la_arena::Entry::Occupied(entry) => {
                    _ = ocx.eq(
                        &cause,
                        param_env,
                        entry.get().get().instantiate_identity().skip_norm_wip(),
                        hidden_type,
                    );
                }
            }
        }
    }

    _ = ocx.try_evaluate_obligations();

    // Fill missing entries.
    for idx in 0..taits_count {
        let idx = la_arena::Idx::from_raw(la_arena::RawIdx::from_u32(idx as u32));
        match result.entry(idx) {
            la_arena::Entry::Vacant(entry) => {
                entry.insert(StoredEarlyBinder::bind(
                    Ty::new_error(interner, ErrorGuaranteed).store(),
                ));
            }
            la_arena::Entry::Occupied(mut entry) => {
                let hidden_type = entry.get().get().skip_binder();
                let hidden_type =
                    infcx.resolve_vars_if_possible(hidden_type).replace_infer_with_error(interner);
                *entry.get_mut() = StoredEarlyBinder::bind(hidden_type.store());
            }
        }
    }

    result
}

fn tait_defining_bodies(
    db: &dyn HirDatabase,
    type_alias: TypeAliasId,
    loc: &AssocItemLoc<ast::TypeAlias>,
) -> Vec<DefWithBodyId> {
    let from_assoc_items = |assoc_items: &[(Name, AssocItemId)]| {
        // Associated Type Position Impl Trait.
        assoc_items
            .iter()
            .filter_map(|&(_, assoc_id)| match assoc_id {
                AssocItemId::FunctionId(it) => Some(it.into()),
                AssocItemId::ConstId(it) => Some(it.into()),
                AssocItemId::TypeAliasId(_) => None,
            })
            .collect()
    };
    match loc.container {
        ItemContainerId::ImplId(impl_id)
            if ImplSignature::of(db, impl_id).target_trait.is_some() =>
        {
            return from_assoc_items(&impl_id.impl_items(db).items);
        }
        ItemContainerId::TraitId(trait_id) => {
            return from_assoc_items(&trait_id.trait_items(db).items);
        }
        _ => {}
    }

    // rac: a TAIT of a module is defined by the functions of that module that name it in
    // `#[define_opaque]` (rustc's rule since `define_opaque` replaced defining scopes).
    if let ItemContainerId::ModuleId(module) = loc.container {
        return module_declarations(db, module)
            .filter_map(|d| match d {
                hir_def::ModuleDefId::FunctionId(f) => Some(f),
                _ => None,
            })
            .filter(|&f| define_opaque_aliases(db, f).contains(&type_alias))
            .map(Into::into)
            .collect();
    }
    Vec::new()
}

/// rac: what a module declares (its items, not what it imports).
fn module_declarations(
    db: &dyn HirDatabase,
    module: hir_def::ModuleId,
) -> impl Iterator<Item = hir_def::ModuleDefId> + '_ {
    // SAFETY: the id comes from this database.
    let module = unsafe { module.to_db(db) };
    module.def_map(db)[module].scope.declarations()
}

/// rac: the type aliases of its module that `func` names in `#[define_opaque(..)]`, the
/// TAITs whose hidden types its body defines. Only modules that declare a TAIT pay for
/// reading the function's attributes.
fn define_opaque_aliases(db: &dyn HirDatabase, func: FunctionId) -> Vec<TypeAliasId> {
    use hir_def::{Lookup, src::HasSource};
    use syntax::{AstNode, SyntaxKind, ast::HasAttrs};
    let ItemContainerId::ModuleId(module) = func.lookup(db).container else {
        return Vec::new();
    };
    let taits: Vec<TypeAliasId> = module_declarations(db, module)
        .filter_map(|d| match d {
            hir_def::ModuleDefId::TypeAliasId(t) => Some(t),
            _ => None,
        })
        .filter(|&t| !ImplTrait::type_alias_impl_traits(db, t).is_empty())
        .collect();
    if taits.is_empty() {
        return Vec::new();
    }
    // `#[define_opaque]` is a built-in attribute macro: the function's item is its expansion,
    // without the attribute. Read the attributes of the item as written (each attribute
    // macro's input item, up the chain of expansions).
    let src = func.lookup(db).source(db);
    let mut items: Vec<ast::Item> = vec![ast::Item::Fn(src.value)];
    let mut file = src.file_id;
    while let Some(call) = file.macro_file() {
        let hir_expand::MacroCallKind::Attr { ast_id, .. } = &call.loc(db).kind else { break };
        items.push(ast_id.to_node(db));
        file = ast_id.file_id;
    }
    let mut names: Vec<String> = Vec::new();
    for attr in items.iter().flat_map(|item| item.attrs()) {
        let is_define_opaque = attr
            .path()
            .and_then(|p| p.as_single_name_ref())
            .is_some_and(|n| n.text() == "define_opaque");
        if !is_define_opaque {
            continue;
        }
        for tt in attr.syntax().descendants().filter_map(ast::TokenTree::cast) {
            for t in tt.syntax().children_with_tokens().filter_map(|t| t.into_token()) {
                if t.kind() == SyntaxKind::IDENT {
                    names.push(t.text().to_owned());
                }
            }
        }
    }
    taits
        .into_iter()
        .filter(|&t| {
            let name = hir_def::signatures::TypeAliasSignature::of(db, t).name.clone();
            names.iter().any(|n| name.as_str() == n)
        })
        .collect()
}

/// rac: r-a types a call of a trait method that returns `impl Trait` (an `async fn` or
/// `-> impl Trait` in a trait) with the *trait* method's opaque type, whose hidden type is
/// that of the trait's default body; rustc projects it to the impl's. For an opaque of a
/// trait method with known arguments and an impl that overrides the method, this gives
/// the impl method's return type (its own opaque, or the concrete type it names), with
/// regions erased. An opaque nested in the trait method's return type
/// (`-> Option<impl Trait>`) gives the error type: callers refuse it rather than use the
/// default body's. `None` when `ty` is not such an opaque (or the default body is used).
pub fn trait_method_opaque_in_impl<'db>(
    db: &'db dyn HirDatabase,
    env: crate::ParamEnvAndCrate<'db>,
    ty: Ty<'db>,
) -> Option<Ty<'db>> {
    use hir_def::Lookup;
    use rustc_type_ir::{AliasTyKind, TypeVisitableExt, inherent::IntoKind};
    let crate::next_solver::TyKind::Alias(alias) = ty.kind() else {
        return None;
    };
    let AliasTyKind::Opaque { def_id } = alias.kind else {
        return None;
    };
    let ImplTraitId::ReturnTypeImplTrait(func, _) = def_id.0.loc(db) else {
        return None;
    };
    if !matches!(func.lookup(db).container, ItemContainerId::TraitId(_))
        || alias.args.has_param()
        || alias.args.has_infer()
    {
        return None;
    }
    let (either::Either::Left(impl_fn), impl_args) = db.lookup_impl_method(env, func, alias.args)
    else {
        return None;
    };
    if impl_fn == func {
        return None;
    }
    let interner = DbInterner::new_with(db, env.krate);
    let erased = crate::next_solver::Region::new_erased(interner);
    let output = |f: FunctionId, args| {
        let sig = db.callable_item_signature(f.into()).instantiate(interner, args).skip_norm_wip();
        rustc_type_ir::fold_regions(interner, sig.skip_binder().output(), |_, _| erased)
    };
    let trait_output = output(func, alias.args);
    let is_this_opaque = matches!(
        trait_output.kind(),
        crate::next_solver::TyKind::Alias(a) if a.kind == alias.kind
    );
    Some(if is_this_opaque {
        output(impl_fn, impl_args)
    } else {
        Ty::new_error(interner, ErrorGuaranteed)
    })
}
