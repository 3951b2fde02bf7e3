use rstest::rstest;
use test_macros::fizz;

#[rstest]
#[case::five(5, "Buzz")]
#[case::nine(9, "Fizz")]
fn integration(#[case] n: u32, #[case] want: &str) {
    assert_eq!(fizz(n), want);
}

#[test]
#[ignore]
fn ignored() {}
