//! The sandbox alone: a minimal keep-alive client on std sockets that
//! decodes nothing, so each emulator's own ceiling is known.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use crate::calls::{CallKind, Targets, Wire, wire};
use crate::cases::Case;
use crate::measure::{run_sync, run_threads};
use crate::options::Opts;

/// One keep-alive connection replaying one prebuilt request, or sending
/// each request it is given (the bare sync loop of `sync::e2e`).
pub(crate) struct RawConn {
    stream: TcpStream,
    addr: SocketAddr,
    request: Vec<u8>,
    buf: Vec<u8>,
}

impl RawConn {
    /// A connection to the emulator of `w.url` (`http://<ip>:<port>/…`),
    /// ready to replay `w`.
    pub(crate) fn new(w: &Wire) -> RawConn {
        let addr: SocketAddr = w
            .url
            .split('/')
            .nth(2)
            .and_then(|authority| authority.parse().ok())
            .expect("a loopback ip:port");
        let stream = TcpStream::connect(addr).expect("connect to the sandbox");
        stream.set_nodelay(true).expect("nodelay");
        let mut conn = RawConn {
            stream,
            addr,
            request: Vec::new(),
            buf: Vec::with_capacity(1 << 16),
        };
        conn.request = conn.encode(w);
        conn
    }

    /// The bytes of `w` on this connection.
    fn encode(&self, w: &Wire) -> Vec<u8> {
        let path = w.url.splitn(4, '/').nth(3).unwrap_or_default();
        let mut head = format!("POST /{path} HTTP/1.1\r\nHost: {}\r\n", self.addr);
        for (name, value) in &w.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", w.body.len()));
        let mut request = head.into_bytes();
        request.extend_from_slice(&w.body);
        request
    }

    /// Replays the request; returns the body length.
    fn call(&mut self) -> usize {
        self.exchange(false).1
    }

    /// Sends `w` (on the same connection) and returns the body of its 200.
    pub(crate) fn fetch(&mut self, w: &Wire) -> &[u8] {
        self.request = self.encode(w);
        let (start, length) = self.exchange(true);
        &self.buf[start..start + length]
    }

    /// Sends the request and reads its 200 answer; returns where the body
    /// starts in `buf` and its length. The body is kept in `buf` only when
    /// `keep`: the replay cases count it and no more, so their ceiling is
    /// the emulator's.
    fn exchange(&mut self, keep: bool) -> (usize, usize) {
        self.stream.write_all(&self.request).expect("write");
        self.buf.clear();
        let mut chunk = [0u8; 1 << 16];
        let (head_end, length) = loop {
            let n = self.stream.read(&mut chunk).expect("read");
            assert!(n > 0, "the sandbox closed the connection");
            self.buf.extend_from_slice(&chunk[..n]);
            if let Some(end) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&self.buf[..end]).to_ascii_lowercase();
                assert!(head.starts_with("http/1.1 200 "), "not a 200: {head}");
                let length = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .expect("content-length");
                break (end + 4, length);
            }
        };
        let mut have = self.buf.len() - head_end;
        if keep {
            self.buf.reserve(length.saturating_sub(have));
        }
        while have < length {
            let n = self.stream.read(&mut chunk).expect("read");
            assert!(n > 0, "the sandbox closed the connection");
            if keep {
                self.buf.extend_from_slice(&chunk[..n]);
            }
            have += n;
        }
        (head_end, length)
    }
}

/// The sandbox alone with [`RawConn`], each call at 1 and at `--concurrency`
/// connections (one thread each).
pub(crate) fn sandbox_alone_cases<'a>(targets: &Targets, opts: &Opts) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    for call in CallKind::ALL {
        for concurrency in [1, opts.concurrency] {
            let w = std::sync::Arc::new(wire(targets, call));
            cases.push(Case {
                backend: "sandbox alone",
                wrapper: false,
                call,
                concurrency,
                run: Box::new(move |d| {
                    let w = std::sync::Arc::clone(&w);
                    if concurrency == 1 {
                        let mut conn = RawConn::new(&w);
                        run_sync(d, || {
                            std::hint::black_box(conn.call());
                        })
                    } else {
                        run_threads(d, concurrency, || {
                            let mut conn = RawConn::new(&w);
                            Box::new(move || {
                                std::hint::black_box(conn.call());
                            })
                        })
                    }
                }),
                samples: Vec::new(),
            });
        }
    }
    cases
}
