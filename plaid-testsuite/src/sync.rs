//! `/transactions/sync` on every backend against the modern emulator: a
//! whole history over several pages, a mutation injected in the middle of
//! a loop (the loop restarts from its first cursor and ends with the same
//! changes as a clean run), page-by-page streaming with a refresh between
//! two loops, and transactions that are not ready yet.

use std::collections::BTreeSet;
use std::time::Duration;

use plaid_core::modern::endpoints::SandboxPublicTokenCreate;
use plaid_core::modern::models::{Product, TransactionsUpdateStatus};
use plaid_core::modern::sync::{SyncChanges, SyncEvent};
use plaid_core::modern::{Client, Config};
use plaid_core::secret::AccessToken;
use plaid_sandbox::{ModernOptions, Sandbox};

use crate::harness::{Backend, DrivenBy};
use crate::modern::{ModernBackend, PLATYPUS, modern_config, start_modern_sandbox};
use crate::setup::requests_to;

/// Transactions per page: small, so a 90-day history takes several pages.
const PAGE: u32 = 50;

/// A new Item with transactions for `user` (any password works for the
/// emulator's transaction users), as its access token.
fn transactions_item<B: Backend, T: DrivenBy<B>>(
    backend: &B,
    client: &Client<T>,
    user: &str,
) -> AccessToken {
    let create = SandboxPublicTokenCreate::new(PLATYPUS, [Product::Transactions])
        .override_username(user)
        .override_password("pass_good");
    let public = backend
        .send(client.call(create))
        .expect("a public token")
        .public_token;
    backend
        .send(client.item_public_token_exchange(public))
        .expect("an exchange")
        .access_token
}

/// The ids of what a loop added.
fn added_ids(changes: &SyncChanges) -> BTreeSet<String> {
    changes
        .added
        .iter()
        .map(|t| t.transaction_id.clone())
        .collect()
}

/// A whole history comes over several pages; the final cursor then sees
/// nothing new.
pub fn modern_sync_pulls_a_whole_history(backend: &impl Backend) {
    let (sandbox, client) = backend.modern_sandbox_client();
    let token = transactions_item(backend, &client, "user_good");

    let first = backend
        .sync_all(
            client
                .transactions_sync_all(&token, None)
                .with(|r| r.count(PAGE)),
        )
        .expect("a whole loop");
    assert!(!first.not_ready);
    assert!(first.pages > 1, "{} pages", first.pages);
    assert_eq!(first.attempts, 1);
    assert_eq!(added_ids(&first).len(), first.added.len(), "no duplicates");
    assert!(first.added.len() > PAGE as usize);
    let pages = requests_to(&sandbox, "/transactions/sync");
    assert_eq!(pages, first.pages as usize);
    let cursor = first.cursor.expect("a cursor to store");
    assert!(!cursor.is_empty() && cursor.len() <= 256);

    let again = backend
        .sync_all(client.transactions_sync_all(&token, Some(&cursor)))
        .expect("a loop from the stored cursor");
    assert!(again.added.is_empty() && again.modified.is_empty() && again.removed.is_empty());
    assert_eq!(again.cursor.as_deref(), Some(cursor.as_str()));
}

/// `TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION` on the third page: the
/// loop restarts from its first cursor (not from the failing page) and ends
/// with exactly the changes of a clean loop.
pub fn modern_sync_restarts_from_its_first_cursor_on_mutation(backend: &impl Backend) {
    let sandbox = start_modern_sandbox();
    let clean_client = backend.modern_client(modern_config(&sandbox.url()));
    let token = transactions_item(backend, &clean_client, "user_good");
    let clean = backend
        .sync_all(
            clean_client
                .transactions_sync_all(&token, None)
                .with(|r| r.count(PAGE)),
        )
        .expect("a clean loop");

    sandbox.clear_recorded_requests();
    let faulty = backend.modern_fault_client(
        &sandbox,
        "error=TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION;after=2;times=1;key=mutation",
    );
    let restarted = backend
        .sync_all(
            faulty
                .transactions_sync_all(&token, None)
                .with(|r| r.count(PAGE)),
        )
        .expect("the loop survives the mutation");
    assert_eq!(restarted.attempts, 2);
    assert_eq!(added_ids(&restarted), added_ids(&clean));
    assert_eq!(
        restarted.added.len(),
        clean.added.len(),
        "no page kept twice"
    );
    assert!(restarted.cursor.is_some());

    // The restart went back to the first cursor (none): two requests
    // without one, the first of each attempt.
    let without_cursor = sandbox
        .recorded_requests()
        .iter()
        .filter(|r| r.path == "/transactions/sync")
        .filter(|r| {
            let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap_or_default();
            body.get("cursor").is_none()
        })
        .count();
    assert_eq!(without_cursor, 2);
}

/// Streaming hands out one page at a time and the cursor only at the end;
/// after a refresh, a loop from that cursor sees what changed.
pub fn modern_sync_streams_pages_and_sees_a_refresh(backend: &impl Backend) {
    let (_sandbox, client) = backend.modern_sandbox_client();
    let token = transactions_item(backend, &client, "user_transactions_dynamic");

    let mut pages = client
        .transactions_sync_pages(&token, None)
        .with(|r| r.count(PAGE));
    let (mut seen, mut cursor) = (0usize, None);
    while let Some(event) = backend.sync_next(&mut pages).expect("a page") {
        match event {
            SyncEvent::Page(page) => seen += page.added.len(),
            SyncEvent::Finished(last) => {
                seen += last.page.added.len();
                cursor = Some(last.cursor);
            }
            other => panic!("no restart or not-ready expected here: {other:?}"),
        }
    }
    assert!(seen > 0);
    let cursor = cursor.expect("the cursor comes with the last page");

    backend
        .send(client.transactions_refresh(&token))
        .expect("a refresh");
    let changes = backend
        .sync_all(client.transactions_sync_all(&token, Some(&cursor)))
        .expect("the changes since the cursor");
    assert!(!changes.added.is_empty(), "new transactions");
    assert!(!changes.removed.is_empty(), "posted or voided pending ones");
    assert_ne!(changes.cursor.as_deref(), Some(cursor.as_str()));
}

/// While the first pull runs, the loop says so and hands back the cursor it
/// started from, never an empty one.
pub fn modern_sync_not_ready_keeps_the_stored_cursor(backend: &impl Backend) {
    let options = ModernOptions::new().with_transactions_delay(Duration::from_secs(600));
    let sandbox = match Sandbox::start_modern_with(options) {
        Ok(sandbox) => sandbox,
        Err(error) => panic!("cannot start the modern plaid-sandbox: {error}"),
    };
    let client = backend.modern_client(
        Config::emulator(sandbox.url())
            .expect("a config")
            .with_retry(plaid_core::RetryPolicy::disabled()),
    );
    let token = transactions_item(backend, &client, "user_good");
    let changes = backend
        .sync_all(client.transactions_sync_all(&token, None))
        .expect("not ready is not an error");
    assert!(changes.not_ready);
    assert_eq!(changes.cursor, None);
    assert!(changes.added.is_empty());
    assert_eq!(
        changes.transactions_update_status,
        TransactionsUpdateStatus::NotReady
    );
}
