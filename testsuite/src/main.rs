//! `cargo run -p testsuite -- [--rac PATH] [--crates] [FILTER...]`: run the differential
//! programs, the refusal cases and the diagnostics cases by hand (those whose name contains one of the filters);
//! `--crates`: the programs over crates.io crates (`testsuite/crates`) instead;
//! `--debuginfo`: their dependencies built with debuginfo, as cargo's default profile does.
use std::path::PathBuf;
use std::time::Duration;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut rac = testsuite::testsuite_dir().join("../target/debug/cargo-rac");
    let mut filters: Vec<String> = Vec::new();
    let mut crates = false;
    let mut full_debuginfo = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rac" => rac = PathBuf::from(args.next().expect("--rac PATH")),
            "--crates" => crates = true,
            "--debuginfo" => full_debuginfo = true,
            f => filters.push(f.to_owned()),
        }
    }
    let dir = testsuite::testsuite_dir();
    let (programs_dir, work_dir) = if crates && full_debuginfo {
        ("crates", "../target/rac-testsuite-crates-debuginfo")
    } else if crates {
        ("crates", "../target/rac-testsuite-crates")
    } else {
        ("programs", "../target/rac-testsuite")
    };
    let mut programs = testsuite::programs_in(&dir.join(programs_dir), "2021")?;
    let selected = |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f));
    programs.retain(|p| selected(&p.name));
    let h = testsuite::Harness {
        cargo_rac: rac,
        work_dir: dir.join(work_dir),
        timeout: Duration::from_secs(20),
        jobs: None,
        full_debuginfo,
    };
    let results = h.run(&programs)?;
    for (name, o) in &results {
        println!("{:<12} {name}", o.label());
        if !o.is_pass() {
            for l in testsuite::detail(o).lines().take(30) {
                println!("    {l}");
            }
        }
    }
    for case in testsuite::refusal_cases(&dir.join("refused"))? {
        if crates || !selected(&case.program.name) {
            continue;
        }
        match h.check_refusal(&case)? {
            None => println!("refused-ok   {}", case.program.name),
            Some(why) => println!("REFUSAL-BAD  {}: {why}", case.program.name),
        }
    }
    for p in testsuite::programs_in(&dir.join("diagnostics"), "2021")? {
        if crates || !selected(&p.name) {
            continue;
        }
        match h.check_diagnostics(&p)? {
            None => println!("diag-ok      {}", p.name),
            Some(why) => println!("DIAG-BAD     {}: {why}", p.name),
        }
    }
    let ratchet = testsuite::read_ratchet(&dir.join("ratchet.txt")).unwrap_or_default();
    if filters.is_empty() && !crates {
        let (report, _) = testsuite::check_ratchet(&results, &ratchet);
        print!("{report}");
    }
    Ok(())
}
