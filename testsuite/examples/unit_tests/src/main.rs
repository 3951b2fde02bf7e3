fn double(x: u64) -> u64 {
    x * 2
}

fn main() {
    println!("{}", double(21));
}

#[cfg(test)]
mod tests {
    #[test]
    fn doubles() {
        assert_eq!(super::double(4), 8);
    }
}
