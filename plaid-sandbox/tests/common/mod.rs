//! A tiny raw-HTTP client for the tests: writes bytes to a `TcpStream`, parses one response.
#![allow(dead_code, unreachable_pub)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

pub mod modern;

use plaid_sandbox::Sandbox;
use serde_json::Value;

/// One parsed response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Asserts the headers every response must carry, and the `{code,message,resolve}` shape
    /// (with the given code) for errors.
    pub fn assert_error(&self, status: u16, code: u64) -> Value {
        assert_eq!(self.status, status, "body: {}", self.text());
        self.assert_common();
        let v = self.json();
        assert_eq!(v["code"], code, "body: {v}");
        assert!(v["message"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(v["resolve"].as_str().is_some_and(|s| !s.is_empty()));
        v
    }

    pub fn assert_common(&self) {
        assert_eq!(
            self.header("content-type"),
            Some("application/json; charset=utf-8")
        );
        let id = self.header("x-request-id").expect("X-Request-Id");
        assert_eq!(id.len(), 32, "{id}");
        assert!(
            id.bytes()
                .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
        );
    }

    pub fn ok(&self, status: u16) -> Value {
        assert_eq!(self.status, status, "body: {}", self.text());
        self.assert_common();
        self.json()
    }
}

/// A keep-alive connection.
pub struct Conn {
    pub reader: BufReader<TcpStream>,
}

impl Conn {
    pub fn open(sb: &Sandbox) -> Conn {
        let s = TcpStream::connect(sb.addr()).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        Conn {
            reader: BufReader::new(s),
        }
    }

    pub fn write(&mut self, raw: &[u8]) {
        self.reader.get_mut().write_all(raw).unwrap();
    }

    pub fn send(&mut self, raw: &[u8]) -> Resp {
        self.write(raw);
        self.read().expect("a response")
    }

    /// Reads one response; `None` if the connection closed before a status line.
    pub fn read(&mut self) -> Option<Resp> {
        let mut line = String::new();
        if self.reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let status: u16 = line.split_whitespace().nth(1)?.parse().ok()?;
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            self.reader.read_line(&mut h).ok()?;
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            let (n, v) = h.split_once(':')?;
            headers.push((n.trim().to_owned(), v.trim().to_owned()));
        }
        let len: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        let mut body = vec![0; len];
        self.reader.read_exact(&mut body).ok()?;
        Some(Resp {
            status,
            headers,
            body,
        })
    }

    /// Reads whatever the server sends until it closes.
    pub fn read_to_end(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let _ = self.reader.read_to_end(&mut out);
        out
    }
}

/// Builds a raw request with Content-Length (and Content-Type when given).
pub fn raw(
    method: &str,
    target: &str,
    content_type: Option<&str>,
    body: &[u8],
    extra: &[(&str, &str)],
) -> Vec<u8> {
    let mut out = format!(
        "{method} {target} HTTP/1.1\r\nHost: localhost\r\nUser-Agent: Plaid Python v1.5.1\r\n"
    );
    for (n, v) in extra {
        out.push_str(&format!("{n}: {v}\r\n"));
    }
    if let Some(ct) = content_type {
        out.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    if !body.is_empty() {
        out.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

pub const FORM: &str = "application/x-www-form-urlencoded";
pub const JSON_CT: &str = "application/json";

/// One request on a fresh connection.
pub fn call(
    sb: &Sandbox,
    method: &str,
    target: &str,
    content_type: Option<&str>,
    body: &[u8],
    extra: &[(&str, &str)],
) -> Resp {
    Conn::open(sb).send(&raw(method, target, content_type, body, extra))
}

/// A form request.
pub fn form(sb: &Sandbox, method: &str, target: &str, body: &str) -> Resp {
    let ct = if body.is_empty() { None } else { Some(FORM) };
    call(sb, method, target, ct, body.as_bytes(), &[])
}

/// A JSON request.
pub fn json(sb: &Sandbox, method: &str, target: &str, body: &Value) -> Resp {
    call(
        sb,
        method,
        target,
        Some(JSON_CT),
        body.to_string().as_bytes(),
        &[],
    )
}

/// A GET without body.
pub fn get(sb: &Sandbox, target: &str) -> Resp {
    call(sb, "GET", target, None, b"", &[])
}

/// `client_id=test_id&secret=test_secret&` + rest.
pub fn auth(rest: &str) -> String {
    if rest.is_empty() {
        "client_id=test_id&secret=test_secret".to_owned()
    } else {
        format!("client_id=test_id&secret=test_secret&{rest}")
    }
}

/// Percent-encodes a value for a form.
pub fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Form body of an add: type + credentials JSON (+ options JSON).
pub fn add_body(kind: &str, username: &str, password: &str, options: Option<&str>) -> String {
    let creds = format!(r#"{{"username": "{username}", "password": "{password}"}}"#);
    let mut body = auth(&format!("type={kind}&credentials={}", enc(&creds)));
    if let Some(o) = options {
        body.push_str(&format!("&options={}", enc(o)));
    }
    body
}

/// A fresh sandbox on an ephemeral port.
pub fn sb() -> Sandbox {
    Sandbox::start().unwrap()
}
