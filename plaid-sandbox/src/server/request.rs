//! Requests: the recorded value every layer sees, and the HTTP/1.1 parser that reads it from
//! the socket (httparse for the head; Content-Length and chunked bodies; `Expect:
//! 100-continue`; keep-alive rules of HTTP/1.0 and 1.1; absolute-form targets).
//!
//! Malformed or oversized input becomes a [`Refusal`], never a panic; what the client is told
//! about it is up to the family (see [`crate::family::Family::refusal`]).

use std::io::{self, Read, Write};

/// Largest accepted request body.
pub(crate) const MAX_BODY: usize = 1024 * 1024;
/// Largest accepted request head (request line + headers).
const MAX_HEAD: usize = 64 * 1024;
const MAX_HEADERS: usize = 100;

/// A request as it was received (also what [`crate::Sandbox::recorded_requests`] returns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The method, as sent (e.g. `POST`).
    pub method: String,
    /// The path without the query string, as sent (not percent-decoded).
    pub path: String,
    /// The raw query string without `?` (empty when there is none).
    pub query: String,
    /// Header names and values in the order received (names as sent).
    pub headers: Vec<(String, String)>,
    /// The body after chunked decoding.
    pub body: Vec<u8>,
}

impl RecordedRequest {
    /// The first header with that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why the HTTP layer would not take a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Not HTTP/1.1 the parser could read (bad request line, headers, framing or chunk).
    Malformed,
    /// A body over [`MAX_BODY`].
    TooLarge,
}

impl Refusal {
    /// The HTTP status of the refusal.
    pub(crate) fn status(self) -> u16 {
        match self {
            Refusal::Malformed => 400,
            Refusal::TooLarge => 413,
        }
    }
}

/// The read side of a connection, allocated once and reused for every request on it.
pub(super) struct ReadBuf {
    /// Bytes read but not yet consumed (pipelined requests stay here).
    buf: Vec<u8>,
    /// The read buffer, allocated (and zeroed) once per connection.
    chunk: Box<[u8]>,
}

impl ReadBuf {
    pub(super) fn new() -> ReadBuf {
        ReadBuf {
            buf: Vec::with_capacity(8192),
            chunk: vec![0; 16 * 1024].into_boxed_slice(),
        }
    }

    /// Reads more bytes into the buffer; `Ok(0)` at end of stream.
    fn fill(&mut self, stream: &mut impl Read) -> io::Result<usize> {
        loop {
            match stream.read(&mut self.chunk) {
                Ok(n) => {
                    self.buf.extend_from_slice(&self.chunk[..n]);
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

/// A parsed request plus what the connection needs to know about it.
pub(super) struct Parsed {
    pub(super) req: RecordedRequest,
    pub(super) keep_alive: bool,
    pub(super) head_only: bool,
}

/// The outcome of reading one request.
pub(super) enum Next {
    Request(Box<Parsed>),
    Closed,
    Refused(Refusal),
}

enum Framing {
    None,
    Length(usize),
    Chunked,
}

/// Reads one request (the head, then its body).
pub(super) fn read_request(stream: &mut (impl Read + Write), rb: &mut ReadBuf) -> io::Result<Next> {
    // 1. The head.
    let (head_len, method, target, minor, headers) = loop {
        let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut req = httparse::Request::new(&mut slots);
        match req.parse(&rb.buf) {
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
                if rb.buf.len() > MAX_HEAD {
                    return Ok(Next::Refused(Refusal::Malformed));
                }
                if rb.fill(stream)? == 0 {
                    return Ok(Next::Closed);
                }
            }
            Err(_) => {
                // Tolerate stray CRLFs between pipelined requests (RFC 9112 §2.2).
                if rb.buf.starts_with(b"\r\n") || rb.buf.starts_with(b"\n") {
                    let skip = if rb.buf.starts_with(b"\r\n") { 2 } else { 1 };
                    rb.buf.drain(..skip);
                    continue;
                }
                return Ok(Next::Refused(Refusal::Malformed));
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
            return Ok(Next::Refused(Refusal::Malformed));
        }
    } else {
        let mut length: Option<u64> = None;
        for v in find("content-length") {
            for part in v.split(',') {
                match part.trim().parse::<u64>() {
                    Ok(n) if length.is_none_or(|l| l == n) => length = Some(n),
                    _ => return Ok(Next::Refused(Refusal::Malformed)),
                }
            }
        }
        match length {
            None | Some(0) => Framing::None,
            Some(n) if n > MAX_BODY as u64 => return Ok(Next::Refused(Refusal::TooLarge)),
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
    rb.buf.drain(..head_len);

    // 3. The body.
    let needs_more = match framing {
        Framing::None => false,
        Framing::Length(n) => rb.buf.len() < n,
        Framing::Chunked => true,
    };
    if expect_continue && needs_more && minor == 1 {
        stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    let body = match framing {
        Framing::None => Vec::new(),
        Framing::Length(n) => {
            while rb.buf.len() < n {
                if rb.fill(stream)? == 0 {
                    return Ok(Next::Closed);
                }
            }
            rb.buf.drain(..n).collect()
        }
        Framing::Chunked => loop {
            match decode_chunked(&rb.buf) {
                Chunked::Done(body, used) => {
                    rb.buf.drain(..used);
                    break body;
                }
                Chunked::Invalid => return Ok(Next::Refused(Refusal::Malformed)),
                Chunked::TooLarge => return Ok(Next::Refused(Refusal::TooLarge)),
                Chunked::Incomplete => {
                    if rb.buf.len() > MAX_BODY * 2 + MAX_HEAD {
                        return Ok(Next::Refused(Refusal::TooLarge));
                    }
                    if rb.fill(stream)? == 0 {
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
    let (path, query) = split_target(target);
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

/// Splits a request target into path and query; absolute-form targets (`GET http://host/path`,
/// as sent to proxies) become origin form.
fn split_target(target: String) -> (String, String) {
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
    match target.split_once('?') {
        Some((p, q)) => (p.to_owned(), q.to_owned()),
        None => (target, String::new()),
    }
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
