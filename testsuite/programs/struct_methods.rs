struct Point {
    x: i64,
    y: i64,
}

impl Point {
    fn new(x: i64, y: i64) -> Self {
        Point { x, y }
    }

    fn manhattan(&self) -> i64 {
        self.x.abs() + self.y.abs()
    }

    fn translate(&mut self, dx: i64, dy: i64) {
        self.x += dx;
        self.y += dy;
    }
}

fn main() {
    let mut p = Point::new(3, -4);
    println!("{}", p.manhattan());
    p.translate(10, 10);
    println!("({}, {}) {}", p.x, p.y, p.manhattan());
}
