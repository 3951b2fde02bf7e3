// semver 1.0.28 from crates.io, compiled by rac from source.
//@ dep: semver = "=1.0.28"
use semver::{Version, VersionReq};
fn main() { let v = Version::parse("1.2.3-alpha.1+build.5").unwrap(); println!("{} {} {} {} {:?} {:?}", v, v.major, v.minor, v.patch, v.pre.as_str(), v.build.as_str()); let r = VersionReq::parse(">=1.2.0, <2").unwrap(); println!("{}", r.matches(&Version::new(1, 5, 0))); println!("{}", r.matches(&v)); let mut vs: Vec<Version> = ["1.0.0","0.9.1","1.0.0-rc.1","2.0.0"].iter().map(|s| Version::parse(s).unwrap()).collect(); vs.sort(); println!("{:?}", vs.iter().map(|v| v.to_string()).collect::<Vec<_>>()); println!("{:?}", Version::parse("1.x")); }
