use std::hint::black_box;
use std::num::ParseIntError;

#[derive(Debug)]
enum AppError {
    Parse(ParseIntError),
    Negative(i64),
    Empty,
}

impl From<ParseIntError> for AppError {
    fn from(e: ParseIntError) -> Self {
        AppError::Parse(e)
    }
}

fn parse_positive(s: &str) -> Result<i64, AppError> {
    if s.is_empty() {
        return Err(AppError::Empty);
    }
    let n: i64 = s.trim().parse()?;
    if n < 0 {
        Err(AppError::Negative(n))
    } else {
        Ok(n)
    }
}

fn sum_all(items: &[&str]) -> Result<i64, AppError> {
    let mut t = 0;
    for i in items {
        t += parse_positive(i)?;
    }
    Ok(t)
}

fn first_even_half(v: &[i32]) -> Option<i32> {
    let e = v.iter().find(|x| *x % 2 == 0)?;
    Some(e / 2)
}

fn main() {
    for s in ["12", " 7 ", "-3", "x1", ""] {
        println!("{:?} -> {:?}", s, parse_positive(s));
    }
    println!("{:?}", sum_all(&["1", "2", "3"]));
    println!("{:?}", sum_all(&["1", "oops", "3"]).map_err(|e| format!("failed: {:?}", e)));
    println!("{:?} {:?}", first_even_half(&[3, 5, 8, 10]), first_even_half(&[1, 3]));
    let some: Option<i32> = black_box(Some(4));
    let none: Option<i32> = black_box(None);
    println!("map {:?} {:?}", some.map(|x| x * 2), none.map(|x| x * 2));
    println!("and_then {:?} {:?}", some.and_then(|x| if x > 3 { Some(x - 3) } else { None }), some.and_then(|x| x.checked_sub(i32::MIN)));
    println!("unwrap_or {} {} {}", none.unwrap_or(-1), none.unwrap_or_default(), none.unwrap_or_else(|| 99));
    println!("ok_or {:?} {:?}", some.ok_or("missing"), none.ok_or_else(|| "lazy missing".to_string()));
    println!("filter {:?} {:?}", some.filter(|x| x % 2 == 0), some.filter(|x| *x > 10));
    println!("zip {:?} {:?}", some.zip(Some('a')), some.zip(none));
    println!("or {:?} xor {:?} {:?}", none.or(Some(1)), some.xor(none), some.xor(Some(2)));
    println!("iter sum {}", some.iter().chain(none.iter()).sum::<i32>());
    println!("map_or {} {}", some.map_or(0, |x| x + 100), none.map_or_else(|| -5, |x| x));
    println!("is_some_and {} {}", some.is_some_and(|x| x > 2), none.is_none());
    let mut o = Some(3);
    if let Some(x) = o.as_mut() {
        *x += 10;
    }
    println!("as_mut {:?}", o);
    let t = o.take();
    println!("take {:?} after {:?}", t, o);
    println!("get_or_insert {}", *o.get_or_insert(7));
    let r: Result<u8, String> = black_box(Ok(200));
    let e: Result<u8, String> = black_box(Err("bad".to_string()));
    println!("{:?} {:?}", r.as_ref().map(|v| *v as u32 * 2), e.as_ref().map_err(|s| s.len()));
    println!("{:?} {:?}", r.as_ref().ok(), e.as_ref().err());
    println!("{} {}", r.clone().unwrap_or(0), e.clone().unwrap_or_default());
    println!("{:?}", r.clone().and_then(|v| v.checked_add(100).ok_or("overflow".to_string())));
    println!("{:?}", e.clone().or_else(|s| if s == "bad" { Ok::<u8, String>(1) } else { Err(s) }));
    let all: Result<Vec<i32>, _> = ["1", "2", "3"].iter().map(|s| s.parse::<i32>()).collect();
    let bad: Result<Vec<i32>, _> = ["1", "z", "3"].iter().map(|s| s.parse::<i32>()).collect();
    println!("{:?} {:?}", all, bad.map_err(|e| e.to_string()));
    let opts: Option<Vec<i32>> = vec![Some(1), Some(2)].into_iter().collect();
    println!("{:?} flatten {:?}", opts, vec![Some(1), None, Some(3)].into_iter().flatten().collect::<Vec<_>>());
    println!("{:?}", Some(Some(5)).flatten().transpose_check());
}

trait TransposeCheck {
    fn transpose_check(self) -> Result<Option<i32>, String>;
}
impl TransposeCheck for Option<i32> {
    fn transpose_check(self) -> Result<Option<i32>, String> {
        self.map(|v| if v > 0 { Ok(v) } else { Err("neg".to_string()) }).transpose()
    }
}
