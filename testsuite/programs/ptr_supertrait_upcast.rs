use std::hint::black_box;

trait Named {
    fn name(&self) -> String;
    fn greet(&self) -> String {
        format!("hello from {}", self.name())
    }
}

trait Animal: Named {
    fn legs(&self) -> u32;
    fn summary(&self) -> String {
        format!("{} has {} legs", self.name(), self.legs())
    }
}

trait Pet: Animal {
    fn owner(&self) -> &str;
}

struct Cat { owner: String }
struct Spider;

impl Named for Cat { fn name(&self) -> String { "cat".into() } }
impl Animal for Cat { fn legs(&self) -> u32 { 4 } }
impl Pet for Cat { fn owner(&self) -> &str { &self.owner } }

impl Named for Spider {
    fn name(&self) -> String { "spider".into() }
    fn greet(&self) -> String { "...".into() }
}
impl Animal for Spider { fn legs(&self) -> u32 { 8 } }

fn use_named(n: &dyn Named) -> String {
    n.greet()
}

fn use_animal(a: &dyn Animal) -> String {
    a.summary()
}

fn main() {
    let c = Cat { owner: black_box("Alice").to_string() };
    let pet: &dyn Pet = &c;
    println!("{} / {} / {} / owner {}", pet.name(), pet.greet(), pet.summary(), pet.owner());
    println!("legs via pet {}", pet.legs());
    let as_animal: &dyn Animal = pet;
    println!("upcast to animal: {}", use_animal(as_animal));
    let as_named: &dyn Named = pet as &dyn Named;
    println!("upcast to named: {}", use_named(as_named));
    let animals: Vec<Box<dyn Animal>> = vec![Box::new(Spider), Box::new(Cat { owner: "Bob".into() })];
    for a in &animals {
        println!("{} | {}", a.summary(), a.greet());
    }
    let named: Vec<Box<dyn Named>> = animals.into_iter().map(|a| a as Box<dyn Named>).collect();
    for n in &named {
        println!("named: {}", use_named(n.as_ref()));
    }
    let total_legs: u32 = [&Spider as &dyn Animal, &c as &dyn Animal].iter().map(|a| a.legs()).sum();
    println!("total legs {}", total_legs);
    let rc_pet: std::rc::Rc<dyn Pet> = std::rc::Rc::new(Cat { owner: "Carol".into() });
    let rc_named: std::rc::Rc<dyn Named> = rc_pet.clone();
    println!("{} {} {}", rc_named.greet(), rc_pet.owner(), std::rc::Rc::strong_count(&rc_pet));
}
