use std::hint::black_box;

struct Guard {
    name: String,
}

impl Drop for Guard {
    fn drop(&mut self) {
        println!("unwinding drops {}", self.name);
    }
}

fn work(items: &[i32]) -> i32 {
    let _g = Guard { name: "work-frame".to_string() };
    let mut total = 0;
    for &i in items {
        let _iter_guard = Guard { name: format!("item {}", i) };
        if i < 0 {
            panic!("negative item {}", i);
        }
        total += i;
        println!("processed {}", i);
    }
    total
}

fn main() {
    let _outer = Guard { name: "main-outer".to_string() };
    let boxed = Box::new(Guard { name: "main-boxed".to_string() });
    let v = vec![Guard { name: "vec-a".to_string() }, Guard { name: "vec-b".to_string() }];
    println!("ok total {}", work(&[1, 2]));
    println!("holding {} and {} guards", boxed.name, v.len());
    let t = work(&black_box([3, -4, 5]));
    println!("unreachable {}", t);
}
