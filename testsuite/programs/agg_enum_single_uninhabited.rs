use std::convert::Infallible;
use std::hint::black_box;
use std::mem::size_of;

#[derive(Debug)]
enum Only {
    One(u32, u32),
}

#[derive(Debug)]
enum Unit {
    Alone,
}

enum Never {}

#[derive(Debug)]
enum MaybeNever {
    Value(i32),
    Impossible(Infallible),
}

#[allow(dead_code)]
enum Half {
    Real(u64),
    Fake(Never, u8),
}

fn parse_digit(c: char) -> Result<u32, Infallible> {
    Ok(c as u32 - '0' as u32)
}

fn unwrap_inf<T>(r: Result<T, Infallible>) -> T {
    match r {
        Ok(v) => v,
        Err(e) => match e {},
    }
}

fn main() {
    let o = black_box(Only::One(3, 4));
    let Only::One(a, b) = o;
    println!("only {} {}", a, b);
    let u = black_box(Unit::Alone);
    println!("{:?} as isize {}", u, Unit::Alone as isize);
    let m = black_box(MaybeNever::Value(12));
    match m {
        MaybeNever::Value(v) => println!("value {}", v),
        MaybeNever::Impossible(i) => match i {},
    }
    let h = black_box(Half::Real(99));
    match h {
        Half::Real(v) => println!("real {}", v),
        Half::Fake(n, _) => match n {},
    }
    let digits: Vec<u32> = "40719".chars().map(|c| unwrap_inf(parse_digit(c))).collect();
    println!("{:?}", digits);
    let r: Result<u8, Infallible> = black_box(Ok(5));
    let Ok(five) = r;
    println!("five {}", five);
    let parsed: Result<String, Infallible> = "text".parse::<String>();
    println!("{:?}", parsed);
    println!("sizes Only={} Unit={} Never={} MaybeNever={} Half={} Result<u8,Infallible>={}",
        size_of::<Only>(), size_of::<Unit>(), size_of::<Never>(), size_of::<MaybeNever>(),
        size_of::<Half>(), size_of::<Result<u8, Infallible>>());
    let v: Vec<Result<i32, Infallible>> = vec![Ok(1), Ok(2), Ok(3)];
    let total: i32 = v.into_iter().map(|r| unwrap_inf(r)).sum();
    println!("total {}", total);
}
