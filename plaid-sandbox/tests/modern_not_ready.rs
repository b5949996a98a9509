//! Transactions are not ready for a configurable time after an Item is created
//! (`ModernOptions::with_transactions_delay`): `/transactions/sync` answers `NOT_READY` with
//! empty arrays and `next_cursor: ""`, `/transactions/get` and `/transactions/recurring/get`
//! answer `PRODUCT_NOT_READY`; after the delay the data comes, and `/transactions/refresh`
//! makes it come at once. (The phases in between are unit-tested on a still clock.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use std::thread;
use std::time::{Duration, Instant};

use common::modern::{item, ok, post, sync_loop};
use plaid_sandbox::{ModernOptions, Sandbox};
use serde_json::json;

fn delayed(delay: Duration) -> Sandbox {
    Sandbox::start_modern_with(ModernOptions::new().with_transactions_delay(delay)).unwrap()
}

#[test]
fn a_new_item_is_not_ready_until_refreshed() {
    let sb = delayed(Duration::from_secs(600));
    let (token, _) = item(&sb);
    let page = ok(&sb, "/transactions/sync", &json!({ "access_token": token }));
    assert_eq!(page["transactions_update_status"], "NOT_READY");
    assert_eq!(page["next_cursor"], "");
    assert_eq!(page["has_more"], false);
    for key in ["added", "modified", "removed"] {
        assert_eq!(page[key], json!([]), "{key}");
    }
    assert_eq!(page["accounts"].as_array().unwrap().len(), 3);
    let again = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "cursor": "" }),
    );
    assert_eq!(again["transactions_update_status"], "NOT_READY");
    let get =
        json!({ "access_token": token, "start_date": "2000-01-01", "end_date": "2100-01-01" });
    post(&sb, "/transactions/get", &get).plaid_error(400, "ITEM_ERROR", "PRODUCT_NOT_READY");
    post(
        &sb,
        "/transactions/recurring/get",
        &json!({ "access_token": token }),
    )
    .plaid_error(400, "ITEM_ERROR", "PRODUCT_NOT_READY");

    ok(
        &sb,
        "/transactions/refresh",
        &json!({ "access_token": token }),
    );
    let ready = sync_loop(&sb, &token, "", 500, &json!({}));
    assert_eq!(ready.status, "HISTORICAL_UPDATE_COMPLETE");
    assert!(!ready.added.is_empty());
    assert!(
        ok(&sb, "/transactions/get", &get)["total_transactions"]
            .as_u64()
            .unwrap()
            > 0
    );
}

#[test]
fn the_data_comes_once_the_delay_has_passed() {
    let delay = Duration::from_millis(1_000);
    let started = Instant::now();
    let sb = delayed(delay);
    let (token, _) = item(&sb);
    let early = ok(&sb, "/transactions/sync", &json!({ "access_token": token }));
    assert!(
        started.elapsed() < delay,
        "the machine is too slow for this test"
    );
    assert_eq!(early["transactions_update_status"], "NOT_READY");
    thread::sleep(delay * 2 + Duration::from_millis(100));
    let late = sync_loop(&sb, &token, "", 500, &json!({}));
    assert_eq!(late.status, "HISTORICAL_UPDATE_COMPLETE");
    assert!(!late.added.is_empty());
}

#[test]
fn an_item_without_transactions_starts_its_pull_on_the_first_call() {
    let sb = delayed(Duration::from_secs(600));
    let (token, _) = common::modern::item_with(&sb, "ins_109508", &["auth"], json!({}));
    let first = ok(&sb, "/transactions/sync", &json!({ "access_token": token }));
    assert_eq!(first["transactions_update_status"], "NOT_READY");
    let item = ok(&sb, "/item/get", &json!({ "access_token": token }));
    let billed = item["item"]["billed_products"].as_array().unwrap();
    assert!(
        billed.contains(&json!("transactions")),
        "the first call adds the product"
    );
}

#[test]
fn the_default_sandbox_is_ready_at_once() {
    let options = ModernOptions::new();
    assert_eq!(options.transactions_delay(), Duration::ZERO);
    assert!(options.recording());
    let sb = common::modern::sb();
    let (token, _) = item(&sb);
    let page = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "count": 1 }),
    );
    assert_eq!(
        page["transactions_update_status"],
        "HISTORICAL_UPDATE_COMPLETE"
    );
}
