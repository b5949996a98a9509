//! The `X-Sandbox-Fault` header on real sockets: latency, status (with the legacy error body
//! of each status, `Retry-After` and `times`/`key`), error (a code of the table), truncate,
//! malformed, reset (a TCP RST), redirect, html, and stall (which must not hold up a shutdown).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use std::io::Read;
use std::time::{Duration, Instant};

use common::{Conn, FORM, auth, raw};
use plaid_sandbox::Sandbox;

fn with_fault(sb: &Sandbox, fault: &str) -> Conn {
    let mut c = Conn::open(sb);
    let body = auth("access_token=test_bofa");
    c.write(&raw(
        "POST",
        "/connect/get",
        Some(FORM),
        body.as_bytes(),
        &[("X-Sandbox-Fault", fault)],
    ));
    c
}

#[test]
fn fault_latency_delays_then_answers_normally() {
    let sb = Sandbox::start().unwrap();
    let start = Instant::now();
    let r = with_fault(&sb, "latency=250").read().unwrap();
    assert!(start.elapsed() >= Duration::from_millis(250));
    r.ok(200);
}

#[test]
fn fault_status_with_retry_after_applies_times_per_key() {
    let sb = Sandbox::start().unwrap();
    let fault = "status=429;retry-after=2;times=2;key=retry-a";
    for _ in 0..2 {
        let r = with_fault(&sb, fault).read().unwrap();
        r.assert_error(429, 1113);
        assert_eq!(r.header("retry-after"), Some("2"));
    }
    let r = with_fault(&sb, fault).read().unwrap();
    r.ok(200);
    assert!(r.header("retry-after").is_none());
    // Another key has its own counter.
    with_fault(&sb, "status=503;times=1;key=retry-b")
        .read()
        .unwrap()
        .assert_error(503, 1800);
    with_fault(&sb, "status=503;times=1;key=retry-b")
        .read()
        .unwrap()
        .ok(200);
    for (status, code) in [(500, 1702), (501, 1700), (502, 1701)] {
        with_fault(&sb, &format!("status={status}"))
            .read()
            .unwrap()
            .assert_error(status, code);
    }
}

#[test]
fn fault_error_answers_the_table_row_of_a_legacy_code_and_composes_with_times() {
    let sb = Sandbox::start().unwrap();
    let fault = "error=1205;times=1;key=locked";
    with_fault(&sb, fault)
        .read()
        .unwrap()
        .assert_error(402, 1205);
    with_fault(&sb, fault).read().unwrap().ok(200);
    with_fault(&sb, "error=1303;retry-after=60")
        .read()
        .unwrap()
        .assert_error(402, 1303);
    // Not a code of the legacy table: the directive is ignored.
    with_fault(&sb, "error=ITEM_LOCKED").read().unwrap().ok(200);
}

#[test]
fn fault_truncate_declares_more_than_it_sends() {
    let sb = Sandbox::start().unwrap();
    let mut c = with_fault(&sb, "truncate");
    let bytes = c.read_to_end();
    let text = String::from_utf8_lossy(&bytes);
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let declared: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .unwrap()
        .parse()
        .unwrap();
    assert!(body.len() < declared, "{} < {declared}", body.len());
}

#[test]
fn fault_malformed_returns_invalid_json() {
    let sb = Sandbox::start().unwrap();
    let r = with_fault(&sb, "malformed").read().unwrap();
    assert_eq!(r.status, 200);
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err());
}

#[test]
fn fault_reset_closes_without_answer() {
    let sb = Sandbox::start().unwrap();
    let mut c = with_fault(&sb, "reset");
    assert!(c.read_to_end().is_empty());
}

#[test]
fn fault_redirect_and_html() {
    let sb = Sandbox::start().unwrap();
    let r = with_fault(&sb, "redirect=http://127.0.0.1:1/elsewhere")
        .read()
        .unwrap();
    assert_eq!(r.status, 302);
    assert_eq!(r.header("location"), Some("http://127.0.0.1:1/elsewhere"));
    let r = with_fault(&sb, "html=502").read().unwrap();
    assert_eq!(r.status, 502);
    assert_eq!(r.header("content-type"), Some("text/html"));
    assert!(r.text().contains("502 Bad Gateway"));
}

#[test]
fn fault_stall_never_answers_and_shutdown_does_not_hang() {
    let sb = Sandbox::start().unwrap();
    let mut c = with_fault(&sb, "stall");
    c.reader
        .get_ref()
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut buf = [0u8; 1];
    let err = c.reader.get_mut().read(&mut buf).unwrap_err();
    assert!(matches!(
        err.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    ));
    let start = Instant::now();
    sb.shutdown();
    assert!(start.elapsed() < Duration::from_secs(2));
    c.reader
        .get_ref()
        .set_read_timeout(Some(Duration::from_secs(2)))
        .unwrap();
    assert!(matches!(c.reader.get_mut().read(&mut buf), Ok(0) | Err(_)));
}

#[test]
fn fault_reset_is_a_tcp_reset() {
    use std::io::{Read, Write};
    let sb = Sandbox::start().unwrap();
    let mut stream = std::net::TcpStream::connect(sb.addr()).unwrap();
    stream
        .write_all(b"GET /categories HTTP/1.1\r\nHost: x\r\nX-Sandbox-Fault: reset\r\n\r\n")
        .unwrap();
    let mut buf = Vec::new();
    let error = stream
        .read_to_end(&mut buf)
        .expect_err("a reset, not a clean close");
    assert_eq!(error.kind(), std::io::ErrorKind::ConnectionReset, "{error}");
    assert!(buf.is_empty());
}
