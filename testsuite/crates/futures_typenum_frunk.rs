// Futures without async syntax (futures' hand-written combinators, executors, channels and
// streams: Pin, Context and Waker vtables across rustc and rac code), type-level numbers
// (typenum, generic-array: trait solving over deep nested types) and HLists and generic
// derivations (frunk).
//@ dep: futures = "=0.3.31"
//@ dep: typenum = "=1.17.0"
//@ dep: generic-array = "=0.14.7"
//@ dep: frunk = "=0.4.3"
//@ dep: frunk_core = "=0.4.3"
use futures::channel::{mpsc, oneshot};
use futures::executor::{block_on, block_on_stream, LocalPool};
use futures::future::{self, FutureExt, TryFutureExt};
use futures::sink::SinkExt;
use futures::stream::{self, StreamExt, TryStreamExt};
use futures::task::LocalSpawnExt;
use std::cell::RefCell;
use std::rc::Rc;

fn futures_part() {
    let f = future::ready(20).map(|x| x * 2).then(|x| future::ready(x + 2));
    println!("{}", block_on(f));
    let (a, b, c) = block_on(future::join3(future::ready(1), future::lazy(|_| "two"), future::ready(3.5)));
    println!("{a} {b} {c}");
    let r: Result<i32, String> = block_on(future::ok::<i32, String>(5).and_then(|x| future::ok(x * 3)).map_ok(|x| x + 1));
    println!("{r:?}");
    let e = block_on(future::err::<i32, &str>("bad").or_else(|e| future::ok::<i32, &str>(e.len() as i32)));
    println!("{e:?}");
    let sel = block_on(future::select(future::pending::<u8>(), future::ready("ready")).map(|either| match either {
        future::Either::Left(_) => "left",
        future::Either::Right((v, _)) => v,
    }));
    println!("{sel}");
    let all = block_on(future::join_all((1..=5).map(|i| future::ready(i * i))));
    println!("{all:?}");
    let s: Vec<String> = block_on(stream::iter(1..=10).filter(|x| future::ready(x % 3 != 0)).map(|x| format!("<{x}>")).collect());
    println!("{}", s.join(""));
    let sum = block_on(stream::iter(vec![3, 4, 5]).fold(0, |acc, x| future::ready(acc + x)));
    println!("{sum}");
    let t: Result<Vec<i32>, String> = block_on(stream::iter(vec![Ok(1), Ok(2), Err("stop".to_string()), Ok(4)]).try_collect());
    println!("{t:?}");
    let chunks: Vec<Vec<char>> = block_on_stream(stream::iter("abcdefg".chars()).chunks(3)).collect();
    println!("{chunks:?}");
    let zipped: Vec<(i32, char)> = block_on(stream::iter(1..).zip(stream::iter(['x', 'y', 'z'])).collect());
    println!("{zipped:?}");
    let unfold: Vec<u64> = block_on(stream::unfold((0u64, 1u64), |(a, b)| future::ready(if a > 100 { None } else { Some((a, (b, a + b))) })).collect());
    println!("{unfold:?}");

    let (tx, rx) = oneshot::channel::<String>();
    let th = std::thread::spawn(move || tx.send("from thread".to_string()).unwrap());
    println!("{:?}", block_on(rx));
    th.join().unwrap();
    let (mut tx, rx) = mpsc::channel::<u32>(2);
    let th = std::thread::spawn(move || {
        block_on(async_free_send(&mut tx));
    });
    let got: Vec<u32> = block_on(rx.collect());
    th.join().unwrap();
    println!("{got:?}");

    let mut pool = LocalPool::new();
    let log = Rc::new(RefCell::new(Vec::new()));
    for i in 0..3 {
        let log = log.clone();
        pool.spawner().spawn_local(future::lazy(move |_| log.borrow_mut().push(i * 10))).unwrap();
    }
    let (utx, urx) = mpsc::unbounded::<&'static str>();
    let log2 = log.clone();
    pool.spawner().spawn_local(urx.for_each(move |s| { log2.borrow_mut().push(s.len() as i32); future::ready(()) })).unwrap();
    for s in ["a", "bb", "ccc"] { utx.unbounded_send(s).unwrap(); }
    drop(utx);
    pool.run();
    println!("{:?}", log.borrow());
    let shared = future::ready(7).shared();
    let s2 = shared.clone();
    println!("{} {}", block_on(shared), block_on(s2));
    let boxed: future::BoxFuture<'static, String> = future::ready(1).map(|x| format!("boxed {x}")).boxed();
    println!("{}", block_on(boxed));
    let caught = block_on(future::lazy(|_| 1).map(|x: i32| x.checked_sub(2)));
    println!("{caught:?}");
}

fn async_free_send(tx: &mut mpsc::Sender<u32>) -> impl std::future::Future<Output = ()> + '_ {
    stream::iter((1..=5).map(Ok)).forward(tx.clone().sink_map_err(|_| ())).map(|r| r.unwrap())
        .then(move |()| { tx.close_channel(); future::ready(()) })
}

fn typenum_part() {
    use generic_array::{arr, GenericArray, sequence::GenericSequence};
    use typenum::{Diff, Prod, Quot, Sum, Unsigned, U12, U3, U4, U5, P3, N2, Integer, Z0};
    type Twelve = Prod<U3, U4>;
    println!("{} {} {} {}", <Sum<U5, U12> as Unsigned>::USIZE, <Diff<U12, U5>>::U32, <Quot<U12, U4>>::U8, Twelve::U64);
    println!("{} {} {}", <typenum::Prod<P3, N2> as Integer>::I32, <Z0 as Integer>::I64, <typenum::Exp<typenum::U2, typenum::U10>>::USIZE);
    let a: GenericArray<u32, U5> = GenericArray::generate(|i| (i as u32 + 1) * 7);
    let b = arr![u32; 1, 2, 3, 4, 5];
    let c: GenericArray<u32, U5> = a.iter().zip(b.iter()).map(|(x, y)| x * y).collect();
    println!("{:?} {} {:?}", c, c.len(), c.as_slice().iter().max());
    let (head, tail): (GenericArray<u32, typenum::U2>, GenericArray<u32, typenum::U3>) = generic_array::sequence::Split::split(c);
    println!("{head:?} {tail:?}");
    let joined = generic_array::sequence::Concat::concat(tail, head);
    println!("{joined:?}");
}

fn frunk_part() {
    use frunk::{hlist, hlist_pat, Generic, LabelledGeneric, prelude::HList as _, Monoid, Semigroup};
    let h = hlist![1i32, "two", 3.0f64, 'c'];
    let hlist_pat![a, b, c, d] = h;
    println!("{a} {b} {c} {d} {}", <frunk::HList!(i32, &str, f64, char)>::LEN);
    let mapped = hlist![1, 2.5, "x"].map(hlist![|x: i32| x + 1, |f: f64| f * 2.0, |s: &str| s.repeat(3)]);
    println!("{:?}", mapped);
    let folded = hlist![1, 2, 3].foldl(|acc, x| acc * 10 + x, 0);
    println!("{folded} {:?}", hlist![1, "a"].into_reverse());
    #[derive(Generic, LabelledGeneric, Debug)]
    struct ApiUser { first_name: String, last_name: String, age: u32 }
    #[derive(Generic, LabelledGeneric, Debug)]
    struct DomainUser { first_name: String, last_name: String, age: u32 }
    #[derive(LabelledGeneric, Debug)]
    struct Reordered { age: u32, last_name: String, first_name: String }
    let u = ApiUser { first_name: "Ada".into(), last_name: "Lovelace".into(), age: 36 };
    let d: DomainUser = frunk::convert_from(u);
    println!("{d:?}");
    let r: Reordered = frunk::labelled::Transmogrifier::transmogrify(d);
    println!("{r:?}");
    println!("{:?} {:?}", Some(3).combine(&Some(4)), frunk::monoid::combine_all(&[vec![1], vec![2, 3], vec![]]));
    println!("{} {:?}", <String as Monoid>::empty().len(), frunk::semigroup::Max(3).combine(&frunk::semigroup::Max(9)));
    use frunk::validated::IntoValidated;
    let v = Ok::<i32, String>(1).into_validated() + Ok::<&str, String>("b") + Err::<u8, String>("no".into());
    println!("{:?}", v.into_result());
}

fn main() {
    futures_part();
    typenum_part();
    frunk_part();
}
