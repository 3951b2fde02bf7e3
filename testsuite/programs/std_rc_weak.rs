use std::cell::RefCell;
use std::rc::{Rc, Weak};

#[derive(Debug)]
struct Node {
    name: String,
    parent: RefCell<Weak<Node>>,
    children: RefCell<Vec<Rc<Node>>>,
}

impl Node {
    fn new(name: &str) -> Rc<Node> {
        Rc::new(Node { name: name.to_string(), parent: RefCell::new(Weak::new()), children: RefCell::new(vec![]) })
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        println!("drop node {}", self.name);
    }
}

fn add_child(parent: &Rc<Node>, child: Rc<Node>) {
    *child.parent.borrow_mut() = Rc::downgrade(parent);
    parent.children.borrow_mut().push(child);
}

fn path(n: &Rc<Node>) -> String {
    match n.parent.borrow().upgrade() {
        Some(p) => format!("{}/{}", path(&p), n.name),
        None => n.name.clone(),
    }
}

fn main() {
    let a = Rc::new(5);
    let b = Rc::clone(&a);
    println!("{} {} strong={} weak={}", a, b, Rc::strong_count(&a), Rc::weak_count(&a));
    let w = Rc::downgrade(&a);
    println!("weak={} upgrade={:?}", Rc::weak_count(&a), w.upgrade());
    drop(b);
    println!("strong after drop {}", Rc::strong_count(&a));
    drop(a);
    println!("upgrade after all dropped {:?}", w.upgrade());
    let root = Node::new("root");
    let leaf = Node::new("leaf");
    {
        let mid = Node::new("mid");
        add_child(&root, mid.clone());
        add_child(&mid, leaf.clone());
        println!("mid strong={} weak={}", Rc::strong_count(&mid), Rc::weak_count(&mid));
    }
    println!("path {}", path(&leaf));
    println!("root children {:?}", root.children.borrow().iter().map(|c| c.name.clone()).collect::<Vec<_>>());
    let mut shared = Rc::new(vec![1, 2, 3]);
    let other = shared.clone();
    Rc::make_mut(&mut shared).push(4);
    println!("make_mut cloned: {:?} {:?} ptr_eq {}", shared, other, Rc::ptr_eq(&shared, &other));
    let uniq = Rc::new(String::from("only"));
    println!("try_unwrap {:?}", Rc::try_unwrap(uniq));
    let two = Rc::new(1);
    let _two2 = two.clone();
    println!("try_unwrap shared is_err {}", Rc::try_unwrap(two).is_err());
    let rc_cell = Rc::new(RefCell::new(0));
    let handles: Vec<Rc<RefCell<i32>>> = (0..3).map(|_| rc_cell.clone()).collect();
    for (i, h) in handles.iter().enumerate() {
        *h.borrow_mut() += i as i32 + 1;
    }
    println!("shared counter {} count {}", rc_cell.borrow(), Rc::strong_count(&rc_cell));
    drop(root);
    println!("after dropping root, leaf parent alive? {}", leaf.parent.borrow().upgrade().is_some());
    println!("end");
}
