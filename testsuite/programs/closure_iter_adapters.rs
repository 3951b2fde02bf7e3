use std::hint::black_box;

#[derive(Debug, Clone)]
struct Emp {
    name: &'static str,
    dept: &'static str,
    salary: u32,
    age: u8,
}

fn main() {
    let mut emps = black_box(vec![
        Emp { name: "ann", dept: "eng", salary: 120, age: 31 },
        Emp { name: "bob", dept: "ops", salary: 90, age: 45 },
        Emp { name: "cid", dept: "eng", salary: 150, age: 28 },
        Emp { name: "dee", dept: "hr", salary: 80, age: 39 },
        Emp { name: "eve", dept: "ops", salary: 95, age: 23 },
    ]);
    let threshold = 100;
    let rich: Vec<&str> = emps.iter().filter(|e| e.salary > threshold).map(|e| e.name).collect();
    println!("rich {:?}", rich);
    let total = emps.iter().fold(0u32, |acc, e| acc + e.salary);
    println!("total {}", total);
    emps.sort_by(|a, b| b.salary.cmp(&a.salary));
    println!("by salary desc {:?}", emps.iter().map(|e| e.name).collect::<Vec<_>>());
    emps.sort_by_key(|e| e.age);
    println!("by age {:?}", emps.iter().map(|e| (e.name, e.age)).collect::<Vec<_>>());
    emps.sort_by(|a, b| a.dept.cmp(b.dept).then_with(|| b.name.cmp(a.name)));
    println!("by dept then name desc {:?}", emps.iter().map(|e| format!("{}:{}", e.dept, e.name)).collect::<Vec<_>>());
    let mut young = emps.clone();
    young.retain(|e| e.age < 35);
    println!("young {:?}", young.iter().map(|e| e.name).collect::<Vec<_>>());
    let mut bonus = 5;
    emps.iter_mut().filter(|e| e.dept == "ops").for_each(|e| { e.salary += bonus; bonus += 1; });
    println!("ops after bonus {:?}", emps.iter().filter(|e| e.dept == "ops").map(|e| e.salary).collect::<Vec<_>>());
    let oldest = emps.iter().max_by_key(|e| e.age).unwrap();
    let cheapest = emps.iter().min_by(|a, b| a.salary.cmp(&b.salary)).unwrap();
    println!("oldest {} cheapest {}", oldest.name, cheapest.name);
    let names_upper: String = emps.iter().map(|e| e.name.to_uppercase()).collect::<Vec<_>>().join(",");
    println!("{}", names_upper);
    let mut nums = black_box(vec![5, -3, 8, -1, 0, 7, -9]);
    nums.sort_unstable_by_key(|x: &i32| x.abs());
    println!("by abs {:?}", nums);
    nums.sort_by(|a, b| b.cmp(a));
    println!("desc {:?}", nums);
    let (neg, pos): (Vec<i32>, Vec<i32>) = nums.iter().partition(|&&x| x < 0);
    println!("neg {:?} pos {:?}", neg, pos);
    let scanned: Vec<i32> = nums.iter().scan(0, |s, &x| { *s += x; Some(*s) }).collect();
    println!("prefix sums {:?}", scanned);
    let tw: Vec<i32> = nums.iter().copied().take_while(|&x| x > 0).collect();
    let sw: Vec<i32> = nums.iter().copied().skip_while(|&x| x > 0).collect();
    println!("take_while {:?} skip_while {:?}", tw, sw);
    let fm: Vec<u32> = ["1", "x", "3", "4y", "5"].iter().filter_map(|s| s.parse().ok()).collect();
    println!("filter_map {:?}", fm);
    let found = nums.iter().find(|&&x| x % 4 == 0);
    println!("find {:?} any {} all {}", found, nums.iter().any(|&x| x == 0), nums.iter().all(|&x| x > -10));
}
