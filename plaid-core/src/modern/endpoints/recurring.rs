//! The transactions calls that are not pages of transactions: asking Plaid
//! to check the bank for new ones now (`/transactions/refresh`), and the
//! recurring streams it found in them (`/transactions/recurring/get`).
//! They share this file because both act on what the sync and get calls
//! read, and neither pages.

use serde::{Deserialize, Serialize};

use super::access::{check_account_ids, collect_ids};
use super::check::check_token;
use crate::client::{Call, ResponseMode};
use crate::error::Error;
use crate::modern::models::{PersonalFinanceCategoryVersion, TransactionStream};
use crate::modern::{Client, Operation};
use crate::secret::{self, AccessToken};
use crate::types::DateTime;

/// `POST /transactions/refresh`: asks Plaid to check the institution for
/// new transactions now, instead of at its next scheduled pull. The changes
/// arrive later, announced by a `SYNC_UPDATES_AVAILABLE` webhook.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct TransactionsRefresh {
    /// The Item's access token.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub access_token: AccessToken,
}

impl TransactionsRefresh {
    /// A refresh of the Item of `access_token`.
    pub fn new(access_token: impl Into<AccessToken>) -> Self {
        TransactionsRefresh {
            access_token: access_token.into(),
        }
    }
}

impl Operation for TransactionsRefresh {
    const PATH: &'static str = "/transactions/refresh";
    /// Not retried: each refresh is a billed pull from the institution.
    const IDEMPOTENT: bool = false;
    type Response = TransactionsRefreshResponse;

    fn validate(&self) -> Result<(), Error> {
        check_token(&self.access_token)
    }
}

/// The answer to [`TransactionsRefresh`]: only its request id.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransactionsRefreshResponse {
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

/// `POST /transactions/recurring/get`: the recurring streams (pay,
/// subscriptions, bills) Plaid found in an Item's transactions.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct TransactionsRecurringGet {
    /// The Item's access token.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub access_token: AccessToken,
    /// Only these accounts (a top-level field here, unlike the other
    /// reads' `options.account_ids`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_ids: Option<Vec<String>>,
    /// The options, sent only when one is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<TransactionsRecurringGetOptions>,
}

/// `options` of `/transactions/recurring/get`
/// (`TransactionsRecurringGetRequestOptions`).
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct TransactionsRecurringGetOptions {
    /// Which category taxonomy to use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personal_finance_category_version: Option<PersonalFinanceCategoryVersion>,
}

impl TransactionsRecurringGet {
    /// The recurring streams of the Item of `access_token`.
    pub fn new(access_token: impl Into<AccessToken>) -> Self {
        TransactionsRecurringGet {
            access_token: access_token.into(),
            account_ids: None,
            options: None,
        }
    }

    /// Only these accounts (`account_ids`).
    pub fn account_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.account_ids = Some(collect_ids(ids));
        self
    }

    /// Uses this category taxonomy
    /// (`options.personal_finance_category_version`).
    pub fn personal_finance_category_version(
        mut self,
        version: PersonalFinanceCategoryVersion,
    ) -> Self {
        self.options
            .get_or_insert_with(Default::default)
            .personal_finance_category_version = Some(version);
        self
    }
}

impl Operation for TransactionsRecurringGet {
    const PATH: &'static str = "/transactions/recurring/get";
    const IDEMPOTENT: bool = true;
    type Response = TransactionsRecurringGetResponse;

    fn validate(&self) -> Result<(), Error> {
        check_token(&self.access_token)?;
        check_account_ids(self.account_ids.as_deref())
    }
}

/// The answer to [`TransactionsRecurringGet`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransactionsRecurringGetResponse {
    /// Streams of money into the accounts (pay, transfers in).
    pub inflow_streams: Vec<TransactionStream>,
    /// Streams of money out (subscriptions, bills, rent).
    pub outflow_streams: Vec<TransactionStream>,
    /// When Plaid last updated the streams.
    pub updated_datetime: DateTime,
    /// The category taxonomy of the streams.
    #[serde(default)]
    pub personal_finance_category_version: Option<PersonalFinanceCategoryVersion>,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// Asks Plaid to check an Item's institution for new transactions now
    /// (python `transactions_refresh`). Not retried: each one is a pull.
    pub fn transactions_refresh(
        &self,
        access_token: impl Into<AccessToken>,
    ) -> Call<'_, T, TransactionsRefresh, M> {
        self.call(TransactionsRefresh::new(access_token))
    }

    /// An Item's recurring streams (python `transactions_recurring_get`);
    /// filter with `.with(|r| r.account_ids([…]))`.
    pub fn transactions_recurring_get(
        &self,
        access_token: impl Into<AccessToken>,
    ) -> Call<'_, T, TransactionsRecurringGet, M> {
        self.call(TransactionsRecurringGet::new(access_token))
    }
}
