use std::hint::black_box;
use std::mem::size_of;
use std::num::{NonZeroU32, NonZeroU8, NonZeroI64};

#[derive(Debug)]
enum Small {
    A,
    B(bool),
    C,
}

#[derive(Debug)]
enum WithRef<'a> {
    Empty,
    Ref(&'a u64),
}

fn describe(o: Option<&i32>) -> String {
    match o {
        Some(v) => format!("Some({})", v),
        None => "None".to_string(),
    }
}

fn main() {
    let x = 42;
    let refs: [Option<&i32>; 2] = black_box([Some(&x), None]);
    for r in refs {
        println!("{} is_some={}", describe(r), r.is_some());
    }
    let boxes: Vec<Option<Box<String>>> = vec![Some(Box::new("boxed".to_string())), None];
    for b in &boxes {
        println!("{:?} len={:?}", b, b.as_ref().map(|s| s.len()));
    }
    let nz = NonZeroU32::new(black_box(17));
    let z = NonZeroU32::new(black_box(0));
    println!("{:?} {:?} get={}", nz, z, nz.unwrap().get());
    let nzs: Vec<Option<NonZeroU8>> = (0..4u8).map(|i| NonZeroU8::new(black_box(i) * 2)).collect();
    println!("{:?}", nzs);
    println!("{:?}", NonZeroI64::new(black_box(-5)).map(|v| v.get() * 2));
    println!("size Option<&i32>={} &i32={}", size_of::<Option<&i32>>(), size_of::<&i32>());
    println!("size Option<Box<u8>>={}", size_of::<Option<Box<u8>>>());
    println!("size Option<NonZeroU32>={} u32={}", size_of::<Option<NonZeroU32>>(), size_of::<u32>());
    println!("size Option<bool>={} Option<Option<bool>>={}", size_of::<Option<bool>>(), size_of::<Option<Option<bool>>>());
    println!("size Option<char>={} Option<u8>={}", size_of::<Option<char>>(), size_of::<Option<u8>>());
    println!("size Small={} Option<Small>={}", size_of::<Small>(), size_of::<Option<Small>>());
    println!("size Option<Vec<u8>>={} Vec<u8>={}", size_of::<Option<Vec<u8>>>(), size_of::<Vec<u8>>());
    println!("size Option<&str>={} Option<String>={}", size_of::<Option<&str>>(), size_of::<Option<String>>());
    println!("size WithRef={}", size_of::<WithRef>());
    let smalls = black_box([Some(Small::A), Some(Small::B(true)), Some(Small::B(false)), Some(Small::C), None]);
    for s in &smalls {
        let code = match s {
            None => -1,
            Some(Small::A) => 0,
            Some(Small::B(false)) => 1,
            Some(Small::B(true)) => 2,
            Some(Small::C) => 3,
        };
        println!("{:?} -> {}", s, code);
    }
    let big = 9u64;
    let wr = [WithRef::Empty, WithRef::Ref(&big)];
    for w in &wr {
        if let WithRef::Ref(v) = w {
            println!("ref {}", v);
        } else {
            println!("{:?}", w);
        }
    }
    let oc: Option<char> = black_box(Some('k'));
    let ob: Option<Option<bool>> = black_box(Some(None));
    println!("{:?} {:?} {:?}", oc, ob, ob.flatten());
}
