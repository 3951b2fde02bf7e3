/// Generic: compiled by rac from this source, with the features rust-analyzer was given.
pub fn which<T>() -> &'static str {
    match (cfg!(feature = "extra"), cfg!(feature = "from_script")) {
        (true, true) => "extra+script",
        (true, false) => "extra",
        (false, true) => "plain+script",
        (false, false) => "plain",
    }
}

/// Monomorphic: called in the rlib rustc built.
pub fn monomorphic() -> &'static str {
    which::<()>()
}
