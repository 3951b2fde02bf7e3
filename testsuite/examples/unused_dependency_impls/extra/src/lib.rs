pub struct Extra(pub i64);

impl PartialEq<Extra> for i32 {
    fn eq(&self, other: &Extra) -> bool {
        *self as i64 == other.0
    }
}
