//! The legacy wire format seen from a test: a decoder for the
//! `application/x-www-form-urlencoded` bodies (JSON-in-form fields decoded
//! as JSON), the sandbox keys, and the one assertion every request snapshot
//! uses.

use plaid_core::USER_AGENT;
use plaid_core::http::{self, Method};
use plaid_core::legacy::FORM_CONTENT_TYPE;
use plaid_core::transport::{HttpRequest, Timeout};
use serde_json::Value;

/// One decoded form value: plain text, or a JSON string decoded as JSON.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum V {
    T(String),
    J(Value),
}

pub(crate) fn t(text: &str) -> V {
    V::T(text.to_owned())
}

pub(crate) fn j(value: Value) -> V {
    V::J(value)
}

/// Decodes `application/x-www-form-urlencoded` text into its pairs, in
/// order (`+` is a space, `%XX` a byte).
pub(crate) fn decode_form(body: &[u8]) -> Vec<(String, String)> {
    let text = std::str::from_utf8(body).expect("a form body is ASCII");
    if text.is_empty() {
        return Vec::new();
    }
    text.split('&')
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (unescape(key), unescape(value))
        })
        .collect()
}

fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("two hex digits");
                out.push(u8::from_str_radix(hex, 16).expect("valid hex"));
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8 after decoding")
}

/// The form pairs with the JSON-string fields (`credentials`, `options`,
/// and a `mfa` holding a JSON array) decoded as JSON, sorted by key (the
/// relative order of repeated keys is kept).
pub(crate) fn decoded_fields(body: &[u8]) -> Vec<(String, V)> {
    let mut fields: Vec<(String, V)> = decode_form(body)
        .into_iter()
        .map(|(key, value)| {
            let is_json = matches!(key.as_str(), "credentials" | "options")
                || (key == "mfa" && value.starts_with('['));
            let value = if is_json {
                V::J(
                    serde_json::from_str(&value)
                        .unwrap_or_else(|e| panic!("`{key}` is not a JSON string ({e}): {value}")),
                )
            } else {
                V::T(value)
            };
            (key, value)
        })
        .collect();
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    fields
}

/// The expected fields, sorted the same way.
pub(crate) fn fields(expected: &[(&str, V)]) -> Vec<(String, V)> {
    let mut fields: Vec<(String, V)> = expected
        .iter()
        .map(|(key, value)| ((*key).to_owned(), value.clone()))
        .collect();
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    fields
}

/// The sandbox keys every authenticated call carries.
pub(crate) fn keys() -> [(&'static str, V); 2] {
    [("client_id", t("test_id")), ("secret", t("test_secret"))]
}

/// Asserts the whole request: method, URL, headers (user-agent, accept,
/// and the form content type exactly when there is a body), the timeout
/// extension, and the body's decoded fields.
pub(crate) fn assert_request(
    request: &HttpRequest,
    method: Method,
    url: &str,
    expected: &[(&str, V)],
) {
    assert_eq!(request.method(), method, "method");
    assert_eq!(request.uri().to_string(), url, "url");
    let headers = request.headers();
    assert_eq!(headers.get(http::header::USER_AGENT).unwrap(), USER_AGENT);
    assert_eq!(
        headers.get(http::header::ACCEPT).unwrap(),
        "application/json"
    );
    let has_body = method != Method::GET;
    if has_body {
        assert_eq!(
            headers.get(http::header::CONTENT_TYPE).unwrap(),
            FORM_CONTENT_TYPE
        );
        assert_eq!(headers.len(), 3, "unexpected headers: {headers:?}");
    } else {
        assert!(request.body().is_empty(), "a GET has no body");
        assert_eq!(headers.len(), 2, "unexpected headers: {headers:?}");
    }
    assert!(
        request.extensions().get::<Timeout>().is_some(),
        "every request carries a timeout"
    );
    assert_eq!(
        decoded_fields(request.body()),
        fields(expected),
        "body of {method} {url}"
    );
}

/// The decoded query string of a request (for public GETs).
pub(crate) fn query_pairs(request: &HttpRequest) -> Vec<(String, String)> {
    decode_form(request.uri().query().unwrap_or_default().as_bytes())
}
