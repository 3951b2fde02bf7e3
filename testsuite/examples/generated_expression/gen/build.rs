fn main() {
    let out = std::env::var("OUT_DIR").unwrap();
    let words = ["fn", "let", "match", "while"];
    let list: Vec<String> = words.iter().map(|w| format!("{w:?}")).collect();
    // An expression: a block with an item and a tail, not a list of items.
    let text = format!("{{\n    static WORDS: &[&str] = &[{}];\n    WORDS\n}}\n", list.join(", "));
    std::fs::write(format!("{out}/words.rs"), text).unwrap();
    std::fs::write(format!("{out}/factor.rs"), "6 * 7\n").unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
