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

fn main() {
    let g = Greeting { name: "rac".to_string(), times: 3 };
    print!("{}", g.render());
}
