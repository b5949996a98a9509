//! The fault that forces `TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION` in the middle of a
//! sync loop: `error=TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION;after=<n>;times=<t>;key=<k>`
//! on every request of the loop lets `n` pages through and fails the next `t`. A client that
//! restarts the whole loop from its first cursor gets everything once. (A real mutation, from
//! a refresh, is in `modern_refresh.rs`: there, retrying only the failed page fails again.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use std::collections::HashSet;

use common::modern::{KEYS, ids, item, post_raw, sb, sync_loop};
use plaid_sandbox::Sandbox;
use serde_json::{Value, json};

const MUTATION: &str = "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION";

/// One sync request with the fault header.
fn page(sb: &Sandbox, token: &str, cursor: &str, fault: &str) -> common::Resp {
    let mut headers = KEYS.to_vec();
    headers.push(("X-Sandbox-Fault", fault));
    let mut body = json!({ "access_token": token, "count": 40 });
    if !cursor.is_empty() {
        body["cursor"] = json!(cursor);
    }
    post_raw(
        sb,
        "/transactions/sync",
        body.to_string().as_bytes(),
        &headers,
    )
}

/// A sync loop that restarts from its first cursor on the mutation error; returns the
/// transactions, the pages asked for, and how many times it restarted.
fn restarting_loop(sb: &Sandbox, token: &str, fault: &str) -> (Vec<Value>, usize, usize) {
    let (mut requests, mut restarts) = (0, 0);
    'attempt: loop {
        let (mut cursor, mut added) = (String::new(), Vec::new());
        loop {
            requests += 1;
            let r = page(sb, token, &cursor, fault);
            if r.status == 400 {
                r.plaid_error(400, "TRANSACTIONS_ERROR", MUTATION);
                restarts += 1;
                assert!(restarts < 5, "the loop never completes");
                continue 'attempt;
            }
            let body = r.plaid_ok();
            added.extend(body["added"].as_array().unwrap().iter().cloned());
            cursor = body["next_cursor"].as_str().unwrap().to_owned();
            if body["has_more"] == false {
                return (added, requests, restarts);
            }
        }
    }
}

#[test]
fn the_third_page_fails_once_and_a_restarted_loop_completes() {
    let sb = sb();
    let (token, _) = item(&sb);
    let fault = format!("error={MUTATION};after=2;times=1;key=sync-third");
    let (added, requests, restarts) = restarting_loop(&sb, &token, &fault);
    assert_eq!(restarts, 1);
    let expected = sync_loop(&sb, &token, "", 500, &json!({}));
    assert_eq!(requests, 3 + (expected.added.len()).div_ceil(40));
    let got: HashSet<String> = ids(&added).into_iter().collect();
    assert_eq!(got.len(), added.len(), "nothing twice");
    assert_eq!(got, ids(&expected.added).into_iter().collect());
}

#[test]
fn times_makes_several_pages_fail() {
    let sb = sb();
    let (token, _) = item(&sb);
    let fault = format!("error={MUTATION};after=1;times=2;key=sync-twice");
    let first = page(&sb, &token, "", &fault).plaid_ok();
    let cursor = first["next_cursor"].as_str().unwrap();
    for _ in 0..2 {
        page(&sb, &token, cursor, &fault).plaid_error(400, "TRANSACTIONS_ERROR", MUTATION);
    }
    page(&sb, &token, cursor, &fault).plaid_ok();
    sb.reset_faults();
    page(&sb, &token, "", &fault).plaid_ok();
    page(&sb, &token, cursor, &fault).plaid_error(400, "TRANSACTIONS_ERROR", MUTATION);
}

#[test]
fn the_error_body_is_the_documented_transactions_error() {
    let sb = sb();
    let (token, _) = item(&sb);
    let fault = format!("error={MUTATION}");
    let body = page(&sb, &token, "", &fault).plaid_error(400, "TRANSACTIONS_ERROR", MUTATION);
    assert!(body["display_message"].is_null());
    assert!(
        body["error_message"]
            .as_str()
            .unwrap()
            .contains("restart pagination")
    );
}
