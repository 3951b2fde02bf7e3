trait Job {
    fn run(&self) -> String;
}

struct Task {
    id: u32,
}

impl Job for Task {
    fn run(&self) -> String {
        format!("task {}", self.id)
    }
}

impl Drop for Task {
    fn drop(&mut self) {
        println!("drop task {}", self.id);
    }
}

struct Guard(&'static str);

impl Guard {
    fn show(&self) -> &'static str {
        self.0
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop guard {}", self.0);
    }
}

fn make_closure() -> impl Fn() -> usize {
    let g = Guard("captured-by-returned");
    move || g.0.len()
}

fn main() {
    {
        let jobs: Vec<Box<dyn Job>> = vec![Box::new(Task { id: 1 }), Box::new(Task { id: 2 })];
        for j in &jobs {
            println!("{}", j.run());
        }
        println!("end of jobs scope");
    }
    let single: Box<dyn Job> = Box::new(Task { id: 3 });
    println!("{}", single.run());
    drop(single);
    println!("-- closures");
    let g1 = Guard("moved-into-closure");
    let c = move || println!("closure sees {}", g1.show());
    c();
    c();
    println!("before dropping closure");
    drop(c);
    println!("after dropping closure");
    let g0 = Guard("field-only-capture");
    let fc = move || g0.0.len();
    println!("field capture len {}", fc());
    println!("g0 still owned by main: {}", g0.show());
    let g2 = Guard("fnonce");
    let once = move || {
        let inner = g2;
        println!("fnonce consumes {}", inner.0);
    };
    once();
    println!("after fnonce call");
    let f = make_closure();
    println!("returned closure result {}", f());
    let g3 = Guard("by-ref");
    let r = || println!("borrowing {}", g3.0);
    r();
    let boxed: Box<dyn FnOnce() -> u32> = {
        let g4 = Guard("boxed-fnonce");
        Box::new(move || g4.0.len() as u32)
    };
    println!("boxed fnonce returned {}", boxed());
    let never_called: Box<dyn Fn()> = {
        let g5 = Guard("never-called");
        Box::new(move || println!("{}", g5.0))
    };
    drop(never_called);
    println!("main end");
}
