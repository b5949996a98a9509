//! The `plaid-sandbox` binary: listening line, serving, clean exit on SIGTERM, usage, bad args.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_plaid-sandbox");

#[test]
fn binary_prints_listening_line_serves_and_exits_0_on_sigterm() {
    let mut child = Command::new(BIN)
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let url = line
        .trim_end()
        .strip_prefix("listening on http://127.0.0.1:")
        .unwrap_or_else(|| panic!("unexpected line: {line:?}"));
    let port: u16 = url.parse().unwrap();

    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(b"GET /categories/13001000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    assert!(resp.starts_with("HTTP/1.1 200 OK"), "{resp}");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let start = Instant::now();
    let exit = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(5), "did not stop");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(exit.code(), Some(0));
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert_eq!(rest, "", "exactly one line on stdout");
}

#[test]
fn binary_help_and_bad_args() {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--port"));
    let out = Command::new(BIN)
        .args(["--port", "seventy"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.is_empty());
    let out = Command::new(BIN).arg("--frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(BIN)
        .args(["--api", "tartan"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--api: tartan"));
}

#[test]
fn binary_serves_the_modern_api_with_api_modern() {
    let mut child = Command::new(BIN)
        .args(["--api", "modern", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let port: u16 = line
        .trim_end()
        .strip_prefix("listening on http://127.0.0.1:")
        .unwrap_or_else(|| panic!("unexpected line: {line:?}"))
        .parse()
        .unwrap();
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(
        b"POST /categories/get HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
          Content-Length: 2\r\nConnection: close\r\n\r\n{}",
    )
    .unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    assert!(resp.starts_with("HTTP/1.1 200 OK"), "{resp}");
    assert!(resp.contains("\"category_id\""), "a modern body: {resp}");
    child.kill().unwrap();
    child.wait().unwrap();
}

/// `--tls`: the CA certificate is written to a file named on the line before the listening
/// line, the server answers HTTPS with a certificate that chains to it, and the temporary file
/// is gone once the process stops.
#[cfg(feature = "tls")]
#[test]
fn binary_with_tls_writes_its_ca_and_serves_https() {
    use std::sync::Arc;

    use rustls::pki_types::{CertificateDer, ServerName, pem::PemObject};

    let mut child = Command::new(BIN)
        .args(["--tls", "--api", "modern"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let path = std::path::PathBuf::from(
        line.trim_end()
            .strip_prefix("ca certificate ")
            .unwrap_or_else(|| panic!("unexpected line: {line:?}")),
    );
    line.clear();
    stdout.read_line(&mut line).unwrap();
    let port: u16 = line
        .trim_end()
        .strip_prefix("listening on https://127.0.0.1:")
        .unwrap_or_else(|| panic!("unexpected line: {line:?}"))
        .parse()
        .unwrap();

    let pem = std::fs::read(&path).unwrap();
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(CertificateDer::from_pem_slice(&pem).unwrap())
        .unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let tcp = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let session =
        rustls::ClientConnection::new(Arc::new(config), ServerName::try_from("localhost").unwrap())
            .unwrap();
    let mut tls = rustls::StreamOwned::new(session, tcp);
    tls.write_all(
        b"POST /categories/get HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
          Content-Length: 2\r\nConnection: close\r\n\r\n{}",
    )
    .unwrap();
    let mut resp = String::new();
    tls.read_to_string(&mut resp).unwrap();
    assert!(resp.starts_with("HTTP/1.1 200 OK"), "{resp}");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(child.wait().unwrap().success());
    assert!(!path.exists(), "the temporary CA file is removed on exit");
}

/// Without the `tls` feature, `--tls` is refused with a message that says how to get it.
#[cfg(not(feature = "tls"))]
#[test]
fn binary_without_the_tls_feature_refuses_tls() {
    let out = Command::new(BIN).arg("--tls").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--features tls"));
}

/// One JSON `POST` with the sandbox keys; the response body.
fn post_json(port: u16, path: &str, body: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         PLAID-CLIENT-ID: test_id\r\nPLAID-SECRET: test_secret\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(request.as_bytes()).unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    assert!(resp.starts_with("HTTP/1.1 200 OK"), "{resp}");
    resp.split_once("\r\n\r\n").unwrap().1.to_owned()
}

/// The string value of `"key": "…"` in a JSON body.
fn field(body: &str, key: &str) -> String {
    let start = body.find(&format!("\"{key}\": \"")).unwrap() + key.len() + 5;
    body[start..].split('"').next().unwrap().to_owned()
}

#[test]
fn binary_takes_a_transactions_delay() {
    let mut child = Command::new(BIN)
        .args(["--api", "modern", "--transactions-delay-ms", "600000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let port: u16 = line
        .trim_end()
        .strip_prefix("listening on http://127.0.0.1:")
        .unwrap_or_else(|| panic!("unexpected line: {line:?}"))
        .parse()
        .unwrap();
    let created = post_json(
        port,
        "/sandbox/public_token/create",
        r#"{"institution_id": "ins_109508", "initial_products": ["transactions"]}"#,
    );
    let public = field(&created, "public_token");
    let exchanged = post_json(
        port,
        "/item/public_token/exchange",
        &format!(r#"{{"public_token": "{public}"}}"#),
    );
    let token = field(&exchanged, "access_token");
    let page = post_json(
        port,
        "/transactions/sync",
        &format!(r#"{{"access_token": "{token}"}}"#),
    );
    assert_eq!(field(&page, "transactions_update_status"), "NOT_READY");
    child.kill().unwrap();
    child.wait().unwrap();
    let out = Command::new(BIN)
        .args(["--transactions-delay-ms", "5"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "the delay needs --api modern");
}
