use std::hint::black_box;

#[derive(Debug)]
enum ConfigError {
    Missing(&'static str),
    Invalid { key: String, value: i64 },
}

fn load(k: i32) -> Result<i64, ConfigError> {
    match k {
        0 => Ok(42),
        1 => Err(ConfigError::Missing("port")),
        _ => Err(ConfigError::Invalid { key: "timeout".to_string(), value: -5 }),
    }
}

fn main() {
    println!("ok: {}", load(black_box(0)).expect("first load"));
    println!("err is {:?}", load(black_box(1)).is_err());
    let v = load(black_box(2)).expect("config must be valid");
    println!("unreachable {}", v);
}
