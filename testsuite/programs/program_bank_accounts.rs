// A bank-account state machine: traits with default methods and generics over trait
// objects, Rc<RefCell<..>> sharing, error enums with From conversions and `?`, Drop
// logging, sorting by float keys, and integer overflow caught with checked arithmetic.
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq)]
enum TxError {
    Insufficient { need: u64, have: u64 },
    Frozen(String),
    Overflow,
    Parse(String),
}

impl fmt::Display for TxError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            TxError::Insufficient { need, have } => write!(f, "need {need}, have {have}"),
            TxError::Frozen(who) => write!(f, "account {who} is frozen"),
            TxError::Overflow => f.write_str("overflow"),
            TxError::Parse(s) => write!(f, "cannot parse {s:?}"),
        }
    }
}

impl From<std::num::ParseIntError> for TxError {
    fn from(e: std::num::ParseIntError) -> Self {
        TxError::Parse(e.to_string())
    }
}

trait Account {
    fn name(&self) -> &str;
    fn balance(&self) -> u64;
    fn set_balance(&mut self, v: u64);
    fn frozen(&self) -> bool {
        false
    }
    fn withdraw(&mut self, amt: u64) -> Result<u64, TxError> {
        if self.frozen() {
            return Err(TxError::Frozen(self.name().to_string()));
        }
        let have = self.balance();
        let left = have.checked_sub(amt).ok_or(TxError::Insufficient { need: amt, have })?;
        self.set_balance(left);
        Ok(left)
    }
    fn deposit(&mut self, amt: u64) -> Result<u64, TxError> {
        let v = self.balance().checked_add(amt).ok_or(TxError::Overflow)?;
        self.set_balance(v);
        Ok(v)
    }
}

struct Checking {
    name: String,
    cents: u64,
}
struct Vault {
    name: String,
    cents: u64,
    locked: bool,
}

impl Account for Checking {
    fn name(&self) -> &str {
        &self.name
    }
    fn balance(&self) -> u64 {
        self.cents
    }
    fn set_balance(&mut self, v: u64) {
        self.cents = v;
    }
}
impl Account for Vault {
    fn name(&self) -> &str {
        &self.name
    }
    fn balance(&self) -> u64 {
        self.cents
    }
    fn set_balance(&mut self, v: u64) {
        self.cents = v;
    }
    fn frozen(&self) -> bool {
        self.locked
    }
}
impl Drop for Checking {
    fn drop(&mut self) {
        println!("closing {} with {}", self.name, self.cents);
    }
}

type Shared = Rc<RefCell<dyn Account>>;

fn transfer(from: &Shared, to: &Shared, amt: &str) -> Result<(u64, u64), TxError> {
    let amt: u64 = amt.trim().parse()?;
    let left = from.borrow_mut().withdraw(amt)?;
    let now = match to.borrow_mut().deposit(amt) {
        Ok(v) => v,
        Err(e) => {
            from.borrow_mut().deposit(amt).expect("refund");
            return Err(e);
        }
    };
    Ok((left, now))
}

fn total<'a, I: IntoIterator<Item = &'a Shared>>(accts: I) -> u128 {
    accts.into_iter().map(|a| a.borrow().balance() as u128).sum()
}

fn main() {
    let alice: Shared = Rc::new(RefCell::new(Checking { name: "alice".into(), cents: 10_000 }));
    let bob: Shared = Rc::new(RefCell::new(Checking { name: "bob".into(), cents: 500 }));
    let vault_cell = Rc::new(RefCell::new(Vault { name: "vault".into(), cents: u64::MAX - 10, locked: false }));
    let vault: Shared = vault_cell.clone();
    let by_name: HashMap<&str, Shared> =
        [("alice", alice.clone()), ("bob", bob.clone()), ("vault", vault.clone())].into_iter().collect();
    let script = [
        ("alice", "bob", " 2500"),
        ("bob", "alice", "4000"),
        ("bob", "vault", "100"),
        ("alice", "bob", "12x"),
        ("vault", "bob", "5"),
        ("bob", "alice", "-3"),
    ];
    for (i, (f, t, amt)) in script.iter().enumerate() {
        if i == 4 {
            vault_cell.borrow_mut().locked = true;
        }
        match transfer(&by_name[f], &by_name[t], amt) {
            Ok((l, n)) => println!("{f} -> {t} {amt:>5}: ok, {f}={l} {t}={n}"),
            Err(e) => println!("{f} -> {t} {amt:>5}: {e} / {e:?}"),
        }
    }
    println!("rc counts {} {} {}", Rc::strong_count(&alice), Rc::strong_count(&bob), Rc::strong_count(&vault));
    println!("total {}", total([&alice, &bob]));
    let mut ranked: Vec<(&str, f64)> = by_name.iter().map(|(k, v)| (*k, v.borrow().balance() as f64 / 100.0)).collect();
    ranked.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap().then_with(|| a.0.cmp(b.0)));
    for (name, dollars) in &ranked {
        println!("{name:>6}: {dollars:>10.2}");
    }
    drop(by_name);
    drop(alice);
    println!("bob still {}", bob.borrow().balance());
}
