//! Responses: the value a family (or a fault) hands to the HTTP layer, and the code that
//! writes it to the socket.
//!
//! The writer keeps the performance work of the benchmarks: the head and bodies up to
//! [`COALESCE`] go out in one `write` from a buffer reused across the responses of a
//! connection; larger bodies (bulk transactions, shared from a cache) are written straight
//! from their bytes without a copy.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::Value;

use crate::mix::splitmix;

/// Bodies up to this size are sent in the same write as the head.
const COALESCE: usize = 64 * 1024;

/// A response body: owned, or shared with a cache of pre-serialised bodies.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    /// Bytes built for this response only.
    Owned(Vec<u8>),
    /// Bytes shared with a cache.
    Shared(Arc<Vec<u8>>),
    /// A static body.
    Static(&'static [u8]),
}

impl Body {
    /// The bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            Body::Owned(v) => v,
            Body::Shared(v) => v.as_slice(),
            Body::Static(s) => s,
        }
    }
}

/// A response ready to be written.
#[derive(Debug, Clone)]
pub(crate) struct Response {
    /// HTTP status.
    pub(crate) status: u16,
    /// `Content-Type` header value.
    pub(crate) content_type: &'static str,
    /// Extra headers (besides Content-Type, Content-Length, X-Request-Id, Connection).
    pub(crate) headers: Vec<(&'static str, String)>,
    /// The body.
    pub(crate) body: Body,
    /// The id the `X-Request-Id` header repeats: set by a family whose bodies carry their own
    /// `request_id` (the modern API), so that header and body agree; `None` gets a fresh one
    /// when the response is written.
    pub(crate) request_id: Option<String>,
}

/// The content type of every JSON answer.
const JSON: &str = "application/json; charset=utf-8";

impl Response {
    /// A JSON answer, pretty-printed with a 2-space indent (as both Plaid APIs answer).
    pub(crate) fn json(status: u16, value: &Value) -> Response {
        Response::json_bytes(status, Body::Owned(pretty(value)))
    }

    /// A JSON answer from already-serialised bytes.
    pub(crate) fn json_bytes(status: u16, body: Body) -> Response {
        Response {
            status,
            content_type: JSON,
            headers: Vec::new(),
            body,
            request_id: None,
        }
    }

    /// This response with `id` as its `X-Request-Id` (see [`Response::request_id`]).
    pub(crate) fn with_request_id(mut self, id: String) -> Response {
        self.request_id = Some(id);
        self
    }
}

/// Serialises a value with a 2-space indent.
pub(crate) fn pretty(value: &Value) -> Vec<u8> {
    // Serialising a `Value` cannot fail; an empty body would be the fallback.
    serde_json::to_vec_pretty(value).unwrap_or_default()
}

/// The reason phrase of a status code.
pub(crate) fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unknown",
    }
}

/// A new request id: 32 lowercase hex digits, unique within the process.
pub(crate) fn request_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static SEED: OnceLock<(u64, u64)> = OnceLock::new();
    let (a, b) = *SEED.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        let a = h.finish();
        (a, splitmix(a ^ 0x5151_5151))
    });
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    // splitmix is a bijection, so the low half is unique for each counter value.
    format!(
        "{:016x}{:016x}",
        splitmix(a ^ n.rotate_left(17)),
        splitmix(n.wrapping_add(b))
    )
}

/// How much of a response goes on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Delivery {
    /// Head and body.
    Full,
    /// Head only (an answer to `HEAD`): Content-Length still describes the body.
    HeadOnly,
    /// Half the body under a Content-Length larger than the whole body (the `truncate` fault).
    Truncated,
}

/// Writes `resp` with `Content-Type`, `Content-Length`, `X-Request-Id` (the response's own id,
/// else a fresh one) and `Connection`, reusing `out` for the head (and small bodies).
pub(crate) fn write_response(
    stream: &mut impl Write,
    out: &mut Vec<u8>,
    resp: &Response,
    keep_alive: bool,
    delivery: Delivery,
) -> io::Result<()> {
    let body = resp.body.as_bytes();
    let (declared, sent) = match delivery {
        Delivery::Full => (body.len(), body),
        Delivery::HeadOnly => (body.len(), &body[..0]),
        Delivery::Truncated => (body.len() + body.len().max(64), &body[..body.len() / 2]),
    };
    let fresh;
    let id = match &resp.request_id {
        Some(id) => id.as_str(),
        None => {
            fresh = request_id();
            fresh.as_str()
        }
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
        reason(resp.status),
        resp.content_type,
        declared,
        id,
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
    fn request_ids_are_32_lower_hex_and_unique() {
        let a = request_id();
        let b = request_id();
        assert_eq!(a.len(), 32);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
        );
        assert_ne!(a, b);
    }
}
