use std::hint::black_box;

fn check_sorted(v: &[i32]) {
    for w in v.windows(2) {
        assert!(w[0] <= w[1], "not sorted at {} > {}", w[0], w[1]);
    }
    println!("sorted: {:?}", v);
}

fn main() {
    check_sorted(&black_box(vec![1, 2, 3, 5]));
    check_sorted(&black_box(vec![-4, 0, 0, 9]));
    let flag = black_box(false);
    println!("checking flag");
    assert!(flag, "flag was {} (expected true)", flag);
    println!("unreachable");
}
