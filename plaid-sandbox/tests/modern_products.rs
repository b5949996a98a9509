//! The data calls of the modern family: `/accounts/get`, `/accounts/balance/get`,
//! `/auth/get` and `/identity/get` — their shapes (every required key, nullable ones as
//! `null`), the `account_ids` filter, and data that is deterministic per Item.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use common::modern::{
    ACCOUNT_KEYS, BALANCE_KEYS, ITEM_KEYS, has_keys, item, item_with, ok, post, sb,
};
use serde_json::{Value, json};

fn accounts(body: &Value) -> &Vec<Value> {
    body["accounts"].as_array().unwrap()
}

fn check_account(account: &Value) {
    has_keys(account, &ACCOUNT_KEYS);
    has_keys(&account["balances"], &BALANCE_KEYS);
    assert_eq!(account["balances"]["iso_currency_code"], "USD");
    assert!(account["balances"]["unofficial_currency_code"].is_null());
    assert!(account["balances"]["current"].is_number());
    assert_eq!(account["mask"].as_str().unwrap().len(), 4);
}

#[test]
fn accounts_get_and_balance_get_answer_every_account_and_the_item() {
    let sb = sb();
    let (token, item_id) = item(&sb);
    for path in ["/accounts/get", "/accounts/balance/get"] {
        let body = ok(&sb, path, &json!({ "access_token": token }));
        has_keys(&body, &["accounts", "item", "request_id"]);
        has_keys(&body["item"], &ITEM_KEYS);
        assert_eq!(body["item"]["item_id"], item_id.as_str());
        let list = accounts(&body);
        let kinds: Vec<(&str, &str)> = list
            .iter()
            .map(|a| (a["type"].as_str().unwrap(), a["subtype"].as_str().unwrap()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("depository", "checking"),
                ("depository", "savings"),
                ("credit", "credit card"),
                ("loan", "student"),
                ("investment", "401k")
            ]
        );
        for account in list {
            check_account(account);
        }
        let card = &list[2]["balances"];
        assert!(card["limit"].is_number());
        let loan = &list[3]["balances"];
        assert!(loan["available"].is_null() && loan["limit"].is_null());
    }
    let balance = ok(
        &sb,
        "/accounts/balance/get",
        &json!({ "access_token": token, "options": { "min_last_updated_datetime": "2024-01-01T00:00:00Z" } }),
    );
    assert_eq!(accounts(&balance).len(), 5);
}

#[test]
fn data_is_the_same_for_an_item_and_differs_between_items() {
    let sb = sb();
    let (a, _) = item(&sb);
    let (b, _) = item(&sb);
    let strip = |mut body: Value| {
        body.as_object_mut().unwrap().remove("request_id");
        body
    };
    let first = strip(ok(&sb, "/identity/get", &json!({ "access_token": a })));
    let second = strip(ok(&sb, "/identity/get", &json!({ "access_token": a })));
    assert_eq!(first, second);
    let other = strip(ok(&sb, "/identity/get", &json!({ "access_token": b })));
    assert_ne!(
        accounts(&first)[0]["account_id"],
        accounts(&other)[0]["account_id"]
    );
}

#[test]
fn account_ids_filter_the_accounts_and_an_unknown_id_is_invalid_account_id() {
    let sb = sb();
    let (token, _) = item(&sb);
    let all = ok(&sb, "/accounts/get", &json!({ "access_token": token }));
    let ids: Vec<&str> = accounts(&all)
        .iter()
        .map(|a| a["account_id"].as_str().unwrap())
        .collect();
    for path in [
        "/accounts/get",
        "/accounts/balance/get",
        "/auth/get",
        "/identity/get",
    ] {
        let body = ok(
            &sb,
            path,
            &json!({ "access_token": token, "options": { "account_ids": [ids[1], ids[3]] } }),
        );
        let got: Vec<&str> = accounts(&body)
            .iter()
            .map(|a| a["account_id"].as_str().unwrap())
            .collect();
        assert_eq!(got, [ids[1], ids[3]], "{path}");
        post(
            &sb,
            path,
            &json!({ "access_token": token, "options": { "account_ids": [ids[0], "nope"] } }),
        )
        .plaid_error(400, "INVALID_INPUT", "INVALID_ACCOUNT_ID");
    }
}

#[test]
fn auth_get_has_all_four_number_lists_and_ach_for_depository_accounts_only() {
    let sb = sb();
    let (token, _) = item(&sb);
    let body = ok(&sb, "/auth/get", &json!({ "access_token": token }));
    has_keys(&body, &["accounts", "numbers", "item", "request_id"]);
    let numbers = &body["numbers"];
    has_keys(numbers, &["ach", "eft", "international", "bacs"]);
    let ach = numbers["ach"].as_array().unwrap();
    assert_eq!(ach.len(), 2);
    let depository: Vec<&Value> = accounts(&body)
        .iter()
        .filter(|a| a["type"] == "depository")
        .map(|a| &a["account_id"])
        .collect();
    for (entry, id) in ach.iter().zip(depository) {
        has_keys(entry, &["account_id", "account", "routing", "wire_routing"]);
        assert_eq!(&entry["account_id"], id);
        assert_eq!(entry["routing"].as_str().unwrap().len(), 9);
    }
    for list in ["eft", "international", "bacs"] {
        assert_eq!(numbers[list], json!([]), "{list}");
    }
    let mask = accounts(&body)[0]["mask"].as_str().unwrap();
    assert!(ach[0]["account"].as_str().unwrap().ends_with(mask));
}

#[test]
fn auth_numbers_follow_the_institutions_country() {
    let sb = sb();
    for (institution, list, keys) in [
        (
            "ins_117509",
            "eft",
            &["account_id", "account", "institution", "branch"][..],
        ),
        (
            "ins_117511",
            "bacs",
            &["account_id", "account", "sort_code"][..],
        ),
        (
            "ins_117513",
            "international",
            &["account_id", "iban", "bic"][..],
        ),
    ] {
        let (token, _) = item_with(&sb, institution, &["auth"], json!({}));
        let body = ok(&sb, "/auth/get", &json!({ "access_token": token }));
        let entries = body["numbers"][list].as_array().unwrap();
        assert_eq!(entries.len(), 2, "{institution}");
        has_keys(&entries[0], keys);
        assert_eq!(body["numbers"]["ach"], json!([]));
    }
}

#[test]
fn identity_get_gives_every_account_complete_owners() {
    let sb = sb();
    let (token, _) = item(&sb);
    let body = ok(&sb, "/identity/get", &json!({ "access_token": token }));
    has_keys(&body, &["accounts", "item", "request_id"]);
    for account in accounts(&body) {
        check_account(account);
        let owner = &account["owners"][0];
        has_keys(owner, &["names", "phone_numbers", "emails", "addresses"]);
        assert!(!owner["names"][0].as_str().unwrap().is_empty());
        has_keys(&owner["phone_numbers"][0], &["data", "primary", "type"]);
        has_keys(&owner["emails"][0], &["data", "primary", "type"]);
        has_keys(&owner["addresses"][0], &["data", "primary"]);
        has_keys(
            &owner["addresses"][0]["data"],
            &["street", "city", "region", "postal_code", "country"],
        );
    }
}

#[test]
fn a_product_the_item_lacks_is_billed_on_first_use_if_the_institution_offers_it() {
    let sb = sb();
    let (token, _) = item_with(&sb, "ins_109508", &["transactions"], json!({}));
    let before = ok(&sb, "/item/get", &json!({ "access_token": token }));
    assert_eq!(before["item"]["billed_products"], json!(["transactions"]));
    assert!(before["item"]["auth_method"].is_null());
    let auth = ok(&sb, "/auth/get", &json!({ "access_token": token }));
    assert_eq!(
        auth["item"]["billed_products"],
        json!(["transactions", "auth"])
    );
    let (basic, _) = item_with(&sb, "ins_117502", &["transactions"], json!({}));
    for path in ["/auth/get", "/identity/get"] {
        post(&sb, path, &json!({ "access_token": basic })).plaid_error(
            400,
            "ITEM_ERROR",
            "PRODUCTS_NOT_SUPPORTED",
        );
    }
    ok(&sb, "/accounts/get", &json!({ "access_token": basic }));
}
