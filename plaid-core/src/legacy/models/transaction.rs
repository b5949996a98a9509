//! Transactions (Connect).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::money::Amount;
use crate::types::Date;

open_enum! {
    /// What kind of counterparty a transaction has.
    pub enum TransactionKind {
        /// A physical place.
        Place => "place",
        /// A digital purchase.
        Digital => "digital",
        /// A transfer, fee, payroll or similar.
        Special => "special",
        /// Not resolved.
        Unresolved => "unresolved",
    }
}

/// One transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transaction {
    /// The transaction id (`_id`).
    #[serde(rename = "_id")]
    pub id: String,
    /// The account id (`_account`).
    #[serde(rename = "_account")]
    pub account: String,
    /// The amount: positive when money left the account, negative when it
    /// came in.
    pub amount: Amount,
    /// The posting date (or transaction date while pending).
    pub date: Date,
    /// The merchant or description.
    pub name: String,
    /// Location and other details.
    #[serde(default)]
    pub meta: TransactionMeta,
    /// Whether the transaction is still pending.
    #[serde(default)]
    pub pending: bool,
    /// The counterparty kind.
    #[serde(rename = "type", default)]
    pub kind: Option<TransactionType>,
    /// The category hierarchy; absent when Plaid could not categorise it.
    #[serde(default)]
    pub category: Option<Vec<String>>,
    /// The category id; absent with `category`.
    #[serde(default)]
    pub category_id: Option<String>,
    /// How confident Plaid is in the name and location fields.
    #[serde(default)]
    pub score: Option<TransactionScore>,
    /// For a posted transaction, the id of the pending one it replaced
    /// (`_pendingTransaction`).
    #[serde(rename = "_pendingTransaction", default)]
    pub pending_transaction: Option<String>,
}

/// The `type` object of a transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransactionType {
    /// The primary kind.
    pub primary: TransactionKind,
}

/// Details of a transaction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransactionMeta {
    /// Where it happened; every part optional, possibly empty.
    #[serde(default)]
    pub location: Location,
}

/// A transaction's location.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// Street address.
    #[serde(default)]
    pub address: Option<String>,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
    /// State.
    #[serde(default)]
    pub state: Option<String>,
    /// ZIP code.
    #[serde(default)]
    pub zip: Option<String>,
    /// Coordinates.
    #[serde(default)]
    pub coordinates: Option<Coordinates>,
}

/// Latitude and longitude.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Coordinates {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// Confidence scores for a transaction's name and location.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransactionScore {
    /// Score per location field present.
    #[serde(default)]
    pub location: BTreeMap<String, f64>,
    /// Score of the name.
    #[serde(default)]
    pub name: Option<f64>,
}
