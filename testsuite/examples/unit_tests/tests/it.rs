#[test]
fn integration_adds() {
    assert_eq!(unit_tests::add(40, 2), 42);
}

#[test]
fn fails_on_purpose() {
    let v: Vec<i32> = (1..4).collect();
    assert_eq!(v, vec![1, 2, 4], "vectors differ");
}
