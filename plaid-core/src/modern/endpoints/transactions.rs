//! Transactions: one page of `/transactions/sync` (cursor pagination) and
//! of `/transactions/get` (offset pagination).
//!
//! These are the single calls. Reading a whole history correctly takes a
//! loop with rules of its own (restart a sync from its first cursor when
//! the data changes under it; never store a cursor before its changes);
//! [`modern::sync`](crate::modern::sync) has that loop, written once as a
//! state machine, and the client drivers over it.

use serde::{Deserialize, Serialize};

use super::access::{check_account_ids, collect_ids};
use super::check::{check_token, refuse_if};
use crate::client::{Call, ResponseMode};
use crate::error::Error;
use crate::modern::models::{
    Account, Item, PersonalFinanceCategoryVersion, RemovedTransaction, Transaction,
    TransactionsUpdateStatus,
};
use crate::modern::{Client, Operation};
use crate::secret::{self, AccessToken};
use crate::types::Date;

/// The largest page the transactions endpoints serve (`count` ≤ 500).
pub const MAX_PAGE_SIZE: u32 = 500;

/// Refuses a page size outside `1..=500`, which the API would refuse with
/// `INVALID_FIELD` after a round trip.
pub(super) fn check_count(count: Option<u32>) -> Result<(), Error> {
    refuse_if(
        count.is_some_and(|count| count == 0 || count > MAX_PAGE_SIZE),
        "the count must be between 1 and 500",
    )
}

/// Refuses a `days_requested` outside `1..=730`.
fn check_days(days: Option<u32>) -> Result<(), Error> {
    refuse_if(
        days.is_some_and(|days| days == 0 || days > 730),
        "days_requested must be between 1 and 730",
    )
}

/// `POST /transactions/sync`: one page of the changes (added, modified,
/// removed) to an Item's transactions since `cursor`.
///
/// Send it yourself only to handle pages one by one with your own loop;
/// [`Client::transactions_sync_all`] and
/// [`Client::transactions_sync_pages`] run the loop with its restart
/// rule.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct TransactionsSync {
    /// The Item's access token.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub access_token: AccessToken,
    /// Where the previous sync ended; `None` for the whole history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// How many changes per page (1–500; the API's default is 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// The options, sent only when one is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<TransactionsSyncOptions>,
}

/// `options` of `/transactions/sync` (`TransactionsSyncRequestOptions`).
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct TransactionsSyncOptions {
    /// Whether to include the institution's raw description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_original_description: Option<bool>,
    /// Which category taxonomy to use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personal_finance_category_version: Option<PersonalFinanceCategoryVersion>,
    /// How many days of history to pull when the Item has no transactions
    /// yet (1–730; ignored once it has).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_requested: Option<u32>,
    /// Only this account's changes. Its cursor is a separate stream: keep
    /// one cursor per `(Item, account_id)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

impl TransactionsSync {
    /// A page of the changes to the transactions of the Item of
    /// `access_token`, from the start of its history.
    pub fn new(access_token: impl Into<AccessToken>) -> Self {
        TransactionsSync {
            access_token: access_token.into(),
            cursor: None,
            count: None,
            options: None,
        }
    }

    /// Starts after `cursor`, where the previous sync ended. An empty
    /// cursor means the start of the history, like no cursor.
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        let cursor = cursor.into();
        self.cursor = (!cursor.is_empty()).then_some(cursor);
        self
    }

    /// Asks for `count` changes per page (1–500).
    pub fn count(mut self, count: u32) -> Self {
        self.count = Some(count);
        self
    }

    /// Only the changes of one account (`options.account_id`).
    pub fn account_id(mut self, account_id: impl Into<String>) -> Self {
        self.options_mut().account_id = Some(account_id.into());
        self
    }

    /// Includes the institution's raw description
    /// (`options.include_original_description`).
    pub fn include_original_description(mut self, include: bool) -> Self {
        self.options_mut().include_original_description = Some(include);
        self
    }

    /// Pulls `days` days of history when the Item has none yet
    /// (`options.days_requested`, 1–730).
    pub fn days_requested(mut self, days: u32) -> Self {
        self.options_mut().days_requested = Some(days);
        self
    }

    /// Uses this category taxonomy
    /// (`options.personal_finance_category_version`).
    pub fn personal_finance_category_version(
        mut self,
        version: PersonalFinanceCategoryVersion,
    ) -> Self {
        self.options_mut().personal_finance_category_version = Some(version);
        self
    }

    fn options_mut(&mut self) -> &mut TransactionsSyncOptions {
        self.options.get_or_insert_with(Default::default)
    }
}

impl Operation for TransactionsSync {
    const PATH: &'static str = "/transactions/sync";
    const IDEMPOTENT: bool = true;
    type Response = TransactionsSyncResponse;

    fn validate(&self) -> Result<(), Error> {
        check_token(&self.access_token)?;
        check_count(self.count)?;
        let options = self.options.as_ref();
        refuse_if(
            options.is_some_and(|o| o.account_id.as_deref() == Some("")),
            "the account id is empty",
        )?;
        check_days(options.and_then(|o| o.days_requested))
    }
}

/// The answer to [`TransactionsSync`]: one page of changes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransactionsSyncResponse {
    /// How far Plaid's pulls of the Item have got.
    pub transactions_update_status: TransactionsUpdateStatus,
    /// The accounts the changes belong to.
    pub accounts: Vec<Account>,
    /// Transactions new since the cursor.
    pub added: Vec<Transaction>,
    /// Transactions changed since the cursor: replace your copy.
    pub modified: Vec<Transaction>,
    /// Transactions removed since the cursor: delete your copy.
    pub removed: Vec<RemovedTransaction>,
    /// The cursor of the next page. Empty while the Item's transactions are
    /// not ready. Store it only after the last page (`has_more` false),
    /// together with the changes of every page of the loop.
    pub next_cursor: String,
    /// Whether another page follows.
    pub has_more: bool,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

/// `POST /transactions/get`: one page (by `count` and `offset`) of an
/// Item's transactions between two dates, newest first.
///
/// [`Client::transactions_get_all`] and [`Client::transactions_get_pages`]
/// page through all of them.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct TransactionsGet {
    /// The Item's access token.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub access_token: AccessToken,
    /// The first date, inclusive.
    pub start_date: Date,
    /// The last date, inclusive.
    pub end_date: Date,
    /// The options, sent only when one is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<TransactionsGetOptions>,
}

/// `options` of `/transactions/get` (`TransactionsGetRequestOptions`).
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct TransactionsGetOptions {
    /// Only these accounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_ids: Option<Vec<String>>,
    /// How many transactions per page (1–500; the API's default is 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// How many transactions to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// Whether to include the institution's raw description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_original_description: Option<bool>,
    /// Which category taxonomy to use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personal_finance_category_version: Option<PersonalFinanceCategoryVersion>,
    /// How many days of history to pull when the Item has no transactions
    /// yet (1–730).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_requested: Option<u32>,
}

impl TransactionsGet {
    /// The transactions of the Item of `access_token` from `start_date`
    /// to `end_date`, both included.
    pub fn new(access_token: impl Into<AccessToken>, start_date: Date, end_date: Date) -> Self {
        TransactionsGet {
            access_token: access_token.into(),
            start_date,
            end_date,
            options: None,
        }
    }

    /// Only these accounts (`options.account_ids`).
    pub fn account_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.options_mut().account_ids = Some(collect_ids(ids));
        self
    }

    /// `count` transactions per page (`options.count`, 1–500).
    pub fn count(mut self, count: u32) -> Self {
        self.options_mut().count = Some(count);
        self
    }

    /// Skips the first `offset` transactions (`options.offset`).
    pub fn offset(mut self, offset: u32) -> Self {
        self.options_mut().offset = Some(offset);
        self
    }

    /// Includes the institution's raw description
    /// (`options.include_original_description`).
    pub fn include_original_description(mut self, include: bool) -> Self {
        self.options_mut().include_original_description = Some(include);
        self
    }

    /// Uses this category taxonomy
    /// (`options.personal_finance_category_version`).
    pub fn personal_finance_category_version(
        mut self,
        version: PersonalFinanceCategoryVersion,
    ) -> Self {
        self.options_mut().personal_finance_category_version = Some(version);
        self
    }

    /// Pulls `days` days of history when the Item has none yet
    /// (`options.days_requested`, 1–730).
    pub fn days_requested(mut self, days: u32) -> Self {
        self.options_mut().days_requested = Some(days);
        self
    }

    fn options_mut(&mut self) -> &mut TransactionsGetOptions {
        self.options.get_or_insert_with(Default::default)
    }
}

impl Operation for TransactionsGet {
    const PATH: &'static str = "/transactions/get";
    const IDEMPOTENT: bool = true;
    type Response = TransactionsGetResponse;

    fn validate(&self) -> Result<(), Error> {
        check_token(&self.access_token)?;
        refuse_if(
            self.start_date > self.end_date,
            "the start date is after the end date",
        )?;
        let options = self.options.as_ref();
        check_account_ids(options.and_then(|o| o.account_ids.as_deref()))?;
        check_count(options.and_then(|o| o.count))?;
        check_days(options.and_then(|o| o.days_requested))
    }
}

/// The answer to [`TransactionsGet`]: one page of transactions.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransactionsGetResponse {
    /// The accounts asked for.
    pub accounts: Vec<Account>,
    /// This page's transactions, newest first.
    pub transactions: Vec<Transaction>,
    /// How many transactions match, over all pages.
    pub total_transactions: u64,
    /// The Item.
    pub item: Item,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// One page of the changes to an Item's transactions (python
    /// `transactions_sync`), from the start of its history; continue from
    /// a cursor with `.with(|r| r.cursor(…))`. To read every page, use
    /// [`transactions_sync_all`](Self::transactions_sync_all) or
    /// [`transactions_sync_pages`](Self::transactions_sync_pages).
    pub fn transactions_sync(
        &self,
        access_token: impl Into<AccessToken>,
    ) -> Call<'_, T, TransactionsSync, M> {
        self.call(TransactionsSync::new(access_token))
    }

    /// One page of an Item's transactions between two dates (python
    /// `transactions_get`); page with `.with(|r| r.count(…).offset(…))`,
    /// or let [`transactions_get_all`](Self::transactions_get_all) do it.
    pub fn transactions_get(
        &self,
        access_token: impl Into<AccessToken>,
        start_date: Date,
        end_date: Date,
    ) -> Call<'_, T, TransactionsGet, M> {
        self.call(TransactionsGet::new(access_token, start_date, end_date))
    }
}
