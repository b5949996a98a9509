//! The python 1.5.1 wire examples of legacy-api.md §2, byte for byte, all succeed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use common::{Conn, FORM, call, get, raw};
use plaid_sandbox::Sandbox;

fn py(sb: &Sandbox, method: &str, path: &str, body: &str) -> common::Resp {
    call(
        sb,
        method,
        path,
        Some(FORM),
        body.as_bytes(),
        &[
            ("Accept-Encoding", "gzip, deflate"),
            ("Accept", "*/*"),
            ("Connection", "keep-alive"),
        ],
    )
}

#[test]
fn python_add_returns_questions_mfa_with_token() {
    let sb = Sandbox::start().unwrap();
    let r = py(
        &sb,
        "POST",
        "/connect",
        "client_id=test_id&secret=test_secret&type=bofa&credentials=%7B%22username%22%3A+%22plaid_test%22%2C+%22password%22%3A+%22plaid_good%22%7D&options=%7B%22list%22%3A+true%7D",
    );
    let v = r.ok(201);
    assert_eq!(v["type"], "questions");
    assert_eq!(v["access_token"], "test_bofa");
}

#[test]
fn python_step_with_tomato_returns_accounts_and_transactions() {
    let sb = Sandbox::start().unwrap();
    let r = py(
        &sb,
        "POST",
        "/connect/step",
        "type=bofa&mfa=tomato&options=%7B%7D&client_id=test_id&secret=test_secret&access_token=test_bofa",
    );
    let v = r.ok(200);
    assert_eq!(v["accounts"].as_array().unwrap().len(), 4);
    assert_eq!(v["transactions"].as_array().unwrap().len(), 16);
    assert_eq!(v["access_token"], "test_bofa");
}

#[test]
fn python_send_method_phone_returns_device() {
    let sb = Sandbox::start().unwrap();
    let r = py(
        &sb,
        "POST",
        "/connect/step",
        "type=chase&options=%7B%22send_method%22%3A+%7B%22type%22%3A+%22phone%22%7D%7D&client_id=test_id&secret=test_secret&access_token=test_chase",
    );
    let v = r.ok(201);
    assert_eq!(v["type"], "device");
    assert_eq!(v["mfa"]["message"], "Code sent to xxx-xxx-5309");
    assert_eq!(v["access_token"], "test_chase");
}

#[test]
fn python_patch_flattened_credentials_on_amex_returns_200() {
    let sb = Sandbox::start().unwrap();
    let r = py(
        &sb,
        "PATCH",
        "/connect",
        "username=plaid_test&password=plaid_good&client_id=test_id&secret=test_secret&access_token=test_amex",
    );
    let v = r.ok(200);
    assert_eq!(v["access_token"], "test_amex");
    assert!(v["transactions"].is_array());
}

#[test]
fn python_connect_get_pending_and_gte() {
    let sb = Sandbox::start().unwrap();
    let r = py(
        &sb,
        "POST",
        "/connect/get",
        "client_id=test_id&secret=test_secret&access_token=test_bofa&options=%7B%22pending%22%3A+true%2C+%22gte%22%3A+%222014-05-01%22%7D",
    );
    let v = r.ok(200);
    let txns = v["transactions"].as_array().unwrap();
    assert!(
        txns.iter()
            .all(|t| t["date"].as_str().unwrap() >= "2014-05-01")
    );
    assert!(txns.iter().any(|t| t["pending"] == true));
}

#[test]
fn python_balance_is_a_get_with_a_form_body() {
    let sb = Sandbox::start().unwrap();
    let r = py(
        &sb,
        "GET",
        "/balance",
        "client_id=test_id&secret=test_secret&access_token=test_bofa",
    );
    let v = r.ok(200);
    assert_eq!(v["accounts"].as_array().unwrap().len(), 4);
    assert_eq!(v["access_token"], "test_bofa");
}

#[test]
fn python_upgrade_to_info_has_info() {
    let sb = Sandbox::start().unwrap();
    let r = py(
        &sb,
        "POST",
        "/upgrade",
        "client_id=test_id&secret=test_secret&access_token=test_bofa&upgrade_to=info",
    );
    let v = r.ok(200);
    assert!(v["info"].is_object());
    assert!(v["accounts"].is_array());
}

#[test]
fn python_exchange_token_with_and_without_account() {
    let sb = Sandbox::start().unwrap();
    let v = py(
        &sb,
        "POST",
        "/exchange_token",
        "client_id=test_id&secret=test_secret&public_token=test%2Cchase%2Cconnected",
    )
    .ok(200);
    assert_eq!(v["access_token"], "test_chase");
    assert!(v.get("stripe_bank_account_token").is_none());
    let v = py(&sb, "POST", "/exchange_token", "client_id=test_id&secret=test_secret&public_token=test%2Cchase%2Cconnected&account_id=nban4wnPKEtnmEpaKzbYFYQvA7D7pnCaeDBMy").ok(200);
    let btok = v["stripe_bank_account_token"].as_str().unwrap();
    assert!(btok.starts_with("btok_"));
    let again = py(&sb, "POST", "/exchange_token", "client_id=test_id&secret=test_secret&public_token=test%2Cchase%2Cconnected&account_id=nban4wnPKEtnmEpaKzbYFYQvA7D7pnCaeDBMy").ok(200);
    assert_eq!(again["stripe_bank_account_token"], btok, "deterministic");
}

#[test]
fn python_institutions_all_with_repeated_products() {
    let sb = Sandbox::start().unwrap();
    let v = py(
        &sb,
        "POST",
        "/institutions/all",
        "count=50&offset=0&products=auth&products=connect&client_id=test_id&secret=test_secret",
    )
    .ok(200);
    let results = v["results"].as_array().unwrap();
    assert_eq!(v["total_count"], results.len());
    assert!(!results.is_empty());
    for r in results {
        let products: Vec<&str> = r["products"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert!(
            products.contains(&"auth") && products.contains(&"connect"),
            "{r}"
        );
    }
    // amex has no auth, capone360 no connect.
    assert!(
        results
            .iter()
            .all(|r| r["type"] != "amex" && r["type"] != "capone360")
    );
}

#[test]
fn python_delete_with_form_body() {
    let sb = Sandbox::start().unwrap();
    let v = py(
        &sb,
        "DELETE",
        "/connect",
        "client_id=test_id&secret=test_secret&access_token=test_bofa",
    )
    .ok(200);
    assert_eq!(v["message"], "Successfully removed from your account");
}

#[test]
fn python_public_gets_have_no_body() {
    let sb = Sandbox::start().unwrap();
    assert!(get(&sb, "/institutions").ok(200).is_array());
    assert_eq!(
        get(&sb, "/institutions/all/5301a93ac140de84910000e0").ok(200)["type"],
        "bofa"
    );
    assert!(get(&sb, "/categories").ok(200).is_array());
    // And the whole seed flow on one keep-alive connection, as requests would do it.
    let mut c = Conn::open(&sb);
    for _ in 0..3 {
        let r = c.send(&raw("GET", "/categories/13001000", None, b"", &[]));
        assert_eq!(r.ok(200)["hierarchy"][1], "Bar");
    }
}
