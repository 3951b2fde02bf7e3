use std::fmt;
use std::hint::black_box;

struct Money(i64);

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let s = format!("${}.{:02}", self.0 / 100, (self.0 % 100).abs());
        f.pad(&s)
    }
}

struct Hexy(u32);
impl fmt::LowerHex for Hexy {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::LowerHex::fmt(&self.0, f)
    }
}

fn main() {
    let n = black_box(42i32);
    let neg = black_box(-42i32);
    let x = black_box(3.14159f64);
    let s = black_box("hi");
    println!("[{:5}] [{:<5}] [{:>5}] [{:^5}] [{:05}] [{:+}] [{:+05}]", n, n, n, n, n, n, n);
    println!("[{:5}] [{:<5}] [{:05}] [{:+}] [{:^7}]", neg, neg, neg, neg, neg);
    println!("[{:x}] [{:X}] [{:#x}] [{:#X}] [{:o}] [{:#o}] [{:b}] [{:#b}]", 255, 255, 255, 255, 8, 8, 5, 5);
    println!("[{:08x}] [{:#010x}] [{:#010b}] [{:>#8x}] [{:<#8x}]", 0xbeef, 0xbeef, 5, 255, 255);
    println!("[{:x}] [{:b}] [{:o}]", neg, black_box(-1i8), black_box(-1i16));
    println!("[{:.3}] [{:08.3}] [{:+.2}] [{:10.1}] [{:<10.4}] [{:^10.2}] [{:e}]", x, x, x, x, x, x, x);
    println!("[{:8}] [{:<8}] [{:>8}] [{:^8}] [{:*^8}] [{:-<8}] [{:.1}]", s, s, s, s, s, s, s);
    println!("[{:>8}] [{:<8}] [{:^8}]", "toolongvalue", 'c', true);
    let w = black_box(10);
    let p = black_box(2);
    println!("[{:w$}] [{:>w$.p$}] [{:.*}] [{:>width$}]", n, x, 3, x, s, width = w);
    println!("[{:1$}] [{:>1$}]", 7, 6);
    println!("[{0}-{0}-{1}] [{a}{b}{a}]", n, s, a = 'x', b = 'y');
    let name = "inline";
    println!("[{name}] [{name:>10}] [{n:04}] [{x:.2}]");
    println!("[{}] [{:>10}] [{:<10}] [{:^12}]", Money(12345), Money(-250), Money(7), Money(100000));
    println!("[{:x}] [{:#08x}]", Hexy(48879), Hexy(255));
    println!("{{literal braces}} {{{}}}", n);
    println!("[{:?}] [{:>10?}] [{:#?}]", "q\"uote", Some(1), (1,));
    println!("[{:e}] [{:E}] [{:.2e}]", 1234.5f64, 0.00012f64, 123456.0f64);
    println!("[{:5}] [{:<5}] [{:^5}] [{:>5}]", '∂', '∂', '∂', '∂');
    println!("[{:#?}]", [1u8, 2]);
    println!("[{:+.0}] [{:+}] [{:+?}]", -0.4f64, 0.0f64, 1.5f64);
    println!("[{:03}] [{:+04}] [{:<03}]", -5, 5, 5);
    let items = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 4.0, 1)];
    println!("{:<12}|{:>8}|{:>4}", "item", "price", "qty");
    for (it, pr, q) in items {
        println!("{:<12}|{:>8.2}|{:>4}", it, pr, q);
    }
    println!("{}", format!("{:-^30}", " END "));
    eprintln!("to stderr: {:>6}", n);
}
