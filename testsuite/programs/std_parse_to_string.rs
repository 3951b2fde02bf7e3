use std::fmt;
use std::hint::black_box;
use std::str::FromStr;

#[derive(Debug, PartialEq)]
struct Rgb {
    r: u8,
    g: u8,
    b: u8,
}

impl FromStr for Rgb {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.strip_prefix('#').ok_or_else(|| format!("missing # in {:?}", s))?;
        if s.len() != 6 {
            return Err(format!("bad length {}", s.len()));
        }
        let p = |i: usize| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| e.to_string());
        Ok(Rgb { r: p(0)?, g: p(2)?, b: p(4)? })
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

fn main() {
    println!("{} {} {} {}", 42.to_string(), (-7i64).to_string(), 2.5f32.to_string(), 'c'.to_string());
    println!("{} {} {}", true.to_string(), u128::MAX.to_string().len(), "s".to_string());
    println!("{:?} {:?} {:?}", "255".parse::<u8>(), "256".parse::<u8>().map_err(|e| e.to_string()), "-0".parse::<i8>());
    println!("{:?} {:?}", "1e3".parse::<f64>(), ".5".parse::<f32>());
    println!("{:?} {:?}", "true".parse::<bool>(), "yes".parse::<bool>().is_err());
    println!("{:?} {:?}", "x".parse::<char>(), "xy".parse::<char>().is_err());
    println!("{:?}", "".parse::<i32>().map_err(|e| e.to_string()));
    println!("{:?}", "-".parse::<i32>().map_err(|e| e.to_string()));
    println!("{:?}", "12a".parse::<u64>().map_err(|e| e.to_string()));
    println!("{:?}", i32::from_str_radix("-ff", 16));
    println!("{:?}", u32::from_str_radix("101101", 2));
    println!("{:?}", u8::from_str_radix("zz", 36).map_err(|e| e.to_string()));
    println!("{:?}", i64::from_str("9223372036854775807"));
    println!("{:?}", "340282366920938463463374607431768211455".parse::<u128>());
    for s in ["#ff8000", "#00FF7f", "ff0000", "#12345", "#gg0000"] {
        match black_box(s).parse::<Rgb>() {
            Ok(c) => println!("{} -> {:?} -> {}", s, c, c),
            Err(e) => println!("{} -> error: {}", s, e),
        }
    }
    let c: Rgb = "#010203".parse().unwrap();
    println!("{}", c.to_string().to_uppercase());
    let nums: Vec<f64> = "1.5 2.25 -3".split(' ').map(|x| x.parse().unwrap()).collect();
    println!("{:?} {}", nums, nums.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(";"));
    println!("{}", format!("{}", 0.1 + 0.2) == (0.1f64 + 0.2).to_string());
    let ip: std::net::Ipv4Addr = "192.168.1.20".parse().unwrap();
    println!("{} {:?}", ip, ip.octets());
}
