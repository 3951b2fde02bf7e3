#[derive(Debug)]
struct Unit;

#[derive(Debug)]
struct Tuple(i32, &'static str, f64);

#[derive(Debug)]
struct Named {
    id: u32,
    label: String,
    tags: Vec<&'static str>,
    parent: Option<Box<Named>>,
}

#[derive(Debug)]
enum Event {
    Start,
    Key(char),
    Click { x: i16, y: i16, button: Button },
    Batch(Vec<Event>),
    Pair(Unit, Tuple),
}

#[derive(Debug)]
enum Button {
    Left,
    Right,
}

#[derive(Debug)]
struct Generic<T, const N: usize> {
    arr: [T; N],
    nested: ((), (u8,), [bool; 0]),
}

#[derive(Debug)]
struct Empty {}

fn main() {
    println!("{:?}", Unit);
    println!("{:#?}", Unit);
    let t = Tuple(-3, "tup", 2.5);
    println!("{:?}", t);
    println!("{:#?}", t);
    let n = Named {
        id: 1,
        label: "child \"quoted\"\n".to_string(),
        tags: vec!["a", "b"],
        parent: Some(Box::new(Named { id: 0, label: "root".into(), tags: vec![], parent: None })),
    };
    println!("{:?}", n);
    println!("{:#?}", n);
    let events = vec![
        Event::Start,
        Event::Key('\''),
        Event::Click { x: -5, y: 7, button: Button::Right },
        Event::Batch(vec![Event::Key('z'), Event::Click { x: 0, y: 0, button: Button::Left }]),
        Event::Pair(Unit, Tuple(1, "", 0.0)),
    ];
    println!("{:?}", events);
    println!("{:#?}", events[3]);
    let g = Generic { arr: [1u16, 2, 3], nested: ((), (9,), []) };
    println!("{:?}", g);
    println!("{:#?}", g);
    println!("{:?} {:#?}", Empty {}, Empty {});
    println!("{:?}", (1, "two", [3.0f32], Some(Some(())), Ok::<u8, ()>(4)));
    println!("{:#?}", (1, Some("x")));
    println!("[{:>20?}] [{:<12?}]", Some(5), Button::Left);
}
