// A small expression calculator: tokenizer, recursive-descent parser, Box-ed AST, a trait
// with an associated type, a user Iterator, errors through `?` and `Display`.
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Ident(String),
    Op(char),
    LParen,
    RParen,
}

struct Lexer<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Result<Tok, String>;
    fn next(&mut self) -> Option<Self::Item> {
        while let Some(&c) = self.chars.peek() {
            if c.is_whitespace() {
                self.chars.next();
            } else {
                break;
            }
        }
        let c = *self.chars.peek()?;
        Some(Ok(match c {
            '0'..='9' | '.' => {
                let mut s = String::new();
                while let Some(&d) = self.chars.peek() {
                    if d.is_ascii_digit() || d == '.' {
                        s.push(d);
                        self.chars.next();
                    } else {
                        break;
                    }
                }
                match s.parse() {
                    Ok(v) => Tok::Num(v),
                    Err(e) => return Some(Err(format!("bad number {s:?}: {e}"))),
                }
            }
            'a'..='z' | 'A'..='Z' | '_' => {
                let mut s = String::new();
                while let Some(&d) = self.chars.peek() {
                    if d.is_alphanumeric() || d == '_' {
                        s.push(d);
                        self.chars.next();
                    } else {
                        break;
                    }
                }
                Tok::Ident(s)
            }
            '+' | '-' | '*' | '/' | '^' => {
                self.chars.next();
                Tok::Op(c)
            }
            '(' => {
                self.chars.next();
                Tok::LParen
            }
            ')' => {
                self.chars.next();
                Tok::RParen
            }
            other => {
                self.chars.next();
                return Some(Err(format!("unexpected {other:?}")));
            }
        }))
    }
}

#[derive(Debug)]
enum Expr {
    Num(f64),
    Var(String),
    Neg(Box<Expr>),
    Bin(char, Box<Expr>, Box<Expr>),
    Call(String, Vec<Expr>),
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Num(n) => write!(f, "{n}"),
            Expr::Var(v) => write!(f, "{v}"),
            Expr::Neg(e) => write!(f, "(-{e})"),
            Expr::Bin(op, a, b) => write!(f, "({a} {op} {b})"),
            Expr::Call(name, args) => {
                write!(f, "{name}(")?;
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{a}")?;
                }
                write!(f, ")")
            }
        }
    }
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn bump(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn expr(&mut self) -> Result<Expr, String> {
        let mut lhs = self.term()?;
        while let Some(Tok::Op(op @ ('+' | '-'))) = self.peek().cloned() {
            self.bump();
            let rhs = self.term()?;
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
        }
        Ok(lhs)
    }
    fn term(&mut self) -> Result<Expr, String> {
        let mut lhs = self.factor()?;
        loop {
            match self.peek() {
                Some(Tok::Op(op)) if *op == '*' || *op == '/' => {
                    let op = *op;
                    self.bump();
                    let rhs = self.factor()?;
                    lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
                }
                _ => break Ok(lhs),
            }
        }
    }
    fn factor(&mut self) -> Result<Expr, String> {
        let base = self.unary()?;
        if let Some(Tok::Op('^')) = self.peek() {
            self.bump();
            let exp = self.factor()?;
            return Ok(Expr::Bin('^', Box::new(base), Box::new(exp)));
        }
        Ok(base)
    }
    fn unary(&mut self) -> Result<Expr, String> {
        match self.bump() {
            Some(Tok::Op('-')) => Ok(Expr::Neg(Box::new(self.unary()?))),
            Some(Tok::Num(n)) => Ok(Expr::Num(n)),
            Some(Tok::Ident(name)) => {
                if let Some(Tok::LParen) = self.peek() {
                    self.bump();
                    let mut args = vec![];
                    if self.peek() != Some(&Tok::RParen) {
                        args.push(self.expr()?);
                    }
                    match self.bump() {
                        Some(Tok::RParen) => Ok(Expr::Call(name, args)),
                        t => Err(format!("expected ')' after call, got {t:?}")),
                    }
                } else {
                    Ok(Expr::Var(name))
                }
            }
            Some(Tok::LParen) => {
                let e = self.expr()?;
                match self.bump() {
                    Some(Tok::RParen) => Ok(e),
                    t => Err(format!("expected ')', got {t:?}")),
                }
            }
            t => Err(format!("unexpected token {t:?}")),
        }
    }
}

trait Eval {
    type Out;
    fn eval(&self, env: &HashMap<&str, f64>) -> Self::Out;
}

impl Eval for Expr {
    type Out = Result<f64, String>;
    fn eval(&self, env: &HashMap<&str, f64>) -> Result<f64, String> {
        Ok(match self {
            Expr::Num(n) => *n,
            Expr::Var(v) => *env.get(v.as_str()).ok_or_else(|| format!("unknown variable {v}"))?,
            Expr::Neg(e) => -e.eval(env)?,
            Expr::Bin(op, a, b) => {
                let (x, y) = (a.eval(env)?, b.eval(env)?);
                match op {
                    '+' => x + y,
                    '-' => x - y,
                    '*' => x * y,
                    '/' if y == 0.0 => return Err("division by zero".into()),
                    '/' => x / y,
                    '^' => x.powf(y),
                    _ => unreachable!(),
                }
            }
            Expr::Call(name, args) => {
                let vals = args.iter().map(|a| a.eval(env)).collect::<Result<Vec<_>, _>>()?;
                match (name.as_str(), vals.as_slice()) {
                    ("sqrt", [v]) => v.sqrt(),
                    ("abs", [v]) => v.abs(),
                    ("pi", []) => std::f64::consts::PI,
                    (n, vs) => return Err(format!("bad call {n}/{}", vs.len())),
                }
            }
        })
    }
}

fn run(src: &str, env: &HashMap<&str, f64>) -> Result<(String, f64), String> {
    let toks = Lexer { chars: src.chars().peekable() }.collect::<Result<Vec<_>, _>>()?;
    let mut p = Parser { toks, pos: 0 };
    let e = p.expr()?;
    if p.pos < p.toks.len() {
        return Err(format!("trailing input at token {}", p.pos));
    }
    let v = e.eval(env)?;
    Ok((e.to_string(), v))
}

fn main() {
    let env: HashMap<&str, f64> = [("x", 3.0), ("y", -0.5), ("big", 1e10)].into_iter().collect();
    let inputs = [
        "1 + 2 * 3",
        "(1 + 2) * 3",
        "-x ^ 2",
        "2 ^ 3 ^ 2",
        "sqrt(x * x + 16) / y",
        "abs(-big) * pi()",
        "1 / (x - 3)",
        "foo + 1",
        "1.2.3 + 4",
        "3 $ 4",
        "(1 + 2",
        "1 2",
        "sqrt()",
        "x / 7",
    ];
    let mut ok = 0;
    for src in inputs {
        match run(src, &env) {
            Ok((shown, v)) => {
                ok += 1;
                println!("{src:<22} => {shown:<28} = {v:>12.5} ({v:e})");
            }
            Err(e) => println!("{src:<22} => error: {e}"),
        }
    }
    println!("{ok}/{} evaluated", inputs.len());
}
