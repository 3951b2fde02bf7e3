use std::hint::black_box;

#[derive(Debug, Clone)]
enum Expr {
    Num(i64),
    Neg(Box<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Var { name: String, scale: i8 },
    Unit,
}

fn eval(e: &Expr, x: i64) -> i64 {
    match e {
        Expr::Num(n) => *n,
        Expr::Neg(inner) => -eval(inner, x),
        Expr::Add(a, b) => eval(a, x) + eval(b, x),
        Expr::Mul(a, b) => eval(a, x) * eval(b, x),
        Expr::Var { scale, .. } => x * *scale as i64,
        Expr::Unit => 0,
    }
}

fn show(e: &Expr) -> String {
    match e {
        Expr::Num(n) if *n < 0 => format!("({})", n),
        Expr::Num(n) => n.to_string(),
        Expr::Neg(inner) => format!("-{}", show(inner)),
        Expr::Add(a, b) => format!("({} + {})", show(a), show(b)),
        Expr::Mul(a, b) => format!("{} * {}", show(a), show(b)),
        Expr::Var { name, scale: 1 } => name.clone(),
        Expr::Var { name, scale } => format!("{}{}", scale, name),
        Expr::Unit => "()".into(),
    }
}

enum Shape {
    Circle { r: f64 },
    Rect(f64, f64),
    Tri(f64, f64, f64),
}

fn main() {
    let e = Expr::Add(
        Box::new(Expr::Mul(Box::new(Expr::Num(3)), Box::new(Expr::Var { name: "x".into(), scale: 1 }))),
        Box::new(Expr::Neg(Box::new(Expr::Add(Box::new(Expr::Num(-2)), Box::new(Expr::Var { name: "y".into(), scale: 4 }))))),
    );
    for x in black_box([0i64, 1, 5, -3]) {
        println!("{} @ x={} = {}", show(&e), x, eval(&e, x));
    }
    let cloned = e.clone();
    println!("{:?}", cloned);
    println!("{}", eval(&Expr::Unit, 9));
    let shapes = vec![Shape::Circle { r: 1.5 }, Shape::Rect(2.0, 3.5), Shape::Tri(3.0, 4.0, 5.0)];
    for s in &shapes {
        let area = match *s {
            Shape::Circle { r } => 3.14159 * r * r,
            Shape::Rect(w, h) => w * h,
            Shape::Tri(a, b, c) => {
                let p = (a + b + c) / 2.0;
                (p * (p - a) * (p - b) * (p - c)).sqrt()
            }
        };
        println!("area {:.4}", area);
    }
    let results: Vec<Result<u32, String>> = vec![Ok(3), Err("bad".into()), Ok(7)];
    for r in &results {
        match r {
            Ok(v @ 0..=5) => println!("small ok {}", v),
            Ok(v) => println!("big ok {}", v),
            Err(msg) => println!("err {}", msg),
        }
    }
    let nested: Option<Option<Result<i8, ()>>> = black_box(Some(Some(Err(()))));
    println!("{:?}", nested);
    if let Some(Some(Err(()))) = nested {
        println!("matched deep err");
    }
}
