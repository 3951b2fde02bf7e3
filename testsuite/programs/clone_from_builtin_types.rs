// `Clone::clone_from` of types whose `Clone` impl the compiler provides (unit, tuples,
// arrays, closures, fn pointers) runs the trait's provided body, `*self = source.clone()`.
// It used to be sent to the `clone` shim, which takes one argument: the function was
// refused (indexmap's `Bucket<K, ()>::clone_from` for an `IndexSet`).
#[derive(Debug)]
struct Loud(u32);
impl Clone for Loud {
    fn clone(&self) -> Self {
        println!("clone Loud({})", self.0);
        Loud(self.0 + 100)
    }
    fn clone_from(&mut self, source: &Self) {
        println!("clone_from Loud({}) <- Loud({})", self.0, source.0);
        self.0 = source.0 + 1000;
    }
}

struct Bucket<K, V> { key: K, value: V }
impl<K: Clone, V: Clone> Clone for Bucket<K, V> {
    fn clone(&self) -> Self {
        Bucket { key: self.key.clone(), value: self.value.clone() }
    }
    fn clone_from(&mut self, other: &Self) {
        self.key.clone_from(&other.key);
        self.value.clone_from(&other.value);
    }
}

fn refresh<T: Clone + std::fmt::Debug>(mut target: T, source: &T) -> T {
    target.clone_from(source);
    target
}

fn main() {
    let mut b = Bucket { key: 1u8, value: () };
    b.clone_from(&Bucket { key: 7, value: () });
    println!("{} {:?}", b.key, b.value);
    println!("{:?}", refresh((1, Loud(2)), &(3, Loud(4))));
    println!("{:?}", refresh([Loud(1), Loud(2)], &[Loud(5), Loud(6)]));
    println!("{:?}", refresh(((), ((), 9u64)), &((), ((), 10))));
    let f: fn(u8) -> u8 = |x| x + 1;
    let g = refresh(f, &((|x| x * 3) as fn(u8) -> u8));
    println!("{}", g(5));
    let k = 4;
    let c = move |x: u32| x + k;
    let mut d = c;
    d.clone_from(&c);
    println!("{}", d(1));
    let mut bs = vec![Bucket { key: "a", value: () }, Bucket { key: "b", value: () }];
    bs.clone_from(&vec![Bucket { key: "z", value: () }]);
    println!("{:?}", bs.iter().map(|b| b.key).collect::<Vec<_>>());
}
