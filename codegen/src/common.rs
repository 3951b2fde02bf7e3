//! `FunctionCx`, the state of translating one function, with its accessors and the small
//! helpers every part of codegen uses. It sits low in the module graph: `base.rs` (the
//! statement/terminator dispatch), `call.rs`, `abi/`, `intrinsics/` and the rest build on it.

use anyhow::Result;
use cranelift_codegen::ir::{Block, FuncRef, InstBuilder, StackSlot, Value};
use cranelift_frontend::FunctionBuilder;
use cranelift_module::{FuncId, Module};
use ra_ap_hir_ty::InferBodyId;
use ra_ap_hir_ty::mir::{BasicBlockId, LocalId, MirBody, MirSpan};
use ra_ap_hir_ty::next_solver::Ty;
use rustc_hash::FxHashMap;

use crate::abi::FnAbi;
use crate::cx::CodegenCx;
use crate::instance::Instance;
use crate::ty::TyAndLayout;
use crate::value_and_place::{CPlace, PTR};

pub struct FunctionCx<'a, 'db> {
    pub cx: &'a mut CodegenCx<'db>,
    pub bcx: FunctionBuilder<'a>,
    pub instance: Instance<'db>,
    /// The MIR being compiled; `None` for glue rac generates without MIR.
    pub body: Option<&'db MirBody<'db>>,
    pub owner: Option<InferBodyId<'db>>,
    pub fn_abi: FnAbi<'db>,
    /// Places of locals that live at a fixed address (parameters passed by reference, the
    /// return place, ZSTs); every other local is in `local_slots`.
    locals: FxHashMap<LocalId, CPlace<'db>>,
    /// Locals in a stack slot of their own: their address is taken afresh at each use
    /// (`local_place`), not once in the entry block, because at `opt_level=none` an entry
    /// block address stays live in a register across the whole function: every local held
    /// a callee-saved register or a spill, and small std functions saved five registers.
    local_slots: FxHashMap<LocalId, (StackSlot, TyAndLayout<'db>)>,
    pub blocks: FxHashMap<BasicBlockId, Block>,
    pub caller_location: Option<Value>,
    /// Overflow checks are on for code of the user's crates (a debug build), off for std's.
    pub overflow_checks: bool,
    /// Initialization flags of dropped locals and of the paths moved out of them.
    pub move_paths: crate::drops::MovePaths,
    /// The landing pad of every call that may unwind while locals need dropping (created
    /// on first use, filled in by `finish_cleanup_pad`).
    pub cleanup_pad: Option<Block>,
    /// Emitting the landing pad itself: its calls must not unwind into it.
    pub in_cleanup: bool,
    pub span: MirSpan,
    func_refs: FxHashMap<FuncId, FuncRef>,
    pub current_bb: Option<BasicBlockId>,
    pub current_stmt: Option<usize>,
    /// What codegen does where r-a's MIR is not what rustc's would be (`mir_repairs.rs`).
    pub(crate) repairs: crate::mir_repairs::Repairs<'db>,
    /// In the body of an `async` block or `async fn`: where its state lives.
    pub(crate) coroutine: Option<crate::coroutine::CoroutineFrame<'db>>,
}

impl<'db> CodegenCx<'db> {
    pub fn module_config(&self) -> cranelift_codegen::isa::TargetFrontendConfig {
        self.module.target_config()
    }
}

impl<'a, 'db> FunctionCx<'a, 'db> {
    /// The place of a MIR local, its address computed in the current block.
    pub fn local_place(&mut self, l: LocalId) -> CPlace<'db> {
        if let Some((ss, layout)) = self.local_slots.get(&l) {
            let (ss, layout) = (*ss, layout.clone());
            let p = self.bcx.ins().stack_addr(PTR, ss, 0);
            return CPlace::new(p, layout);
        }
        self.locals[&l].clone()
    }

    pub fn local_layout(&self, l: LocalId) -> &TyAndLayout<'db> {
        match self.local_slots.get(&l) {
            Some((_, layout)) => layout,
            None => &self.locals[&l].layout,
        }
    }

    /// Whether the local has its place already (a coroutine's saved locals).
    pub fn has_local_place(&self, l: LocalId) -> bool {
        self.locals.contains_key(&l)
    }

    /// Gives a local its place: `alloc_local_slot` for a local of its own, this for one
    /// whose address is fixed.
    pub fn set_local_place(&mut self, l: LocalId, place: CPlace<'db>) {
        self.locals.insert(l, place);
    }

    /// A stack slot for a local (see `local_slots`); falls back to a fixed place where the
    /// slot needs an address rounded up at run time (alignment above 16) or is a ZST.
    pub fn alloc_local_slot(&mut self, l: LocalId, layout: TyAndLayout<'db>) {
        let (size, align) = (layout.size(), layout.align());
        if layout.is_zst() || align > 16 {
            let place = self.alloc_stack(layout);
            self.locals.insert(l, place);
            return;
        }
        let ss = self
            .bcx
            .create_sized_stack_slot(cranelift_codegen::ir::StackSlotData::new(
                cranelift_codegen::ir::StackSlotKind::ExplicitSlot,
                size.max(1).next_multiple_of(8) as u32,
                align.max(1).trailing_zeros() as u8,
            ));
        self.local_slots.insert(l, (ss, layout));
    }

    pub fn func_ref(&mut self, id: FuncId) -> FuncRef {
        if let Some(r) = self.func_refs.get(&id) {
            return *r;
        }
        let r = self.cx.module.declare_func_in_func(id, self.bcx.func);
        self.func_refs.insert(id, r);
        r
    }

    pub fn layout_of(&self, ty: Ty<'db>) -> Result<TyAndLayout<'db>> {
        self.cx.tcx.layout_of(ty)
    }

    pub fn mir(&self) -> &'db MirBody<'db> {
        self.body.expect("MIR of a glue function")
    }

    pub fn local_ty(&self, l: LocalId) -> Ty<'db> {
        self.cx.tcx.mono(self.mir().locals[l].ty.as_ref())
    }

    pub fn new(
        cx: &'a mut CodegenCx<'db>,
        bcx: FunctionBuilder<'a>,
        instance: Instance<'db>,
        fn_abi: FnAbi<'db>,
    ) -> Self {
        FunctionCx {
            cx,
            bcx,
            instance,
            body: None,
            owner: None,
            fn_abi,
            locals: FxHashMap::default(),
            local_slots: FxHashMap::default(),
            blocks: FxHashMap::default(),
            caller_location: None,
            overflow_checks: false,
            move_paths: Default::default(),
            cleanup_pad: None,
            in_cleanup: false,
            span: MirSpan::Unknown,
            func_refs: FxHashMap::default(),
            current_bb: None,
            current_stmt: None,
            repairs: Default::default(),
            coroutine: None,
        }
    }

    pub fn block(&self, bb: BasicBlockId) -> Block {
        self.blocks[&bb]
    }

    pub fn span_loc(&self) -> Option<crate::spans::Loc> {
        self.owner
            .and_then(|o| crate::spans::loc_of_span(&self.cx.tcx, o, self.span))
    }

    pub fn span_text(&self) -> String {
        match self
            .owner
            .and_then(|o| crate::spans::loc_of_span(&self.cx.tcx, o, self.span))
        {
            Some(l) => format!("{}:{}:{}", l.file, l.line, l.col),
            None => "an unknown location".into(),
        }
    }

    /// The address of a data object (a constant, a `Location`, a vtable).
    pub fn data_addr(&mut self, id: cranelift_module::DataId) -> Value {
        let gv = self.cx.module.declare_data_in_func(id, self.bcx.func);
        self.bcx.ins().symbol_value(PTR, gv)
    }

    pub fn offset_ptr(&mut self, ptr: Value, off: i64) -> Value {
        if off == 0 {
            ptr
        } else {
            self.bcx.ins().iadd_imm_s(ptr, off)
        }
    }

    /// The address of a struct's unsized last field whose tail is a trait object: the
    /// layout's offset assumes the tail's minimum alignment, the real one rounds it up to
    /// the alignment the vtable (`vtable`, the place's metadata) holds, as rustc does.
    pub fn dyn_tail_field_ptr(&mut self, base: Value, static_offset: u64, vtable: Value) -> Value {
        let align = self
            .bcx
            .ins()
            .load(PTR, crate::value_and_place::flags(), vtable, 16);
        let offset = self.bcx.ins().iconst(PTR, static_offset as i64);
        let aligned = self.align_up(offset, align);
        self.bcx.ins().iadd(base, aligned)
    }

    /// `value` rounded up to a multiple of `align`, a power of two.
    pub fn align_up(&mut self, value: Value, align: Value) -> Value {
        let am1 = self.bcx.ins().iadd_imm_s(align, -1);
        let sum = self.bcx.ins().iadd(value, am1);
        let neg = self.bcx.ins().ineg(align);
        self.bcx.ins().band(sum, neg)
    }
}

/// `_0`, the return place (r-a's own accessor is private).
pub fn return_local() -> LocalId {
    la_arena::Idx::from_raw(la_arena::RawIdx::from_u32(0))
}

pub fn field_idx(f: ra_ap_hir_ty::layout::RustcFieldIdx) -> usize {
    u32::from(f.0.into_raw()) as usize
}

/// The function called `name` among the items of a trait or an impl (`trait_items(db).items`,
/// `impl_items(db).items`): how rac finds the std functions it calls by name.
pub fn fn_named(
    items: &[(ra_ap_hir_expand::name::Name, ra_ap_hir_def::AssocItemId)],
    name: &str,
) -> Option<ra_ap_hir_def::FunctionId> {
    items.iter().find_map(|(n, item)| match item {
        ra_ap_hir_def::AssocItemId::FunctionId(f) if n.as_str() == name => Some(*f),
        _ => None,
    })
}
