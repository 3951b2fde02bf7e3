#[test]
fn library_is_built_without_cfg_test() {
    assert_eq!(
        (unit_tests::built_for(), unit_tests::MODE),
        ("everything else", 1)
    );
}

#[test]
fn integration_adds() {
    assert_eq!(unit_tests::add(40, 2), 42);
}

#[test]
fn fails_on_purpose() {
    let v: Vec<i32> = (1..4).collect();
    assert_eq!(v, vec![1, 2, 4], "vectors differ");
}

#[test]
fn runs_the_packages_binary() {
    // cargo builds the package's binaries for its integration tests and names them.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_unit_tests"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42 running\n");
}
