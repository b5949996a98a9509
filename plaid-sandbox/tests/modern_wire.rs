//! The wire rules of the modern family (modern-api.md §2, §3, §11): client keys in headers or
//! body, the request id shared by body and header on every answer, and the documented
//! request errors (`INVALID_API_KEYS`, `MISSING_FIELDS`, `UNKNOWN_FIELDS`, `INVALID_FIELD`,
//! `INVALID_BODY`, `NOT_FOUND`, `INVALID_ACCESS_TOKEN`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use common::modern::{KEYS, item, ok, post, post_raw, sb};
use common::{Conn, raw};
use serde_json::json;

#[test]
fn keys_work_in_the_headers_or_in_the_body() {
    let sb = sb();
    let body = json!({ "institution_id": "ins_109508", "country_codes": ["US"] });
    post(&sb, "/institutions/get_by_id", &body).plaid_ok();
    let mut in_body = body.clone();
    in_body["client_id"] = json!("test_id");
    in_body["secret"] = json!("test_secret");
    post_raw(
        &sb,
        "/institutions/get_by_id",
        in_body.to_string().as_bytes(),
        &[],
    )
    .plaid_ok();
    // The body wins over the headers.
    let wrong_headers = [("PLAID-CLIENT-ID", "bad"), ("PLAID-SECRET", "bad")];
    post_raw(
        &sb,
        "/institutions/get_by_id",
        in_body.to_string().as_bytes(),
        &wrong_headers,
    )
    .plaid_ok();
}

#[test]
fn other_keys_are_invalid_api_keys_and_missing_keys_are_named() {
    let sb = sb();
    let body = json!({ "institution_id": "ins_109508", "country_codes": ["US"] });
    let bytes = body.to_string();
    for headers in [
        [("PLAID-CLIENT-ID", "test_id"), ("PLAID-SECRET", "wrong")],
        [
            ("PLAID-CLIENT-ID", "other"),
            ("PLAID-SECRET", "test_secret"),
        ],
    ] {
        post_raw(&sb, "/institutions/get_by_id", bytes.as_bytes(), &headers).plaid_error(
            400,
            "INVALID_INPUT",
            "INVALID_API_KEYS",
        );
    }
    let err = post_raw(&sb, "/institutions/get_by_id", bytes.as_bytes(), &[]).plaid_error(
        400,
        "INVALID_REQUEST",
        "MISSING_FIELDS",
    );
    let message = err["error_message"].as_str().unwrap();
    assert!(message.ends_with("client_id, secret"), "{message}");
    let err = post_raw(
        &sb,
        "/institutions/get_by_id",
        bytes.as_bytes(),
        &[("PLAID-CLIENT-ID", "test_id")],
    )
    .plaid_error(400, "INVALID_REQUEST", "MISSING_FIELDS");
    assert!(err["error_message"].as_str().unwrap().ends_with(": secret"));
}

#[test]
fn categories_need_no_keys() {
    let sb = sb();
    let body = post_raw(&sb, "/categories/get", b"{}", &[]).plaid_ok();
    assert!(body["categories"].as_array().unwrap().len() > 500);
    // An empty body counts as `{}`.
    post_raw(&sb, "/categories/get", b"", &[]).plaid_ok();
}

#[test]
fn every_answer_has_a_fresh_request_id_in_body_and_header() {
    let sb = sb();
    let a = post(&sb, "/categories/get", &json!({})).plaid_ok();
    let b = post(&sb, "/categories/get", &json!({})).plaid_ok();
    let c = post(&sb, "/nope", &json!({})).plaid_error(404, "INVALID_REQUEST", "NOT_FOUND");
    let ids = [&a["request_id"], &b["request_id"], &c["request_id"]];
    assert_ne!(ids[0], ids[1]);
    assert_ne!(ids[1], ids[2]);
}

#[test]
fn unknown_routes_and_other_methods_are_not_found() {
    let sb = sb();
    post(&sb, "/transactions/nope", &json!({})).plaid_error(404, "INVALID_REQUEST", "NOT_FOUND");
    let r = Conn::open(&sb).send(&raw("GET", "/categories/get", None, b"", &[]));
    r.plaid_error(404, "INVALID_REQUEST", "NOT_FOUND");
    // A trailing slash and a query string are ignored.
    post(&sb, "/categories/get/?x=1", &json!({})).plaid_ok();
}

#[test]
fn a_body_that_is_not_a_json_object_is_invalid_body() {
    let sb = sb();
    for body in [
        &b"{\"access_token\": "[..],
        b"client_id=test_id",
        b"[1, 2]",
        b"\"text\"",
    ] {
        post_raw(&sb, "/item/get", body, &KEYS).plaid_error(400, "INVALID_REQUEST", "INVALID_BODY");
    }
}

#[test]
fn missing_and_unknown_fields_are_named() {
    let sb = sb();
    let err =
        post(&sb, "/item/get", &json!({})).plaid_error(400, "INVALID_REQUEST", "MISSING_FIELDS");
    assert!(
        err["error_message"]
            .as_str()
            .unwrap()
            .ends_with(": access_token")
    );
    let err = post(&sb, "/institutions/get", &json!({ "count": 1 })).plaid_error(
        400,
        "INVALID_REQUEST",
        "MISSING_FIELDS",
    );
    assert!(
        err["error_message"]
            .as_str()
            .unwrap()
            .ends_with(": offset, country_codes")
    );
    post(&sb, "/item/get", &json!({ "access_token": null })).plaid_error(
        400,
        "INVALID_REQUEST",
        "MISSING_FIELDS",
    );
    let err = post(
        &sb,
        "/item/get",
        &json!({ "access_token": "access-sandbox-x", "surprise": 1 }),
    )
    .plaid_error(400, "INVALID_REQUEST", "UNKNOWN_FIELDS");
    assert!(
        err["error_message"]
            .as_str()
            .unwrap()
            .ends_with(": surprise")
    );
    let (token, _) = item(&sb);
    let err = post(
        &sb,
        "/accounts/get",
        &json!({ "access_token": token, "options": { "count": 1 } }),
    )
    .plaid_error(400, "INVALID_REQUEST", "UNKNOWN_FIELDS");
    assert!(
        err["error_message"]
            .as_str()
            .unwrap()
            .ends_with(": options.count")
    );
}

#[test]
fn a_value_of_the_wrong_type_is_invalid_field() {
    let sb = sb();
    for (path, body) in [
        (
            "/institutions/get",
            json!({ "count": "10", "offset": 0, "country_codes": ["US"] }),
        ),
        (
            "/institutions/get",
            json!({ "count": 0, "offset": 0, "country_codes": ["US"] }),
        ),
        (
            "/institutions/get",
            json!({ "count": 501, "offset": 0, "country_codes": ["US"] }),
        ),
        (
            "/institutions/get",
            json!({ "count": 1, "offset": -1, "country_codes": ["US"] }),
        ),
        (
            "/institutions/get",
            json!({ "count": 1, "offset": 0, "country_codes": [] }),
        ),
        (
            "/institutions/get",
            json!({ "count": 1, "offset": 0, "country_codes": ["XX"] }),
        ),
        ("/item/get", json!({ "access_token": 12 })),
        (
            "/institutions/search",
            json!({ "query": " ", "country_codes": ["US"] }),
        ),
    ] {
        post(&sb, path, &body).plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD");
    }
}

#[test]
fn malformed_and_unknown_access_tokens_are_invalid_access_token() {
    let sb = sb();
    for token in [
        "garbage",
        "access-production-123",
        "access-sandbox-never-issued",
        "",
    ] {
        for path in ["/item/get", "/accounts/get", "/auth/get", "/identity/get"] {
            post(&sb, path, &json!({ "access_token": token })).plaid_error(
                400,
                "INVALID_INPUT",
                "INVALID_ACCESS_TOKEN",
            );
        }
    }
    let (token, _) = item(&sb);
    ok(&sb, "/item/get", &json!({ "access_token": token }));
}

#[test]
fn a_request_the_http_layer_refuses_gets_a_plaid_error() {
    let sb = sb();
    let r = Conn::open(&sb).send(b"POST /item/get HTTP/1.1\r\nContent-Length: nope\r\n\r\n");
    r.plaid_error(400, "INVALID_REQUEST", "INVALID_BODY");
}
