// A syntax error: rustc's diagnostic, not a refusal.
// expect-stderr: error: this file contains an unclosed delimiter
// expect-stderr: --> src/main.rs:9:3
// expect-not-stderr: rac cannot compile

fn main() {
    let v = vec![1, 2, 3];
    for x in v { println!("{x}") 
}
