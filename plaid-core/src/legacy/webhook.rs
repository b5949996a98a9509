//! Legacy (tartan) webhooks: what the legacy API POSTed to an Item's
//! webhook URL, typed by their numeric `code`.
//!
//! A legacy webhook is JSON `{"message", "access_token", "code", …}`. The
//! codes are those of the official ruby client's `Plaid::Webhook`: 0, 1
//! and 2 say transactions are ready (with `total_transactions`), 3 that
//! some were removed (`removed_transactions`), 4 that the user's webhook
//! was updated, 10 that Income and 20 that Risk data is ready. Any other
//! code is an error webhook, whose `{code, message, resolve}` is the same
//! [`ApiError`] body as an error response's.
//!
//! The legacy API never signed its webhooks: there is nothing to verify.
//! The access token in a webhook is an [`AccessToken`], so it prints
//! redacted.
//!
//! ```
//! use plaid_core::legacy::webhook::Webhook;
//!
//! let body = br#"{"message": "Initial transaction pull finished",
//!                 "access_token": "test_bofa", "total_transactions": 123, "code": 0}"#;
//! match Webhook::from_slice(body)? {
//!     Webhook::InitialTransactions(ready) => assert_eq!(ready.total_transactions, Some(123)),
//!     other => panic!("unexpected code {}", other.code()),
//! }
//! # Ok::<(), plaid_core::Error>(())
//! ```

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::ApiError;
use crate::error::Error;
use crate::secret::AccessToken;
use crate::wire;

/// A legacy webhook, by its `code`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Webhook {
    /// Code 0: the initial transaction pull finished.
    InitialTransactions(TransactionsWebhook),
    /// Code 1: the historical transaction pull finished.
    HistoricalTransactions(TransactionsWebhook),
    /// Code 2: new transactions from a routine update.
    NormalTransactions(TransactionsWebhook),
    /// Code 3: transactions were removed.
    RemovedTransactions(RemovedTransactionsWebhook),
    /// Code 4: the user's webhook URL was updated (by a `PATCH` without
    /// credentials).
    WebhookUpdated(ItemWebhook),
    /// Code 10: Income data is ready.
    Income(ItemWebhook),
    /// Code 20: Risk data is ready.
    Risk(ItemWebhook),
    /// Any other code: an error, with the same body as an error response
    /// (`code`, `message`, `resolve` and the `access_token`).
    Error(ApiError),
}

/// The legacy code of each non-error webhook.
mod code {
    pub(super) const INITIAL_TRANSACTIONS: u32 = 0;
    pub(super) const HISTORICAL_TRANSACTIONS: u32 = 1;
    pub(super) const NORMAL_TRANSACTIONS: u32 = 2;
    pub(super) const REMOVED_TRANSACTIONS: u32 = 3;
    pub(super) const WEBHOOK_UPDATED: u32 = 4;
    pub(super) const INCOME: u32 = 10;
    pub(super) const RISK: u32 = 20;
}

/// Codes 0, 1 and 2: transactions are ready.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TransactionsWebhook {
    /// What happened, e.g. `"Initial transaction pull finished"`.
    #[serde(default)]
    pub message: String,
    /// The Item's access token.
    pub access_token: AccessToken,
    /// How many transactions the Item has.
    #[serde(default)]
    pub total_transactions: Option<u64>,
}

/// Code 3: transactions were removed.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct RemovedTransactionsWebhook {
    /// What happened.
    #[serde(default)]
    pub message: String,
    /// The Item's access token.
    pub access_token: AccessToken,
    /// The ids of the removed transactions.
    pub removed_transactions: Vec<String>,
}

/// Codes 4, 10 and 20: something about the Item changed or is ready.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ItemWebhook {
    /// What happened.
    #[serde(default)]
    pub message: String,
    /// The Item's access token.
    pub access_token: AccessToken,
}

/// The field that chooses the variant.
#[derive(Deserialize)]
struct Tag {
    code: u32,
}

/// What a decode error of a webhook body says it was decoding.
const CONTEXT: &str = "the legacy webhook body could not be decoded";

impl Webhook {
    /// Decodes a webhook from its body. A body without a numeric `code`,
    /// or whose fields are not the shape its code documents, is a
    /// [`Decode`](crate::ErrorKind::Decode) error naming the field; the
    /// error never quotes the body.
    pub fn from_slice(body: &[u8]) -> Result<Webhook, Error> {
        let Tag { code } = decode(body)?;
        Ok(match code {
            code::INITIAL_TRANSACTIONS => Webhook::InitialTransactions(decode(body)?),
            code::HISTORICAL_TRANSACTIONS => Webhook::HistoricalTransactions(decode(body)?),
            code::NORMAL_TRANSACTIONS => Webhook::NormalTransactions(decode(body)?),
            code::REMOVED_TRANSACTIONS => Webhook::RemovedTransactions(decode(body)?),
            code::WEBHOOK_UPDATED => Webhook::WebhookUpdated(decode(body)?),
            code::INCOME => Webhook::Income(decode(body)?),
            code::RISK => Webhook::Risk(decode(body)?),
            _ => Webhook::Error(decode(body)?),
        })
    }

    /// The `code` the webhook was sent with.
    pub fn code(&self) -> u32 {
        match self {
            Webhook::InitialTransactions(_) => code::INITIAL_TRANSACTIONS,
            Webhook::HistoricalTransactions(_) => code::HISTORICAL_TRANSACTIONS,
            Webhook::NormalTransactions(_) => code::NORMAL_TRANSACTIONS,
            Webhook::RemovedTransactions(_) => code::REMOVED_TRANSACTIONS,
            Webhook::WebhookUpdated(_) => code::WEBHOOK_UPDATED,
            Webhook::Income(_) => code::INCOME,
            Webhook::Risk(_) => code::RISK,
            Webhook::Error(error) => error.code.code(),
        }
    }

    /// The Item's access token (an error webhook may lack one).
    pub fn access_token(&self) -> Option<&AccessToken> {
        match self {
            Webhook::InitialTransactions(ready)
            | Webhook::HistoricalTransactions(ready)
            | Webhook::NormalTransactions(ready) => Some(&ready.access_token),
            Webhook::RemovedTransactions(removed) => Some(&removed.access_token),
            Webhook::WebhookUpdated(item) | Webhook::Income(item) | Webhook::Risk(item) => {
                Some(&item.access_token)
            }
            Webhook::Error(error) => error.access_token.as_ref(),
        }
    }

    /// The human-readable `message`.
    pub fn message(&self) -> &str {
        match self {
            Webhook::InitialTransactions(ready)
            | Webhook::HistoricalTransactions(ready)
            | Webhook::NormalTransactions(ready) => &ready.message,
            Webhook::RemovedTransactions(removed) => &removed.message,
            Webhook::WebhookUpdated(item) | Webhook::Income(item) | Webhook::Risk(item) => {
                &item.message
            }
            Webhook::Error(error) => &error.message,
        }
    }
}

fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    wire::decode_body(CONTEXT, body)
}
