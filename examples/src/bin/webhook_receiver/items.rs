//! The Items the receiver knows and what it keeps of each: the access
//! token, the transactions and the sync cursor, in memory. A real receiver
//! keeps them in a database; the rules are the same (see
//! `plaid_core::modern::sync`): the changes and the new cursor are stored
//! together, and one Item syncs once at a time, since two loops from the
//! same cursor would each store half a story.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use examples::steps::FIRST_PLATYPUS;
use plaid_core::AccessToken;
use plaid_core::modern::endpoints::{SandboxPublicTokenCreate, SandboxWebhookCode};
use plaid_core::modern::models::{Product, Transaction, TransactionsUpdateStatus};
use plaid_core::modern::sync::SyncChanges;

use crate::handler::App;

/// The Items, by `item_id`. Each has a lock of its own, held for a whole
/// sync, so that syncs of one Item queue up while other Items go on.
#[derive(Default)]
pub(crate) struct Items(Mutex<HashMap<String, Arc<tokio::sync::Mutex<Stored>>>>);

/// What the receiver keeps of one Item.
struct Stored {
    access_token: AccessToken,
    cursor: Option<String>,
    transactions: HashMap<String, Transaction>,
}

impl Items {
    fn insert(&self, item_id: &str, access_token: AccessToken) {
        let stored = Stored {
            access_token,
            cursor: None,
            transactions: HashMap::new(),
        };
        self.lock().insert(
            item_id.to_owned(),
            Arc::new(tokio::sync::Mutex::new(stored)),
        );
    }

    fn get(&self, item_id: &str) -> Option<Arc<tokio::sync::Mutex<Stored>>> {
        self.lock().get(item_id).cloned()
    }

    // Every change under this lock is one insert, so a panic elsewhere
    // cannot leave the map half-changed: a poisoned lock is still usable.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<tokio::sync::Mutex<Stored>>>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Stored {
    /// Applies a sync's changes and takes its cursor, in one step. Upserts
    /// and deletes by `transaction_id`, so a sync replayed from the same
    /// cursor changes nothing.
    fn apply(&mut self, changes: &SyncChanges) {
        for transaction in changes.added.iter().chain(&changes.modified) {
            let id = transaction.transaction_id.clone();
            self.transactions.insert(id, transaction.clone());
        }
        for removed in &changes.removed {
            self.transactions.remove(&removed.transaction_id);
        }
        self.cursor.clone_from(&changes.cursor);
    }
}

/// Runs the `/transactions/sync` loop for `item_id` from its stored cursor
/// and stores the result; prints one line. Returns how far Plaid's pulls of
/// the Item have got, when the sync succeeded.
pub(crate) async fn sync(app: &App, item_id: &str, why: &str) -> Option<TransactionsUpdateStatus> {
    let Some(stored) = app.items.get(item_id) else {
        println!("sync item {item_id} ({why}): not an Item of this receiver");
        return None;
    };
    let mut stored = stored.lock().await;
    let changes = app
        .client
        .transactions_sync_all(&stored.access_token, stored.cursor.as_deref())
        .await;
    match changes {
        Ok(changes) if changes.not_ready => {
            println!("sync item {item_id} ({why}): not ready yet, cursor kept");
            Some(changes.transactions_update_status)
        }
        Ok(changes) => {
            stored.apply(&changes);
            println!(
                "sync item {item_id} ({why}): {} added, {} modified, {} removed in {} page(s), \
                 {} attempt(s); {} stored; {}",
                changes.added.len(),
                changes.modified.len(),
                changes.removed.len(),
                changes.pages,
                changes.attempts,
                stored.transactions.len(),
                changes.transactions_update_status,
            );
            Some(changes.transactions_update_status)
        }
        Err(error) => {
            println!("sync item {item_id} ({why}): failed, cursor kept: {error}");
            None
        }
    }
}

/// Links a sandbox Item whose webhooks go to `webhook_url`, as Link would
/// for a user, and syncs it once.
pub(crate) async fn link_item(app: &App, webhook_url: &str) -> Result<(), plaid_core::Error> {
    let create =
        SandboxPublicTokenCreate::new(FIRST_PLATYPUS, [Product::Transactions]).webhook(webhook_url);
    let public_token = app.client.call(create).await?.public_token;
    let linked = app.client.item_public_token_exchange(public_token).await?;
    let item_id = linked.item_id;
    println!("item {item_id} linked at First Platypus Bank, webhook {webhook_url}");
    app.items.insert(&item_id, linked.access_token.clone());

    // Plaid sends SYNC_UPDATES_AVAILABLE only to an Item that has called
    // /transactions/sync once.
    let status = sync(app, &item_id, "first sync").await;
    if status == Some(TransactionsUpdateStatus::HistoricalUpdateComplete) {
        // Everything is in already, so no webhook will come on its own:
        // have the sandbox send one, to show the path.
        println!(
            "item {item_id}: everything synced; asking the sandbox for SYNC_UPDATES_AVAILABLE"
        );
        app.client
            .sandbox_item_fire_webhook(
                &linked.access_token,
                SandboxWebhookCode::SyncUpdatesAvailable,
            )
            .await?;
    }
    Ok(())
}
