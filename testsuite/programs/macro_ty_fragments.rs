// `ty` fragments are opaque in rustc: `1 as $t << n` is a shift and `x as $t < y` a
// comparison, not the start of generic arguments (rand 0.8's float conversion is written
// so). stringify! of a type fragment prints the type as written.
macro_rules! float_impls {
    ($ty:ident, $uty:ident, $f_scalar:ident, $u_scalar:ty, $fraction_bits:expr) => {
        fn to_unit_float(value: $uty) -> $ty {
            let float_size = std::mem::size_of::<$ty>() as u32 * 8;
            let precision = $fraction_bits + 1;
            let scale = 1.0 / ((1 as $u_scalar << precision) as $ty);
            let value = value >> (float_size - precision);
            scale * (value as $f_scalar)
        }
    };
}
float_impls! { f64, u64, f64, u64, 52 }

macro_rules! below {
    ($x:expr, $t:ty, $limit:expr) => {
        $x as $t < $limit
    };
}

macro_rules! describe {
    ($t:ty) => {
        format!("{} is {} bytes, max {}", stringify!($t), std::mem::size_of::<$t>(), <$t>::MAX)
    };
}

macro_rules! shifted {
    ($t:ty, $v:expr, $n:expr) => {{
        let a = $v as $t << $n;
        let b = $v as $t >> $n;
        let c: Vec<$t> = vec![a, b];
        (a, b, c)
    }};
}

fn main() {
    for v in [0u64, 1, 0x1234_5678_9abc_def0, u64::MAX] {
        println!("{:.12}", to_unit_float(v));
    }
    println!("{} {}", below!(300u16, u8, 50), below!(30, u16, 50));
    println!("{}", describe!(u16));
    println!("{}", describe!(i64));
    println!("{:?}", shifted!(u32, 5, 3));
    println!("{:?}", shifted!(i8, -64, 1));
}
