// Warnings inside generic functions, closures and impls, with a deprecated call and an
// unused `Result`: rustc's exact text and counts; the program runs.
#[deprecated(note = "use `new_way`")]
fn old_way() -> u32 {
    1
}

fn parse(s: &str) -> Result<u32, std::num::ParseIntError> {
    s.parse()
}

struct Wrapper<T>(T);

impl<T: std::fmt::Debug> Wrapper<T> {
    fn show(&self) -> String {
        let label = "value";
        format!("{:?}", self.0)
    }
}

fn main() {
    let add = |a: u32, b: u32| {
        let mut c = a;
        a + b
    };
    parse("12");
    println!("{} {}", add(1, old_way()), Wrapper(vec![1, 2]).show());
}
