// Archives: zip's writer and reader in memory (deflated and stored entries, a directory,
// a comment, fixed timestamps, CRCs), tar's builder and reader through flate2's gzip
// streams, sha2 digests of the entries.
//@ dep: zip = { version = "=2.2.0", default-features = false, features = ["deflate"] }
//@ dep: tar = "=0.4.43"
//@ dep: flate2 = "=1.0.34"
//@ dep: sha2 = "=0.10.8"
use std::io::{Cursor, Read, Write};

fn main() {
    let mut buf = Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::from_date_and_time(2024, 1, 2, 3, 4, 6).unwrap());
        w.add_directory("docs/", opts).unwrap();
        w.start_file("docs/readme.txt", opts).unwrap();
        w.write_all(b"hello zip\n".repeat(50).as_slice()).unwrap();
        let stored = opts.compression_method(zip::CompressionMethod::Stored);
        w.start_file("data.bin", stored).unwrap();
        w.write_all(&(0..=255u8).collect::<Vec<_>>()).unwrap();
        w.set_comment("made by zp");
        w.finish().unwrap();
    }
    let bytes = buf.into_inner();
    println!("zip bytes {}", bytes.len());
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    println!("entries {} comment {:?}", z.len(), String::from_utf8_lossy(z.comment()));
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut content = Vec::new();
        f.read_to_end(&mut content).unwrap();
        println!("{} dir={} size={} compressed={} crc={:08x} read={}", f.name(), f.is_dir(), f.size(), f.compressed_size(), f.crc32(), content.len());
    }

    let mut tarball = Vec::new();
    {
        let enc = flate2::write::GzEncoder::new(&mut tarball, flate2::Compression::default());
        let mut b = tar::Builder::new(enc);
        for (name, data) in [("a.txt", &b"alpha"[..]), ("dir/b.txt", b"bravo bravo")] {
            let mut h = tar::Header::new_gnu();
            h.set_size(data.len() as u64);
            h.set_mode(0o644);
            h.set_mtime(1_700_000_000);
            h.set_cksum();
            b.append_data(&mut h, name, data).unwrap();
        }
        b.into_inner().unwrap().finish().unwrap();
    }
    use sha2::Digest;
    println!("tar.gz {} bytes", tarball.len());
    let mut a = tar::Archive::new(flate2::read::GzDecoder::new(&tarball[..]));
    for e in a.entries().unwrap() {
        let mut e = e.unwrap();
        let path = e.path().unwrap().display().to_string();
        let mut s = String::new();
        e.read_to_string(&mut s).unwrap();
        println!("{path} {} {:o} {s:?} {:x}", e.header().size().unwrap(), e.header().mode().unwrap(), sha2::Sha256::digest(s.as_bytes()));
    }
}
