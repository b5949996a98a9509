//! Modern API errors: the whole `PlaidError` is kept, a body that is not one
//! keeps its status and bytes, and the retry policy reads the error's type
//! and code (`modern-api.md` §6.3) through a client and a counting
//! transport.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use plaid_core::modern::endpoints::ItemPublicTokenExchange;
use plaid_core::modern::{ErrorCode, ErrorType, PlaidError, error_from_response};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{Endpoint, ErrorKind, RetryHint, RetryPolicy};
use serde_json::json;

use crate::support::REQUEST_ID;
use crate::wire::{answer, modern_config, plaid_error};

#[test]
fn every_field_of_a_plaid_error_is_kept() {
    let body = json!({
        "error_type": "ITEM_ERROR",
        "error_code": "ITEM_LOGIN_REQUIRED",
        "error_code_reason": "OAUTH_CONSENT_EXPIRED",
        "error_message": "the login details of this item have changed",
        "display_message": "Please update your credentials.",
        "request_id": REQUEST_ID,
        "causes": [{"item_id": "i1"}],
        "status": 400,
        "documentation_url": "https://plaid.com/docs/errors/item/#item_login_required",
        "suggested_action": "Send the user through update mode.",
        "required_account_subtypes": ["checking"],
        "provided_account_subtypes": [],
        "a_field_added_later": {"x": 1}
    })
    .to_string();
    let error = error_from_response(answer(400, &body));
    assert_eq!(error.kind(), ErrorKind::ClientError);
    assert_eq!(error.request_id(), Some(REQUEST_ID));
    assert_eq!(error.body(), Some(body.as_bytes()));
    let plaid = error.plaid().expect("a PlaidError");
    assert_eq!(plaid.error_type, ErrorType::ItemError);
    assert_eq!(plaid.error_code, ErrorCode::ITEM_LOGIN_REQUIRED);
    assert!(plaid.is_item_login_required());
    assert_eq!(
        plaid.error_code_reason.as_deref(),
        Some("OAUTH_CONSENT_EXPIRED")
    );
    assert_eq!(
        plaid.display_message.as_deref(),
        Some("Please update your credentials.")
    );
    assert_eq!(plaid.causes.len(), 1);
    assert_eq!(plaid.status, Some(400));
    assert_eq!(plaid.required_account_subtypes, ["checking"]);
    assert_eq!(error.api_code().as_deref(), Some("ITEM_LOGIN_REQUIRED"));
    assert_eq!(
        error.to_string(),
        format!(
            "400 Bad Request: ITEM_ERROR ITEM_LOGIN_REQUIRED: the login details of this item \
             have changed [request {REQUEST_ID}]"
        )
    );
    assert_eq!(error.retry_hint(), Some(RetryHint::Permanent));
    assert!(!error.is_retryable());
}

#[test]
fn unknown_types_and_codes_are_kept() {
    let body = json!({"error_type": "BRAND_NEW_ERROR", "error_code": "BRAND_NEW_CODE",
        "error_message": "m", "display_message": null, "request_id": "r"})
    .to_string();
    let error = error_from_response(answer(400, &body));
    let plaid = error.plaid().unwrap();
    assert_eq!(
        plaid.error_type,
        ErrorType::Unknown("BRAND_NEW_ERROR".into())
    );
    assert_eq!(plaid.error_code.as_str(), "BRAND_NEW_CODE");
}

#[test]
fn a_body_that_is_not_a_plaid_error_keeps_status_and_bytes() {
    for (status, body, kind) in [
        (
            502,
            &b"<html><h1>502 Bad Gateway</h1></html>"[..],
            ErrorKind::ServerError,
        ),
        (500, &b""[..], ErrorKind::ServerError),
        (400, &b"[1, 2]"[..], ErrorKind::ClientError),
        (429, &b"{\"error_code\": 5}"[..], ErrorKind::RateLimited),
        (403, &b"\xff\xfe not utf-8"[..], ErrorKind::ClientError),
    ] {
        let response = plaid_core::http::Response::builder()
            .status(status)
            .header("x-request-id", "proxy-id")
            .body(body.to_vec())
            .unwrap();
        let error = ItemPublicTokenExchange::parse_response(response).unwrap_err();
        assert_eq!(error.kind(), kind, "{status}");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(error.body(), Some(body));
        assert!(error.plaid().is_none());
        assert_eq!(error.request_id(), Some("proxy-id"));
    }
}

#[test]
fn predicates_name_the_common_codes() {
    let parse =
        |t: &str, c: &str| -> PlaidError { serde_json::from_str(&plaid_error(t, c)).unwrap() };
    assert!(parse("ITEM_ERROR", "PRODUCT_NOT_READY").is_product_not_ready());
    assert!(parse("RATE_LIMIT_EXCEEDED", "ACCOUNTS_LIMIT").is_rate_limited());
    assert!(parse("INSTITUTION_ERROR", "INSTITUTION_DOWN").is_institution_down());
    assert!(parse("INSTITUTION_ERROR", "INSTITUTION_NOT_RESPONDING").is_institution_down());
    assert!(
        parse(
            "TRANSACTIONS_ERROR",
            "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION"
        )
        .is_sync_mutation()
    );
}

/// A transport that answers each request with the next canned response
/// and counts the requests.
fn scripted(
    answers: Vec<(u16, String)>,
) -> (
    impl Fn(HttpRequest) -> Result<HttpResponse, TransportError>,
    Arc<AtomicUsize>,
) {
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    let transport = move |_: HttpRequest| {
        let n = seen.fetch_add(1, Ordering::SeqCst);
        let (status, body) = answers.get(n).or(answers.last()).cloned().unwrap();
        Ok(answer(status, &body))
    };
    (transport, count)
}

/// How many requests a read (`/item/public_token/exchange` is not one, so
/// the tests opt it in) makes when every answer is `error_type` /
/// `error_code` with `status`, under `policy`.
fn attempts(status: u16, error_type: &str, code: &str, policy: RetryPolicy) -> usize {
    let (transport, count) = scripted(vec![(status, plaid_error(error_type, code))]);
    let client = plaid_core::modern::Client::new(modern_config(), transport);
    let result = client
        .item_public_token_exchange("public-sandbox-1")
        .retry(policy.retry_non_idempotent(true))
        .send();
    assert!(result.is_err());
    count.load(Ordering::SeqCst)
}

#[test]
fn retries_follow_the_error_code_not_only_the_status() {
    let fast = RetryPolicy::default().base_delay(Duration::ZERO);
    // Bank-side outages answer 400 and are worth a retry.
    assert_eq!(
        attempts(400, "INSTITUTION_ERROR", "INSTITUTION_DOWN", fast),
        3
    );
    assert_eq!(
        attempts(400, "INSTITUTION_ERROR", "INSTITUTION_NOT_RESPONDING", fast),
        3
    );
    // A login that needs the user, and every INVALID_* error, never are.
    assert_eq!(attempts(400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED", fast), 1);
    assert_eq!(
        attempts(400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN", fast),
        1
    );
    assert_eq!(attempts(400, "INVALID_REQUEST", "MISSING_FIELDS", fast), 1);
    // Plaid's own failures are retried; rate limits only a little.
    assert_eq!(attempts(500, "API_ERROR", "INTERNAL_SERVER_ERROR", fast), 3);
    assert_eq!(
        attempts(429, "RATE_LIMIT_EXCEEDED", "ACCOUNTS_LIMIT", fast),
        2
    );
    // Not-ready data only on request.
    assert_eq!(attempts(400, "ITEM_ERROR", "PRODUCT_NOT_READY", fast), 1);
    let waiting = fast.retry_not_ready(Duration::ZERO).max_attempts(4);
    assert_eq!(attempts(400, "ITEM_ERROR", "PRODUCT_NOT_READY", waiting), 4);
}

#[test]
fn calls_that_change_state_are_not_retried_unless_asked() {
    let (transport, count) = scripted(vec![(
        500,
        plaid_error("API_ERROR", "INTERNAL_SERVER_ERROR"),
    )]);
    let client = plaid_core::modern::Client::new(modern_config(), transport);
    let error = client
        .item_public_token_exchange("public-sandbox-1")
        .retry(RetryPolicy::default().base_delay(Duration::ZERO))
        .send()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ServerError);
    assert_eq!(count.load(Ordering::SeqCst), 1);
}
