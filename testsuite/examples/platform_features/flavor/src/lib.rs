/// Generic: compiled by rac from this source, with the features rust-analyzer was given.
pub fn which<T>() -> &'static str {
    if cfg!(feature = "extra") {
        "extra"
    } else {
        "plain"
    }
}

/// Monomorphic: called in the rlib rustc built.
pub fn monomorphic() -> &'static str {
    which::<()>()
}
