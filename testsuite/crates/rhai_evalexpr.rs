// Two embedded script interpreters: rhai (an AST interpreter with registered Rust functions
// and types) and evalexpr (expression evaluation with contexts). rhai finds a function by
// the `TypeId`s of its arguments, computed by rustc code when registered and by rac code
// when called: they must be rustc's (the ids are printed too).
//@ dep: rhai = "=1.22.2"
//@ dep: evalexpr = "=11.3.1"
use rhai::{Engine, Scope, INT};

#[derive(Clone, Debug)]
struct Point {
    x: INT,
    y: INT,
}

impl Point {
    fn new(x: INT, y: INT) -> Self {
        Point { x, y }
    }
    fn norm1(&mut self) -> INT {
        self.x.abs() + self.y.abs()
    }
}

fn main() {
    let mut engine = Engine::new();
    engine.register_fn("double", |x: INT| x * 2);
    engine
        .register_type_with_name::<Point>("Point")
        .register_fn("point", Point::new)
        .register_fn("norm1", Point::norm1)
        .register_get("x", |p: &mut Point| p.x);
    println!("{:?}", engine.eval::<INT>("40 + double(1)"));
    let script = r#"
        let v = [];
        for i in 0..10 { if i % 3 == 0 { v.push(i * i); } }
        let m = #{ a: 1, b: "two", c: [3, 4] };
        fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }
        let s = `fib(15) = ${fib(15)}, v = ${v}, keys = ${m.keys()}`;
        s
    "#;
    println!("{:?}", engine.eval::<String>(script));
    let mut scope = Scope::new();
    scope.push("counter", 5 as INT);
    engine.run_with_scope(&mut scope, "counter += 10; let made = point(3, -4);").unwrap();
    println!("{:?}", scope.get_value::<INT>("counter"));
    println!("{:?}", engine.eval_with_scope::<INT>(&mut scope, "made.norm1() + made.x"));
    println!("{:?}", engine.eval::<f64>("let x = 1.5; x * x + 0.25"));
    match engine.eval::<INT>("let a = 1; a +* 2") {
        Ok(v) => println!("unexpected {v}"),
        Err(e) => println!("error: {e}"),
    }
    match engine.eval::<INT>("undefined_fn(1)") {
        Ok(v) => println!("unexpected {v}"),
        Err(e) => println!("error: {e}"),
    }
    let ast = engine.compile("fn add(a, b) { a + b } add(20, 22)").unwrap();
    println!("{:?}", engine.eval_ast::<INT>(&ast));
    println!("{:?}", engine.call_fn::<INT>(&mut Scope::new(), &ast, "add", (1 as INT, 2 as INT)));

    use evalexpr::*;
    println!("{:?}", eval("1 + 2 * 3"));
    println!("{:?}", eval("\"abc\" + \"def\""));
    println!("{:?}", eval_boolean("(1 < 2) && !(3 == 4)"));
    let mut ctx = HashMapContext::new();
    ctx.set_value("x".into(), Value::Int(7)).unwrap();
    ctx.set_function(
        "sq".into(),
        Function::new(|arg| {
            let n = arg.as_int()?;
            Ok(Value::Int(n * n))
        }),
    )
    .unwrap();
    println!("{:?}", eval_int_with_context("sq(x) + 1", &ctx));
    println!("{:?}", eval_with_context_mut("y = x * 3; y + 1", &mut ctx));
    println!("{:?}", ctx.get_value("y"));
    println!("{:?}", eval("(1, 2.5, \"s\", true)"));
    println!("{:?}", eval("1 +").map_err(|e| e.to_string()));
    println!("{:?} {:?}", std::any::TypeId::of::<rhai::Dynamic>(), std::any::TypeId::of::<rhai::Array>());
    println!("{:?}", std::any::TypeId::of::<(evalexpr::Value, Option<rhai::ImmutableString>)>());
    let tree = build_operator_tree("a * (b + 2)").unwrap();
    let vars: Vec<&str> = tree.iter_variable_identifiers().collect();
    println!("{vars:?}");
}
