//! Hostile page sequences for the `/transactions/sync` loop (`SyncLoop`),
//! run end to end through the client's drivers (`transactions_sync_all`,
//! `transactions_sync_pages`) over a closure transport that computes each
//! answer from the page number and the cursor it was sent. The transport
//! panics at its [`LIMIT`]-th request, so a loop that would never end
//! fails at once instead of hanging the test run.
//!
//! What the loop must do, decided here:
//! - **A cursor that does not move.** A page with `has_more: true` whose
//!   `next_cursor` is one the attempt has already sent (the page's own
//!   cursor, or an earlier one: a cycle) would have the loop ask forever.
//!   The loop ends with a decode error (the answer contradicts itself),
//!   keeps the stored cursor, and counts the pages it handed out as void.
//! - **An empty `next_cursor` with `has_more: true`.** The empty cursor
//!   wins: it is what "not ready" looks like, and there is no cursor to
//!   continue from. The loop ends as not ready after that request, keeps
//!   the stored cursor, never sends an empty cursor, and voids the pages
//!   it handed out.
//! - **A cursor over 256 characters** (the spec documents cursors as at
//!   most 256 base64 characters). The loop does not judge cursors: it
//!   sends back whatever the server gave, byte for byte (quotes,
//!   backslashes and non-ASCII included), and hands out the last one
//!   whole. Truncating or refusing it would lose the sync; store cursors
//!   in a column that fits any length.
//! - **Accounts that change between pages.** The spec lists on each page
//!   only the accounts of that page's transactions, so a page's list is
//!   not the Item's. A streamed page carries its own list as sent; the
//!   collected result lists every account of the successful attempt's
//!   pages, once, as its latest page showed it (the newest balances), in
//!   the order first seen; accounts of a voided attempt are dropped with
//!   its changes.
//!
//! Known limit, not tested: a server that hands out a fresh cursor with
//! `has_more: true` on every page forever is indistinguishable from a long
//! history; the streamed driver lets its consumer stop at any page.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use plaid_core::modern::Client;
use plaid_core::modern::sync::{SyncChanges, SyncError, SyncEvent};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{Amount, ErrorKind, RetryPolicy};
use serde_json::{Value, json};

use crate::bodies::checking;
use crate::txn_bodies::{mutation_body, sync_body, sync_page};
use crate::wire::{TOKEN, answer, modern_config};

/// The most requests a scripted server answers: no loop here needs more
/// than a handful, and a loop that never ends stops here.
const LIMIT: usize = 16;

/// What a scripted server answers to its `n`-th request (from 0) that
/// carried `cursor`: a status and a body.
type Script = fn(usize, Option<&str>) -> (u16, String);

/// The cursors a scripted server was sent, in order (`None`: no cursor).
type Sent = Arc<Mutex<Vec<Option<String>>>>;

/// A client over a server that answers with `script`, without retries (the
/// loop's rules are under test, not the retry policy), and the cursors it
/// is sent.
fn server(
    script: Script,
) -> (
    Client<impl Fn(HttpRequest) -> Result<HttpResponse, TransportError> + use<>>,
    Sent,
) {
    let sent = Sent::default();
    let seen = Arc::clone(&sent);
    let count = AtomicUsize::new(0);
    let transport = move |request: HttpRequest| {
        let n = count.fetch_add(1, Ordering::SeqCst);
        assert!(
            n < LIMIT,
            "the sync loop sent {LIMIT} requests: it does not end"
        );
        let body: Value = serde_json::from_slice(request.body()).unwrap();
        let cursor = body["cursor"].as_str().map(str::to_owned);
        let (status, reply) = script(n, cursor.as_deref());
        seen.lock().unwrap().push(cursor);
        Ok(answer(status, &reply))
    };
    (Client::new(modern_config(), transport), sent)
}

/// The cursors `sent` holds.
fn cursors(sent: &Sent) -> Vec<Option<String>> {
    sent.lock().unwrap().clone()
}

/// `Some(text)` as an owned cursor.
fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

/// A 200 sync page adding one transaction `t{n}`.
fn page(n: usize, next_cursor: &str, has_more: bool) -> (u16, String) {
    let id = format!("t{n}");
    (200, sync_page(&[&id], next_cursor, has_more))
}

/// Runs the collected driver from `start` over `script`.
fn collect(script: Script, start: Option<&str>) -> (Result<SyncChanges, SyncError>, Sent) {
    let (client, sent) = server(script);
    let result = client
        .transactions_sync_all(TOKEN, start)
        .retry(RetryPolicy::disabled())
        .send();
    (result, sent)
}

/// Runs the streamed driver from `start` over `script`: one line per
/// event, then the error, if any.
fn stream(script: Script, start: Option<&str>) -> (Vec<String>, Sent) {
    let (client, sent) = server(script);
    let mut pages = client
        .transactions_sync_pages(TOKEN, start)
        .retry(RetryPolicy::disabled());
    let mut events = Vec::new();
    loop {
        match pages.next_page().send() {
            Ok(Some(event)) => events.push(describe(&event)),
            Ok(None) => break,
            Err(error) => events.push(format!(
                "error {:?} (void {} pages) keep {:?}",
                error.error().kind(),
                error.pages_discarded(),
                error.cursor()
            )),
        }
    }
    (events, sent)
}

fn describe(event: &SyncEvent) -> String {
    match event {
        SyncEvent::Page(page) => format!("page #{}", page.index),
        SyncEvent::Restarted(restart) => format!("restart a{}", restart.attempt),
        SyncEvent::Finished(last) => format!("finished #{} -> {}", last.page.index, last.cursor),
        SyncEvent::NotReady(not_ready) => format!(
            "not ready (void {} pages) keep {:?}",
            not_ready.pages_discarded, not_ready.cursor
        ),
    }
}

/// Asserts that a collected loop failed on an answer that contradicts
/// itself, keeping `start`, after `pages` void pages.
#[track_caller]
fn assert_inconsistent(result: Result<SyncChanges, SyncError>, start: Option<&str>, pages: u32) {
    let error = result.expect_err("the loop must end with an error");
    assert_eq!(error.error().kind(), ErrorKind::Decode, "{}", error.error());
    assert!(
        error.error().to_string().contains("has_more"),
        "{}",
        error.error()
    );
    assert_eq!(error.cursor(), start);
    assert_eq!(error.pages_discarded(), pages);
    assert_eq!(error.attempts(), 1);
}

#[test]
fn a_page_that_hands_back_the_stored_cursor_ends_the_loop() {
    let (result, sent) = collect(|n, _| page(n, "c0", true), Some("c0"));
    assert_inconsistent(result, Some("c0"), 0);
    assert_eq!(cursors(&sent), [some("c0")]);
}

#[test]
fn a_server_that_ignores_the_cursor_ends_the_loop() {
    // Whatever it is sent, it answers the first page again.
    let (result, sent) = collect(|n, _| page(n, "c1", true), None);
    assert_inconsistent(result, None, 1);
    assert_eq!(cursors(&sent), [None, some("c1")]);

    let (events, sent) = stream(|n, _| page(n, "c1", true), Some("c0"));
    assert_eq!(
        events,
        ["page #0", "error Decode (void 1 pages) keep Some(\"c0\")"]
    );
    assert_eq!(cursors(&sent), [some("c0"), some("c1")]);
}

#[test]
fn a_cycle_of_cursors_ends_the_loop() {
    // c1 -> c2 -> c1: no page points at itself, but the third hands back
    // a cursor the attempt already sent.
    let cycle: Script = |n, _| page(n, if n % 2 == 0 { "c1" } else { "c2" }, true);
    let (result, sent) = collect(cycle, Some("c0"));
    assert_inconsistent(result, Some("c0"), 2);
    assert_eq!(cursors(&sent), [some("c0"), some("c1"), some("c2")]);

    // Back to the stored cursor is a cycle too.
    let back: Script = |n, _| page(n, if n == 0 { "c1" } else { "c0" }, true);
    let (result, sent) = collect(back, Some("c0"));
    assert_inconsistent(result, Some("c0"), 1);
    assert_eq!(cursors(&sent), [some("c0"), some("c1")]);

    let (events, _) = stream(cycle, None);
    assert_eq!(
        events,
        [
            "page #0",
            "page #1",
            "error Decode (void 2 pages) keep None"
        ]
    );
}

#[test]
fn a_repeated_cursor_on_the_last_page_is_a_normal_end() {
    // `has_more: false` ends the loop: a last cursor equal to the stored
    // one is what a sync with no changes answers.
    let (result, sent) = collect(|n, _| page(n, "c0", false), Some("c0"));
    let changes = result.unwrap();
    assert_eq!(changes.cursor.as_deref(), Some("c0"));
    assert_eq!(changes.added.len(), 1);
    assert_eq!(cursors(&sent), [some("c0")]);
}

#[test]
fn a_cursor_may_come_back_after_a_restart() {
    // A restart starts a new attempt from the stored cursor: the cursors
    // the void attempt reached may be handed out again.
    let script: Script = |n, _| match n {
        0 => page(n, "c1", true),
        1 => (400, mutation_body()),
        2 => page(n, "c1", true),
        _ => page(n, "c2", false),
    };
    let (result, sent) = collect(script, Some("c0"));
    let changes = result.unwrap();
    assert_eq!((changes.attempts, changes.pages), (2, 2));
    assert_eq!(changes.cursor.as_deref(), Some("c2"));
    assert_eq!(
        cursors(&sent),
        [some("c0"), some("c1"), some("c0"), some("c1")]
    );
}

#[test]
fn an_empty_cursor_with_more_to_come_is_not_ready() {
    // On the first page: nothing to store, the stored cursor is kept, and
    // no request goes out with an empty cursor.
    let (result, sent) = collect(|n, _| page(n, "", true), Some("c0"));
    let changes = result.unwrap();
    assert!(changes.not_ready);
    assert_eq!(changes.cursor.as_deref(), Some("c0"));
    assert!(changes.added.is_empty() && changes.accounts.is_empty());
    assert_eq!(cursors(&sent), [some("c0")]);

    // Mid-loop: the pages handed out are void.
    let script: Script = |n, _| page(n, if n == 0 { "c1" } else { "" }, true);
    let (result, sent) = collect(script, None);
    let changes = result.unwrap();
    assert!(changes.not_ready && changes.added.is_empty());
    assert_eq!(changes.cursor, None);
    assert_eq!(cursors(&sent), [None, some("c1")]);

    let (events, _) = stream(script, Some("c0"));
    assert_eq!(
        events,
        ["page #0", "not ready (void 1 pages) keep Some(\"c0\")"]
    );
}

/// A stored cursor of 300 characters.
fn stored() -> String {
    "s".repeat(300)
}

/// The first page's cursor: 10 KiB of JSON's hard cases.
fn awkward() -> String {
    "\"quoted\" back\\slash é 🦆 \u{7f}".repeat(400)
}

/// The last page's cursor: 1,000 characters.
fn last() -> String {
    "L".repeat(1_000)
}

#[test]
fn cursors_over_256_characters_are_followed_and_kept_whole() {
    let script: Script = |n, _| match n {
        0 => page(n, &awkward(), true),
        _ => page(n, &last(), false),
    };
    let (client, sent) = server(script);
    let changes = client
        .transactions_sync_all(TOKEN, Some(&stored()))
        .retry(RetryPolicy::disabled())
        .send()
        .unwrap();
    assert_eq!(changes.cursor, Some(last()));
    assert_eq!(cursors(&sent), [Some(stored()), Some(awkward())]);

    // A failure keeps the long stored cursor whole too.
    let failing: Script = |n, _| match n {
        0 => page(n, &awkward(), true),
        _ => page(n, &awkward(), true),
    };
    let (client, _) = server(failing);
    let error = client
        .transactions_sync_all(TOKEN, Some(&stored()))
        .retry(RetryPolicy::disabled())
        .send()
        .unwrap_err();
    assert_eq!(error.cursor(), Some(stored().as_str()));
}

/// The checking account under id `id` with current balance `current`.
fn account(id: &str, current: &str) -> Value {
    let mut account = checking();
    account["account_id"] = json!(id);
    account["balances"]["current"] = serde_json::from_str(current).unwrap();
    account
}

/// A page adding `t{n}` and listing `accounts`.
fn page_listing(n: usize, accounts: &[Value], next_cursor: &str, has_more: bool) -> (u16, String) {
    let id = format!("t{n}");
    let mut body: Value = serde_json::from_str(&sync_body(
        &[&id],
        &[],
        &[],
        next_cursor,
        has_more,
        "HISTORICAL_UPDATE_COMPLETE",
    ))
    .unwrap();
    body["accounts"] = Value::Array(accounts.to_vec());
    (200, body.to_string())
}

/// Three pages: A; A with a new balance and B; B alone.
fn changing_accounts(n: usize, _: Option<&str>) -> (u16, String) {
    match n {
        0 => page_listing(n, &[account("A", "100")], "c1", true),
        1 => page_listing(n, &[account("A", "90.5"), account("B", "7")], "c2", true),
        _ => page_listing(n, &[account("B", "8")], "c3", false),
    }
}

/// `(id, current balance)` of each account.
fn balances_of(accounts: &[plaid_core::modern::models::Account]) -> Vec<(String, Option<Amount>)> {
    accounts
        .iter()
        .map(|a| (a.account_id.clone(), a.balances.current))
        .collect()
}

fn amount(text: &str) -> Option<Amount> {
    Some(text.parse().unwrap())
}

#[test]
fn accounts_that_change_between_pages_are_all_kept_with_their_latest_balances() {
    let (result, _) = collect(changing_accounts, None);
    let changes = result.unwrap();
    assert_eq!(changes.added.len(), 3);
    assert_eq!(
        balances_of(&changes.accounts),
        [
            ("A".to_owned(), amount("90.5")),
            ("B".to_owned(), amount("8"))
        ]
    );

    // Streamed, each page carries the accounts it listed.
    let (client, _) = server(changing_accounts);
    let pages: Vec<_> = client
        .transactions_sync_pages(TOKEN, None)
        .retry(RetryPolicy::disabled())
        .map(|event| match event.unwrap() {
            SyncEvent::Page(page) => balances_of(&page.accounts),
            SyncEvent::Finished(last) => balances_of(&last.page.accounts),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        pages,
        [
            vec![("A".to_owned(), amount("100"))],
            vec![
                ("A".to_owned(), amount("90.5")),
                ("B".to_owned(), amount("7"))
            ],
            vec![("B".to_owned(), amount("8"))],
        ]
    );
}

#[test]
fn the_accounts_of_a_voided_attempt_are_dropped() {
    let script: Script = |n, _| match n {
        0 => page_listing(n, &[account("GONE", "1")], "c1", true),
        1 => (400, mutation_body()),
        _ => page_listing(n, &[account("A", "2")], "d1", false),
    };
    let (result, _) = collect(script, None);
    let changes = result.unwrap();
    assert_eq!(changes.attempts, 2);
    assert_eq!(
        balances_of(&changes.accounts),
        [("A".to_owned(), amount("2"))]
    );
}
