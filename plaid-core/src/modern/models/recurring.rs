//! Recurring transaction streams (`TransactionStream`), as
//! `/transactions/recurring/get` finds them: subscriptions, bills, pay.

use serde::{Deserialize, Serialize};

use super::enrichment::PersonalFinanceCategory;
use crate::types::{Amount, Date, DateTime};

open_enum! {
    /// How often a stream recurs (`RecurringTransactionFrequency`).
    pub enum RecurringTransactionFrequency {
        /// `UNKNOWN`: Plaid could not tell (named so to stay apart from
        /// `Unknown`, a value this version does not know).
        Undetermined => "UNKNOWN",
        /// `WEEKLY`.
        Weekly => "WEEKLY",
        /// `BIWEEKLY`: every two weeks.
        Biweekly => "BIWEEKLY",
        /// `SEMI_MONTHLY`: twice a month.
        SemiMonthly => "SEMI_MONTHLY",
        /// `MONTHLY`.
        Monthly => "MONTHLY",
        /// `ANNUALLY`.
        Annually => "ANNUALLY",
    }
}

open_enum! {
    /// How established a stream is (`TransactionStreamStatus`).
    pub enum TransactionStreamStatus {
        /// `UNKNOWN`: Plaid could not tell (named so to stay apart from
        /// `Unknown`, a value this version does not know).
        Undetermined => "UNKNOWN",
        /// `MATURE`: at least three transactions at a regular interval.
        Mature => "MATURE",
        /// `EARLY_DETECTION`: recurring, but with fewer transactions.
        EarlyDetection => "EARLY_DETECTION",
        /// `TOMBSTONED`: it stopped (no transaction when one was due).
        Tombstoned => "TOMBSTONED",
    }
}

/// A stream of recurring transactions (`TransactionStream`): an inflow
/// (pay, transfers in) or an outflow (subscriptions, bills).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransactionStream {
    /// The stream's id.
    pub stream_id: String,
    /// The account it recurs on.
    pub account_id: String,
    /// A description of the stream (the most common transaction name).
    pub description: String,
    /// The merchant's name, when there is one.
    pub merchant_name: Option<String>,
    /// The date of its first transaction.
    pub first_date: Date,
    /// The date of its latest transaction.
    pub last_date: Date,
    /// When the next transaction is expected.
    #[serde(default)]
    pub predicted_next_date: Option<Date>,
    /// How often it recurs.
    pub frequency: RecurringTransactionFrequency,
    /// The transactions that make it up.
    pub transaction_ids: Vec<String>,
    /// The average amount of its transactions.
    pub average_amount: TransactionStreamAmount,
    /// The amount of its latest transaction.
    pub last_amount: TransactionStreamAmount,
    /// Whether it is still recurring.
    pub is_active: bool,
    /// How established it is.
    pub status: TransactionStreamStatus,
    /// Plaid's category of its transactions.
    #[serde(default)]
    pub personal_finance_category: Option<PersonalFinanceCategory>,
    /// Whether the client modified it.
    pub is_user_modified: bool,
    /// When the client last modified it.
    #[serde(default)]
    pub last_user_modified_datetime: Option<DateTime>,
    /// Deprecated categories (use `personal_finance_category`).
    pub category: Option<Vec<String>>,
    /// Deprecated category id (use `personal_finance_category`).
    pub category_id: Option<String>,
}

/// An amount of a stream, with its currency (`TransactionStreamAmount`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransactionStreamAmount {
    /// The amount: positive out of the account, negative into it.
    #[serde(default)]
    pub amount: Option<Amount>,
    /// The ISO 4217 currency code.
    #[serde(default)]
    pub iso_currency_code: Option<String>,
    /// A currency ISO 4217 does not cover.
    #[serde(default)]
    pub unofficial_currency_code: Option<String>,
}
