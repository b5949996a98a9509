//! The error paths of legacy-api.md §1 and §5: client and user credentials, the USAA pin,
//! missing or bad add parameters and tokens, content types, unknown routes, and the full
//! `{code, message, resolve}` of the error table.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use common::{FORM, add_body, auth, call, enc, form, get, sb};
use serde_json::json;

#[test]
fn client_credentials_errors() {
    let sb = sb();
    form(
        &sb,
        "POST",
        "/connect/get",
        "secret=test_secret&access_token=test_bofa",
    )
    .assert_error(401, 1100);
    form(
        &sb,
        "POST",
        "/connect/get",
        "client_id=test_id&access_token=test_bofa",
    )
    .assert_error(401, 1101);
    form(
        &sb,
        "POST",
        "/connect/get",
        "client_id=test_id&secret=nope&access_token=test_bofa",
    )
    .assert_error(401, 1102);
}

#[test]
fn locked_account_returns_402_1205() {
    let sb = sb();
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("wells", "plaid_test", "plaid_locked", None),
    )
    .assert_error(402, 1205);
}

#[test]
fn bad_password_or_username_returns_402_1200() {
    let sb = sb();
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("wells", "plaid_test", "wrong", None),
    )
    .assert_error(402, 1200);
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("wells", "somebody", "plaid_good", None),
    )
    .assert_error(402, 1200);
}

#[test]
fn user_good_pass_good_aliases_work() {
    let sb = sb();
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("wells", "user_good", "pass_good", None),
    )
    .ok(200);
}

#[test]
fn usaa_pin_rules() {
    let sb = sb();
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("usaa", "plaid_test", "plaid_good", None),
    )
    .assert_error(400, 1005);
    let with_pin = |pin: &str| {
        let creds = enc(&format!(
            r#"{{"username": "plaid_test", "password": "plaid_good", "pin": "{pin}"}}"#
        ));
        auth(&format!("type=usaa&credentials={creds}"))
    };
    form(&sb, "POST", "/connect", &with_pin("0000")).assert_error(402, 1209);
    assert_eq!(
        form(&sb, "POST", "/connect", &with_pin("1234")).ok(201)["type"],
        "questions"
    );
    // Top-level pin too.
    let v = form(
        &sb,
        "POST",
        "/connect",
        &auth("type=usaa&username=plaid_test&password=plaid_good&pin=1234"),
    )
    .ok(201);
    assert_eq!(v["access_token"], "test_usaa");
}

#[test]
fn add_request_errors() {
    let sb = sb();
    form(&sb, "POST", "/connect", &auth("type=wells")).assert_error(400, 1005);
    form(
        &sb,
        "POST",
        "/connect",
        &auth("type=wells&credentials=%7Bnot+json"),
    )
    .assert_error(400, 1006);
    let body = add_body("wells", "plaid_test", "plaid_good", None) + "&options=%7Bbroken";
    form(&sb, "POST", "/connect", &body).assert_error(400, 1004);
    let body = add_body("wells", "plaid_test", "plaid_good", None) + "&access_token=test_wells";
    form(&sb, "POST", "/connect", &body).assert_error(400, 1003);
    form(
        &sb,
        "POST",
        "/connect",
        &auth("username=plaid_test&password=plaid_good"),
    )
    .assert_error(400, 1001);
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("notpnc", "plaid_test", "plaid_good", None),
    )
    .assert_error(404, 1301);
}

#[test]
fn token_errors() {
    let sb = sb();
    form(&sb, "POST", "/connect/get", &auth("")).assert_error(400, 1000);
    for bad in ["test_zoba", "foo", "test_bulk_0", "test_bulk_999999"] {
        let v = form(
            &sb,
            "POST",
            "/connect/get",
            &auth(&format!("access_token={bad}")),
        )
        .assert_error(401, 1105);
        assert_eq!(v["access_token"], bad);
    }
    let v =
        form(&sb, "DELETE", "/connect", &auth("access_token=bad_token")).assert_error(401, 1105);
    assert_eq!(v["access_token"], "bad_token");
}

#[test]
fn other_content_type_with_body_returns_400_1009() {
    let sb = sb();
    call(
        &sb,
        "POST",
        "/connect/get",
        Some("text/plain"),
        b"client_id=test_id",
        &[],
    )
    .assert_error(400, 1009);
    // An empty body with any content type is fine.
    call(&sb, "GET", "/categories", Some("text/plain"), b"", &[]).ok(200);
}

#[test]
fn unknown_route_is_json_404() {
    let sb = sb();
    get(&sb, "/nope").assert_error(404, 1600);
    form(&sb, "PUT", "/connect", &auth("access_token=test_bofa")).assert_error(404, 1600);
    get(&sb, "/").assert_error(404, 1600);
}

#[test]
fn every_error_has_full_resolve_from_the_table() {
    let sb = sb();
    let v = form(&sb, "POST", "/connect/get", &auth("access_token=foo")).assert_error(401, 1105);
    assert_eq!(
        v,
        json!({"code":1105,"message":"bad access_token","resolve":"This access_token appears to be corrupted.","access_token":"foo"})
    );
    let v = call(
        &sb,
        "POST",
        "/connect",
        Some(FORM),
        add_body("wells", "plaid_test", "plaid_locked", None).as_bytes(),
        &[],
    )
    .assert_error(402, 1205);
    assert_eq!(
        v["resolve"],
        "The account is locked. Prompt the user to visit the issuing institution's site and unlock their account."
    );
    assert!(v.get("access_token").is_none());
}
