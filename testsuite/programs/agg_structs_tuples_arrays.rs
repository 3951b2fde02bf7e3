use std::hint::black_box;

#[derive(Debug, Clone, Copy)]
struct Vec3 {
    x: f32,
    y: f32,
    z: f32,
}

#[derive(Debug)]
struct Particle {
    id: u16,
    pos: Vec3,
    vel: Vec3,
    tags: [u8; 3],
    meta: (bool, char, i64),
}

struct Wrapper(u8, (i16, [u32; 2]), &'static str);

fn step(p: &mut Particle, dt: f32) {
    p.pos.x += p.vel.x * dt;
    p.pos.y += p.vel.y * dt;
    p.pos.z += p.vel.z * dt;
    p.tags[2] = p.tags[2].wrapping_add(1);
    p.meta.2 -= 1;
}

fn swap_pair<A, B>(t: (A, B)) -> (B, A) {
    (t.1, t.0)
}

fn main() {
    let mut p = Particle {
        id: black_box(7),
        pos: Vec3 { x: 0.0, y: 1.0, z: -1.0 },
        vel: Vec3 { x: 0.5, y: -0.25, z: 2.0 },
        tags: [1, 2, 254],
        meta: (true, 'q', 100),
    };
    for _ in 0..3 {
        step(&mut p, black_box(0.5));
    }
    println!("{:?}", p);
    let Particle { id, pos: Vec3 { x, .. }, tags: [t0, _, t2], .. } = p;
    println!("id={} x={} t0={} t2={}", id, x, t0, t2);
    let w = Wrapper(9, (-3, [10, 20]), "wrapped");
    println!("{} {} {} {} {}", w.0, (w.1).0, w.1 .1[1], w.2, w.1 .1.len());
    let t = (1u8, (2u16, (3u32, (4u64, "deep"))));
    println!("{} {:?}", ((t.1).1).1 .1, t);
    println!("{:?}", swap_pair(("a", 2.5)));
    let mut grid = [[0i32; 5]; 4];
    for (r, row) in grid.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = (r as i32 - 1) * (c as i32 + 2);
        }
    }
    println!("{:?}", grid);
    let col_sums: Vec<i32> = (0..5).map(|c| grid.iter().map(|row| row[c]).sum()).collect();
    println!("col sums {:?}", col_sums);
    let arr_of_structs = [Vec3 { x: 1.0, y: 2.0, z: 3.0 }; 3];
    let total: f32 = arr_of_structs.iter().map(|v| v.x + v.y + v.z).sum();
    println!("total {}", total);
    let (a, mut b, c): (i32, String, [char; 2]) = (5, String::from("x"), ['y', 'z']);
    b.push(c[1]);
    println!("{} {} {:?}", a, b, c);
    let unit = ();
    println!("{:?} {:?}", unit, ((), ((),)));
    let arr2: [(u8, bool); 3] = [(1, true), (2, false), (3, true)];
    println!("{}", arr2.iter().filter(|e| e.1).map(|e| e.0 as u32).sum::<u32>());
    println!("{}", arr2 == [(1, true), (2, false), (3, true)]);
}
