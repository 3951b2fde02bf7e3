// `&(constant arithmetic)` is promoted to static memory by rustc, so the reference may
// outlive the function: flags combined with `|`, shifted masks, comparisons, casts.
const READ: u32 = 1;
const WRITE: u32 = 2;
const EXEC: u32 = 4;

fn read_write() -> &'static u32 {
    &(READ | WRITE)
}

fn all_but_exec() -> &'static u32 {
    &((READ | WRITE | EXEC) & !EXEC)
}

fn mask(bits: u32) -> u64 {
    let table: &'static [u64; 3] = &[(1 << 8) - 1, (1 << 16) - 1, 1 << 40];
    table[bits as usize % 3]
}

fn limits() -> &'static (bool, i64, u8) {
    &(READ < WRITE, -(1 << 40) + 7, (300 - 45) as u8)
}

fn pick(i: usize) -> &'static i32 {
    match i {
        0 => &(2 * 21),
        1 => &(100 - 1),
        _ => &(-5 ^ 3),
    }
}

fn main() {
    let a = read_write();
    let b = all_but_exec();
    let v: Vec<&'static i32> = (0..3).map(pick).collect();
    // Some stack traffic between taking and reading the references.
    let noise: Vec<String> = (0..50).map(|i| format!("{i:>8}")).collect();
    println!("{} {} {}", a, b, noise.len());
    println!("{} {} {}", mask(0), mask(1), mask(2));
    println!("{:?}", limits());
    println!("{:?}", v);
}
