// The file system through crates: a temporary directory (tempfile) filled with files,
// walked in sorted order (walkdir), matched with glob patterns, shuffled with a seeded
// fastrand generator.
//@ dep: tempfile = "=3.14.0"
//@ dep: walkdir = "=2.5.0"
//@ dep: glob = "=0.3.1"
//@ dep: fastrand = "=2.2.0"
use std::io::{Read, Seek, SeekFrom, Write};

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for (path, body) in [
        ("a.txt", "alpha"),
        ("b.rs", "fn main() {}"),
        ("sub/c.txt", "gamma gamma"),
        ("sub/deeper/d.rs", "// d"),
        ("sub/deeper/e.md", "# e"),
    ] {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, body).unwrap();
    }
    let mut total = 0;
    for e in walkdir::WalkDir::new(root).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(root).unwrap();
        let len = if e.file_type().is_file() { e.metadata().unwrap().len() } else { 0 };
        total += len;
        println!("{} depth={} dir={} len={len}", rel.display(), e.depth(), e.file_type().is_dir());
    }
    println!("total {total}");
    let only_rs: Vec<String> = walkdir::WalkDir::new(root)
        .min_depth(1)
        .max_depth(2)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.file_name() != "deeper")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    println!("{only_rs:?}");

    for pattern in ["**/*.rs", "*.txt", "sub/**/*", "sub/[c-d]*.txt"] {
        let full = format!("{}/{pattern}", root.display());
        let mut found: Vec<String> = glob::glob(&full)
            .unwrap()
            .map(|p| p.unwrap().strip_prefix(root).unwrap().display().to_string())
            .collect();
        found.sort();
        println!("{pattern}: {found:?}");
    }
    let pat = glob::Pattern::new("*.[rm][sd]").unwrap();
    println!("{} {} {}", pat.matches("x.rs"), pat.matches("y.md"), pat.matches("z.txt"));
    println!("{:?}", glob::Pattern::new("a[").map_err(|e| e.msg));

    let mut f = tempfile::tempfile().unwrap();
    writeln!(f, "line one").unwrap();
    writeln!(f, "line two").unwrap();
    f.seek(SeekFrom::Start(5)).unwrap();
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    println!("{s:?}");
    let named = tempfile::Builder::new().prefix("rac-").suffix(".tmp").tempfile_in(root).unwrap();
    let name = named.path().file_name().unwrap().to_string_lossy().into_owned();
    println!("{} {}", name.starts_with("rac-"), name.ends_with(".tmp"));

    let mut rng = fastrand::Rng::with_seed(42);
    let mut v: Vec<u32> = (0..10).collect();
    rng.shuffle(&mut v);
    println!("{v:?} {} {} {:.6}", rng.u32(..100), rng.alphanumeric(), rng.f64());
    let path = dir.into_path();
    std::fs::remove_dir_all(&path).unwrap();
    println!("removed: {}", !path.exists());
}
