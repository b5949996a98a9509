//! API errors for every code of the legacy table, odd error bodies, and an
//! error reaching the caller through a client. (The suppressed mode and the
//! transports are the engine's: `tests/engine`.)

use crate::support::*;
use plaid_core::http::{Response, StatusCode};
use plaid_core::legacy::endpoints::{Balance, Categories, Connect, Get};
use plaid_core::legacy::{Client, ErrorCode, Login, PythonException};
use plaid_core::{Endpoint, ErrorKind};
use serde_json::json;

/// The kind each documented status maps to, and the exception class the
/// python client raises for it (written out here, not derived, so that the
/// mapping is checked against a second source).
fn kind_for(status: u16) -> (ErrorKind, Option<PythonException>) {
    match status {
        400 => (
            ErrorKind::ClientError,
            Some(PythonException::BadRequestError),
        ),
        401 => (
            ErrorKind::ClientError,
            Some(PythonException::UnauthorizedError),
        ),
        402 => (
            ErrorKind::ClientError,
            Some(PythonException::RequestFailedError),
        ),
        404 => (
            ErrorKind::ClientError,
            Some(PythonException::ResourceNotFoundError),
        ),
        429 => (ErrorKind::RateLimited, None),
        500 => (
            ErrorKind::ServerError,
            Some(PythonException::PlaidServerError),
        ),
        501 => (
            ErrorKind::ServerError,
            Some(PythonException::ExtractorError),
        ),
        502 => (
            ErrorKind::ServerError,
            Some(PythonException::ExtractorRetryError),
        ),
        503 => (
            ErrorKind::ServerError,
            Some(PythonException::MaintainanceError),
        ),
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
        let (kind, class) = kind_for(status);
        let error = assert_kind(Balance::parse_response(response(status, &body)), kind);
        assert_eq!(PythonException::of(&error), class, "{code:?}");
        assert_eq!(error.legacy_code(), Some(code), "{code:?}");
        let api = error.legacy().unwrap();
        assert_eq!(api.message, message, "{code:?}");
        assert_eq!(api.resolve, resolve, "{code:?}");
        assert_eq!(error.api_message(), Some(message), "{code:?}");
        assert_eq!(
            error.api_code().as_deref(),
            Some(code.code().to_string().as_str())
        );
        assert_eq!(error.status(), Some(StatusCode::from_u16(status).unwrap()));
        assert_eq!(error.request_id(), Some(REQUEST_ID));
        assert_eq!(error.body(), Some(body.as_bytes()));
        assert!(error.is_api(), "{code:?}");
        assert!(api.access_token.is_none());
        assert_eq!(
            error.is_retryable(),
            matches!(status, 429 | 500 | 502 | 503),
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
        assert_eq!(error.legacy_code(), Some(ErrorCode::from_code(code)));
        let echoed = error.legacy().and_then(|api| api.access_token.as_ref());
        assert_eq!(echoed.unwrap().expose_secret(), "test_zoba_echoed_token");
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
        ErrorKind::ClientError,
    );
    assert_eq!(error.legacy_code(), Some(ErrorCode::Unknown(9999)));
    assert_eq!(error.api_message(), Some("new thing"));
}

#[test]
fn an_error_body_without_a_code_keeps_the_status_kind_and_the_body() {
    let body = r#"{"message": "invalid credentials", "resolve": "Try again."}"#;
    let error = assert_kind(
        Balance::parse_response(response(402, body)),
        ErrorKind::ClientError,
    );
    assert_eq!(
        PythonException::of(&error),
        Some(PythonException::RequestFailedError)
    );
    assert!(error.api_error().is_none());
    assert_eq!(error.legacy_code(), None);
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
    let error = assert_kind(Categories::parse_response(response), ErrorKind::ServerError);
    assert_eq!(
        PythonException::of(&error),
        Some(PythonException::ExtractorRetryError)
    );
    assert!(error.api_error().is_none());
    assert_eq!(error.body(), Some(body.as_bytes()));
    assert_eq!(error.request_id(), None);
    assert!(error.is_retryable());
}

#[test]
fn a_proxy_403_is_a_client_error_python_would_have_returned_silently() {
    let error = assert_kind(
        Categories::parse_response(response(403, "Forbidden")),
        ErrorKind::ClientError,
    );
    assert_eq!(error.status(), Some(StatusCode::FORBIDDEN));
    assert_eq!(error.body(), Some(&b"Forbidden"[..]));
    assert_eq!(PythonException::of(&error), None);
    for (status, kind) in [
        (405, ErrorKind::ClientError),
        (409, ErrorKind::ClientError),
        (504, ErrorKind::ServerError),
        (302, ErrorKind::UnexpectedStatus),
        (101, ErrorKind::UnexpectedStatus),
    ] {
        let error = assert_kind(Categories::parse_response(response(status, "{}")), kind);
        assert_eq!(PythonException::of(&error), None, "{status}");
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
    assert_eq!(error.kind(), ErrorKind::ClientError);
    assert_eq!(error.legacy_code(), Some(ErrorCode::InvalidCredentials));
    assert_eq!(seen.lock().unwrap().len(), 1);
}
