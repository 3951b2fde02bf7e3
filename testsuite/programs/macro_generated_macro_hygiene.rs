// A macro that writes a macro whose metavariables all have one name, each from a
// different expansion (defmac 0.2's recursion makes `$marg` once per argument): for
// rustc they are different variables, as their hygiene differs. Keyed by name alone,
// every argument bound the last one: `first!(1, 2)` gave 2, silently.
macro_rules! defmac {
    (@nest $name:ident ($dol:tt) => ([$($arg:ident)*] $($result_body:tt)+)) => {
        macro_rules! $name {
            ($($dol $arg : expr), *) => {
                $($result_body)+
            }
        }
    };
    (@nest $name:ident ($dol:tt) => ([$($arg:ident)*] $($result_body:tt)+) $p1:pat $(, $p2:pat)*) => {
        defmac!{@nest $name ($dol) => (
            [marg $($arg)*]
            match {$dol marg} { $p1 => $($result_body)+ }
        )
        $($p2),* }
    };
    (@revpats [$($args:tt)*] [$($pr:pat),*]) => {
        defmac!{@nest $($args)* $($pr),*}
    };
    (@revpats [$($args:tt)*] [$($pr:pat),*] $p1:pat $(, $p2:pat)*) => {
        defmac!{@revpats [$($args)*] [$p1 $(, $pr)*] $($p2),*}
    };
    ($name:ident $($p1:pat),* => $result:expr) => {
        defmac!{@revpats [$name ($) => ([] $result)] [] $($p1),*}
    };
}

defmac!(first a, b => a);
defmac!(second a, b => b);
defmac!(sub a, b => a - b);
defmac!(pick3 a, b, c => (c, b, a));
defmac!(lens ref v, n => v.iter().take(n).map(|s: &String| s.len()).sum::<usize>());

// The same name from one expansion stays one variable (`$x` twice in the template).
macro_rules! twice {
    ($x:expr) => {
        $x + $x
    };
}

fn main() {
    println!("{} {} {}", first!(1, 2), second!(1, 2), sub!(10, 3));
    println!("{:?}", pick3!("a", 'b', 3u8));
    let words = vec!["one".to_string(), "three".to_string(), "x".to_string()];
    println!("{}", lens!(words, 2));
    println!("{}", twice!(21));
}
