use std::hint::black_box;

struct Grid {
    cells: [[u8; 4]; 3],
}

fn get(g: &Grid, r: usize, c: usize) -> u8 {
    g.cells[r][c]
}

fn main() {
    let mut g = Grid { cells: [[0; 4]; 3] };
    for r in 0..3 {
        for c in 0..4 {
            g.cells[r][c] = (r * 4 + c) as u8;
        }
    }
    println!("{}", get(&g, 2, 3));
    println!("{}", get(&g, black_box(1), black_box(2)));
    println!("{}", get(&g, black_box(3), black_box(0)));
}
