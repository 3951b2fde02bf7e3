fn double(x: u64) -> u64 {
    x * 2
}

fn main() {
    // Built for the integration tests as a binary, without `cfg(test)`.
    let built_for = if cfg!(test) { "tests" } else { "running" };
    println!("{} {built_for}", double(21));
}

#[cfg(test)]
mod tests {
    #[test]
    fn doubles() {
        assert_eq!(super::double(4), 8);
    }
}
