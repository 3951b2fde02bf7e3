//! `async` blocks and `async fn` bodies: coroutines compiled as state machines.
//!
//! rust-analyzer lowers an async body to MIR whose `.await`s poll the awaited future and
//! `Yield` while it is pending (vendored `lower_await`). rac compiles that body as the
//! coroutine's `Future::poll` (`InstanceKind::Coroutine`), and the coroutine's value holds
//! everything that must outlive a suspension:
//!
//! - the captures, which the body moves into locals when it starts;
//! - the state: `UNRESUMED`, `RETURNED`, `POISONED`, or `SUSPENDED + k` at the `k`-th
//!   `Yield` of the body (in block order);
//! - the locals whose bytes matter at a suspension (storage live, and maybe initialized
//!   or borrowed); two of them share bytes only if they are never required at the same
//!   point (`mir::CoroutineLocals::slots`), so references between live locals stay valid
//!   across suspensions (the value is pinned once polled). The other locals live in the
//!   resume function's frame;
//! - the drop flags, saved at each `Yield` and reloaded on resumption, which the drop
//!   glue reads to drop what a suspended coroutine still owns.
//!
//! The layout is rac's own, not rustc's: only code rac compiles may create, move or poll
//! such a value.
//! `resolve.rs` refuses calls into rustc-built code whose signature holds a coroutine.
//!
//! Invariant: a coroutine's layout has no niche and is passed in memory, since its locals
//! are uninitialized until the body writes them.

use anyhow::{Result, anyhow, bail};
use cranelift_codegen::ir::{Block, InstBuilder, Value, types};
use ra_ap_hir_ty::layout::{Layout, RustcFieldIdx};
use ra_ap_hir_ty::mir::{BasicBlockId, LocalId, MirBody, MirSpan, TerminatorKind};
use ra_ap_hir_ty::next_solver::{Ty, TyKind};
use ra_ap_rustc_abi::{BackendRepr, LayoutCalculator, ReprOptions, StructKind};
use ra_ap_rustc_index::IndexVec;
use ra_ap_rustc_type_ir::inherent::{GenericArg as _, GenericArgs as _, IntoKind};
use rustc_hash::FxHashMap;
use triomphe::Arc;

use crate::common::FunctionCx;
use crate::instance::{Instance, InstanceKind};
use crate::ty::TyCx;
use crate::value_and_place::{CPlace, flags};

pub const UNRESUMED: u32 = 0;
pub const RETURNED: u32 = 1;
pub const POISONED: u32 = 2;
/// The state after the body's first `Yield`; the `k`-th is `SUSPENDED + k`.
pub const SUSPENDED: u32 = 3;

/// Where a coroutine's parts are in its value.
pub struct CoroutineLayout<'db> {
    pub layout: Arc<Layout>,
    pub upvar_tys: Vec<Ty<'db>>,
    upvar_offsets: Vec<u64>,
    state_offset: u64,
    local_offsets: FxHashMap<LocalId, u64>,
    flags_offset: u64,
    flags_capacity: usize,
}

impl<'db> CoroutineLayout<'db> {
    pub fn upvar_offset(&self, i: usize) -> u64 {
        self.upvar_offsets[i]
    }
}

/// The instance of the coroutine type's body.
pub fn body_instance<'db>(ty: Ty<'db>) -> Option<Instance<'db>> {
    match ty.kind() {
        TyKind::Coroutine(c, args) => Some(Instance {
            kind: InstanceKind::Coroutine(c.0),
            args,
        }),
        _ => None,
    }
}

fn body_of<'db>(tcx: &TyCx<'db>, ty: Ty<'db>) -> Result<&'db MirBody<'db>> {
    let instance = body_instance(ty).ok_or_else(|| anyhow!("not a coroutine"))?;
    crate::mir::body_of(tcx, &instance).map_err(|e| {
        anyhow!(
            "rac cannot lay out `{}`: its body cannot be lowered: {e}",
            tcx.display(ty)
        )
    })
}

pub fn layout<'db>(tcx: &TyCx<'db>, ty: Ty<'db>) -> Result<CoroutineLayout<'db>> {
    let TyKind::Coroutine(_, args) = ty.kind() else {
        bail!("`{}` is not a coroutine", tcx.display(ty))
    };
    let body = body_of(tcx, ty)?;
    if std::env::var("RAC_DUMP_MIR").is_ok_and(|f| f == "{coroutine}") {
        eprintln!(
            "; MIR of {}\n{}",
            tcx.display(ty),
            crate::mir::dump(tcx, body)
        );
    }
    let upvars = tcx.mono(args.as_coroutine().tupled_upvars_ty());
    let TyKind::Tuple(upvar_tys) = upvars.kind() else {
        bail!("the captures of `{}` are not a tuple", tcx.display(ty))
    };
    let upvar_tys: Vec<Ty<'db>> = upvar_tys.iter().collect();
    // The locals stored in the coroutine's value (those live at a suspension) and how
    // many drop flags it has room for (`drops.rs` declares at most that many). The
    // vendored `hir_ty` defines them, for its layouts (which the constants it evaluates
    // use, such as `Layout::new::<T>()` for `Box::pin`) to be the same as rac's.
    // rust-analyzer reads moved values by `copy` too: a read moves unless the type is `Copy`.
    let moves = |l: LocalId| {
        !tcx.infcx
            .type_is_copy_modulo_regions(tcx.env.param_env, tcx.mono(body.locals[l].ty.as_ref()))
    };
    let coroutine_locals = ra_ap_hir_ty::mir::CoroutineLocals::of(body, &moves);
    let (saved, capacity) = (&coroutine_locals.saved, coroutine_locals.flag_capacity);
    let mut fields: Vec<Arc<Layout>> = Vec::new();
    for t in &upvar_tys {
        fields.push(tcx.layout_of(*t)?.layout);
    }
    fields.push(
        tcx.layout_of(Ty::new_uint(tcx.interner, ra_ap_rustc_type_ir::UintTy::U32))?
            .layout,
    );
    let u8_layout = tcx
        .layout_of(Ty::new_uint(tcx.interner, ra_ap_rustc_type_ir::UintTy::U8))?
        .layout;
    for _ in 0..capacity {
        fields.push(u8_layout.clone());
    }
    let refs: Vec<&Layout> = fields.iter().map(|l| &**l).collect();
    let refs: IndexVec<RustcFieldIdx, &&Layout> = refs.iter().collect();
    let calc = LayoutCalculator::new(tcx.dl);
    let mut l = calc
        .univariant(&refs, &ReprOptions::default(), StructKind::AlwaysSized)
        .map_err(|e| anyhow!("layout error for `{}`: {e:?}", tcx.display(ty)))?;
    // The saved locals, after the captures, the state and the flags, in an area where
    // locals never live at the same time share bytes (`CoroutineLocals::slots`).
    let mut locals = Vec::new();
    for local in saved {
        let t = tcx.mono(body.locals[*local].ty.as_ref());
        if t.walk().any(|a| a.as_type() == Some(ty)) {
            bail!(
                "`{}` holds itself (a recursive `async fn` needs `Box::pin`): local {} of type `{}`",
                tcx.display(ty),
                local.into_raw().into_u32(),
                tcx.display(t)
            );
        }
        let layout = tcx.layout_of(t)?.layout;
        locals.push((layout.size.bytes(), layout.align.abi.bytes()));
    }
    let (slots, area_size, area_align) = coroutine_locals.slots(&locals);
    let area_offset = align_up(l.size.bytes(), area_align);
    let align = l.align.abi.bytes().max(area_align);
    let size = align_up(area_offset + area_size, align);
    let align = ra_ap_rustc_abi::Align::from_bytes(align)
        .map_err(|e| anyhow!("layout error for `{}`: {e:?}", tcx.display(ty)))?;
    l.size = ra_ap_rustc_abi::Size::from_bytes(size);
    l.align = ra_ap_rustc_abi::AbiAlign::new(align);
    l.unadjusted_abi_align = align;
    l.largest_niche = None;
    l.backend_repr = BackendRepr::Memory { sized: true };
    l.uninhabited = false;
    let off = |i: usize| l.fields.offset(i).bytes();
    let n = upvar_tys.len();
    let upvar_offsets = (0..n).map(off).collect();
    let state_offset = off(n);
    let local_offsets = saved
        .iter()
        .zip(&slots)
        .map(|(local, slot)| (*local, area_offset + slot))
        .collect();
    // The flags are laid out as single bytes: find the first (they may be reordered, but
    // rac only needs each flag's own offset, so keep them all).
    let first_flag = n + 1;
    let flag_offsets: Vec<u64> = (first_flag..first_flag + capacity).map(off).collect();
    // The calculator sorts fields by alignment: equal-alignment single bytes keep their
    // order and end up contiguous.
    let flags_offset = flag_offsets.first().copied().unwrap_or(0);
    debug_assert!(
        flag_offsets
            .iter()
            .enumerate()
            .all(|(i, o)| *o == flags_offset + i as u64)
    );
    if flag_offsets
        .iter()
        .enumerate()
        .any(|(i, o)| *o != flags_offset + i as u64)
    {
        bail!("the drop flags of `{}` are not contiguous", tcx.display(ty));
    }
    Ok(CoroutineLayout {
        layout: Arc::new(l),
        upvar_tys,
        upvar_offsets,
        state_offset,
        local_offsets,
        flags_offset,
        flags_capacity: capacity,
    })
}

/// A new coroutine (its captures written) is unresumed.
pub fn init_state<'db>(fx: &mut FunctionCx<'_, 'db>, place: &CPlace<'db>) -> Result<()> {
    let layout = layout(&fx.cx.tcx, place.layout.ty)?;
    let v = fx.bcx.ins().iconst(types::I32, UNRESUMED as i64);
    fx.bcx
        .ins()
        .store(flags(), v, place.ptr, layout.state_offset as i32);
    Ok(())
}

/// What the body of a coroutine being compiled needs besides the MIR.
pub struct CoroutineFrame<'db> {
    /// The coroutine's address (the `&mut Self` parameter).
    self_ptr: Value,
    layout: CoroutineLayout<'db>,
    /// The place of `Poll<Output>` the function returns.
    ret_place: CPlace<'db>,
    /// The resumption block of each `Yield`, in block order: `SUSPENDED + k` resumes the
    /// `k`-th.
    resume_targets: Vec<BasicBlockId>,
}

impl<'a, 'db> FunctionCx<'a, 'db> {
    /// Gives the body's locals their places in the coroutine at `self_ptr` (all but the
    /// parameters), and the function's return place for `Poll<Output>` (`ret_ptr` when
    /// the ABI returns through a pointer).
    pub(crate) fn coroutine_prelude(
        &mut self,
        self_ptr: Value,
        ret_ptr: Option<Value>,
    ) -> Result<()> {
        let body = self.mir();
        let InstanceKind::Coroutine(c) = self.instance.kind else {
            bail!("not a coroutine body")
        };
        let coroutine_ty = ra_ap_rustc_type_ir::inherent::Ty::new_coroutine(
            self.cx.tcx.interner,
            c.into(),
            self.instance.args,
        );
        let layout = layout(&self.cx.tcx, coroutine_ty)?;
        for (&local, &offset) in &layout.local_offsets {
            let l = self.layout_of(self.local_ty(local))?;
            let p = self.offset_ptr(self_ptr, offset as i64);
            self.set_local_place(local, CPlace::new(p, l));
        }
        let poll = self.fn_abi.ret.layout.clone();
        let ret_place = match ret_ptr {
            Some(p) => CPlace::new(p, poll),
            None => self.alloc_stack(poll),
        };
        let resume_targets = body
            .basic_blocks
            .iter()
            .filter_map(|(_, bb)| match &bb.terminator.as_ref()?.kind {
                TerminatorKind::Yield { resume, .. } => Some(*resume),
                _ => None,
            })
            .collect();
        self.coroutine = Some(CoroutineFrame {
            self_ptr,
            layout,
            ret_place,
            resume_targets,
        });
        Ok(())
    }

    fn coroutine_frame(&self) -> &CoroutineFrame<'db> {
        self.coroutine.as_ref().expect("a coroutine body")
    }

    fn store_state(&mut self, state: u32) {
        let f = self.coroutine_frame();
        let (p, off) = (f.self_ptr, f.layout.state_offset as i32);
        let v = self.bcx.ins().iconst(types::I32, state as i64);
        self.bcx.ins().store(flags(), v, p, off);
    }

    /// The entry of a coroutine body: dispatch on the state to the start or to the
    /// resumption point, which the body then marks poisoned until it yields or returns
    /// (a panic leaves it poisoned: the cleanup has dropped its locals).
    pub(crate) fn coroutine_dispatch(&mut self, start: Block) -> Result<()> {
        let f = self.coroutine_frame();
        let (p, off) = (f.self_ptr, f.layout.state_offset as i32);
        let targets = f.resume_targets.clone();
        let state = self.bcx.ins().load(types::I32, flags(), p, off);
        let unresumed = self.bcx.create_block();
        let returned = self.bcx.create_block();
        let poisoned = self.bcx.create_block();
        let mut cases = vec![
            (UNRESUMED as u128, unresumed),
            (RETURNED as u128, returned),
            (POISONED as u128, poisoned),
        ];
        let mut resumes = Vec::new();
        for (k, target) in targets.iter().enumerate() {
            let b = self.bcx.create_block();
            cases.push(((SUSPENDED as usize + k) as u128, b));
            resumes.push((b, *target));
        }
        let invalid = self.bcx.create_block();
        self.codegen_switch(state, &cases, invalid);

        self.bcx.switch_to_block(unresumed);
        self.store_state(POISONED);
        self.bcx.ins().jump(start, &[]);
        for (b, target) in resumes {
            self.bcx.switch_to_block(b);
            self.store_state(POISONED);
            self.load_drop_flags();
            let t = self.block(target);
            self.bcx.ins().jump(t, &[]);
        }
        self.span = self.coroutine_span();
        self.bcx.switch_to_block(returned);
        self.panic_const("panic_const_async_fn_resumed")?;
        self.bcx.switch_to_block(poisoned);
        self.panic_const("panic_const_async_fn_resumed_panic")?;
        self.bcx.switch_to_block(invalid);
        self.bcx
            .ins()
            .trap(cranelift_codegen::ir::TrapCode::user(9).unwrap());
        Ok(())
    }

    /// Where rustc says a coroutine is: its `async` block, or the body of its `async fn`
    /// (whose coroutine is desugared, without a place in the source).
    fn coroutine_span(&self) -> MirSpan {
        use ra_ap_hir_def::hir::Expr;
        let InstanceKind::Coroutine(c) = self.instance.kind else {
            return MirSpan::Unknown;
        };
        let loc = c.loc(self.cx.tcx.db);
        let at_expr = MirSpan::ExprId(loc.expr);
        if crate::spans::loc_of_span(&self.cx.tcx, loc.owner, at_expr).is_some() {
            return at_expr;
        }
        let store = ra_ap_hir_def::expr_store::ExpressionStore::of(
            self.cx.tcx.db,
            loc.owner.expression_store_owner(self.cx.tcx.db),
        );
        match &store[loc.expr] {
            Expr::Closure { body, .. } => match &store[*body] {
                Expr::Block {
                    tail: Some(tail), ..
                } => MirSpan::ExprId(*tail),
                _ => MirSpan::ExprId(*body),
            },
            _ => at_expr,
        }
    }

    /// The drop flags in the order they are saved in the coroutine.
    fn ordered_flags(&self) -> Vec<cranelift_frontend::Variable> {
        let mut locals: Vec<_> = self.move_paths.locals.iter().collect();
        locals.sort_by_key(|(l, _)| l.into_raw().into_u32());
        let mut out = Vec::new();
        for (_, lp) in locals {
            out.push(lp.root);
            out.extend(lp.children.iter().map(|(_, v)| *v));
        }
        out
    }

    fn flag_slots(&self) -> Result<(Value, i32, Vec<cranelift_frontend::Variable>)> {
        let f = self.coroutine_frame();
        let vars = self.ordered_flags();
        if vars.len() > f.layout.flags_capacity {
            bail!(
                "an async body needs {} drop flags, more than its coroutine holds ({})",
                vars.len(),
                f.layout.flags_capacity
            );
        }
        Ok((f.self_ptr, f.layout.flags_offset as i32, vars))
    }

    fn load_drop_flags(&mut self) {
        let (p, base, vars) = self.flag_slots().expect("checked when saved");
        for (i, var) in vars.into_iter().enumerate() {
            let v = self.bcx.ins().load(types::I8, flags(), p, base + i as i32);
            self.bcx.def_var(var, v);
        }
    }

    fn save_drop_flags(&mut self) -> Result<()> {
        let (p, base, vars) = self.flag_slots()?;
        for (i, var) in vars.into_iter().enumerate() {
            let v = self.bcx.use_var(var);
            self.bcx.ins().store(flags(), v, p, base + i as i32);
        }
        Ok(())
    }

    /// `Yield` at an `.await` whose future is pending: save the flags and the state, and
    /// return `Poll::Pending`.
    pub(crate) fn codegen_yield(&mut self, resume: BasicBlockId) -> Result<()> {
        let k = self
            .coroutine_frame()
            .resume_targets
            .iter()
            .position(|b| *b == resume)
            .ok_or_else(|| anyhow!("a `yield` outside of an async body"))?;
        self.save_drop_flags()?;
        self.store_state(SUSPENDED + k as u32);
        self.return_poll(false)
    }

    /// `Return` of the body: `Poll::Ready(_0)`.
    pub(crate) fn codegen_coroutine_return(&mut self) -> Result<()> {
        self.store_state(RETURNED);
        self.return_poll(true)
    }

    fn return_poll(&mut self, ready: bool) -> Result<()> {
        let ret = self.coroutine_frame().ret_place.clone();
        let lang = self.cx.tcx.interner.lang_items();
        let variant = if ready {
            lang.PollReady
        } else {
            lang.PollPending
        }
        .ok_or_else(|| anyhow!("core has no `Poll` lang items"))?;
        let idx = variant.index(self.cx.tcx.db) as usize;
        if ready {
            let vl = match &ret.layout.layout.variants {
                ra_ap_rustc_abi::Variants::Multiple { variants, .. } => {
                    variants[ra_ap_hir_ty::layout::RustcEnumVariantIdx(idx)].clone()
                }
                _ => (*ret.layout.layout).clone(),
            };
            let value = self.local_place(crate::common::return_local()).to_cvalue();
            if !value.layout.is_zst() {
                let p = self.offset_ptr(ret.ptr, vl.fields.offset(0).bytes() as i64);
                CPlace::new(p, value.layout.clone()).write(self, value);
            }
        }
        self.write_discriminant(&ret, idx)?;
        self.return_from(&ret);
        Ok(())
    }
}

/// The drop glue of a coroutine: unresumed, it drops its captures; suspended, whatever
/// its drop flags say its locals still hold (as the cleanup of an unwinding body does);
/// returned or poisoned, nothing.
pub fn drop_coroutine<'db>(fx: &mut FunctionCx<'_, 'db>, ty: Ty<'db>, ptr: Value) -> Result<()> {
    let tcx = &fx.cx.tcx;
    let layout = layout(tcx, ty)?;
    let body = body_of(tcx, ty)?;
    let state = fx
        .bcx
        .ins()
        .load(types::I32, flags(), ptr, layout.state_offset as i32);
    let unresumed = fx.bcx.create_block();
    let suspended = fx.bcx.create_block();
    let done = fx.bcx.create_block();
    let is_unresumed = fx.bcx.ins().icmp_imm_u(
        cranelift_codegen::ir::condcodes::IntCC::Equal,
        state,
        UNRESUMED as i64,
    );
    let check_suspended = fx.bcx.create_block();
    fx.bcx
        .ins()
        .brif(is_unresumed, unresumed, &[], check_suspended, &[]);
    fx.bcx.switch_to_block(check_suspended);
    let is_suspended = fx.bcx.ins().icmp_imm_u(
        cranelift_codegen::ir::condcodes::IntCC::UnsignedGreaterThanOrEqual,
        state,
        SUSPENDED as i64,
    );
    fx.bcx.ins().brif(is_suspended, suspended, &[], done, &[]);

    fx.bcx.switch_to_block(unresumed);
    for (i, t) in layout.upvar_tys.clone().into_iter().enumerate() {
        if crate::glue::needs_drop(&fx.cx.tcx, t) {
            let l = fx.layout_of(t)?;
            let p = fx.offset_ptr(ptr, layout.upvar_offset(i) as i64);
            crate::glue::call_drop_in_place(fx, &CPlace::new(p, l))?;
        }
    }
    fx.bcx.ins().jump(done, &[]);

    // The locals, with the body's MIR and drop flags, as in the body itself.
    fx.bcx.switch_to_block(suspended);
    let (saved_body, saved_owner) = (fx.body, fx.owner);
    fx.body = Some(body);
    fx.owner = Some(body.owner);
    for (local, _) in body.locals.iter() {
        let l = fx.layout_of(fx.local_ty(local))?;
        if let Some(&offset) = layout.local_offsets.get(&local) {
            let p = fx.offset_ptr(ptr, offset as i64);
            fx.set_local_place(local, CPlace::new(p, l));
        } else {
            // Dead at every suspension, so its flag is clear here: a place for the code
            // that tests it.
            fx.alloc_local_slot(local, l);
        }
    }
    fx.declare_body_move_paths(body)?;
    let poll = fx.layout_of(fx.cx.tcx.unit())?;
    let ret_place = fx.alloc_stack(poll);
    fx.coroutine = Some(CoroutineFrame {
        self_ptr: ptr,
        layout,
        ret_place,
        resume_targets: Vec::new(),
    });
    fx.load_drop_flags();
    // (A panic in one of these drops leaks the rest, as in a cleanup pad.)
    let was_in_cleanup = std::mem::replace(&mut fx.in_cleanup, true);
    fx.drop_all_flagged_locals()?;
    fx.in_cleanup = was_in_cleanup;
    fx.coroutine = None;
    fx.body = saved_body;
    fx.owner = saved_owner;
    fx.bcx.ins().jump(done, &[]);
    fx.bcx.switch_to_block(done);
    Ok(())
}

fn align_up(x: u64, align: u64) -> u64 {
    x.div_ceil(align) * align
}
