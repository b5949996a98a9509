//! Product routes of legacy-api.md §3 and §6: token exchange, upgrades, the payload of each
//! product's `/get`, parameters in forms, JSON and query strings, the `/connect/get` filters
//! and the bulk benchmark tokens.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use common::{add_body, auth, enc, form, get, json, sb};
use plaid_sandbox::Sandbox;
use serde_json::{Value, json};

const SAVINGS: &str = "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK";
const CREDIT: &str = "pJPM4LMBNQFrOwp0jqEyTwyxJQrQbgU6kq37k";

#[test]
fn exchange_token_errors() {
    let sb = sb();
    form(&sb, "POST", "/exchange_token", &auth("")).assert_error(401, 1107);
    form(&sb, "POST", "/exchange_token", &auth("public_token=nope")).assert_error(401, 1106);
    form(
        &sb,
        "POST",
        "/exchange_token",
        &auth("public_token=test%2Czoba%2Cconnected"),
    )
    .assert_error(401, 1106);
    form(
        &sb,
        "POST",
        "/exchange_token",
        &auth(&format!(
            "public_token=test%2Cchase%2Cconnected&account_id={CREDIT}"
        )),
    )
    .assert_error(400, 2001);
    form(
        &sb,
        "POST",
        "/exchange_token",
        &auth("public_token=test%2Cchase%2Cconnected&account_id=unknown"),
    )
    .assert_error(404, 1606);
}

#[test]
fn upgrade_payloads_and_errors() {
    let sb = sb();
    form(&sb, "POST", "/upgrade", &auth("access_token=test_bofa")).assert_error(400, 1007);
    form(
        &sb,
        "POST",
        "/upgrade",
        &auth("access_token=test_bofa&upgrade_to=teleport"),
    )
    .assert_error(401, 1111);
    let v = form(
        &sb,
        "POST",
        "/upgrade",
        &auth("access_token=test_chase&upgrade_to=connect"),
    )
    .ok(200);
    assert_eq!(v["transactions"].as_array().unwrap().len(), 16);
    let v = form(
        &sb,
        "POST",
        "/upgrade",
        &auth("access_token=test_chase&upgrade_to=auth"),
    )
    .ok(200);
    assert_eq!(v["accounts"][3]["numbers"], json!({}));
    assert_eq!(v["accounts"][0]["numbers"]["account"], "9900009606");
    let v = form(
        &sb,
        "POST",
        "/upgrade",
        &auth("access_token=test_chase&upgrade_to=income"),
    )
    .ok(200);
    assert_eq!(v["income"]["number_of_income_streams"], 2);
    let v = form(
        &sb,
        "POST",
        "/upgrade",
        &auth("access_token=test_chase&upgrade_to=risk"),
    )
    .ok(200);
    assert_eq!(v["accounts"][2]["risk"]["score"], 0.79);
    assert!(v.get("transactions").is_none());
}

#[test]
fn product_get_bodies_have_only_their_payload() {
    let sb = sb();
    let v = form(&sb, "POST", "/auth/get", &auth("access_token=test_bofa")).ok(200);
    assert!(
        v["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a.get("numbers").is_some() && a.get("risk").is_none())
    );
    assert!(v.get("transactions").is_none());
    let v = form(&sb, "POST", "/info/get", &auth("access_token=test_bofa")).ok(200);
    assert_eq!(v["info"]["names"][0], "Kelly Walters");
    assert!(v["accounts"][0].get("numbers").is_none());
    let v = form(&sb, "POST", "/risk/get", &auth("access_token=test_bofa")).ok(200);
    assert!(
        v["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["risk"]["reason"]["zero_count"] == 0.38)
    );
    let v = form(&sb, "POST", "/income/get", &auth("access_token=test_bofa")).ok(200);
    assert_eq!(v["income"]["income_streams"][0]["name"], "PLAID");
    let v = form(&sb, "POST", "/balance", &auth("access_token=test_wells")).ok(200);
    assert_eq!(v["accounts"][3]["meta"]["limit"], 12500);
    assert!(v["accounts"][3].get("subtype").is_none());
    for p in ["/info", "/income", "/risk", "/auth"] {
        let v = form(&sb, "DELETE", p, &auth("access_token=test_chase")).ok(200);
        assert_eq!(v["message"], "Successfully removed from your account");
    }
}

#[test]
fn form_and_json_bodies_are_equivalent() {
    let sb = sb();
    let f = form(
        &sb,
        "POST",
        "/connect",
        &add_body(
            "wells",
            "plaid_test",
            "plaid_good",
            Some(r#"{"login_only": true}"#),
        ),
    )
    .ok(200);
    // credentials as object, options as a JSON string (node's way).
    let j = json(
        &sb,
        "POST",
        "/connect",
        &json!({
            "client_id": "test_id", "secret": "test_secret", "type": "wells",
            "credentials": {"username": "plaid_test", "password": "plaid_good"},
            "options": "{\"login_only\": true}"
        }),
    )
    .ok(200);
    assert_eq!(f, j);
    // credentials as a JSON string and options as an object.
    let j2 = json(
        &sb,
        "POST",
        "/connect",
        &json!({
            "client_id": "test_id", "secret": "test_secret", "type": "wells",
            "credentials": "{\"username\": \"plaid_test\", \"password\": \"plaid_good\"}",
            "options": {"login_only": true}
        }),
    )
    .ok(200);
    assert_eq!(f, j2);
    // top-level credentials (go's way).
    let j3 = json(
        &sb,
        "POST",
        "/connect",
        &json!({
            "client_id": "test_id", "secret": "test_secret", "type": "wells",
            "username": "plaid_test", "password": "plaid_good", "options": {"login_only": true}
        }),
    )
    .ok(200);
    assert_eq!(f, j3);
    json(
        &sb,
        "POST",
        "/connect",
        &json!({"client_id":"test_id","secret":"test_secret","type":"wells","credentials":"{oops"}),
    )
    .assert_error(400, 1006);
    json(&sb, "POST", "/connect", &json!({"client_id":"test_id","secret":"test_secret","type":"wells","credentials":{"username":"plaid_test","password":"plaid_good"},"options":"[1"})).assert_error(400, 1004);
}

#[test]
fn params_in_query_string_work_on_every_method() {
    let sb = sb();
    let q = "client_id=test_id&secret=test_secret&access_token=test_bofa";
    form(&sb, "POST", &format!("/connect/get?{q}"), "").ok(200);
    form(&sb, "GET", &format!("/balance?{q}"), "").ok(200);
    form(&sb, "DELETE", &format!("/auth?{q}"), "").ok(200);
    // Split between query and body.
    form(
        &sb,
        "POST",
        "/connect/get?client_id=test_id&secret=test_secret",
        "access_token=test_bofa",
    )
    .ok(200);
}

#[test]
fn get_and_delete_read_their_bodies() {
    let sb = sb();
    form(&sb, "GET", "/connect/get", &auth("access_token=test_bofa")).ok(200);
    form(&sb, "DELETE", "/connect", &auth("access_token=test_bofa")).ok(200);
    form(&sb, "GET", "/balance", &auth("")).assert_error(400, 1000);
}

fn connect_get(sb: &Sandbox, options: &str) -> common::Resp {
    form(
        sb,
        "POST",
        "/connect/get",
        &auth(&format!("access_token=test_bofa&options={}", enc(options))),
    )
}

#[test]
fn connect_get_account_and_date_filters() {
    let sb = sb();
    let v = connect_get(
        &sb,
        &format!(
            r#"{{"pending":false,"lte":"2016-01-01","gte":"2012-01-01","account":"{SAVINGS}"}}"#
        ),
    )
    .ok(200);
    let dates: Vec<&str> = v["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2014-06-02", "2014-03-27"]);
    assert_eq!(
        v["accounts"].as_array().unwrap().len(),
        4,
        "accounts are not filtered"
    );
    assert_eq!(v["access_token"], "test_bofa");
    // Inclusive bounds.
    let v = connect_get(&sb, r#"{"gte":"2014-06-21","lte":"2014-06-23"}"#).ok(200);
    assert_eq!(v["transactions"].as_array().unwrap().len(), 2);
    connect_get(&sb, r#"{"gte":"2014-13-01"}"#).assert_error(400, 1507);
    connect_get(&sb, r#"{"lte":"tomorrow"}"#).assert_error(400, 1507);
    connect_get(&sb, r#"{"account":"nope"}"#).assert_error(404, 1606);
}

#[test]
fn pending_true_adds_pending_transactions_only_then() {
    let sb = sb();
    let plain = connect_get(&sb, "{}").ok(200);
    let plain = plain["transactions"].as_array().unwrap();
    assert!(plain.iter().all(|t| t["pending"] == false));
    let with = connect_get(&sb, r#"{"pending": true}"#).ok(200);
    let with = with["transactions"].as_array().unwrap();
    assert!(with.len() > plain.len());
    let extra: Vec<&Value> = with.iter().filter(|t| t["pending"] == true).collect();
    assert!(!extra.is_empty());
    assert!(extra.iter().all(|t| t.get("_pendingTransaction").is_none()));
}

#[test]
fn login_only_omits_transactions() {
    let sb = sb();
    let v = form(
        &sb,
        "POST",
        "/connect",
        &add_body(
            "wells",
            "plaid_test",
            "plaid_good",
            Some(r#"{"login_only": true}"#),
        ),
    )
    .ok(200);
    assert!(v.get("transactions").is_none());
    assert_eq!(v["accounts"].as_array().unwrap().len(), 4);
    let v = form(
        &sb,
        "POST",
        "/connect/step",
        &auth(&format!(
            "access_token=test_bofa&mfa=tomato&options={}",
            enc(r#"{"login_only":true}"#)
        )),
    )
    .ok(200);
    assert!(v.get("transactions").is_none());
}

#[test]
fn every_transaction_category_resolves_to_the_same_hierarchy() {
    let sb = sb();
    let v = connect_get(&sb, r#"{"pending": true}"#).ok(200);
    for t in v["transactions"].as_array().unwrap() {
        if let Some(id) = t["category_id"].as_str() {
            let c = get(&sb, &format!("/categories/{id}")).ok(200);
            assert_eq!(c["hierarchy"], t["category"], "{id}");
        }
    }
}

#[test]
fn bulk_token_returns_n_transactions() {
    let sb = sb();
    for _ in 0..2 {
        let v = form(
            &sb,
            "POST",
            "/connect/get",
            &auth("access_token=test_bulk_1000"),
        )
        .ok(200);
        let txns = v["transactions"].as_array().unwrap();
        assert_eq!(txns.len(), 1000);
        assert_eq!(v["access_token"], "test_bulk_1000");
    }
    // Filters work on bulk data too.
    let v = form(
        &sb,
        "POST",
        "/connect/get",
        &auth(&format!(
            "access_token=test_bulk_1000&options={}",
            enc(&format!(r#"{{"account":"{SAVINGS}"}}"#))
        )),
    )
    .ok(200);
    assert!(
        v["transactions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["_account"] == SAVINGS)
    );
    // Other routes behave like chase.
    assert_eq!(
        form(
            &sb,
            "POST",
            "/connect/step",
            &auth("access_token=test_bulk_10&mfa=nope")
        )
        .assert_error(402, 1203)["access_token"],
        "test_bulk_10"
    );
}
