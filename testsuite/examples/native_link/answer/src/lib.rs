#[link(name = "answer", kind = "static", modifiers = "-bundle")]
extern "C" {
    fn answer_times(x: i32) -> i32;
}

/// Monomorphic: rac calls it in this crate's rlib (Tier 2), whose code calls the C library.
pub fn answer(x: i32) -> i32 {
    unsafe { answer_times(x) }
}

/// Generic: compiled by rac into the binary, so the binary itself calls the C library.
pub fn answers<T: Into<i32> + Copy>(xs: &[T]) -> Vec<i32> {
    xs.iter().map(|&x| unsafe { answer_times(x.into()) }).collect()
}
