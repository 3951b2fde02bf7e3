// String searching: `contains`/`find`/`rfind`/`split`/`replace`/`matches` with &str, char,
// char slices and closures, on haystacks short and long (core's SSE2 fast path for
// `contains(&str)` is replaced by a Rust-source shim; results must be rustc's).
fn main() {
    let short = "hello world, hello rac";
    let long: String = (0..200).map(|i| format!("word{i} ")).collect();
    for needle in ["world", "lo r", "hello", "rac", "xyz", "", "h", "word199", "word200", "d1 w"] {
        println!(
            "{needle:?}: {} {} {:?} {:?} {:?}",
            short.contains(needle),
            long.contains(needle),
            short.find(needle),
            long.find(needle),
            long.rfind(needle)
        );
    }
    println!("{} {} {}", short.contains('z'), short.contains(['x', 'w']), short.contains(char::is_whitespace));
    println!("{:?}", short.split(", ").collect::<Vec<_>>());
    println!("{:?}", long.split_whitespace().rev().take(3).collect::<Vec<_>>());
    println!("{}", short.replace("hello", "bye"));
    println!("{}", long.matches("word1").count());
    println!("{:?}", short.match_indices('o').collect::<Vec<_>>());
    println!("{}", "abcabcabd".contains("abcabd"));
    println!("{}", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab".contains("aaab"));
    let unicode = "grüße, 世界! ✓ done";
    println!("{} {:?} {:?}", unicode.contains("世界"), unicode.find('✓'), unicode.split('!').collect::<Vec<_>>());
    println!("{:?} {:?}", short.strip_prefix("hello "), short.trim_start_matches("hel"));
}
