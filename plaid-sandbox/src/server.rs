//! The HTTP/1.1 server: accept loop, one thread per connection, request parsing (httparse,
//! Content-Length and chunked bodies), fault injection and response writing.
//!
//! No async runtime on purpose: a blocking thread per connection is simple, fast enough to not
//! be the bottleneck of the benchmarks, and gives the fault injection full control of the socket
//! (stall, truncate, close). Malformed input is answered with 400 (oversized bodies with 413) and
//! the connection is closed; nothing here panics on request data.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::errors::{self, ApiError};
use crate::faults::{self, Action, Fault};
use crate::http::{self, Body, RecordedRequest, Response};
use crate::router;
use crate::state::State;

/// Largest accepted request body.
pub const MAX_BODY: usize = 1024 * 1024;
/// Largest accepted request head (request line + headers).
pub const MAX_HEAD: usize = 64 * 1024;
const MAX_HEADERS: usize = 100;
/// Bodies up to this size are sent in the same write as the head.
const COALESCE: usize = 64 * 1024;

/// Runs the accept loop on its own thread until [`State::stop`] is called and the listener is
/// woken up by a connection.
pub fn spawn(listener: TcpListener, state: Arc<State>) -> io::Result<JoinHandle<()>> {
    thread::Builder::new()
        .name("plaid-sandbox-accept".into())
        .spawn(move || accept_loop(&listener, &state))
}

fn accept_loop(listener: &TcpListener, state: &Arc<State>) {
    let mut workers: Vec<JoinHandle<()>> = Vec::new();
    loop {
        match listener.accept() {
            Ok((stream, _)) => {
                if state.stopping() {
                    break;
                }
                let _ = stream.set_nodelay(true);
                let st = Arc::clone(state);
                let spawned = thread::Builder::new()
                    .name("plaid-sandbox-conn".into())
                    .stack_size(512 * 1024)
                    .spawn(move || connection(stream, &st));
                if let Ok(handle) = spawned {
                    workers.retain(|h| !h.is_finished());
                    workers.push(handle);
                }
            }
            Err(_) => {
                if state.stopping() {
                    break;
                }
                // EMFILE and friends: back off instead of spinning.
                thread::sleep(Duration::from_millis(5));
            }
        }
    }
    state.stop();
    for w in workers {
        let _ = w.join();
    }
}

/// Wakes an accept loop blocked in `accept()` by connecting to it.
pub fn wake(addr: SocketAddr) {
    let mut target = addr;
    if target.ip().is_unspecified() {
        target.set_ip(if addr.is_ipv4() {
            std::net::Ipv4Addr::LOCALHOST.into()
        } else {
            std::net::Ipv6Addr::LOCALHOST.into()
        });
    }
    let _ = TcpStream::connect_timeout(&target, Duration::from_secs(1));
}

fn connection(mut stream: TcpStream, state: &Arc<State>) {
    let id = state.register(&stream);
    let mut conn = Conn {
        buf: Vec::with_capacity(8192),
        chunk: vec![0; 16 * 1024].into_boxed_slice(),
        out: Vec::new(),
    };
    let _ = serve(&mut stream, &mut conn, state);
    state.unregister(id);
}

struct Conn {
    /// Bytes read but not yet consumed (pipelined requests stay here).
    buf: Vec<u8>,
    /// The read buffer, allocated (and zeroed) once per connection.
    chunk: Box<[u8]>,
    /// The response being written, reused from one response to the next.
    out: Vec<u8>,
}

/// A parsed request plus what the connection needs to know about it.
struct Parsed {
    req: RecordedRequest,
    keep_alive: bool,
    head_only: bool,
}

enum Next {
    Request(Box<Parsed>),
    Closed,
    Bad(u16),
}

fn serve(stream: &mut TcpStream, conn: &mut Conn, state: &State) -> io::Result<()> {
    loop {
        if state.stopping() {
            return Ok(());
        }
        let parsed = match read_request(stream, conn)? {
            Next::Request(p) => p,
            Next::Closed => return Ok(()),
            Next::Bad(status) => {
                let resp = transport_error(status);
                write_response(stream, &mut conn.out, &resp, false, false, false)?;
                return Ok(());
            }
        };
        state.record(&parsed.req);

        let fault = parsed
            .req
            .header(faults::HEADER)
            .map(|h| (Fault::parse(h), h))
            .filter(|(f, h)| f.applies(state, h))
            .map(|(f, _)| f);

        let mut truncate = false;
        let mut resp = match &fault {
            None => router::handle(state, &parsed.req),
            Some(f) => {
                if let Some(delay) = f.latency {
                    if !sleep_unless_stopping(state, delay) {
                        return Ok(());
                    }
                }
                match &f.action {
                    None => router::handle(state, &parsed.req),
                    Some(Action::Stall) => {
                        drain_until_closed(stream);
                        return Ok(());
                    }
                    Some(Action::Reset) => {
                        // SO_LINGER 0 makes the close an RST rather than a FIN.
                        let _ = socket2::SockRef::from(&*stream).set_linger(Some(Duration::ZERO));
                        return Ok(());
                    }
                    Some(Action::Status(status)) => Response::error(&ApiError {
                        code: errors::code_for_status(*status),
                        status: Some(*status),
                        access_token: None,
                    }),
                    Some(Action::Truncate) => {
                        truncate = true;
                        router::handle(state, &parsed.req)
                    }
                    Some(Action::Malformed) => Response::json_bytes(
                        200,
                        Body::Static(b"{\n  \"accounts\": [\n    {\n      \"_id\": \"QPO8Jo8v"),
                    ),
                    Some(Action::Redirect(url)) => {
                        let mut r = Response::json_bytes(302, Body::Static(b""));
                        r.headers.push(("Location", url.clone()));
                        r
                    }
                    Some(Action::Html(status)) => Response {
                        status: *status,
                        content_type: "text/html",
                        headers: Vec::new(),
                        body: Body::Owned(faults::html_page(*status)),
                    },
                }
            }
        };
        if let Some(ra) = fault.as_ref().and_then(|f| f.retry_after.clone()) {
            resp.headers.push(("Retry-After", ra));
        }
        let keep_alive = parsed.keep_alive && !truncate;
        write_response(
            stream,
            &mut conn.out,
            &resp,
            keep_alive,
            parsed.head_only,
            truncate,
        )?;
        if !keep_alive {
            let _ = stream.flush();
            return Ok(());
        }
    }
}

/// Sleeps for `delay` in small steps; returns false if the server started stopping.
fn sleep_unless_stopping(state: &State, delay: Duration) -> bool {
    let end = Instant::now() + delay;
    loop {
        if state.stopping() {
            return false;
        }
        let now = Instant::now();
        if now >= end {
            return true;
        }
        thread::sleep((end - now).min(Duration::from_millis(20)));
    }
}

/// Reads (and discards) until the peer closes or the server shuts the socket down.
fn drain_until_closed(stream: &mut TcpStream) {
    let mut scratch = [0u8; 4096];
    loop {
        match stream.read(&mut scratch) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// Reads more bytes into the buffer; `Ok(0)` at end of stream.
fn fill(stream: &mut TcpStream, conn: &mut Conn) -> io::Result<usize> {
    loop {
        match stream.read(&mut conn.chunk) {
            Ok(n) => {
                conn.buf.extend_from_slice(&conn.chunk[..n]);
                return Ok(n);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

enum Framing {
    None,
    Length(usize),
    Chunked,
}

fn read_request(stream: &mut TcpStream, conn: &mut Conn) -> io::Result<Next> {
    // 1. The head.
    let (head_len, method, target, minor, headers) = loop {
        let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut req = httparse::Request::new(&mut slots);
        match req.parse(&conn.buf) {
            Ok(httparse::Status::Complete(n)) => {
                let headers: Vec<(String, String)> = req
                    .headers
                    .iter()
                    .map(|h| {
                        (
                            h.name.to_owned(),
                            String::from_utf8_lossy(h.value).trim().to_owned(),
                        )
                    })
                    .collect();
                break (
                    n,
                    req.method.unwrap_or("GET").to_owned(),
                    req.path.unwrap_or("/").to_owned(),
                    req.version.unwrap_or(1),
                    headers,
                );
            }
            Ok(httparse::Status::Partial) => {
                if conn.buf.len() > MAX_HEAD {
                    return Ok(Next::Bad(400));
                }
                if fill(stream, conn)? == 0 {
                    return Ok(Next::Closed);
                }
            }
            Err(_) => {
                // Tolerate stray CRLFs between pipelined requests (RFC 9112 §2.2).
                if conn.buf.starts_with(b"\r\n") || conn.buf.starts_with(b"\n") {
                    let skip = if conn.buf.starts_with(b"\r\n") { 2 } else { 1 };
                    conn.buf.drain(..skip);
                    continue;
                }
                return Ok(Next::Bad(400));
            }
        }
    };
    let find = |name: &'static str| {
        headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };

    // 2. Body framing.
    let framing = if let Some(te) = find("transfer-encoding").next_back() {
        let last = te.rsplit(',').next().unwrap_or("").trim();
        if last.eq_ignore_ascii_case("chunked") {
            Framing::Chunked
        } else {
            return Ok(Next::Bad(400));
        }
    } else {
        let mut length: Option<u64> = None;
        for v in find("content-length") {
            for part in v.split(',') {
                match part.trim().parse::<u64>() {
                    Ok(n) if length.is_none_or(|l| l == n) => length = Some(n),
                    _ => return Ok(Next::Bad(400)),
                }
            }
        }
        match length {
            None | Some(0) => Framing::None,
            Some(n) if n > MAX_BODY as u64 => return Ok(Next::Bad(413)),
            Some(n) => Framing::Length(n as usize),
        }
    };
    let expect_continue = find("expect")
        .next()
        .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"));
    let connection_tokens: Vec<String> = find("connection")
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().to_ascii_lowercase())
        .collect();
    conn.buf.drain(..head_len);

    // 3. The body.
    let needs_more = match framing {
        Framing::None => false,
        Framing::Length(n) => conn.buf.len() < n,
        Framing::Chunked => true,
    };
    if expect_continue && needs_more && minor == 1 {
        stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    let body = match framing {
        Framing::None => Vec::new(),
        Framing::Length(n) => {
            while conn.buf.len() < n {
                if fill(stream, conn)? == 0 {
                    return Ok(Next::Closed);
                }
            }
            conn.buf.drain(..n).collect()
        }
        Framing::Chunked => loop {
            match decode_chunked(&conn.buf) {
                Chunked::Done(body, used) => {
                    conn.buf.drain(..used);
                    break body;
                }
                Chunked::Invalid => return Ok(Next::Bad(400)),
                Chunked::TooLarge => return Ok(Next::Bad(413)),
                Chunked::Incomplete => {
                    if conn.buf.len() > MAX_BODY * 2 + MAX_HEAD {
                        return Ok(Next::Bad(413));
                    }
                    if fill(stream, conn)? == 0 {
                        return Ok(Next::Closed);
                    }
                }
            }
        },
    };

    let keep_alive = if minor == 0 {
        connection_tokens.iter().any(|t| t == "keep-alive")
    } else {
        !connection_tokens.iter().any(|t| t == "close")
    };
    // Absolute-form targets (`GET http://host/path`, as sent to proxies) → origin form.
    let target = match target
        .strip_prefix("http://")
        .or_else(|| target.strip_prefix("https://"))
    {
        Some(rest) => match rest.find('/') {
            Some(i) => rest[i..].to_owned(),
            None => "/".to_owned(),
        },
        None => target,
    };
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_owned(), q.to_owned()),
        None => (target, String::new()),
    };
    let head_only = method == "HEAD";
    Ok(Next::Request(Box::new(Parsed {
        req: RecordedRequest {
            method,
            path,
            query,
            headers,
            body,
        },
        keep_alive,
        head_only,
    })))
}

enum Chunked {
    Done(Vec<u8>, usize),
    Incomplete,
    Invalid,
    TooLarge,
}

/// Decodes a complete chunked body at the start of `buf` (re-run from the start as more bytes
/// arrive; bodies are at most 1 MiB, so that is cheap).
fn decode_chunked(buf: &[u8]) -> Chunked {
    let mut pos = 0;
    let mut body = Vec::new();
    loop {
        let (size, used) = match httparse::parse_chunk_size(&buf[pos..]) {
            Ok(httparse::Status::Complete((used, size))) => (size, used),
            Ok(httparse::Status::Partial) => return Chunked::Incomplete,
            Err(_) => return Chunked::Invalid,
        };
        pos += used;
        if size == 0 {
            // Trailers: lines until an empty line.
            loop {
                let Some(eol) = buf[pos..].iter().position(|&b| b == b'\n') else {
                    return Chunked::Incomplete;
                };
                let line = &buf[pos..pos + eol];
                pos += eol + 1;
                if line.is_empty() || line == b"\r" {
                    return Chunked::Done(body, pos);
                }
            }
        }
        let Ok(size) = usize::try_from(size) else {
            return Chunked::TooLarge;
        };
        if size > MAX_BODY || body.len() + size > MAX_BODY {
            return Chunked::TooLarge;
        }
        if buf.len() < pos + size + 2 {
            return Chunked::Incomplete;
        }
        body.extend_from_slice(&buf[pos..pos + size]);
        pos += size;
        if &buf[pos..pos + 2] != b"\r\n" {
            return Chunked::Invalid;
        }
        pos += 2;
    }
}

/// The answer to a request that could not be parsed (400) or was too large (413).
/// These are transport-level errors, so their `code` is the HTTP status (not a table code).
fn transport_error(status: u16) -> Response {
    let (message, resolve) = if status == 413 {
        ("payload too large", "Request bodies are limited to 1 MiB.")
    } else {
        (
            "bad request",
            "The request could not be parsed as HTTP/1.1.",
        )
    };
    Response::json(
        status,
        &json!({ "code": status, "message": message, "resolve": resolve }),
    )
}

fn write_response(
    stream: &mut TcpStream,
    out: &mut Vec<u8>,
    resp: &Response,
    keep_alive: bool,
    head_only: bool,
    truncate: bool,
) -> io::Result<()> {
    let body = resp.body.as_bytes();
    let (declared, sent) = if truncate {
        (body.len() + body.len().max(64), &body[..body.len() / 2])
    } else if head_only {
        (body.len(), &body[..0])
    } else {
        (body.len(), body)
    };
    out.clear();
    out.reserve(
        256 + if sent.len() <= COALESCE {
            sent.len()
        } else {
            0
        },
    );
    let _ = write!(
        out,
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nX-Request-Id: {}\r\nConnection: {}\r\n",
        resp.status,
        http::reason(resp.status),
        resp.content_type,
        declared,
        http::request_id(),
        if keep_alive { "keep-alive" } else { "close" },
    );
    for (name, value) in &resp.headers {
        let _ = write!(out, "{name}: {value}\r\n");
    }
    out.extend_from_slice(b"\r\n");
    if sent.len() <= COALESCE {
        out.extend_from_slice(sent);
        stream.write_all(out)
    } else {
        stream.write_all(out)?;
        stream.write_all(sent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_decode() {
        match decode_chunked(b"3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nX-T: 1\r\n\r\nNEXT") {
            Chunked::Done(body, used) => {
                assert_eq!(body, b"abcde");
                assert_eq!(used, 34);
            }
            _ => panic!("not decoded"),
        }
        assert!(matches!(decode_chunked(b"3\r\nab"), Chunked::Incomplete));
        assert!(matches!(decode_chunked(b"zz\r\n"), Chunked::Invalid));
        assert!(matches!(decode_chunked(b"FFFFFFFF\r\n"), Chunked::TooLarge));
    }
}
