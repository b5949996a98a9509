//! `/transactions/sync` over an Item's whole history: a loop of several pages that delivers
//! every transaction once, cursors that belong to their access token and refuse garbage, the
//! `now` cursor, `count` and `options.account_id`, and the request checks.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use std::collections::HashSet;

use common::modern::{ids, item, ok, post, sb, sync_loop};
use serde_json::{Value, json};

fn sync(sb: &plaid_sandbox::Sandbox, body: &Value) -> common::Resp {
    post(sb, "/transactions/sync", body)
}

#[test]
fn a_loop_of_several_pages_delivers_the_whole_history_once() {
    let sb = sb();
    let (token, _) = item(&sb);
    let synced = sync_loop(&sb, &token, "", 37, &json!({}));
    assert!(synced.pages >= 3, "{} pages", synced.pages);
    assert!(synced.modified.is_empty() && synced.removed.is_empty());
    assert_eq!(synced.status, "HISTORICAL_UPDATE_COMPLETE");
    let added = ids(&synced.added);
    let unique: HashSet<&String> = added.iter().collect();
    assert_eq!(unique.len(), added.len(), "no transaction twice");
    let all = ok(
        &sb,
        "/transactions/get",
        &json!({ "access_token": token, "start_date": "2000-01-01", "end_date": "2100-01-01",
                 "options": { "count": 1 } }),
    );
    assert_eq!(all["total_transactions"], added.len());
    let again = sync_loop(&sb, &token, &synced.cursor, 37, &json!({}));
    assert_eq!(again.pages, 1);
    assert!(again.added.is_empty() && again.modified.is_empty() && again.removed.is_empty());
    assert_eq!(
        again.cursor, synced.cursor,
        "nothing new: the same position"
    );
}

#[test]
fn pages_hold_count_changes_and_every_page_carries_the_whole_shape() {
    let sb = sb();
    let (token, _) = item(&sb);
    let first = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "count": 10 }),
    );
    for key in [
        "transactions_update_status",
        "accounts",
        "added",
        "modified",
        "removed",
        "next_cursor",
        "has_more",
        "request_id",
    ] {
        assert!(first.get(key).is_some(), "no {key}");
    }
    assert_eq!(first["added"].as_array().unwrap().len(), 10);
    assert_eq!(first["has_more"], true);
    let accounts: Vec<&str> = first["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["subtype"].as_str().unwrap())
        .collect();
    assert_eq!(
        accounts,
        ["checking", "savings", "credit card"],
        "accounts with transactions"
    );
    let cursor = first["next_cursor"].as_str().unwrap();
    assert!(cursor.len() <= 256 && !cursor.is_empty());
    assert!(
        cursor
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
    );
    let default = ok(&sb, "/transactions/sync", &json!({ "access_token": token }));
    assert_eq!(
        default["added"].as_array().unwrap().len(),
        100,
        "count defaults to 100"
    );
    let second = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "cursor": cursor, "count": 10 }),
    );
    let (a, b) = (
        ids(first["added"].as_array().unwrap()),
        ids(second["added"].as_array().unwrap()),
    );
    assert!(
        a.iter().all(|id| !b.contains(id)),
        "the second page goes on"
    );
}

#[test]
fn a_cursor_belongs_to_its_access_token() {
    let sb = sb();
    let (mine, _) = item(&sb);
    let (other, _) = item(&sb);
    let done = sync_loop(&sb, &mine, "", 500, &json!({}));
    let page = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": mine, "count": 5 }),
    );
    for cursor in [done.cursor.as_str(), page["next_cursor"].as_str().unwrap()] {
        let r = sync(&sb, &json!({ "access_token": other, "cursor": cursor }));
        let body = r.plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD");
        assert!(
            body["error_message"]
                .as_str()
                .unwrap()
                .contains("cursor not associated with access_token"),
            "{body}"
        );
    }
    let another_sandbox = sb_with_item();
    let r = sync(
        &another_sandbox.0,
        &json!({ "access_token": another_sandbox.1, "cursor": done.cursor }),
    );
    r.plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD");
}

fn sb_with_item() -> (plaid_sandbox::Sandbox, String) {
    let sb = sb();
    let (token, _) = item(&sb);
    (sb, token)
}

#[test]
fn garbled_cursors_are_invalid_fields() {
    let sb = sb();
    let (token, _) = item(&sb);
    let page = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "count": 5 }),
    );
    let good = page["next_cursor"].as_str().unwrap().to_owned();
    let mut flipped = good.clone().into_bytes();
    flipped[10] = if flipped[10] == b'A' { b'B' } else { b'A' };
    let long = "A".repeat(260);
    for cursor in [
        "not a cursor",
        "bm90IGEgY3Vyc29y",
        &good[..good.len() - 4],
        std::str::from_utf8(&flipped).unwrap(),
        long.as_str(),
    ] {
        let r = sync(&sb, &json!({ "access_token": token, "cursor": cursor }));
        r.plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD");
    }
    let r = sync(&sb, &json!({ "access_token": token, "cursor": 12 }));
    r.plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD");
}

#[test]
fn the_now_cursor_skips_the_history() {
    let sb = sb();
    let (token, _) = item(&sb);
    let now = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "cursor": "now" }),
    );
    assert!(now["added"].as_array().unwrap().is_empty());
    assert_eq!(now["has_more"], false);
    let done = sync_loop(&sb, &token, "", 500, &json!({}));
    assert_eq!(now["next_cursor"], done.cursor.as_str());
}

#[test]
fn count_must_be_between_1_and_500() {
    let sb = sb();
    let (token, _) = item(&sb);
    for count in [json!(0), json!(501), json!(-3), json!("10"), json!(1.5)] {
        let r = sync(&sb, &json!({ "access_token": token, "count": count }));
        r.plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD");
    }
    let one = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "count": 1 }),
    );
    assert_eq!(one["added"].as_array().unwrap().len(), 1);
    let big = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "count": 500 }),
    );
    assert!(big["added"].as_array().unwrap().len() > 100);
}

#[test]
fn an_account_filter_is_a_stream_of_its_own() {
    let sb = sb();
    let (token, _) = item(&sb);
    let all = sync_loop(&sb, &token, "", 500, &json!({}));
    let accounts = ok(&sb, "/accounts/get", &json!({ "access_token": token }));
    let card = accounts["accounts"][2]["account_id"].as_str().unwrap();
    let only = json!({ "options": { "account_id": card } });
    let filtered = sync_loop(&sb, &token, "", 25, &only);
    assert!(filtered.pages > 1);
    assert!(!filtered.added.is_empty());
    assert!(filtered.added.iter().all(|t| t["account_id"] == card));
    let expected = all.added.iter().filter(|t| t["account_id"] == card).count();
    assert_eq!(filtered.added.len(), expected);
    let page = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "options": { "account_id": card }, "count": 1 }),
    );
    assert_eq!(page["accounts"].as_array().unwrap().len(), 1);
    let r = sync(
        &sb,
        &json!({ "access_token": token, "cursor": filtered.cursor }),
    );
    r.plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD");
    let r = sync(
        &sb,
        &json!({ "access_token": token, "options": { "account_id": "nope" } }),
    );
    r.plaid_error(400, "INVALID_INPUT", "INVALID_ACCOUNT_ID");
}

#[test]
fn requests_are_checked_like_every_modern_route() {
    let sb = sb();
    let (token, _) = item(&sb);
    sync(&sb, &json!({})).plaid_error(400, "INVALID_REQUEST", "MISSING_FIELDS");
    sync(
        &sb,
        &json!({ "access_token": token, "options": { "nope": 1 } }),
    )
    .plaid_error(400, "INVALID_REQUEST", "UNKNOWN_FIELDS");
    sync(&sb, &json!({ "access_token": "access-sandbox-nope" })).plaid_error(
        400,
        "INVALID_INPUT",
        "INVALID_ACCESS_TOKEN",
    );
    for days in [0, 731] {
        sync(
            &sb,
            &json!({ "access_token": token, "options": { "days_requested": days } }),
        )
        .plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD");
    }
    sync(
        &sb,
        &json!({ "access_token": token, "options": {
        "personal_finance_category_version": "v3" } }),
    )
    .plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD");
    ok(
        &sb,
        "/sandbox/item/reset_login",
        &json!({ "access_token": token }),
    );
    sync(&sb, &json!({ "access_token": token })).plaid_error(
        400,
        "ITEM_ERROR",
        "ITEM_LOGIN_REQUIRED",
    );
}

#[test]
fn original_descriptions_come_only_when_asked_for() {
    let sb = sb();
    let (token, _) = item(&sb);
    let plain = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "count": 5 }),
    );
    assert!(plain["added"][0]["original_description"].is_null());
    let asked = ok(
        &sb,
        "/transactions/sync",
        &json!({ "access_token": token, "count": 5,
                 "options": { "include_original_description": true } }),
    );
    assert!(asked["added"][0]["original_description"].is_string());
}
