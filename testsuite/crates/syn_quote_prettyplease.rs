// Rust source as data at run time: syn parses a file (full syntax tree, visitors), quote
// builds new items, prettyplease prints them; proc-macro2 outside a procedural macro.
//@ dep: syn2 = { package = "syn", version = "=2.0.119", features = ["full", "visit", "visit-mut", "extra-traits"] }
//@ dep: quote = "=1.0.47"
//@ dep: proc-macro2 = "=1.0.107"
//@ dep: prettyplease = "=0.2.37"
use quote::{format_ident, quote};
use syn2 as syn;
use syn::visit::Visit;
use syn::visit_mut::VisitMut;

const SOURCE: &str = r#"
    /// Adds.
    pub fn add(a: i32, b: i32) -> i32 { a + b }
    struct Point<T: Copy> { x: T, y: T }
    impl<T: Copy + std::ops::Add<Output = T>> Point<T> {
        fn sum(&self) -> T { self.x + self.y }
    }
    enum Shape { Circle(f64), Rect { w: f64, h: f64 } }
    fn area(s: &Shape) -> f64 {
        match s {
            Shape::Circle(r) => 3.14 * r * r,
            Shape::Rect { w, h } => w * h,
        }
    }
    const LIMIT: usize = 10;
    fn loops() { for i in 0..LIMIT { if i % 2 == 0 { continue; } println!("{}", i); } }
"#;

#[derive(Default)]
struct Counter {
    fns: Vec<String>,
    calls: usize,
    literals: Vec<String>,
    binops: usize,
}

impl<'ast> Visit<'ast> for Counter {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.fns.push(format!("{} ({} args)", f.sig.ident, f.sig.inputs.len()));
        syn::visit::visit_item_fn(self, f);
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.fns.push(format!("method {}", f.sig.ident));
        syn::visit::visit_impl_item_fn(self, f);
    }
    fn visit_expr_macro(&mut self, m: &'ast syn::ExprMacro) {
        self.calls += 1;
        syn::visit::visit_expr_macro(self, m);
    }
    fn visit_lit(&mut self, l: &'ast syn::Lit) {
        self.literals.push(quote!(#l).to_string());
    }
    fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
        self.binops += 1;
        syn::visit::visit_expr_binary(self, b);
    }
}

struct Renamer;

impl VisitMut for Renamer {
    fn visit_ident_mut(&mut self, i: &mut proc_macro2::Ident) {
        if i == "add" {
            *i = format_ident!("plus");
        }
    }
    fn visit_lit_int_mut(&mut self, l: &mut syn::LitInt) {
        let v: u64 = l.base10_parse().unwrap();
        *l = syn::LitInt::new(&(v * 100).to_string(), l.span());
    }
}

fn main() {
    let mut file: syn::File = syn::parse_str(SOURCE).expect("parses");
    println!("{} items", file.items.len());
    for item in &file.items {
        let kind = match item {
            syn::Item::Fn(f) => format!("fn {}", f.sig.ident),
            syn::Item::Struct(s) => format!("struct {} with {} fields", s.ident, s.fields.len()),
            syn::Item::Enum(e) => format!("enum {} with {} variants", e.ident, e.variants.len()),
            syn::Item::Impl(i) => format!("impl with {} items", i.items.len()),
            syn::Item::Const(c) => format!("const {}", c.ident),
            _ => "other".to_string(),
        };
        println!("  {kind}");
    }
    let mut c = Counter::default();
    c.visit_file(&file);
    println!("fns: {:?}", c.fns);
    println!("macro calls: {}, binary ops: {}", c.calls, c.binops);
    println!("literals: {:?}", c.literals);

    Renamer.visit_file_mut(&mut file);
    println!("{}", prettyplease::unparse(&file));

    let names = ["alpha", "beta", "gamma"];
    let fields = names.iter().map(|n| format_ident!("{}", n));
    let getters = names.iter().enumerate().map(|(i, n)| {
        let name = format_ident!("get_{}", n);
        let field = format_ident!("{}", n);
        let idx = i as u32;
        quote! { pub fn #name(&self) -> u32 { self.#field + #idx } }
    });
    let generated = quote! {
        pub struct Generated { #(pub #fields: u32),* }
        impl Generated { #(#getters)* }
    };
    let tokens = generated.to_string();
    println!("{} tokens chars", tokens.len());
    let parsed: syn::File = syn::parse2(generated).unwrap();
    println!("{}", prettyplease::unparse(&parsed));

    let e: syn::Expr = syn::parse_str("a * (b + 3) - f(x, y)[2].z").unwrap();
    println!("{:?}", matches!(e, syn::Expr::Binary(_)));
    let ty: syn::Type = syn::parse_str("Vec<HashMap<String, Option<&'static str>>>").unwrap();
    println!("{}", quote!(#ty));
    match syn::parse_str::<syn::File>("fn broken( {") {
        Ok(_) => println!("unexpected"),
        Err(err) => println!("error: {err}"),
    }
    let lit: syn::LitStr = syn::parse_str(r#""esc\n\"aped\"""#).unwrap();
    println!("{:?}", lit.value());
}
