//! The modern wire format as the tests check it: a client on the emulator's
//! keys, canned JSON answers, and one assertion that a built request is
//! exactly what the API expects (method, URL, the three headers, the JSON
//! body).
#![allow(dead_code)]

use plaid_core::http::{Method, Response};
use plaid_core::modern::{
    CLIENT_ID_HEADER, Client, Config, JSON_CONTENT_TYPE, PLAID_VERSION, SECRET_HEADER,
    VERSION_HEADER,
};
use plaid_core::transport::{BodyLimit, HttpRequest, HttpResponse, Timeout};
use serde_json::Value;

use crate::support::{BASE, REQUEST_ID, Unsent, never_sent};

/// The access token the tests use.
pub(crate) const TOKEN: &str = "access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6";

/// A configuration for the loopback emulator.
pub(crate) fn modern_config() -> Config {
    Config::emulator(BASE).expect("a loopback emulator config")
}

/// A client that only builds requests.
pub(crate) fn client() -> Client<Unsent> {
    Client::new(modern_config(), never_sent as Unsent)
}

/// A canned JSON answer carrying `request_id` in the body, as Plaid sends
/// it.
pub(crate) fn answer(status: u16, body: &str) -> HttpResponse {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(body.as_bytes().to_vec())
        .unwrap()
}

/// An error body of `error_type` / `error_code` with every key the spec
/// requires.
pub(crate) fn plaid_error(error_type: &str, error_code: &str) -> String {
    serde_json::json!({
        "error_type": error_type,
        "error_code": error_code,
        "error_code_reason": null,
        "error_message": format!("{error_code} happened"),
        "display_message": null,
        "request_id": REQUEST_ID,
        "causes": [],
        "status": null,
        "documentation_url": "https://plaid.com/docs/errors/",
        "suggested_action": null,
    })
    .to_string()
}

/// Asserts that `request` is `POST {BASE}{path}` with the modern headers
/// (the keys only when `authenticated`, and then marked sensitive) and the
/// JSON body `body`.
#[track_caller]
pub(crate) fn assert_request(request: &HttpRequest, path: &str, authenticated: bool, body: Value) {
    assert_eq!(request.method(), Method::POST);
    assert_eq!(request.uri().to_string(), format!("{BASE}{path}"));
    let headers = request.headers();
    let header = |name: &str| headers.get(name).map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(header("content-type").as_deref(), Some(JSON_CONTENT_TYPE));
    assert_eq!(header(VERSION_HEADER).as_deref(), Some(PLAID_VERSION));
    assert_eq!(header("accept").as_deref(), Some("application/json"));
    assert_eq!(
        header("user-agent").as_deref(),
        Some(plaid_core::USER_AGENT)
    );
    if authenticated {
        assert_eq!(header(CLIENT_ID_HEADER).as_deref(), Some("test_id"));
        assert_eq!(header(SECRET_HEADER).as_deref(), Some("test_secret"));
        assert!(headers[CLIENT_ID_HEADER].is_sensitive());
        assert!(headers[SECRET_HEADER].is_sensitive());
    } else {
        assert!(!headers.contains_key(CLIENT_ID_HEADER));
        assert!(!headers.contains_key(SECRET_HEADER));
    }
    let sent: Value = serde_json::from_slice(request.body()).expect("a JSON body");
    assert_eq!(sent, body, "the body of {path}");
    assert!(Timeout::of(request).is_some() && BodyLimit::of(request).is_some());
}
