// Small-CLI crates: env_logger's builder (format, target, per-module filters) over log,
// ureq's blocking HTTP client against a std TcpListener server thread on 127.0.0.1,
// chrono-tz's zone tables, flume's bounded and unbounded channels across threads (its
// `Hook<T, dyn Signal>` puts a trait object after a less aligned field: drop glue and
// `size_of_val` must align it), indicatif's hidden progress bar and formatters,
// regex-lite's named captures.
//@ dep: env_logger = { version = "=0.11.5", default-features = false }
//@ dep: log = "=0.4.22"
//@ dep: ureq = { version = "=2.10.1", default-features = false }
//@ dep: chrono = { version = "=0.4.38", default-features = false, features = ["alloc", "std"] }
//@ dep: chrono-tz = "=0.10.0"
//@ dep: flume = "=0.11.1"
//@ dep: indicatif = "=0.17.9"
//@ dep: regex-lite = "=0.1.6"
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

fn serve_once(listener: TcpListener, n: usize) {
    for _ in 0..n {
        let (mut s, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(s.try_clone().unwrap());
        let mut first = String::new();
        reader.read_line(&mut first).unwrap();
        let mut len = 0usize;
        loop {
            let mut l = String::new();
            reader.read_line(&mut l).unwrap();
            if let Some(v) = l.to_ascii_lowercase().strip_prefix("content-length:") {
                len = v.trim().parse().unwrap();
            }
            if l == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; len];
        std::io::Read::read_exact(&mut reader, &mut body).unwrap();
        let reply = format!("you sent {} {} bytes", first.split(' ').nth(1).unwrap_or("?"), body.len());
        write!(s, "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nx-served: yes\r\nconnection: close\r\n\r\n{}", reply.len(), reply).unwrap();
    }
}

fn main() {
    env_logger::Builder::new()
        .filter_level(log::LevelFilter::Info)
        .filter_module(module_path!(), log::LevelFilter::Debug)
        .format(|buf, record| writeln!(buf, "[{}] {}", record.level(), record.args()))
        .target(env_logger::Target::Stdout)
        .init();
    log::info!("starting {}", 42);
    log::debug!("debug line");
    log::trace!("not shown");

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = std::thread::spawn(move || serve_once(listener, 2));
    let r = ureq::get(&format!("http://{addr}/hello")).call().unwrap();
    let served = r.header("x-served").map(str::to_owned);
    println!("ureq get {} {:?} {}", r.status(), served, r.into_string().unwrap());
    let r = ureq::post(&format!("http://{addr}/data")).send_string("payload!").unwrap();
    println!("ureq post {} {}", r.status(), r.into_string().unwrap());
    server.join().unwrap();

    use chrono::{TimeZone, Utc};
    let t = Utc.with_ymd_and_hms(2024, 3, 10, 12, 30, 0).unwrap();
    for tz in [chrono_tz::Europe::Paris, chrono_tz::America::New_York, chrono_tz::Asia::Kolkata] {
        println!("{} {}", tz.name(), t.with_timezone(&tz).format("%Y-%m-%d %H:%M %Z %z"));
    }
    let parsed: chrono_tz::Tz = "Australia/Sydney".parse().unwrap();
    println!("parsed {parsed:?} {}", t.with_timezone(&parsed));

    let (tx, rx) = flume::bounded(3);
    let producers: Vec<_> = (0..3)
        .map(|i| {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for j in 0..4 {
                    tx.send(i * 10 + j).unwrap();
                }
            })
        })
        .collect();
    drop(tx);
    let mut got: Vec<i32> = rx.iter().collect();
    for p in producers {
        p.join().unwrap();
    }
    got.sort();
    println!("flume {got:?}");
    let (tx, rx) = flume::unbounded::<String>();
    tx.send("a".into()).unwrap();
    println!("try_recv {:?} {:?}", rx.try_recv(), rx.try_recv());

    let pb = indicatif::ProgressBar::hidden();
    pb.set_length(10);
    for _ in 0..7 {
        pb.inc(1);
    }
    pb.set_message("working");
    println!("progress {} / {:?} {}", pb.position(), pb.length(), pb.message());
    pb.finish();
    println!("human {} {}", indicatif::HumanBytes(123456789), indicatif::HumanDuration(std::time::Duration::from_secs(3725)));

    let re = regex_lite::Regex::new(r"(?<y>\d{4})-(?<m>\d{2})").unwrap();
    for c in re.captures_iter("2024-03 and 1999-12, not 12-2024") {
        println!("match {} {}", &c["y"], &c["m"]);
    }
    println!("replaced {}", re.replace_all("on 2020-01", "$m/$y"));
}
