pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn put(&mut self, key: String, value: String) -> bool;
}

pub fn greet(store: &dyn Store, who: &str) -> String {
    match store.get(who) {
        Some(title) => format!("Hello, {title} {who}"),
        None => format!("Hello, {who}"),
    }
}

pub fn fizz(n: u32) -> String {
    match (n % 3, n % 5) {
        (0, 0) => "FizzBuzz".into(),
        (0, _) => "Fizz".into(),
        (_, 0) => "Buzz".into(),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mockall::predicate::*;
    use rstest::*;
    use test_case::test_case;

    mockall::mock! {
        pub Db {}
        impl Store for Db {
            fn get(&self, key: &str) -> Option<String>;
            fn put(&mut self, key: String, value: String) -> bool;
        }
    }

    #[fixture]
    fn names() -> Vec<&'static str> {
        vec!["ada", "grace"]
    }

    #[rstest]
    #[case(1, "1")]
    #[case(3, "Fizz")]
    #[case(10, "Buzz")]
    #[case(30, "FizzBuzz")]
    fn fizz_cases(#[case] n: u32, #[case] want: &str) {
        assert_eq!(fizz(n), want);
    }

    #[rstest]
    fn with_fixture(names: Vec<&'static str>) {
        assert_eq!(names.len(), 2);
    }

    #[rstest]
    fn matrix(#[values(3, 6, 9)] n: u32, #[values(5, 10)] m: u32) {
        assert_eq!(fizz(n), "Fizz");
        assert_eq!(fizz(m), "Buzz");
    }

    #[test_case(15 => "FizzBuzz".to_string() ; "fifteen")]
    #[test_case(7 => "7".to_string())]
    fn fizz_tc(n: u32) -> String {
        fizz(n)
    }

    #[test_case(4)]
    #[should_panic(expected = "odd")]
    fn panics_tc(n: u32) {
        assert!(n % 2 == 1, "odd expected");
    }

    #[test]
    fn mocked() {
        let mut db = MockDb::new();
        db.expect_get().with(eq("ada")).times(1).returning(|_| Some("Countess".into()));
        db.expect_get().with(eq("bob")).returning(|_| None);
        assert_eq!(greet(&db, "ada"), "Hello, Countess ada");
        assert_eq!(greet(&db, "bob"), "Hello, bob");
    }

    #[test]
    fn mocked_put_sequence() {
        let mut seq = mockall::Sequence::new();
        let mut db = MockDb::new();
        db.expect_put().times(1).in_sequence(&mut seq).returning(|k, _| k == "a");
        db.expect_put().times(1).in_sequence(&mut seq).returning(|_, v| v.is_empty());
        assert!(db.put("a".into(), "x".into()));
        assert!(!db.put("b".into(), "y".into()));
    }

    #[test]
    #[should_panic]
    fn mock_unexpected_call_panics() {
        let db = MockDb::new();
        greet(&db, "nobody");
    }

    #[test]
    fn pretty() {
        pretty_assertions::assert_eq!(vec![fizz(1), fizz(2)], vec!["1", "2"]);
    }
}
