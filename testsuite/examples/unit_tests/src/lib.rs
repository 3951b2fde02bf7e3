//! `cargo rac test` against `cargo test`: unit tests in nested private modules, a test
//! returning `Result`, `#[should_panic]` with and without a message, `#[ignore]` with a
//! reason, captured output, an integration test that fails on purpose (tests/it.rs), and
//! `cfg(test)` seen by the unit tests only.

pub fn add(a: i32, b: i32) -> i32 {
    a + b
}

/// rustc compiles a library with `cfg(test)` for its own unit tests only: an integration
/// test links the library built without it (tests/it.rs checks which one it got).
pub fn built_for() -> &'static str {
    if cfg!(test) {
        "its unit tests"
    } else {
        "everything else"
    }
}

#[cfg(not(test))]
pub const MODE: u8 = 1;
#[cfg(test)]
pub const MODE: u8 = 2;

pub fn parse(s: &str) -> Result<i32, String> {
    s.trim().parse::<i32>().map_err(|e| format!("{s:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_with_cfg_test() {
        assert_eq!((built_for(), MODE), ("its unit tests", 2));
    }

    #[test]
    fn adds() {
        assert_eq!(add(2, 2), 4);
    }

    #[test]
    fn parses() -> Result<(), String> {
        assert_eq!(parse(" 12 ")?, 12);
        Ok(())
    }

    #[test]
    fn parse_error_is_err() -> Result<(), String> {
        parse("x").map(|_| ())
    }

    #[test]
    #[should_panic(expected = "attempt to add with overflow")]
    fn overflows() {
        add(i32::MAX, 1);
    }

    #[test]
    #[should_panic]
    fn panics_without_message() {
        let v: Vec<u8> = Vec::new();
        let _ = v[3];
    }

    #[test]
    #[should_panic(expected = "this text is not in the message")]
    fn panics_with_another_message() {
        panic!("something else");
    }

    #[test]
    #[ignore = "slow"]
    fn slow() {
        println!("slow ran");
    }

    #[test]
    fn prints() {
        println!("captured output");
        eprintln!("captured error output");
    }

    mod nested {
        #[test]
        fn deep() {
            assert!(super::super::add(1, 1) == 2);
        }
    }
}
