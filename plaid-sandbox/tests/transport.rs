//! HTTP-level behaviour: keep-alive, pipelining, HTTP/1.0, chunked bodies, `Expect:
//! 100-continue`, malformed and oversized requests, recording, absolute-form targets, binding
//! and shutdown. The `X-Sandbox-Fault` header is in `faults.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{Conn, FORM, auth, call, raw};
use plaid_sandbox::Sandbox;

#[test]
fn keep_alive_serves_two_requests_on_one_connection() {
    let sb = Sandbox::start().unwrap();
    let mut c = Conn::open(&sb);
    let a = c.send(&raw("GET", "/categories/13001000", None, b"", &[]));
    let b = c.send(&raw(
        "POST",
        "/balance",
        Some(FORM),
        auth("access_token=test_bofa").as_bytes(),
        &[],
    ));
    a.ok(200);
    b.ok(200);
    assert_eq!(a.header("connection"), Some("keep-alive"));
    assert_ne!(a.header("x-request-id"), b.header("x-request-id"));
}

#[test]
fn pipelined_requests_are_answered_in_order() {
    let sb = Sandbox::start().unwrap();
    let mut c = Conn::open(&sb);
    let mut both = raw("GET", "/categories/10000000", None, b"", &[]);
    both.extend(raw("GET", "/categories/13001000", None, b"", &[]));
    c.write(&both);
    assert_eq!(c.read().unwrap().ok(200)["id"], "10000000");
    assert_eq!(c.read().unwrap().ok(200)["id"], "13001000");
}

#[test]
fn connection_close_and_http10_close_after_the_answer() {
    let sb = Sandbox::start().unwrap();
    let mut c = Conn::open(&sb);
    let r = c.send(&raw(
        "GET",
        "/categories",
        None,
        b"",
        &[("Connection", "close")],
    ));
    assert_eq!(r.header("connection"), Some("close"));
    assert!(c.read().is_none());
    let mut c = Conn::open(&sb);
    c.write(b"GET /categories/10000000 HTTP/1.0\r\n\r\n");
    c.read().unwrap().ok(200);
    assert!(c.read().is_none());
}

#[test]
fn chunked_request_bodies_are_decoded() {
    let sb = Sandbox::start().unwrap();
    let body = auth("access_token=test_bofa");
    let (a, b) = body.split_at(10);
    let req = format!(
        "POST /balance HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n",
        a.len(),
        b.len()
    );
    let mut c = Conn::open(&sb);
    assert_eq!(c.send(req.as_bytes()).ok(200)["access_token"], "test_bofa");
    assert_eq!(sb.recorded_requests()[0].body, body.as_bytes());
}

#[test]
fn expect_continue_gets_100_then_the_answer() {
    let sb = Sandbox::start().unwrap();
    let body = auth("access_token=test_bofa");
    let mut s = TcpStream::connect(sb.addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(s, "POST /balance HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\nContent-Length: {}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n", body.len()).unwrap();
    let mut buf = [0u8; 25];
    s.read_exact(&mut buf).unwrap();
    assert_eq!(&buf, b"HTTP/1.1 100 Continue\r\n\r\n");
    s.write_all(body.as_bytes()).unwrap();
    let mut rest = String::new();
    s.read_to_string(&mut rest).unwrap();
    assert!(rest.starts_with("HTTP/1.1 200 OK\r\n"), "{rest}");
}

#[test]
fn malformed_request_gets_400_and_close() {
    let sb = Sandbox::start().unwrap();
    let mut c = Conn::open(&sb);
    let r = c.send(b"THIS IS NOT HTTP\r\n\r\n");
    r.assert_error(400, 400);
    assert!(c.read().is_none());
    let mut c = Conn::open(&sb);
    let r = c.send(b"POST /balance HTTP/1.1\r\nContent-Length: abc\r\n\r\n");
    assert_eq!(r.status, 400);
    let mut c = Conn::open(&sb);
    let r = c.send(b"POST /balance HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    assert_eq!(r.status, 400);
}

#[test]
fn oversized_body_gets_413_and_close() {
    let sb = Sandbox::start().unwrap();
    let mut c = Conn::open(&sb);
    let r = c.send(b"POST /balance HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n");
    r.assert_error(413, 413);
    assert!(c.read().is_none());
}

#[test]
fn requests_are_recorded_in_order_and_can_be_cleared() {
    let sb = Sandbox::start().unwrap();
    call(
        &sb,
        "POST",
        "/connect/get?x=1",
        Some(FORM),
        b"a=b",
        &[("X-Test", "yes")],
    );
    call(&sb, "GET", "/categories", None, b"", &[]);
    let log = sb.recorded_requests();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].method, "POST");
    assert_eq!(log[0].path, "/connect/get");
    assert_eq!(log[0].query, "x=1");
    assert_eq!(log[0].body, b"a=b");
    assert_eq!(log[0].header("x-test"), Some("yes"));
    assert_eq!(log[1].path, "/categories");
    sb.clear_recorded_requests();
    assert!(sb.recorded_requests().is_empty());
}

#[test]
fn drop_with_idle_keep_alive_connections_is_quick() {
    let sb = Sandbox::start().unwrap();
    let mut conns: Vec<Conn> = (0..5).map(|_| Conn::open(&sb)).collect();
    for c in &mut conns {
        c.send(&raw("GET", "/categories/10000000", None, b"", &[]))
            .ok(200);
    }
    let start = Instant::now();
    drop(sb);
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[test]
fn absolute_form_targets_are_routed() {
    let sb = Sandbox::start().unwrap();
    let target = format!("http://{}/categories/10000000?x=1", sb.addr());
    call(&sb, "GET", &target, None, b"", &[]).ok(200);
    assert_eq!(sb.recorded_requests()[0].path, "/categories/10000000");
}

#[test]
fn bind_and_url() {
    let sb = Sandbox::bind("127.0.0.1:0".parse().unwrap()).unwrap();
    assert!(sb.url().starts_with("http://127.0.0.1:"));
    assert!(!sb.url().ends_with('/'));
    assert_ne!(sb.addr().port(), 0);
}
