// `&VTable { poll: poll::<T>, offset: Helper::<T>::OFFSET }` returned as `&'static`: rustc
// promotes the borrow to static memory, associated constants included (tokio's task vtable
// holds `OffsetHelper::<T, S>::TRAILER_OFFSET`). rac promoted constants named by a plain
// path only, so this one stayed a stack temporary and the reference dangled: the vtable
// read after another call held garbage.
use std::hint::black_box;

struct VTable {
    poll: unsafe fn(*const ()) -> usize,
    name: fn() -> &'static str,
    trailer_offset: usize,
    align: usize,
    flags: (u8, bool),
}

unsafe fn poll<T>(_p: *const ()) -> usize {
    std::mem::size_of::<T>()
}
fn name<T>() -> &'static str {
    std::any::type_name::<T>()
}

struct Helper<T>(T);
impl<T> Helper<T> {
    const TRAILER_OFFSET: usize = std::mem::size_of::<T>() + 8;
    const ALIGN: usize = std::mem::align_of::<T>();
}
trait Kind {
    const FLAGS: (u8, bool);
}
impl Kind for u64 {
    const FLAGS: (u8, bool) = (3, true);
}
impl Kind for [u16; 3] {
    const FLAGS: (u8, bool) = (9, false);
}

fn vtable<T: Kind>() -> &'static VTable {
    &VTable {
        poll: poll::<T>,
        name: name::<T>,
        trailer_offset: Helper::<T>::TRAILER_OFFSET,
        align: Helper::<T>::ALIGN,
        flags: T::FLAGS,
    }
}

#[inline(never)]
fn clobber(n: u64) -> u64 {
    let a = black_box([n; 64]);
    a.iter().sum()
}

fn show(v: &'static VTable) {
    black_box(clobber(0xdead_beef));
    println!(
        "{} size={} trailer={} align={} flags={:?}",
        (v.name)(),
        unsafe { (v.poll)(std::ptr::null()) },
        v.trailer_offset,
        v.align,
        v.flags
    );
}

fn main() {
    let a = vtable::<u64>();
    let b = vtable::<[u16; 3]>();
    show(a);
    show(b);
    println!("{}", std::ptr::eq(a, vtable::<u64>()) || true);
}
