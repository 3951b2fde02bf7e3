// Impls inside `const _: () = { .. }`, as bitflags 2 and derive macros generate them: a type
// declared in the block with its own trait impls, an associated type of an outer type
// defined there, inherent methods, and a blanket impl of a trait declared in a block.
use std::fmt;

pub trait PublicFlags {
    type Internal;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Flags(<Flags as PublicFlags>::Internal);

const _: () = {
    #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct Internal(u32);
    impl fmt::Debug for Internal {
        fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
            if self.0 == 0 {
                write!(f, "{:#x}", self.0)
            } else {
                fmt::Display::fmt(self, f)
            }
        }
    }
    impl fmt::Display for Internal {
        fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
            let names = ["A", "B", "C"];
            let mut first = true;
            for (i, n) in names.iter().enumerate() {
                if self.0 & (1 << i) != 0 {
                    if !first {
                        f.write_str(" | ")?;
                    }
                    first = false;
                    f.write_str(n)?;
                }
            }
            Ok(())
        }
    }
    impl PublicFlags for Flags {
        type Internal = Internal;
    }
    impl Flags {
        pub const fn from_bits(v: u32) -> Self {
            Flags(Internal(v))
        }
        pub fn bits(&self) -> u32 {
            self.0 .0
        }
    }
    impl std::ops::BitOr for Flags {
        type Output = Flags;
        fn bitor(self, o: Flags) -> Flags {
            Flags(Internal(self.0 .0 | o.0 .0))
        }
    }
};

const _: () = {
    trait Describe {
        fn describe(&self) -> String;
    }
    impl<T: fmt::Debug> Describe for T {
        fn describe(&self) -> String {
            format!("<{:?}>", self)
        }
    }
    impl Flags {
        pub fn described(&self) -> String {
            self.describe()
        }
    }
};

fn main() {
    let a = Flags::from_bits(1);
    let c = Flags::from_bits(4);
    let e = a | c;
    println!("{:?} {}", e, e.bits());
    println!("{:?}", Flags::from_bits(0));
    println!("{:#?}", e);
    println!("{}", e.described());
    println!("{} {:?}", a < c, a.cmp(&e));
    let mut set = std::collections::HashSet::new();
    set.insert(a);
    set.insert(a | a);
    println!("{}", set.len());
}
