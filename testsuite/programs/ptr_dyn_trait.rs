use std::hint::black_box;

trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String;
    fn describe(&self) -> String {
        format!("{} with area {:.2}", self.name(), self.area())
    }
    fn scale(&mut self, k: f64);
}

struct Circle { r: f64 }
struct Rect { w: f64, h: f64 }
struct Square(f64);

impl Shape for Circle {
    fn area(&self) -> f64 { 3.14159 * self.r * self.r }
    fn name(&self) -> String { "circle".into() }
    fn scale(&mut self, k: f64) { self.r *= k; }
}
impl Shape for Rect {
    fn area(&self) -> f64 { self.w * self.h }
    fn name(&self) -> String { format!("rect {}x{}", self.w, self.h) }
    fn describe(&self) -> String { format!("RECT[{}]", self.area()) }
    fn scale(&mut self, k: f64) { self.w *= k; self.h *= k; }
}
impl Shape for Square {
    fn area(&self) -> f64 { self.0 * self.0 }
    fn name(&self) -> String { "square".into() }
    fn scale(&mut self, k: f64) { self.0 *= k; }
}

fn total_area(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

fn print_it(s: &dyn Shape) {
    println!("print_it: {}", s.describe());
}

fn make(kind: u8) -> Box<dyn Shape> {
    match kind {
        0 => Box::new(Circle { r: 1.0 }),
        1 => Box::new(Rect { w: 2.0, h: 3.0 }),
        _ => Box::new(Square(4.0)),
    }
}

fn main() {
    let mut shapes: Vec<Box<dyn Shape>> = black_box([2u8, 0, 1]).iter().map(|&k| make(k)).collect();
    for s in &shapes {
        println!("{}", s.describe());
    }
    println!("total {:.3}", total_area(&shapes));
    for s in shapes.iter_mut() {
        s.scale(2.0);
    }
    println!("total after scale {:.3}", total_area(&shapes));
    let c = Circle { r: 0.5 };
    print_it(&c);
    let r: &dyn Shape = &Rect { w: 1.5, h: 1.5 };
    print_it(r);
    let mut sq = Square(3.0);
    {
        let m: &mut dyn Shape = &mut sq;
        m.scale(0.5);
        println!("via &mut dyn {}", m.area());
    }
    println!("sq.0 = {}", sq.0);
    shapes.sort_by(|a, b| a.area().partial_cmp(&b.area()).unwrap());
    let names: Vec<String> = shapes.iter().map(|s| s.name()).collect();
    println!("{:?}", names);
    let largest = shapes.iter().max_by(|a, b| a.area().partial_cmp(&b.area()).unwrap()).unwrap();
    println!("largest {}", largest.describe());
}
