//! HTTPS sandboxes (the `tls` feature) at the TLS level, with a bare rustls client: both
//! families answer over TLS with a certificate for 127.0.0.1 and localhost that chains to the
//! sandbox's CA, each failure certificate is refused for its own reason, and the socket faults
//! (stall, reset, truncate) behave as they do over plain HTTP.
#![cfg(feature = "tls")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use plaid_sandbox::{OTHER_HOST, Sandbox, ServerCertificate, TestCa};
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{CertificateError, ClientConfig, ClientConnection, RootCertStore, StreamOwned};

/// A rustls client configuration that trusts `ca` only.
fn trusting(ca: &TestCa) -> Arc<ClientConfig> {
    let mut roots = RootCertStore::empty();
    roots
        .add(CertificateDer::from(ca.certificate_der().to_vec()))
        .unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Arc::new(
        ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth(),
    )
}

/// A TLS connection to `sandbox` as `name`, with a read timeout.
fn connect(sandbox: &Sandbox, ca: &TestCa, name: &str) -> StreamOwned<ClientConnection, TcpStream> {
    let tcp = TcpStream::connect(sandbox.addr()).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let name = ServerName::try_from(name.to_owned()).unwrap();
    StreamOwned::new(ClientConnection::new(trusting(ca), name).unwrap(), tcp)
}

/// Sends one request with `Connection: close` and reads until the server closes.
fn exchange(
    stream: &mut StreamOwned<ClientConnection, TcpStream>,
    request: &str,
) -> io::Result<String> {
    stream.write_all(request.as_bytes())?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    Ok(answer)
}

const CATEGORY: &str = "GET /categories/13001000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

/// The certificate error of a handshake refused by the client.
fn certificate_error(error: &io::Error) -> CertificateError {
    match error
        .get_ref()
        .and_then(|e| e.downcast_ref::<rustls::Error>())
    {
        Some(rustls::Error::InvalidCertificate(cert)) => cert.clone(),
        _ => panic!("not a certificate error: {error}"),
    }
}

#[test]
fn both_families_answer_over_tls_for_every_server_name() {
    let ca = TestCa::generate().unwrap();
    let legacy = Sandbox::builder().tls(&ca).start().unwrap();
    assert_eq!(legacy.url(), format!("https://{}", legacy.addr()));
    assert_eq!(legacy.ca_certificate_pem(), Some(ca.certificate_pem()));
    assert!(
        ca.certificate_pem()
            .starts_with("-----BEGIN CERTIFICATE-----")
    );
    for name in ["127.0.0.1", "localhost"] {
        let answer = exchange(&mut connect(&legacy, &ca, name), CATEGORY).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200 OK"), "{name}: {answer}");
    }
    assert_eq!(legacy.recorded_requests().len(), 2);

    let modern = Sandbox::builder().modern().tls(&ca).start().unwrap();
    let request = "POST /categories/get HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                   Content-Length: 2\r\nConnection: close\r\n\r\n{}";
    let answer = exchange(&mut connect(&modern, &ca, "localhost"), request).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    assert!(
        answer.contains("\"category_id\""),
        "a modern body: {answer}"
    );

    // The shorthands make a CA of their own and say which.
    let own = Sandbox::start_modern_tls().unwrap();
    assert!(own.url().starts_with("https://127.0.0.1:"));
    assert_ne!(own.ca_certificate_pem(), Some(ca.certificate_pem()));
    assert_eq!(Sandbox::start().unwrap().ca_certificate_pem(), None);
}

#[test]
fn keep_alive_serves_many_requests_on_one_session() {
    let ca = TestCa::generate().unwrap();
    let sandbox = Sandbox::builder().tls(&ca).start().unwrap();
    let mut stream = connect(&sandbox, &ca, "127.0.0.1");
    for _ in 0..3 {
        stream
            .write_all(b"GET /categories/13001000 HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut head = Vec::new();
        let mut byte = [0u8];
        while !head.ends_with(b"\r\n\r\n") {
            stream.read_exact(&mut byte).unwrap();
            head.push(byte[0]);
        }
        let head = String::from_utf8(head).unwrap();
        assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .unwrap()
            .parse()
            .unwrap();
        let mut body = vec![0; length];
        stream.read_exact(&mut body).unwrap();
    }
    assert_eq!(sandbox.recorded_requests().len(), 3);
}

#[test]
fn each_bad_certificate_is_refused_for_its_reason() {
    let ca = TestCa::generate().unwrap();
    type Expected = fn(&CertificateError) -> bool;
    let cases: [(ServerCertificate, Expected); 3] = [
        (ServerCertificate::Expired, |e| {
            matches!(
                e,
                CertificateError::Expired | CertificateError::ExpiredContext { .. }
            )
        }),
        (ServerCertificate::OtherHost, |e| {
            matches!(
                e,
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. }
            )
        }),
        (ServerCertificate::OtherCa, |e| {
            matches!(e, CertificateError::UnknownIssuer)
        }),
    ];
    for (certificate, expected) in cases {
        let sandbox = Sandbox::builder()
            .tls_presenting(&ca, certificate)
            .start()
            .unwrap();
        let error = exchange(&mut connect(&sandbox, &ca, "127.0.0.1"), CATEGORY).unwrap_err();
        let cert = certificate_error(&error);
        assert!(expected(&cert), "{certificate:?}: {cert:?}");
        assert!(sandbox.recorded_requests().is_empty(), "{certificate:?}");
    }

    // The other-host certificate is valid for its own name: only the name is wrong.
    let sandbox = Sandbox::builder()
        .tls_presenting(&ca, ServerCertificate::OtherHost)
        .start()
        .unwrap();
    let answer = exchange(&mut connect(&sandbox, &ca, OTHER_HOST), CATEGORY).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
}

fn faulty(fault: &str) -> String {
    format!(
        "GET /categories HTTP/1.1\r\nHost: x\r\nX-Sandbox-Fault: {fault}\r\nConnection: close\r\n\r\n"
    )
}

#[test]
fn faults_act_on_the_connection_under_the_session() {
    let ca = TestCa::generate().unwrap();
    let sandbox = Sandbox::builder().tls(&ca).start().unwrap();

    // truncate: half the body under a larger Content-Length, then a clean close_notify.
    let answer = exchange(
        &mut connect(&sandbox, &ca, "127.0.0.1"),
        &faulty("truncate"),
    )
    .unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let declared: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .unwrap()
        .parse()
        .unwrap();
    assert!(body.len() < declared, "{} of {declared}", body.len());

    // reset: a TCP RST, no close_notify and no answer.
    let error = exchange(&mut connect(&sandbox, &ca, "127.0.0.1"), &faulty("reset")).unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::ConnectionReset, "{error}");

    // stall: the handshake completes, the answer never comes.
    let mut stream = connect(&sandbox, &ca, "127.0.0.1");
    stream
        .sock
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let started = Instant::now();
    let error = exchange(&mut stream, &faulty("stall")).unwrap_err();
    assert!(
        matches!(
            error.kind(),
            io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
        ),
        "{error}"
    );
    assert!(stream.conn.peer_certificates().is_some(), "handshake done");
    assert!(started.elapsed() >= Duration::from_millis(300));
    // A stalled connection does not hold up a shutdown.
    let started = Instant::now();
    sandbox.shutdown();
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn plain_http_on_a_tls_port_is_refused_without_an_answer() {
    let ca = TestCa::generate().unwrap();
    let sandbox = Sandbox::builder().tls(&ca).start().unwrap();
    let mut tcp = TcpStream::connect(sandbox.addr()).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    tcp.write_all(CATEGORY.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = tcp.read_to_end(&mut answer);
    assert!(
        !answer.starts_with(b"HTTP/"),
        "an HTTP answer over a TLS port"
    );
    assert!(sandbox.recorded_requests().is_empty());
}
