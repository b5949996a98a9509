//! The benchmark users `user_bulk_<N>`: a history of exactly N transactions, generated
//! lazily, so that creating the Item and reading any page of 100,000 transactions is cheap.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use common::modern::{ids, ok, post, sb, user_item};
use serde_json::json;

const N: u64 = 100_000;

fn everything(token: &str, options: serde_json::Value) -> serde_json::Value {
    json!({ "access_token": token, "start_date": "2000-01-01", "end_date": "2100-01-01",
            "options": options })
}

#[test]
fn a_bulk_user_has_exactly_n_transactions_and_any_page_is_cheap() {
    let sb = sb();
    let started = Instant::now();
    let (token, _) = user_item(&sb, "user_bulk_100000", json!({}));
    let created = started.elapsed();
    assert!(
        created < Duration::from_secs(2),
        "creating the Item took {created:?}"
    );

    let started = Instant::now();
    let first = ok(
        &sb,
        "/transactions/get",
        &everything(&token, json!({ "count": 500 })),
    );
    assert_eq!(first["total_transactions"], N);
    let last = ok(
        &sb,
        "/transactions/get",
        &everything(&token, json!({ "count": 500, "offset": N - 300 })),
    );
    assert_eq!(last["transactions"].as_array().unwrap().len(), 300);
    let deep = started.elapsed();
    assert!(
        deep < Duration::from_secs(5),
        "two pages of 500 took {deep:?}"
    );

    let page = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "count": 500 }),
    );
    assert_eq!(page["added"].as_array().unwrap().len(), 500);
    assert_eq!(page["has_more"], true);
}

/// A whole loop over a bulk history (10,000 transactions here: a debug build spends about
/// 0.2 s on a page of 500, building and parsing its megabyte of JSON, so 100,000 would take
/// most of a minute; the size and the pages of 100,000 are checked above, and the generation
/// of all 100,000 in the unit tests).
#[test]
fn a_whole_sync_loop_over_a_bulk_history_delivers_each_transaction_once() {
    const N: u64 = 10_000;
    let sb = sb();
    let (token, _) = user_item(&sb, "user_bulk_10000", json!({}));
    let started = Instant::now();
    let mut seen = HashSet::with_capacity(N as usize);
    let (mut cursor, mut pages) = (String::new(), 0);
    loop {
        let mut body = json!({ "access_token": token, "count": 500 });
        if !cursor.is_empty() {
            body["cursor"] = json!(cursor);
        }
        let page = ok(&sb, "/transactions/sync", &body);
        let added = page["added"].as_array().unwrap();
        for id in ids(added) {
            assert!(seen.insert(id), "a transaction twice");
        }
        pages += 1;
        cursor = page["next_cursor"].as_str().unwrap().to_owned();
        if page["has_more"] == false {
            break;
        }
    }
    assert_eq!(seen.len() as u64, N);
    assert_eq!(pages, 20);
    eprintln!(
        "plaid-sandbox: {N} transactions synced in {:?}",
        started.elapsed()
    );
}

#[test]
fn bulk_users_take_any_password_and_bounded_sizes() {
    let sb = sb();
    let (token, _) = user_item(&sb, "user_bulk_7", json!({}));
    let all = ok(&sb, "/transactions/get", &everything(&token, json!({})));
    assert_eq!(all["total_transactions"], 7);
    for user in ["user_bulk_0", "user_bulk_1000001", "user_bulk_x"] {
        let body = json!({
            "institution_id": "ins_109508", "initial_products": ["transactions"],
            "options": { "override_username": user, "override_password": "pass_good" },
        });
        post(&sb, "/sandbox/public_token/create", &body).plaid_error(
            400,
            "ITEM_ERROR",
            "INVALID_CREDENTIALS",
        );
    }
}
