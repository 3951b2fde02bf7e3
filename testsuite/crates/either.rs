// either 1.19.0 from crates.io, compiled by rac from source.
//@ dep: either = "=1.19.0"
use either::Either;
fn parse(s: &str) -> Either<i64, String> { s.parse().map(Either::Left).unwrap_or_else(|_| Either::Right(s.to_uppercase())) }
fn main() { for s in ["12", "x", "-7"] { let e = parse(s); println!("{:?} {} {:?}", e, e.is_left(), e.clone().either(|n| n * 2, |s| s.len() as i64)); } let v: Vec<Either<i32, char>> = vec![Either::Left(1), Either::Right('a')]; println!("{:?}", v.into_iter().map(|e| e.map_left(|x| x + 1)).collect::<Vec<_>>()); }
