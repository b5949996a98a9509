//! The `Client` and its calls: a per-call timeout reaching the transport,
//! `send` delivering exactly what `to_request` shows, and the suppressed
//! (raw) mode that hands back non-2xx responses instead of errors.

use std::time::Duration;

use crate::support::*;
use plaid_core::ErrorKind;
use plaid_core::http::StatusCode;
use plaid_core::legacy::{Client, ErrorCode, GetOptions};
use plaid_core::transport::{HttpRequest, HttpResponse, Timeout, TransportError};
use serde_json::Value;

// ---- calls ----

#[test]
fn a_per_call_timeout_overrides_the_default() {
    let client = item_client();
    let request = client
        .balance()
        .timeout(Duration::from_millis(1500))
        .to_request()
        .unwrap();
    assert_eq!(Timeout::of(&request), Some(Duration::from_millis(1500)));
    // And the transport sees the same value.
    let (transport, seen) = recorder(200, r#"[]"#);
    let client = Client::new(config().with_timeout(Duration::from_secs(3)), transport);
    client.categories().send().unwrap();
    client
        .categories()
        .timeout(Duration::from_secs(9))
        .send()
        .unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(Timeout::of(&seen[0]), Some(Duration::from_secs(3)));
    assert_eq!(Timeout::of(&seen[1]), Some(Duration::from_secs(9)));
}

#[test]
fn send_delivers_exactly_the_request_to_request_shows() {
    let (transport, seen) = recorder(
        200,
        r#"{"accounts": [], "transactions": [], "access_token": "test_bofa"}"#,
    );
    let client = Client::new(config(), transport).with_access_token("test_bofa");
    let options = GetOptions::new().pending(true);
    let expected = client
        .connect_get_with_options(options.clone())
        .to_request()
        .unwrap();
    client.connect_get_with_options(options).send().unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method(), expected.method());
    assert_eq!(seen[0].uri(), expected.uri());
    assert_eq!(seen[0].headers(), expected.headers());
    assert_eq!(seen[0].body(), expected.body());
}

// ---- the suppressed mode ----

const LOCKED: &str =
    r#"{"code":1205,"message":"account locked","resolve":"The account is locked."}"#;

#[test]
fn a_suppressed_client_returns_4xx_responses_as_is() {
    let (transport, _) = recorder(402, LOCKED);
    let client = Client::new(config(), transport)
        .with_access_token("test_bofa")
        .suppress_http_errors();
    let raw = client
        .balance()
        .send()
        .expect("no error in suppressed mode");
    assert!(!raw.is_success());
    assert_eq!(raw.status(), StatusCode::PAYMENT_REQUIRED);
    assert_eq!(raw.request_id(), Some(REQUEST_ID));
    assert_eq!(raw.body(), LOCKED.as_bytes());
    assert_eq!(raw.headers()["x-request-id"], REQUEST_ID);
    let json: Value = raw.json().unwrap();
    assert_eq!(json["code"], 1205);
    let error = raw.parse().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ClientError);
    assert_eq!(error.legacy_code(), Some(ErrorCode::AccountLocked));
    // And back to typed.
    let error = client.typed().balance().send().unwrap_err();
    assert_eq!(error.legacy_code(), Some(ErrorCode::AccountLocked));
}

#[test]
fn a_raw_call_returns_the_response_and_parses_on_demand() {
    let (transport, _) = recorder(
        404,
        r#"{"code":1501,"message":"unable to find category","resolve":"Double-check the provided category ID."}"#,
    );
    let client = Client::new(config(), transport);
    let raw = client.category("99999999").raw().send().unwrap();
    assert!(!raw.is_success());
    assert_eq!(raw.status().as_u16(), 404);
    let json: Value = raw.json().unwrap();
    assert_eq!(json["message"], "unable to find category");
    assert_eq!(raw.parse().unwrap_err().kind(), ErrorKind::ClientError);
}

#[test]
fn a_raw_success_parses_into_the_typed_result() {
    let (transport, _) = recorder(
        200,
        r#"[{"id":"13001000","hierarchy":["Food and Drink","Bar"],"type":"place"}]"#,
    );
    let client = Client::new(config(), transport).suppress_http_errors();
    let raw = client.categories().send().unwrap();
    assert!(raw.is_success());
    let categories = raw.parse().unwrap();
    assert_eq!(categories[0].id, "13001000");
    let http = client.categories().send().unwrap().into_http();
    assert_eq!(http.status(), 200);
}

#[test]
fn suppression_does_not_hide_input_or_transport_errors() {
    let client = Client::new(
        config(),
        |_: HttpRequest| -> Result<HttpResponse, TransportError> {
            Err(TransportError::connect("connection refused"))
        },
    )
    .suppress_http_errors();
    assert_kind(client.categories().send(), ErrorKind::Connect);
    assert_kind(client.balance().send(), ErrorKind::InvalidInput);
}
