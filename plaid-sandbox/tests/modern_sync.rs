//! `/transactions/sync` over an Item's whole history: a loop of several pages that delivers
//! every transaction once, cursors that belong to their access token and refuse garbage, the
//! `now` cursor, `count` and `options.account_id`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use std::collections::HashSet;

use common::modern::{ids, item, ok, post, sb, sync_loop};
use serde_json::{Value, json};

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
