//! Fault injection, asked for per request with the `X-Sandbox-Fault` header: the grammar, the
//! `times=` counters, and the execution of a fault on a connection.
//!
//! Grammar: `;`-separated directives, each `name` or `name=value`, whitespace around them
//! ignored, unknown directives ignored:
//!
//! | directive | effect |
//! |---|---|
//! | `latency=<ms>` | wait, then go on (with the other directives, or a normal answer) |
//! | `stall` | read the request, never answer; the socket stays open until the client leaves or the server stops |
//! | `status=<code>` | answer that status with the family's error body for it ([`Family::error_for_status`]) |
//! | `error=<CODE>` | answer the family's documented error for that code, with its status ([`Family::error_for_code`]); a code the family does not know is ignored |
//! | `retry-after=<s>` | add `Retry-After: <s>` to the answer |
//! | `truncate` | the normal answer, but declare a Content-Length larger than the bytes sent, then close |
//! | `malformed` | 200 with a body that is not valid JSON ([`Family::malformed_body`]) |
//! | `reset` | close the connection without answering (see [`Action::Reset`]) |
//! | `redirect=<url>` | 302 with `Location: <url>` |
//! | `html=<code>` | an HTML error page with that status and `text/html`, like a proxy's |
//! | `times=<n>` | apply the fault only to the first `n` requests with the same key |
//! | `after=<n>` | let the first `n` requests with the same key through untouched; with `times=<t>`, requests `n+1` to `n+t` get the fault |
//! | `key=<id>` | the counter key for `times` and `after` (default: the whole header value) |
//!
//! Example: `status=503;retry-after=2;times=2;key=retry-test-1` answers 503 twice, then
//! normally. `after` reaches a request in the middle of a sequence, such as a page of a
//! paginated loop that sends the same header on every page:
//! `error=TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION;after=2;times=1;key=sync-1` lets the
//! first two pages through, fails the third once, and lets every later request through.
//!
//! This module is part of the HTTP layer: it holds no Plaid body or error code. Whatever a
//! fault answers in the API's own shape, it asks the [`Family`] for.

use std::collections::HashMap;
use std::io::Read;
use std::net::TcpStream;
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

use crate::family::Family;
use crate::lock::lock;
use crate::server::{Body, RecordedRequest, Response, ServerState, reason};

/// The request header that carries fault directives, in lower case (`x-sandbox-fault`; the
/// crate docs give its grammar). Exported as [`crate::FAULT_HEADER`].
pub const HEADER: &str = "x-sandbox-fault";

/// What to do instead of (or to) the normal answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
    /// Never answer.
    Stall,
    /// Answer this status with the family's error body.
    Status(u16),
    /// Answer the family's documented error for this code.
    Error(String),
    /// Send a short body under a larger Content-Length, then close.
    Truncate,
    /// 200 with invalid JSON.
    Malformed,
    /// Reset the connection without answering: `SO_LINGER` 0, then close, so the client
    /// sees a TCP RST ("connection reset by peer").
    Reset,
    /// 302 to this URL.
    Redirect(String),
    /// An HTML error page with this status.
    Html(u16),
}

/// A parsed `X-Sandbox-Fault` header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fault {
    /// Delay before answering.
    pub(crate) latency: Option<Duration>,
    /// The fault proper.
    pub(crate) action: Option<Action>,
    /// `Retry-After` header value.
    pub(crate) retry_after: Option<String>,
    /// Apply only to the first `times` requests with this key (after the `after` skipped).
    pub(crate) times: Option<u64>,
    /// Let this many requests with the key through before the fault applies.
    pub(crate) after: Option<u64>,
    /// The counter key.
    pub(crate) key: Option<String>,
}

/// A status code a fault may ask for.
fn status_code(n: Option<u64>) -> Option<u16> {
    n.and_then(|n| u16::try_from(n).ok())
        .filter(|c| (100..=999).contains(c))
}

impl Fault {
    /// Parses the header value. Never fails: malformed directives are ignored.
    pub(crate) fn parse(header: &str) -> Fault {
        let mut f = Fault::default();
        for directive in header.split(';') {
            let directive = directive.trim();
            let (name, value) = match directive.split_once('=') {
                Some((n, v)) => (n.trim(), Some(v.trim())),
                None => (directive, None),
            };
            let num = value.and_then(|v| v.parse::<u64>().ok());
            match name.to_ascii_lowercase().as_str() {
                "latency" => f.latency = num.map(Duration::from_millis),
                "stall" => f.action = Some(Action::Stall),
                "status" => {
                    if let Some(code) = status_code(num) {
                        f.action = Some(Action::Status(code));
                    }
                }
                "error" => {
                    if let Some(code) = value.filter(|v| !v.is_empty()) {
                        f.action = Some(Action::Error(code.to_owned()));
                    }
                }
                "retry-after" => f.retry_after = value.filter(|v| !v.is_empty()).map(str::to_owned),
                "truncate" => f.action = Some(Action::Truncate),
                "malformed" => f.action = Some(Action::Malformed),
                "reset" => f.action = Some(Action::Reset),
                "redirect" => {
                    if let Some(url) = value.filter(|v| !v.is_empty()) {
                        f.action = Some(Action::Redirect(url.to_owned()));
                    }
                }
                "html" => f.action = Some(Action::Html(status_code(num).unwrap_or(502))),
                "times" => f.times = num,
                "after" => f.after = num,
                "key" => f.key = value.map(str::to_owned),
                _ => {}
            }
        }
        f
    }

    /// Whether the fault applies to this request: always without `times` and `after`;
    /// otherwise the request is counted under its key (each call counts one request) and the
    /// fault applies to the requests numbered `after + 1` to `after + times` (without `times`,
    /// to every one after the first `after`).
    pub(crate) fn applies(&self, counters: &Counters, header: &str) -> bool {
        if self.times.is_none() && self.after.is_none() {
            return true;
        }
        let key = self.key.as_deref().unwrap_or(header);
        let n = counters.bump(key);
        let after = self.after.unwrap_or(0);
        n > after && self.times.is_none_or(|times| n - after <= times)
    }
}

/// The `times=` counters: requests seen so far per fault key.
#[derive(Debug, Default)]
pub(crate) struct Counters(Mutex<HashMap<String, u64>>);

impl Counters {
    /// Counts one more request for a key and returns the new count (1 for the first).
    fn bump(&self, key: &str) -> u64 {
        let mut counts = lock(&self.0);
        let n = counts.entry(key.to_owned()).or_insert(0);
        *n += 1;
        *n
    }

    /// Forgets every counter.
    pub(crate) fn reset(&self) {
        lock(&self.0).clear();
    }
}

/// What the connection does with a request once its fault, if any, has run.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Write this response; `truncate` cuts its body short and closes the connection.
    Answer {
        /// The response.
        response: Response,
        /// Whether the `truncate` fault applies.
        truncate: bool,
    },
    /// Close without answering (after a stall or a reset, or because the server is stopping).
    Close,
}

/// Answers one request: with the family's normal answer, or as its fault says.
pub(crate) fn answer(
    req: &RecordedRequest,
    stream: &TcpStream,
    server: &ServerState,
    family: &dyn Family,
) -> Outcome {
    let fault = req
        .header(HEADER)
        .map(|h| (Fault::parse(h), h))
        .filter(|(f, h)| f.applies(&server.faults, h))
        .map(|(f, _)| f);
    let Some(fault) = fault else {
        return Outcome::Answer {
            response: family.handle(req),
            truncate: false,
        };
    };
    if let Some(delay) = fault.latency {
        if !sleep_unless_stopping(server, delay) {
            return Outcome::Close;
        }
    }
    let mut response = match &fault.action {
        None | Some(Action::Truncate) => family.handle(req),
        Some(Action::Stall) => {
            drain_until_closed(stream);
            return Outcome::Close;
        }
        Some(Action::Reset) => {
            // SO_LINGER 0 makes the close an RST rather than a FIN.
            let _ = socket2::SockRef::from(stream).set_linger(Some(Duration::ZERO));
            return Outcome::Close;
        }
        Some(Action::Status(status)) => family.error_for_status(*status, req),
        Some(Action::Error(code)) => family
            .error_for_code(code, req)
            .unwrap_or_else(|| family.handle(req)),
        Some(Action::Malformed) => Response::json_bytes(200, Body::Static(family.malformed_body())),
        Some(Action::Redirect(url)) => {
            let mut r = Response::json_bytes(302, Body::Static(b""));
            r.headers.push(("Location", url.clone()));
            r
        }
        Some(Action::Html(status)) => Response {
            status: *status,
            content_type: "text/html",
            headers: Vec::new(),
            body: Body::Owned(html_page(*status)),
            request_id: None,
        },
    };
    if let Some(ra) = fault.retry_after {
        response.headers.push(("Retry-After", ra));
    }
    Outcome::Answer {
        response,
        truncate: fault.action == Some(Action::Truncate),
    }
}

/// Sleeps for `delay` in small steps; returns false if the server started stopping.
fn sleep_unless_stopping(server: &ServerState, delay: Duration) -> bool {
    let end = Instant::now() + delay;
    loop {
        if server.stopping() {
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
fn drain_until_closed(mut stream: &TcpStream) {
    let mut scratch = [0u8; 4096];
    loop {
        match stream.read(&mut scratch) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// The HTML page of the `html=<code>` fault (nginx's look).
fn html_page(status: u16) -> Vec<u8> {
    let title = format!("{status} {}", reason(status));
    format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    )
    .into_bytes()
}

#[cfg(test)]
mod tests;
