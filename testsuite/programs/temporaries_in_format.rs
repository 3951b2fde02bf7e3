// Temporaries of `format_args!` arguments live until the end of the enclosing statement
// (rustc's `super let`): a `String` made inside the arguments, a `RefCell` borrow guard
// and a value with a noisy `Drop` are all alive while the formatting runs.
use std::cell::RefCell;
use std::fmt;

struct Greeting {
    name: String,
    times: u32,
}

impl Greeting {
    fn render(&self) -> String {
        let mut out = String::new();
        for i in 0..self.times {
            out.push_str(&format!("Hello, {}! ({})\n", self.name, i + 1));
        }
        out
    }
}

fn shout(s: &str) -> String {
    s.to_uppercase()
}

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

impl fmt::Display for Noisy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "noisy {}", self.0)
    }
}

fn main() {
    let g = Greeting { name: "rac".to_string(), times: 3 };
    print!("{}", g.render());
    println!("{} {}", shout(&format!("{}-{}", g.name, g.times)), shout(&g.name).len());
    let cell = RefCell::new(vec![1, 2, 3]);
    println!("{:?} {}", cell.borrow(), cell.borrow().len());
    println!("{} and {}", Noisy("a"), Noisy("b"));
    let s = format!("{}{}", Noisy("c"), shout("d"));
    println!("{s}");
}
