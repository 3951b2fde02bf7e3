// Builtin macros whose expansion rustc computes itself: file!, line!, column!,
// module_path!, stringify! (token spacing and line breaking at 78 columns), dbg!, assert!.
mod inner {
    pub fn here() -> &'static str {
        module_path!()
    }
    pub mod deeper {
        pub fn here() -> (&'static str, u32) {
            (module_path!(), line!())
        }
    }
}

macro_rules! show {
    ($e:expr) => {
        println!("{} = {:?}", stringify!($e), $e)
    };
}

macro_rules! where_am_i {
    () => {
        (file!(), line!(), column!())
    };
}

fn main() {
    println!("{} {} {}", file!(), line!(), column!());
    println!("{:?}", where_am_i!());
    println!("{} {} {:?}", module_path!(), inner::here(), inner::deeper::here());
    println!("{}", stringify!(a+b, Option<&u8>, x.y(z), a .. b, f (x), #[attr] { a }, [1;2]));
    println!("{}", stringify!('a: loop {}, x as u8, -1, &mut y, {a}, { a }, ::std::vec::Vec::<u8>::new()));
    println!("{}", stringify!(if a { b } else { c }));
    println!("{}", stringify!(fn f(x: u8) -> u8 { x + 1 }));
    println!("{}", stringify!(let v: Vec<(u8, String)> = vec![(1, "one".to_string()), (2, "two".to_string()), (3, "three".to_string())];));
    println!("{}", stringify!(struct S { a: u8, b: Vec<u8> }));
    println!("{}", stringify!(match x { Some(y) if y > 0 => y, _ => 0 }));
    println!("{}", stringify!(a.b().c()?.d[0]));
    println!("{}", stringify!(x = y; z += 1));
    println!("{}", stringify!());
    let x = 3;
    let v = vec![1, 2, 3];
    show!(x * 2 + 1);
    show!(v.iter().map(|a| a * 2).collect::<Vec<_>>());
    show!(v.len() > 2 && x == 3);
    dbg!(x + 1);
    let y = dbg!(x * 2);
    dbg!(&v, y);
    assert!(x == 3 && !v.is_empty() && v[0] as u8 >= 1u8 && (x + 1) * 2 == 8);
    assert!(v.iter().map(|a| a * 2).sum::<i32>() == 12 && matches!(v.first(), Some(&1)) && v.len() == 3 && v.contains(&7));
}
