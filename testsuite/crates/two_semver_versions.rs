// Two versions of one crate in the graph: semver 1.0.28 and semver 0.9.0 (with its
// semver-parser 0.7.0). Each version's monomorphic functions are called in its own rlib
// (Tier 2), never in the other's: their paths are the same, their layouts are not.
//@ dep: semver = "=1.0.28"
//@ dep: semver09 = { package = "semver", version = "=0.9.0" }
fn main() {
    let new = semver::Version::parse("1.2.3-alpha.1+build.5").unwrap();
    let old = semver09::Version::parse("1.2.3-alpha.1+build.5").unwrap();
    println!("{new} / {old}");
    println!("{} {} {}", new.major, old.minor, old.patch);
    println!("{:?}", old.pre);
    let req_new = semver::VersionReq::parse(">=1.2.0, <2").unwrap();
    let req_old = semver09::VersionReq::parse(">=1.2.0, <2").unwrap();
    println!("{} {}", req_new.matches(&semver::Version::new(1, 5, 0)), req_old.matches(&semver09::Version::new(1, 5, 0)));
    println!("{} {}", req_new, req_old);
    println!("{:?}", semver09::Version::parse("1.x").map_err(|e| e.to_string()));
    println!("{:?}", semver::Version::parse("1.x").map_err(|e| e.to_string()));
    let mut vs: Vec<semver09::Version> = ["1.0.0", "0.9.1", "1.0.0-rc.1"].iter().map(|s| semver09::Version::parse(s).unwrap()).collect();
    vs.sort();
    println!("{:?}", vs.iter().map(|v| v.to_string()).collect::<Vec<_>>());
}
