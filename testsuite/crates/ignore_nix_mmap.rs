// File globbing with globset and a gitignore-aware walk with ignore over a temporary
// tree; a memory-mapped file (memmap2); process and file system calls through nix and
// libc; a self-referential struct (self_cell); text templates with tinytemplate.
//@ dep: globset = "=0.4.15"
//@ dep: ignore = "=0.4.23"
//@ dep: memmap2 = "=0.9.5"
//@ dep: nix = { version = "=0.29.0", features = ["fs", "process", "signal", "user"] }
//@ dep: libc = "0.2"
//@ dep: self_cell = "=1.1.0"
//@ dep: tinytemplate = "=1.2.1"
//@ dep: serde = { version = "=1.0.229", features = ["derive"] }
use serde::Serialize;
use std::io::Write;

fn files() {
    let dir = std::env::temp_dir().join(format!("rac-tui-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src/nested")).unwrap();
    std::fs::create_dir_all(dir.join("target")).unwrap();
    for f in ["src/main.rs", "src/lib.rs", "src/nested/x.rs", "README.md", "target/junk.rs", "notes.txt"] {
        std::fs::write(dir.join(f), f).unwrap();
    }
    std::fs::write(dir.join(".ignore"), "target/\n*.txt\n").unwrap();
    let mut b = globset::GlobSetBuilder::new();
    b.add(globset::Glob::new("**/*.rs").unwrap());
    b.add(globset::Glob::new("*.md").unwrap());
    let set = b.build().unwrap();
    let mut seen = Vec::new();
    for e in ignore::WalkBuilder::new(&dir).sort_by_file_name(|a, b| a.cmp(b)).build() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(&dir).unwrap().to_string_lossy().into_owned();
        if e.file_type().is_some_and(|t| t.is_file()) {
            seen.push((rel.clone(), set.matches(&rel)));
        }
    }
    println!("walk: {seen:?}");
    let path = dir.join("mapped.bin");
    let mut f = std::fs::File::create(&path).unwrap();
    f.write_all(&(0u8..=255).collect::<Vec<_>>()).unwrap();
    drop(f);
    let file = std::fs::File::open(&path).unwrap();
    let map = unsafe { memmap2::Mmap::map(&file).unwrap() };
    println!("mmap len {} sum {} [100]={}", map.len(), map.iter().map(|&b| b as u32).sum::<u32>(), map[100]);
    let st = nix::sys::stat::stat(&path).unwrap();
    println!("stat size {} regular {}", st.st_size, (st.st_mode & libc::S_IFMT) == libc::S_IFREG);
    let (r, w) = nix::unistd::pipe().unwrap();
    nix::unistd::write(&w, b"through a pipe").unwrap();
    let mut buf = [0u8; 32];
    let n = nix::unistd::read(std::os::fd::AsRawFd::as_raw_fd(&r), &mut buf).unwrap();
    println!("pipe: {}", String::from_utf8_lossy(&buf[..n]));
    println!("pid matches: {}", nix::unistd::getpid().as_raw() as u32 == std::process::id());
    println!("uid matches: {}", nix::unistd::getuid().as_raw() == unsafe { libc::getuid() });
    let mut set = nix::sys::signal::SigSet::empty();
    set.add(nix::sys::signal::Signal::SIGUSR1);
    println!("sigset has USR1: {} USR2: {}", set.contains(nix::sys::signal::Signal::SIGUSR1), set.contains(nix::sys::signal::Signal::SIGUSR2));
    std::fs::remove_dir_all(&dir).unwrap();
}

self_cell::self_cell!(
    struct Words {
        owner: String,
        #[covariant]
        dependent: WordList,
    }
);
type WordList<'a> = Vec<&'a str>;

#[derive(Serialize)]
struct Ctx {
    name: String,
    items: Vec<Item>,
}
#[derive(Serialize)]
struct Item {
    n: u32,
    label: String,
}

fn main() {
    files();
    let w = Words::new("the quick brown fox".to_string(), |s| s.split(' ').collect());
    println!("self_cell: {:?} from {:?}", w.borrow_dependent(), w.borrow_owner());
    let mut tt = tinytemplate::TinyTemplate::new();
    tt.add_template("t", "Hello {name}!{{ for i in items }} [{i.n}: {i.label}]{{ endfor }}").unwrap();
    let ctx = Ctx { name: "rac".into(), items: vec![Item { n: 1, label: "one".into() }, Item { n: 2, label: "<two>".into() }] };
    println!("{}", tt.render("t", &ctx).unwrap());
}
