//! `cargo rac test` against `cargo test`: unit tests in nested private modules, a test
//! returning `Result`, `#[should_panic]` with and without a message, `#[ignore]` with a
//! reason, captured output, and an integration test that fails on purpose (tests/it.rs).

pub fn add(a: i32, b: i32) -> i32 {
    a + b
}

pub fn parse(s: &str) -> Result<i32, String> {
    s.trim().parse::<i32>().map_err(|e| format!("{s:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
