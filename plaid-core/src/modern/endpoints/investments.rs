//! Investments: what an Item's investment accounts hold, and one page (by
//! `count` and `offset`) of what happened in them.
//!
//! [`Client::investments_transactions_get_all`] and
//! [`Client::investments_transactions_get_pages`] page through every
//! investment transaction (see [`modern::sync`](crate::modern::sync)).

use serde::{Deserialize, Serialize};

use super::access::{account_ids_request, check_account_ids, collect_ids};
use super::check::{check_token, refuse_if};
use super::transactions::check_count;
use crate::client::{Call, ResponseMode};
use crate::error::Error;
use crate::modern::models::{Account, Holding, InvestmentTransaction, Item, Security};
use crate::modern::{Client, Operation};
use crate::secret::{self, AccessToken};
use crate::types::Date;

account_ids_request! {
    /// `POST /investments/holdings/get`: what the Item's investment
    /// accounts hold, and the securities they hold.
    pub struct InvestmentsHoldingsGet {
        path: "/investments/holdings/get",
        response: InvestmentsHoldingsGetResponse,
        new: "The holdings of the Item of `access_token`.",
    }
}

/// The answer to [`InvestmentsHoldingsGet`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InvestmentsHoldingsGetResponse {
    /// The investment accounts (their balances carry
    /// `margin_loan_amount`).
    pub accounts: Vec<Account>,
    /// The holdings.
    pub holdings: Vec<Holding>,
    /// The securities the holdings refer to.
    pub securities: Vec<Security>,
    /// The Item.
    pub item: Item,
    /// Whether the Item was linked through the investments fallback flow
    /// (holdings entered by the user, no transactions).
    #[serde(default)]
    pub is_investments_fallback_item: Option<bool>,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

/// `POST /investments/transactions/get`: one page of an Item's investment
/// transactions between two dates.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct InvestmentsTransactionsGet {
    /// The Item's access token.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub access_token: AccessToken,
    /// The first date, inclusive.
    pub start_date: Date,
    /// The last date, inclusive.
    pub end_date: Date,
    /// The options, sent only when one is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<InvestmentsTransactionsGetOptions>,
}

/// `options` of `/investments/transactions/get`
/// (`InvestmentsTransactionsGetRequestOptions`).
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct InvestmentsTransactionsGetOptions {
    /// Only these accounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_ids: Option<Vec<String>>,
    /// How many transactions per page (1–500; the API's default is 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// How many transactions to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// For an Item not created with investments: start the pull in the
    /// background and answer at once (the data comes with a webhook).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub async_update: Option<bool>,
}

impl InvestmentsTransactionsGet {
    /// The investment transactions of the Item of `access_token` from
    /// `start_date` to `end_date`, both included.
    pub fn new(access_token: impl Into<AccessToken>, start_date: Date, end_date: Date) -> Self {
        InvestmentsTransactionsGet {
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

    /// Starts the pull in the background for an Item not created with
    /// investments (`options.async_update`).
    pub fn async_update(mut self, async_update: bool) -> Self {
        self.options_mut().async_update = Some(async_update);
        self
    }

    fn options_mut(&mut self) -> &mut InvestmentsTransactionsGetOptions {
        self.options.get_or_insert_with(Default::default)
    }
}

impl Operation for InvestmentsTransactionsGet {
    const PATH: &'static str = "/investments/transactions/get";
    const IDEMPOTENT: bool = true;
    type Response = InvestmentsTransactionsGetResponse;

    fn validate(&self) -> Result<(), Error> {
        check_token(&self.access_token)?;
        refuse_if(
            self.start_date > self.end_date,
            "the start date is after the end date",
        )?;
        let options = self.options.as_ref();
        check_account_ids(options.and_then(|o| o.account_ids.as_deref()))?;
        check_count(options.and_then(|o| o.count))
    }
}

/// The answer to [`InvestmentsTransactionsGet`]: one page.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InvestmentsTransactionsGetResponse {
    /// The investment accounts.
    pub accounts: Vec<Account>,
    /// The securities this page's transactions refer to.
    pub securities: Vec<Security>,
    /// This page's transactions.
    pub investment_transactions: Vec<InvestmentTransaction>,
    /// How many transactions match, over all pages.
    pub total_investment_transactions: u64,
    /// The Item.
    pub item: Item,
    /// Whether the Item was linked through the investments fallback flow.
    #[serde(default)]
    pub is_investments_fallback_item: Option<bool>,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// What an Item's investment accounts hold (python
    /// `investments_holdings_get`); filter with `.with(|r|
    /// r.account_ids([…]))`.
    pub fn investments_holdings_get(
        &self,
        access_token: impl Into<AccessToken>,
    ) -> Call<'_, T, InvestmentsHoldingsGet, M> {
        self.call(InvestmentsHoldingsGet::new(access_token))
    }

    /// One page of an Item's investment transactions (python
    /// `investments_transactions_get`); page with `.with(|r|
    /// r.count(…).offset(…))`, or let
    /// [`investments_transactions_get_all`](Self::investments_transactions_get_all)
    /// do it.
    pub fn investments_transactions_get(
        &self,
        access_token: impl Into<AccessToken>,
        start_date: Date,
        end_date: Date,
    ) -> Call<'_, T, InvestmentsTransactionsGet, M> {
        self.call(InvestmentsTransactionsGet::new(
            access_token,
            start_date,
            end_date,
        ))
    }
}
