//! API errors for every code of the legacy table, odd error bodies, and an
//! error reaching the caller through a client. (The suppressed mode and the
//! transports are the engine's: `tests/engine`.)

use crate::support::*;
use plaid_core::endpoints::{Balance, Categories, Connect, Get};
use plaid_core::http::{Response, StatusCode};
use plaid_core::{Client, Endpoint, ErrorCode, ErrorKind, Login};
use serde_json::json;

/// The kind each documented status maps to.
fn kind_for(status: u16) -> ErrorKind {
    match status {
        400 => ErrorKind::BadRequest,
        401 => ErrorKind::Unauthorized,
        402 => ErrorKind::RequestFailed,
        404 => ErrorKind::NotFound,
        429 => ErrorKind::RateLimited,
        500 => ErrorKind::ServerError,
        501 => ErrorKind::ExtractorError,
        502 => ErrorKind::ExtractorRetry,
        503 => ErrorKind::Maintenance,
        other => panic!("status {other} is not in the table"),
    }
}

#[test]
fn every_documented_code_parses_into_its_kind_with_all_details() {
    assert_eq!(ErrorCode::ALL.len(), 62);
    for &code in ErrorCode::ALL {
        let status = code.documented_status().unwrap();
        let message = code.documented_message().unwrap();
        let resolve = format!("Resolve text for {}.", code.code());
        let body = json!({"code": code.code(), "message": message, "resolve": resolve}).to_string();
        let error = assert_kind(
            Balance::parse_response(response(status, &body)),
            kind_for(status),
        );
        assert_eq!(error.code(), Some(code), "{code:?}");
        assert_eq!(error.message(), Some(message), "{code:?}");
        assert_eq!(error.resolve(), Some(resolve.as_str()), "{code:?}");
        assert_eq!(error.status(), Some(StatusCode::from_u16(status).unwrap()));
        assert_eq!(error.request_id(), Some(REQUEST_ID));
        assert_eq!(error.body(), Some(body.as_bytes()));
        assert!(error.is_api(), "{code:?}");
        assert!(error.access_token().is_none());
        assert_eq!(error.api_error().unwrap().code, code);
        assert_eq!(
            error.is_retryable(),
            matches!(status, 429 | 502 | 503),
            "{code:?}"
        );
    }
}

#[test]
fn the_access_token_echo_of_1105_and_1203_is_kept_but_never_printed() {
    for (status, code) in [(401, 1105), (402, 1203)] {
        let body = json!({
            "code": code, "message": "echo", "resolve": "Echoes the token.",
            "access_token": "test_zoba_echoed_token"
        })
        .to_string();
        let error = Get::<Connect>::parse_response(response(status, &body)).unwrap_err();
        assert_eq!(error.code(), Some(ErrorCode::from_code(code)));
        assert_eq!(
            error.access_token().unwrap().expose_secret(),
            "test_zoba_echoed_token"
        );
        for text in [
            format!("{error}"),
            format!("{error:?}"),
            format!("{error:#?}"),
        ] {
            assert!(!text.contains("test_zoba_echoed_token"), "{text}");
        }
    }
}

#[test]
fn an_unknown_code_is_kept_as_a_number() {
    let body = r#"{"code": 9999, "message": "new thing", "resolve": "Something new."}"#;
    let error = assert_kind(
        Balance::parse_response(response(402, body)),
        ErrorKind::RequestFailed,
    );
    assert_eq!(error.code(), Some(ErrorCode::Unknown(9999)));
    assert_eq!(error.message(), Some("new thing"));
}

#[test]
fn an_error_body_without_a_code_keeps_the_status_kind_and_the_body() {
    let body = r#"{"message": "invalid credentials", "resolve": "Try again."}"#;
    let error = assert_kind(
        Balance::parse_response(response(402, body)),
        ErrorKind::RequestFailed,
    );
    assert!(error.api_error().is_none());
    assert_eq!(error.code(), None);
    assert_eq!(error.body(), Some(body.as_bytes()));
    assert_eq!(error.request_id(), Some(REQUEST_ID));
    assert!(error.is_api());
}

#[test]
fn an_html_502_page_is_an_extractor_retry_without_api_error() {
    let body = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let response = Response::builder()
        .status(502)
        .header("content-type", "text/html")
        .body(body.as_bytes().to_vec())
        .unwrap();
    let error = assert_kind(
        Categories::parse_response(response),
        ErrorKind::ExtractorRetry,
    );
    assert!(error.api_error().is_none());
    assert_eq!(error.body(), Some(body.as_bytes()));
    assert_eq!(error.request_id(), None);
    assert!(error.is_retryable());
}

#[test]
fn a_proxy_403_is_an_unexpected_status() {
    let error = assert_kind(
        Categories::parse_response(response(403, "Forbidden")),
        ErrorKind::UnexpectedStatus,
    );
    assert_eq!(error.status(), Some(StatusCode::FORBIDDEN));
    assert_eq!(error.body(), Some(&b"Forbidden"[..]));
    for status in [405, 409, 504] {
        assert_kind(
            Categories::parse_response(response(status, "{}")),
            ErrorKind::UnexpectedStatus,
        );
    }
}

#[test]
fn display_reads_like_status_code_message_resolve_and_request_id() {
    let body = r#"{"code": 1205, "message": "account locked", "resolve": "The account is locked. Prompt the user to visit the issuing institution's site and unlock their account."}"#;
    let error = Balance::parse_response(response(402, body)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "402 Payment Required: 1205 account locked (The account is locked. Prompt the user \
         to visit the issuing institution's site and unlock their account.) \
         [request 05c9a53cf91e47ef8938db0672e41913]"
    );
    let rate = Balance::parse_response(response(
        429,
        r#"{"code":1113,"message":"rate limit exceeded","resolve":""}"#,
    ))
    .unwrap_err();
    assert_eq!(
        rate.to_string(),
        "429 Too Many Requests: 1113 rate limit exceeded [request 05c9a53cf91e47ef8938db0672e41913]"
    );
}

#[test]
fn errors_reach_the_caller_through_a_client() {
    let (transport, seen) = recorder(
        402,
        r#"{"code":1200,"message":"invalid credentials","resolve":"The username or password provided were not correct."}"#,
    );
    let client = Client::new(config(), transport);
    let error = client
        .connect("bofa", Login::new("plaid_test", "wrong"))
        .send()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RequestFailed);
    assert_eq!(error.code(), Some(ErrorCode::InvalidCredentials));
    assert_eq!(seen.lock().unwrap().len(), 1);
}
