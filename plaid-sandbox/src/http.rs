//! Plain request and response values passed between the connection code and the handlers.
//!
//! Nothing here does I/O: [`crate::server`] parses bytes into a request (see [`crate::params`]) and writes a
//! [`Response`] back; the router only sees these types.

use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::Value;

use crate::errors::ApiError;

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

/// A response body: owned, or shared with a cache of pre-serialised bodies.
#[derive(Debug, Clone)]
pub enum Body {
    /// Bytes built for this response only.
    Owned(Vec<u8>),
    /// Bytes shared with a cache.
    Shared(Arc<Vec<u8>>),
    /// A static body.
    Static(&'static [u8]),
}

impl Body {
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Body::Owned(v) => v,
            Body::Shared(v) => v.as_slice(),
            Body::Static(s) => s,
        }
    }
}

/// A response ready to be written.
#[derive(Debug, Clone)]
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type` header value.
    pub content_type: &'static str,
    /// Extra headers (besides Content-Type, Content-Length, X-Request-Id, Connection).
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Body,
}

/// The content type of every JSON answer.
pub const JSON: &str = "application/json; charset=utf-8";

impl Response {
    /// A JSON answer, pretty-printed with a 2-space indent like tartan.
    pub fn json(status: u16, value: &Value) -> Response {
        Response::json_bytes(status, Body::Owned(pretty(value)))
    }

    /// A JSON answer from already-serialised bytes.
    pub fn json_bytes(status: u16, body: Body) -> Response {
        Response {
            status,
            content_type: JSON,
            headers: Vec::new(),
            body,
        }
    }

    /// The answer for an API error.
    pub fn error(err: &ApiError) -> Response {
        Response::json(err.status(), &err.body())
    }
}

impl From<ApiError> for Response {
    fn from(err: ApiError) -> Response {
        Response::error(&err)
    }
}

/// Serialises a value with a 2-space indent.
pub fn pretty(value: &Value) -> Vec<u8> {
    // Serialising a `Value` cannot fail; an empty body would be the fallback.
    serde_json::to_vec_pretty(value).unwrap_or_default()
}

/// The reason phrase of a status code.
pub fn reason(status: u16) -> &'static str {
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
pub fn request_id() -> String {
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

/// The splitmix64 finaliser: a cheap bijective mixer.
pub fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
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
