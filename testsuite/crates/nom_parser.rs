// nom 7's parser combinators: a small arithmetic-expression parser (closures, generic
// combinators, error values).
//@ dep: nom = "=7.1.3"
use nom::branch::alt;
use nom::character::complete::{char, digit1, space0};
use nom::combinator::map_res;
use nom::multi::fold_many0;
use nom::sequence::{delimited, pair};
use nom::IResult;

fn num(i: &str) -> IResult<&str, i64> {
    delimited(space0, map_res(digit1, str::parse), space0)(i)
}
fn factor(i: &str) -> IResult<&str, i64> {
    alt((num, delimited(space0, delimited(char('('), expr, char(')')), space0)))(i)
}
fn term(i: &str) -> IResult<&str, i64> {
    let (i, init) = factor(i)?;
    fold_many0(pair(alt((char('*'), char('/'))), factor), move || init, |acc, (op, v)| if op == '*' { acc * v } else { acc / v })(i)
}
fn expr(i: &str) -> IResult<&str, i64> {
    let (i, init) = term(i)?;
    fold_many0(pair(alt((char('+'), char('-'))), term), move || init, |acc, (op, v)| if op == '+' { acc + v } else { acc - v })(i)
}

fn main() {
    for s in ["1 + 2 * 3", "(1 + 2) * 3", " 10 / (4 - 2) - 7", "2 * (3 + (4 - 1)) * 2", "x"] {
        println!("{s:?} -> {:?}", expr(s));
    }
}
