// `Self` of an impl whose self type is a projection (`impl Deserialize<Kind, D> for
// Archived<Kind>`, where `Archived<T> = <T as Archive>::Archived`): `Self::Variant`
// patterns and expressions name the variants of the enum the projection normalizes to, as
// rkyv's derives write them.
trait Archive {
    type Archived;
}

#[derive(Debug)]
enum Kind {
    Leaf,
    Node(u8),
    Named { label: String },
}

#[derive(Debug)]
enum ArchivedKind {
    Leaf,
    Node(u8),
    Named { label: String },
}

impl Archive for Kind {
    type Archived = ArchivedKind;
}

type Archived<T> = <T as Archive>::Archived;

trait Deserialize<T> {
    fn deserialize(&self) -> T;
    fn make(n: u8) -> Self;
}

impl Deserialize<Kind> for Archived<Kind> {
    fn deserialize(&self) -> Kind {
        match self {
            Self::Leaf => Kind::Leaf,
            Self::Node(x) => Kind::Node(*x + 1),
            Self::Named { label } => Kind::Named { label: label.to_uppercase() },
        }
    }
    fn make(n: u8) -> Self {
        match n {
            0 => Self::Leaf,
            1 => Self::Named { label: "made".into() },
            _ => Self::Node(n),
        }
    }
}

fn main() {
    for a in [ArchivedKind::Leaf, ArchivedKind::Node(4), ArchivedKind::Named { label: "x".into() }] {
        println!("{:?}", a.deserialize());
    }
    for n in 0..3 {
        println!("{:?}", <ArchivedKind as Deserialize<Kind>>::make(n));
    }
}
