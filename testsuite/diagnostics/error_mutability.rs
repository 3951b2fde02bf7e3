// Assigning twice to an immutable binding and borrowing it mutably: E0384 and E0596.
fn push(v: &mut Vec<u32>) {
    v.push(1);
}

fn main() {
    let x = 1;
    x = 2;
    let v = Vec::new();
    push(&mut v);
    println!("{x} {v:?}");
}
