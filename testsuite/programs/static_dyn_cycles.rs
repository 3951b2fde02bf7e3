// Statics pointing to each other through `&dyn Trait` (the shape of tracing's callsite and
// metadata statics): the evaluator placed a zeroed placeholder for the static being
// evaluated and then walked it for pointers, and lost the dyn vtable id across statics.
trait Callsite: Sync { fn id(&self) -> u32; }
struct Meta { name: &'static str, line: u32, fields: Fields }
struct Fields { names: &'static [&'static str], callsite: Ident }
struct Ident(&'static dyn Callsite);
struct DefaultCallsite { meta: &'static Meta, interest: std::sync::atomic::AtomicU8 }
impl DefaultCallsite { const fn new(meta: &'static Meta) -> Self { DefaultCallsite { meta, interest: std::sync::atomic::AtomicU8::new(0) } } }
impl Callsite for DefaultCallsite { fn id(&self) -> u32 { self.meta.line } }
static CALLSITE: DefaultCallsite = DefaultCallsite::new(&META);
static META: Meta = Meta { name: "ev", line: 42, fields: Fields { names: &["a", "b"], callsite: Ident(&CALLSITE) } };
fn main() {
    println!("{} {} {:?}", CALLSITE.meta.name, CALLSITE.meta.fields.callsite.0.id(), META.fields.names);
    println!("{}", std::ptr::eq(CALLSITE.meta, &META));
}
