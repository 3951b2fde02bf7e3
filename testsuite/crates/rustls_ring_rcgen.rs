// TLS 1.3 and 1.2 handshakes between a rustls client and server over in-memory buffers
// (ring's provider: its C and assembly built by its build script and linked), a
// self-signed certificate from rcgen, application data both ways, a name that fails
// verification; ring's digest, HMAC and AES-GCM directly; webpki-roots.
//@ dep: rustls = { version = "=0.23.48", default-features = false, features = ["ring", "std", "tls12", "logging"] }
//@ dep: rcgen = { version = "=0.13.2", default-features = false, features = ["ring", "pem"] }
//@ dep: ring = "=0.17.14"
//@ dep: webpki-roots = "=1.0.10"
use std::io::{Read, Write};
use std::sync::Arc;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName};


fn pump(client: &mut rustls::ClientConnection, server: &mut rustls::ServerConnection) -> usize {
    let mut moved = 0;
    loop {
        let mut buf = Vec::new();
        let a = client.write_tls(&mut buf).unwrap();
        if a > 0 {
            server.read_tls(&mut &buf[..]).unwrap();
            server.process_new_packets().unwrap();
        }
        let mut buf = Vec::new();
        let b = server.write_tls(&mut buf).unwrap();
        if b > 0 {
            client.read_tls(&mut &buf[..]).unwrap();
            client.process_new_packets().unwrap();
        }
        moved += a + b;
        if a == 0 && b == 0 {
            return moved;
        }
    }
}

fn main() {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap();
    let mut params = rcgen::CertificateParams::new(vec!["localhost".to_string()]).unwrap();
    params.distinguished_name.push(rcgen::DnType::CommonName, "rac test");
    let cert = params.self_signed(&key).unwrap();
    println!("pem starts {}", &cert.pem()[..27]);
    let cert_der: CertificateDer<'static> = cert.der().clone();
    let key_der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));

    for versions in [&[&rustls::version::TLS13][..], &[&rustls::version::TLS12][..]] {
        let server_config = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(versions)
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![cert_der.clone()], key_der.clone_key())
            .unwrap();
        let mut roots = rustls::RootCertStore::empty();
        roots.add(cert_der.clone()).unwrap();
        let client_config = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(versions)
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        let mut client = rustls::ClientConnection::new(Arc::new(client_config), ServerName::try_from("localhost").unwrap()).unwrap();
        let mut server = rustls::ServerConnection::new(Arc::new(server_config)).unwrap();
        pump(&mut client, &mut server);
        println!("handshaking {} {}", client.is_handshaking(), server.is_handshaking());
        println!("version {:?} suite {:?}", client.protocol_version(), client.negotiated_cipher_suite().map(|s| s.suite()));
        client.writer().write_all(b"GET / HTTP/1.0\r\n\r\n").unwrap();
        pump(&mut client, &mut server);
        let mut got = [0u8; 18];
        server.reader().read_exact(&mut got).unwrap();
        println!("server got {:?}", String::from_utf8_lossy(&got));
        server.writer().write_all(b"HTTP/1.0 200 OK\r\n\r\nhello over tls").unwrap();
        pump(&mut client, &mut server);
        let mut s = String::new();
        let _ = client.reader().read_to_string(&mut s);
        println!("client got {s:?}");
    }

    // A wrong name fails verification.
    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert_der.clone()).unwrap();
    let client_config = rustls::ClientConfig::builder_with_provider(provider.clone()).with_safe_default_protocol_versions().unwrap().with_root_certificates(roots).with_no_client_auth();
    let server_config = rustls::ServerConfig::builder_with_provider(provider.clone()).with_safe_default_protocol_versions().unwrap().with_no_client_auth().with_single_cert(vec![cert_der.clone()], key_der.clone_key()).unwrap();
    let mut client = rustls::ClientConnection::new(Arc::new(client_config), ServerName::try_from("example.org").unwrap()).unwrap();
    let mut server = rustls::ServerConnection::new(Arc::new(server_config)).unwrap();
    let mut buf = Vec::new();
    client.write_tls(&mut buf).unwrap();
    server.read_tls(&mut &buf[..]).unwrap();
    server.process_new_packets().unwrap();
    let mut buf = Vec::new();
    server.write_tls(&mut buf).unwrap();
    client.read_tls(&mut &buf[..]).unwrap();
    println!("wrong name: {:?}", client.process_new_packets().err());

    // ring directly.
    let d = ring::digest::digest(&ring::digest::SHA256, b"abc");
    println!("sha256 {:02x?}", &d.as_ref()[..8]);
    let k = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, b"key");
    println!("hmac {:02x?}", &ring::hmac::sign(&k, b"msg").as_ref()[..8]);
    let aead = ring::aead::LessSafeKey::new(ring::aead::UnboundKey::new(&ring::aead::AES_256_GCM, &[1u8; 32]).unwrap());
    let mut data = b"sealed".to_vec();
    aead.seal_in_place_append_tag(ring::aead::Nonce::assume_unique_for_key([2u8; 12]), ring::aead::Aad::empty(), &mut data).unwrap();
    println!("aes-gcm {:02x?}", data);
    println!("webpki roots {}", webpki_roots::TLS_SERVER_ROOTS.len() > 100);
}
