// A build script may set features too (ahash's `folded_multiply`): they are part of the
// crate's cfgs as much as the manifest's.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(feature, values(\"from_script\"))");
    println!("cargo::rustc-cfg=feature=\"from_script\"");
}
