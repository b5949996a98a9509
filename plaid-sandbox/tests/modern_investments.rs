//! `/investments/holdings/get` and `/investments/transactions/get`: every key of the spec's
//! `InvestmentAccount`, `Holding`, `Security` and `InvestmentTransaction`, holdings that add up
//! to the 401k's balance, securities for everything named, pages by
//! `total_investment_transactions`, and the filters.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use std::collections::HashSet;

use common::modern::{ITEM_KEYS, has_keys, item_with, ok, post, sb};
use plaid_sandbox::Sandbox;
use serde_json::{Value, json};

const SECURITY_KEYS: [&str; 22] = [
    "security_id",
    "isin",
    "cusip",
    "sedol",
    "institution_security_id",
    "institution_id",
    "proxy_security_id",
    "name",
    "ticker_symbol",
    "is_cash_equivalent",
    "type",
    "close_price",
    "close_price_as_of",
    "iso_currency_code",
    "unofficial_currency_code",
    "market_identifier_code",
    "sector",
    "industry",
    "cfi_code",
    "figi",
    "option_contract",
    "fixed_income",
];
const HOLDING_KEYS: [&str; 8] = [
    "account_id",
    "security_id",
    "institution_price",
    "institution_value",
    "cost_basis",
    "quantity",
    "iso_currency_code",
    "unofficial_currency_code",
];
const TXN_KEYS: [&str; 13] = [
    "investment_transaction_id",
    "account_id",
    "security_id",
    "date",
    "name",
    "quantity",
    "amount",
    "price",
    "fees",
    "type",
    "subtype",
    "iso_currency_code",
    "unofficial_currency_code",
];

fn investor(sb: &Sandbox) -> String {
    item_with(sb, "ins_109508", &["investments"], json!({})).0
}

fn cents(value: &Value) -> i64 {
    (value.as_f64().unwrap() * 100.0).round() as i64
}

fn check_accounts(body: &Value) {
    for account in body["accounts"].as_array().unwrap() {
        has_keys(
            &account["balances"],
            &["margin_loan_amount", "available", "current", "limit"],
        );
    }
}

#[test]
fn holdings_add_up_to_the_401k_and_name_complete_securities() {
    let sb = sb();
    let token = investor(&sb);
    let body = ok(
        &sb,
        "/investments/holdings/get",
        &json!({ "access_token": token }),
    );
    has_keys(
        &body,
        &["accounts", "holdings", "securities", "item", "request_id"],
    );
    has_keys(&body["item"], &ITEM_KEYS);
    check_accounts(&body);
    let accounts = body["accounts"].as_array().unwrap();
    let retirement = accounts.iter().find(|a| a["subtype"] == "401k").unwrap();
    let holdings = body["holdings"].as_array().unwrap();
    assert!(holdings.len() >= 5);
    let total: i64 = holdings
        .iter()
        .map(|h| cents(&h["institution_value"]))
        .sum();
    assert_eq!(total, cents(&retirement["balances"]["current"]));
    let securities: HashSet<&str> = body["securities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            has_keys(s, &SECURITY_KEYS);
            s["security_id"].as_str().unwrap()
        })
        .collect();
    for h in holdings {
        has_keys(h, &HOLDING_KEYS);
        assert_eq!(h["account_id"], retirement["account_id"]);
        assert!(securities.contains(h["security_id"].as_str().unwrap()));
    }
    let kinds: HashSet<&str> = body["securities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["type"].as_str().unwrap())
        .collect();
    for kind in [
        "cash",
        "equity",
        "etf",
        "mutual fund",
        "fixed income",
        "derivative",
    ] {
        assert!(kinds.contains(kind), "{kind}");
    }
    let again = ok(
        &sb,
        "/investments/holdings/get",
        &json!({ "access_token": token }),
    );
    assert_eq!(again["holdings"], body["holdings"], "deterministic");

    let checking = accounts[0]["account_id"].clone();
    let narrow = json!({ "access_token": token, "options": { "account_ids": [checking] } });
    let none = ok(&sb, "/investments/holdings/get", &narrow);
    assert_eq!(none["holdings"], json!([]));
    assert_eq!(none["accounts"].as_array().unwrap().len(), 1);
}

#[test]
fn investment_transactions_page_by_their_total() {
    let sb = sb();
    let token = investor(&sb);
    let request = |options: Value| {
        json!({ "access_token": token, "start_date": "2000-01-01", "end_date": "2100-01-01",
                "options": options })
    };
    let first = ok(
        &sb,
        "/investments/transactions/get",
        &request(json!({ "count": 10 })),
    );
    has_keys(
        &first,
        &[
            "item",
            "accounts",
            "securities",
            "investment_transactions",
            "total_investment_transactions",
            "request_id",
        ],
    );
    check_accounts(&first);
    let total = first["total_investment_transactions"].as_u64().unwrap() as usize;
    assert!(total > 40, "{total}");
    let mut all: Vec<Value> = Vec::new();
    while all.len() < total {
        let page = ok(
            &sb,
            "/investments/transactions/get",
            &request(json!({ "count": 10, "offset": all.len() })),
        );
        let named: HashSet<&str> = page["securities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["security_id"].as_str().unwrap())
            .collect();
        for t in page["investment_transactions"].as_array().unwrap() {
            has_keys(t, &TXN_KEYS);
            if let Some(id) = t["security_id"].as_str() {
                assert!(named.contains(id), "the page's securities name {id}");
            }
            all.push(t.clone());
        }
    }
    assert_eq!(all.len(), total);
    let dates: Vec<&str> = all.iter().map(|t| t["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let ids: HashSet<&str> = all
        .iter()
        .map(|t| t["investment_transaction_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), total);

    let middle = dates[total / 2];
    let recent = ok(
        &sb,
        "/investments/transactions/get",
        &json!({ "access_token": token, "start_date": middle, "end_date": "2100-01-01",
                 "options": { "count": 500 } }),
    );
    let expected = dates.iter().filter(|d| **d >= middle).count();
    assert_eq!(recent["total_investment_transactions"], expected);
}

#[test]
fn investments_calls_check_their_requests_and_the_institution() {
    let sb = sb();
    let token = investor(&sb);
    let bad = |path: &str, body: Value, kind: &str, code: &str| {
        post(&sb, path, &body).plaid_error(400, kind, code);
    };
    let path = "/investments/transactions/get";
    bad(
        path,
        json!({ "access_token": token }),
        "INVALID_REQUEST",
        "MISSING_FIELDS",
    );
    let dated = |options: Value| {
        json!({ "access_token": token, "start_date": "2024-01-01", "end_date": "2024-02-01",
                "options": options })
    };
    bad(
        path,
        dated(json!({ "count": 0 })),
        "INVALID_REQUEST",
        "INVALID_FIELD",
    );
    bad(
        path,
        dated(json!({ "offset": -1 })),
        "INVALID_REQUEST",
        "INVALID_FIELD",
    );
    bad(
        path,
        dated(json!({ "account_ids": ["nope"] })),
        "INVALID_INPUT",
        "INVALID_ACCOUNT_ID",
    );
    bad(
        path,
        dated(json!({ "cursor": "x" })),
        "INVALID_REQUEST",
        "UNKNOWN_FIELDS",
    );
    ok(&sb, path, &dated(json!({ "async_update": true })));

    let (banking, _) = item_with(&sb, "ins_117501", &["auth"], json!({}));
    bad(
        "/investments/holdings/get",
        json!({ "access_token": banking }),
        "ITEM_ERROR",
        "PRODUCTS_NOT_SUPPORTED",
    );

    let (auth_only, _) = item_with(&sb, "ins_109508", &["auth"], json!({}));
    ok(
        &sb,
        "/investments/holdings/get",
        &json!({ "access_token": auth_only }),
    );
    let item = ok(&sb, "/item/get", &json!({ "access_token": auth_only }));
    let billed = item["item"]["billed_products"].as_array().unwrap();
    assert!(
        billed.contains(&json!("investments")),
        "the first call bills investments"
    );
}
