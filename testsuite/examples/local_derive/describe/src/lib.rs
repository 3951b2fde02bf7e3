//! `#[derive(Describe)]`: `fn describe(&self) -> String` naming the type and its fields,
//! written over `proc_macro`'s token trees alone.
use proc_macro::{Delimiter, TokenStream, TokenTree};

#[proc_macro_derive(Describe)]
pub fn derive_describe(input: TokenStream) -> TokenStream {
    let mut tokens = input.into_iter();
    let mut name = String::new();
    let mut fields = Vec::new();
    while let Some(t) = tokens.next() {
        if let TokenTree::Ident(i) = &t {
            if i.to_string() == "struct" {
                name = tokens.next().expect("a name").to_string();
            }
        }
        if let TokenTree::Group(g) = &t {
            if g.delimiter() == Delimiter::Brace && !name.is_empty() {
                // `name: Type,` pairs: a field is an ident followed by `:`.
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                for w in inner.windows(2) {
                    if let (TokenTree::Ident(f), TokenTree::Punct(p)) = (&w[0], &w[1]) {
                        if p.as_char() == ':' {
                            fields.push(f.to_string());
                        }
                    }
                }
            }
        }
    }
    let parts: Vec<String> = fields
        .iter()
        .map(|f| format!("format!(\"{f}={{:?}}\", self.{f})"))
        .collect();
    format!(
        "impl {name} {{ pub fn describe(&self) -> String {{ \
           let parts: Vec<String> = vec![{}]; \
           format!(\"{name} {{{{ {{}} }}}}\", parts.join(\", \")) }} }}",
        parts.join(", ")
    )
    .parse()
    .unwrap()
}
