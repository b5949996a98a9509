//! The sandbox alone: a minimal keep-alive client on std sockets that
//! decodes nothing, so the sandbox's own ceiling is known.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use plaid_core::legacy::Config;

use crate::calls::{CallKind, FORM, JSON, Wire, wire};
use crate::cases::Case;
use crate::measure::{run_sync, run_threads};
use crate::options::Opts;

/// One keep-alive connection replaying one prebuilt request.
struct RawConn {
    stream: TcpStream,
    request: Vec<u8>,
    buf: Vec<u8>,
}

impl RawConn {
    fn new(addr: SocketAddr, w: &Wire) -> RawConn {
        let stream = TcpStream::connect(addr).expect("connect to the sandbox");
        stream.set_nodelay(true).expect("nodelay");
        let path = w.url.splitn(4, '/').nth(3).unwrap_or_default();
        let mut request = format!(
            "POST /{path} HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: {}\r\nAccept: {JSON}\r\n\
             Content-Type: {FORM}\r\nContent-Length: {}\r\n\r\n",
            w.user_agent,
            w.body.len()
        )
        .into_bytes();
        request.extend_from_slice(&w.body);
        RawConn {
            stream,
            request,
            buf: Vec::with_capacity(1 << 16),
        }
    }

    /// One request; returns the body length.
    fn call(&mut self) -> usize {
        self.stream.write_all(&self.request).expect("write");
        self.buf.clear();
        let mut chunk = [0u8; 1 << 16];
        let (head_end, length) = loop {
            let n = self.stream.read(&mut chunk).expect("read");
            assert!(n > 0, "the sandbox closed the connection");
            self.buf.extend_from_slice(&chunk[..n]);
            if let Some(end) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&self.buf[..end]).to_ascii_lowercase();
                let length = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .expect("content-length");
                break (end + 4, length);
            }
        };
        let mut have = self.buf.len() - head_end;
        while have < length {
            let n = self.stream.read(&mut chunk).expect("read");
            assert!(n > 0, "the sandbox closed the connection");
            have += n;
        }
        length
    }
}

/// The sandbox alone with [`RawConn`], each call at 1 and at `--concurrency`
/// connections (one thread each).
pub(crate) fn sandbox_alone_cases<'a>(
    addr: SocketAddr,
    config: &Config,
    opts: &Opts,
) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    for call in [CallKind::Small, CallKind::Large] {
        for concurrency in [1, opts.concurrency] {
            let w = std::sync::Arc::new(wire(config, call));
            cases.push(Case {
                backend: "sandbox alone",
                wrapper: false,
                call,
                concurrency,
                run: Box::new(move |d| {
                    let w = std::sync::Arc::clone(&w);
                    if concurrency == 1 {
                        let mut conn = RawConn::new(addr, &w);
                        run_sync(d, || {
                            std::hint::black_box(conn.call());
                        })
                    } else {
                        run_threads(d, concurrency, || {
                            let mut conn = RawConn::new(addr, &w);
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
