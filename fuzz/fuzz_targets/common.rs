//! Shared by every target: input bytes -> `http::Response<Vec<u8>>`, and the
//! invariants every parser error must keep.
//!
//! Input layout: bytes 0..2 are a big-endian `u16` `raw`; the status is
//! `100 + raw % 500` (so a seed for status `s` starts with `(s - 100)` as
//! two big-endian bytes). The rest of the input is the body.

#![allow(dead_code)]

use plaid_core::Error;
use plaid_core::http::{Response, StatusCode};

pub const REQUEST_ID: &str = "fuzz-request-id";

/// Splits the input into the raw 16-bit prefix and the body.
pub fn split(data: &[u8]) -> Option<(u16, &[u8])> {
    if data.len() < 2 {
        return None;
    }
    Some((u16::from_be_bytes([data[0], data[1]]), &data[2..]))
}

/// The default status mapping, 100..=599.
pub fn status_of(raw: u16) -> u16 {
    100 + raw % 500
}

pub fn response(status: u16, body: &[u8]) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .header("X-Request-Id", REQUEST_ID)
        .header("Content-Type", "application/json")
        .body(body.to_vec())
        .expect("status 100..=599 is always valid")
}

/// Checks an error against the response it came from, and exercises its
/// `Display`/`Debug`/accessors.
pub fn check_error(error: &Error, status: u16, body: &[u8]) {
    assert_eq!(
        error.status(),
        Some(StatusCode::from_u16(status).unwrap()),
        "error.status() differs from the response status: {error:?}"
    );
    if let Some(got) = error.body() {
        assert_eq!(got, body, "error.body() differs from the response body");
    }
    let _ = error.to_string();
    let _ = format!("{error:?}");
    let _ = (error.kind(), error.legacy_code(), error.request_id(), error.decode_path());
    let _ = (error.plaid_code(), error.api_code(), error.retry_hint(), error.is_retryable());
    let _ = error.api_error().map(|api| format!("{api:?} {api}"));
    let _ = error.is_api();
}

/// The modern family's request id rule: the `PlaidError`'s own id when the
/// body is one that carries it, else the header's.
pub fn check_modern_request_id(error: &Error) {
    let from_body = error.plaid().and_then(|plaid| plaid.request_id.as_deref());
    assert_eq!(
        error.request_id(),
        Some(from_body.unwrap_or(REQUEST_ID)),
        "the request id is neither the body's nor the header's: {error:?}"
    );
    if let Some(plaid) = error.plaid() {
        // A decoded PlaidError is what the error reports.
        assert_eq!(error.plaid_code(), Some(&plaid.error_code));
        assert_eq!(error.retry_hint(), Some(plaid.retry_hint()));
        let _ = format!("{plaid:?} {plaid}");
    }
}

/// Whether `body` is a JSON object as far as its first byte says (after
/// whitespace): the only kind of body a modern parser may accept.
pub fn starts_an_object(body: &[u8]) -> bool {
    body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Runs one parser on a fresh response; on error checks the invariants.
/// Returns the successful value, if any.
pub fn run<T>(
    status: u16,
    body: &[u8],
    parse: fn(Response<Vec<u8>>) -> Result<T, Error>,
) -> Option<T> {
    match parse(response(status, body)) {
        Ok(value) => {
            assert!(
                (200..300).contains(&status),
                "parser accepted a non-2xx status {status}"
            );
            Some(value)
        }
        Err(error) => {
            check_error(&error, status, body);
            None
        }
    }
}
