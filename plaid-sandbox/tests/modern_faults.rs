//! The `X-Sandbox-Fault` header on modern routes: `status=` and `error=` answer modern
//! `PlaidError` bodies (429 with the route's rate-limit code, 500, 503, documented codes with
//! their own type and status), compose with `times=`/`key=` and `retry-after=`, and
//! `malformed` sends the start of a modern body.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use common::Resp;
use common::modern::{KEYS, item, post_raw, sb};
use plaid_sandbox::Sandbox;
use serde_json::{Value, json};

fn with_fault(sb: &Sandbox, path: &str, body: &Value, fault: &str) -> Resp {
    let mut headers = KEYS.to_vec();
    headers.push(("X-Sandbox-Fault", fault));
    post_raw(sb, path, body.to_string().as_bytes(), &headers)
}

#[test]
fn status_429_answers_the_rate_limit_code_of_the_route() {
    let sb = sb();
    let (token, _) = item(&sb);
    let by_token = json!({ "access_token": token });
    for (path, body, code) in [
        ("/accounts/get", &by_token, "ACCOUNTS_LIMIT"),
        (
            "/accounts/balance/get",
            &by_token,
            "ACCOUNTS_BALANCE_GET_LIMIT",
        ),
        ("/auth/get", &by_token, "AUTH_LIMIT"),
        ("/identity/get", &by_token, "IDENTITY_LIMIT"),
        ("/item/get", &by_token, "ITEM_GET_LIMIT"),
        ("/institutions/get", &json!({}), "INSTITUTIONS_GET_LIMIT"),
        (
            "/institutions/get_by_id",
            &json!({}),
            "INSTITUTIONS_GET_BY_ID_LIMIT",
        ),
        ("/link/token/create", &json!({}), "RATE_LIMIT"),
    ] {
        let r = with_fault(&sb, path, body, "status=429;retry-after=2");
        r.plaid_error(429, "RATE_LIMIT_EXCEEDED", code);
        assert_eq!(r.header("retry-after"), Some("2"));
    }
}

#[test]
fn server_statuses_answer_api_errors() {
    let sb = sb();
    let body = json!({});
    with_fault(&sb, "/item/get", &body, "status=500").plaid_error(
        500,
        "API_ERROR",
        "INTERNAL_SERVER_ERROR",
    );
    with_fault(&sb, "/item/get", &body, "status=503").plaid_error(
        503,
        "API_ERROR",
        "PLANNED_MAINTENANCE",
    );
    with_fault(&sb, "/item/get", &body, "status=502").plaid_error(
        502,
        "API_ERROR",
        "INTERNAL_SERVER_ERROR",
    );
    with_fault(&sb, "/item/get", &body, "status=404").plaid_error(
        404,
        "INVALID_REQUEST",
        "NOT_FOUND",
    );
    with_fault(&sb, "/item/get", &body, "status=400").plaid_error(
        400,
        "INVALID_REQUEST",
        "INVALID_FIELD",
    );
}

#[test]
fn error_faults_answer_documented_codes_with_their_type_and_status() {
    let sb = sb();
    let (token, _) = item(&sb);
    let body = json!({ "access_token": token });
    for (code, status, error_type) in [
        ("INSTITUTION_DOWN", 400, "INSTITUTION_ERROR"),
        ("INSTITUTION_NOT_RESPONDING", 400, "INSTITUTION_ERROR"),
        ("PRODUCT_NOT_READY", 400, "ITEM_ERROR"),
        ("ITEM_LOGIN_REQUIRED", 400, "ITEM_ERROR"),
        ("INTERNAL_SERVER_ERROR", 500, "API_ERROR"),
        ("PLANNED_MAINTENANCE", 503, "API_ERROR"),
        ("ACCOUNTS_LIMIT", 429, "RATE_LIMIT_EXCEEDED"),
        (
            "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
            400,
            "TRANSACTIONS_ERROR",
        ),
    ] {
        with_fault(&sb, "/accounts/get", &body, &format!("error={code}"))
            .plaid_error(status, error_type, code);
    }
    // Not a documented code: ignored, the call answers normally.
    with_fault(&sb, "/accounts/get", &body, "error=1205").plaid_ok();
}

#[test]
fn error_faults_compose_with_times_and_key() {
    let sb = sb();
    let (token, _) = item(&sb);
    let body = json!({ "access_token": token });
    let fault = "error=INSTITUTION_DOWN;times=2;key=retry-modern";
    for _ in 0..2 {
        with_fault(&sb, "/accounts/get", &body, fault).plaid_error(
            400,
            "INSTITUTION_ERROR",
            "INSTITUTION_DOWN",
        );
    }
    with_fault(&sb, "/accounts/get", &body, fault).plaid_ok();
    sb.reset_faults();
    with_fault(&sb, "/accounts/get", &body, fault).plaid_error(
        400,
        "INSTITUTION_ERROR",
        "INSTITUTION_DOWN",
    );
}

#[test]
fn malformed_sends_the_start_of_a_modern_body() {
    let sb = sb();
    let r = with_fault(&sb, "/accounts/get", &json!({}), "malformed");
    assert_eq!(r.status, 200);
    assert!(r.text().starts_with("{\n  \"accounts\": ["));
    assert!(serde_json::from_slice::<Value>(&r.body).is_err());
}
