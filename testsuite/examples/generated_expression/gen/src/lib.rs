pub fn is_keyword(word: &str) -> bool {
    include!(concat!(env!("OUT_DIR"), "/words.rs")).contains(&word)
}

pub fn scaled<T: From<u8> + std::ops::Mul<Output = T>>(x: T) -> T {
    x * T::from(include!(concat!(env!("OUT_DIR"), "/factor.rs")))
}
