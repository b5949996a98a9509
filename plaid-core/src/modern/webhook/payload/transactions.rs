//! The `TRANSACTIONS` webhooks: what changed in an Item's transactions,
//! for `/transactions/sync` users and for `/transactions/get` users.

use serde::Deserialize;

use super::{WebhookEnvironment, common_fields};
use crate::modern::PlaidError;

/// `SYNC_UPDATES_AVAILABLE` (`SyncUpdatesAvailableWebhook`): call
/// `/transactions/sync` for the changes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SyncUpdatesAvailable {
    /// The Item.
    pub item_id: String,
    /// The user the Item belongs to, for Items created with a user token.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Whether the most recent 30 days of history are ready.
    pub initial_update_complete: bool,
    /// Whether the whole history is ready.
    pub historical_update_complete: bool,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

/// `INITIAL_UPDATE`, `HISTORICAL_UPDATE` and `DEFAULT_UPDATE`
/// (`InitialUpdateWebhook`, `HistoricalUpdateWebhook`,
/// `DefaultUpdateWebhook`): new transactions for `/transactions/get`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct TransactionsUpdate {
    /// The Item.
    pub item_id: String,
    /// How many new transactions were found.
    pub new_transactions: u64,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// The error that stopped the update, if one did.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

/// `TRANSACTIONS_REMOVED` (`TransactionsRemovedWebhook`): transactions
/// that no longer exist.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct TransactionsRemoved {
    /// The Item.
    pub item_id: String,
    /// The ids of the removed transactions.
    pub removed_transactions: Vec<String>,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

/// `RECURRING_TRANSACTIONS_UPDATE` (`RecurringTransactionsUpdateWebhook`):
/// call `/transactions/recurring/get` for the accounts named.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct RecurringTransactionsUpdate {
    /// The Item.
    pub item_id: String,
    /// The accounts whose recurring streams changed.
    pub account_ids: Vec<String>,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

common_fields!(
    SyncUpdatesAvailable,
    TransactionsUpdate,
    TransactionsRemoved,
    RecurringTransactionsUpdate,
);
