//! `/transactions/refresh`: for `user_transactions_dynamic` it posts the pending purchases
//! (the pending one removed, a posted one added that names it), voids a hold, recategorises a
//! posted purchase and brings new transactions, all seen by the next sync and by
//! `/transactions/get`; for other users it changes nothing. A refresh in the middle of a
//! sync loop fails the loop's next page with `TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION`
//! (again and again: retrying only that page never recovers), and the loop restarted from
//! its first cursor completes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use std::collections::{HashMap, HashSet};

use common::modern::{ids, item, ok, post, sb, sync_loop, user_item};
use serde_json::{Value, json};

const DYNAMIC: &str = "user_transactions_dynamic";

fn refresh(sb: &plaid_sandbox::Sandbox, token: &str) {
    let body = ok(
        sb,
        "/transactions/refresh",
        &json!({ "access_token": token }),
    );
    assert_eq!(
        body.as_object().unwrap().len(),
        1,
        "only request_id: {body}"
    );
}

/// The current transactions by id, as `/transactions/get` lists them.
fn current(sb: &plaid_sandbox::Sandbox, token: &str) -> HashMap<String, Value> {
    let mut all = HashMap::new();
    let mut offset = 0;
    loop {
        let page = ok(
            sb,
            "/transactions/get",
            &json!({ "access_token": token, "start_date": "2000-01-01",
                     "end_date": "2100-01-01", "options": { "count": 500, "offset": offset } }),
        );
        let list = page["transactions"].as_array().unwrap();
        offset += list.len();
        for t in list {
            all.insert(t["transaction_id"].as_str().unwrap().to_owned(), t.clone());
        }
        if offset >= page["total_transactions"].as_u64().unwrap() as usize {
            return all;
        }
    }
}

#[test]
fn a_refresh_brings_new_modified_and_removed_transactions_to_the_next_sync() {
    let sb = sb();
    let (token, _) = user_item(
        &sb,
        DYNAMIC,
        json!({ "webhook": "https://example.com/hook" }),
    );
    let first = sync_loop(&sb, &token, "", 100, &json!({}));
    let mut mine: HashMap<String, Value> = first
        .added
        .iter()
        .map(|t| (t["transaction_id"].as_str().unwrap().to_owned(), t.clone()))
        .collect();
    let pending: HashSet<String> = mine
        .values()
        .filter(|t| t["pending"] == true)
        .map(|t| t["transaction_id"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        pending.len() >= 2,
        "the history ends with pending purchases"
    );

    refresh(&sb, &token);
    let after = sync_loop(&sb, &token, &first.cursor, 100, &json!({}));
    assert!(!after.added.is_empty() && !after.modified.is_empty() && !after.removed.is_empty());
    let removed: HashSet<String> = ids(&after.removed).into_iter().collect();
    assert_eq!(
        removed, pending,
        "every pending purchase is removed (posted or voided)"
    );
    for r in &after.removed {
        let id = r["transaction_id"].as_str().unwrap();
        assert_eq!(r["account_id"], mine[id]["account_id"]);
    }
    let posted: Vec<&Value> = after
        .added
        .iter()
        .filter(|t| t["pending_transaction_id"].is_string())
        .collect();
    assert_eq!(
        posted.len(),
        pending.len() - 1,
        "one hold is voided, the rest post"
    );
    for t in &posted {
        let was = &mine[t["pending_transaction_id"].as_str().unwrap()];
        assert_eq!(t["pending"], false);
        assert_eq!(t["account_id"], was["account_id"]);
        assert_eq!(t["merchant_name"], was["merchant_name"]);
        assert_eq!(t["authorized_date"], was["authorized_date"]);
        assert!(t["amount"].as_f64().unwrap() >= was["amount"].as_f64().unwrap());
    }
    assert!(after.added.iter().filter(|t| t["pending"] == true).count() >= 2);
    for t in &after.modified {
        let was = &mine[t["transaction_id"].as_str().unwrap()];
        assert_ne!(
            t["personal_finance_category"],
            was["personal_finance_category"]
        );
        assert_eq!(t["amount"], was["amount"]);
    }

    for id in &removed {
        mine.remove(id);
    }
    for t in after.added.iter().chain(&after.modified) {
        mine.insert(t["transaction_id"].as_str().unwrap().to_owned(), t.clone());
    }
    assert_eq!(
        mine,
        current(&sb, &token),
        "sync and /transactions/get agree"
    );

    let item = ok(&sb, "/item/get", &json!({ "access_token": token }));
    assert_eq!(
        item["status"]["last_webhook"]["code_sent"],
        "TRANSACTIONS_REMOVED"
    );

    refresh(&sb, &token);
    let again = sync_loop(&sb, &token, &after.cursor, 100, &json!({}));
    assert!(!again.added.is_empty() && !again.removed.is_empty() && !again.modified.is_empty());
    let fresh = sync_loop(&sb, &token, "", 500, &json!({}));
    assert!(
        fresh.removed.is_empty() && fresh.modified.is_empty(),
        "a new loop sees net adds"
    );
    let fresh: HashSet<String> = ids(&fresh.added).into_iter().collect();
    let now: HashSet<String> = current(&sb, &token).into_keys().collect();
    assert_eq!(fresh, now);
}

#[test]
fn a_refresh_changes_nothing_for_user_good_and_needs_transactions() {
    let sb = sb();
    let (token, _) = item(&sb);
    let first = sync_loop(&sb, &token, "", 500, &json!({}));
    refresh(&sb, &token);
    let after = sync_loop(&sb, &token, &first.cursor, 500, &json!({}));
    assert!(after.added.is_empty() && after.modified.is_empty() && after.removed.is_empty());

    let (auth_only, _) = common::modern::item_with(&sb, "ins_109508", &["auth"], json!({}));
    post(
        &sb,
        "/transactions/refresh",
        &json!({ "access_token": auth_only }),
    )
    .plaid_error(400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED");
    ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": auth_only, "count": 1 }),
    );
    refresh(&sb, &auth_only);
}

#[test]
fn a_refresh_in_the_middle_of_a_loop_fails_its_next_page_and_a_restart_completes() {
    let sb = sb();
    let (token, _) = user_item(&sb, DYNAMIC, json!({}));
    let first = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "count": 50 }),
    );
    assert_eq!(first["has_more"], true);
    refresh(&sb, &token);
    let next = first["next_cursor"].as_str().unwrap();
    let r = post(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "cursor": next, "count": 50 }),
    );
    r.plaid_error(
        400,
        "TRANSACTIONS_ERROR",
        "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
    );
    let restarted = sync_loop(&sb, &token, "", 50, &json!({}));
    let all: HashSet<String> = ids(&restarted.added).into_iter().collect();
    assert_eq!(all.len(), restarted.added.len());
    let now: HashSet<String> = current(&sb, &token).into_keys().collect();
    assert_eq!(all, now, "the restarted loop has everything, once");
}
