//! Accounts: an Item's accounts with their cached balances, and the same
//! with balances fetched from the institution now.

use serde::{Deserialize, Serialize};

use super::access::{account_ids_request, check_account_ids, collect_ids};
use super::check::check_token;
use crate::client::{Call, ResponseMode};
use crate::error::Error;
use crate::modern::models::{Account, Item};
use crate::modern::{Client, Operation};
use crate::secret::{self, AccessToken};
use crate::types::DateTime;

account_ids_request! {
    /// `POST /accounts/get`: the Item's accounts, with the balances Plaid last
    /// cached (free, and fast).
    pub struct AccountsGet {
        path: "/accounts/get",
        response: AccountsGetResponse,
        new: "The accounts of the Item of `access_token`.",
    }
}

/// `POST /accounts/balance/get`: the Item's accounts with balances fetched
/// from the institution now (slow, billed, and limited to a few calls a
/// minute per Item).
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct AccountsBalanceGet {
    /// The Item's access token.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub access_token: AccessToken,
    /// The account filter and the oldest acceptable balance, sent only when
    /// one is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<AccountsBalanceGetOptions>,
}

/// `options` of `/accounts/balance/get` (`AccountsBalanceGetRequestOptions`).
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct AccountsBalanceGetOptions {
    /// Only these accounts (every account of the Item when `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_ids: Option<Vec<String>>,
    /// The oldest balance acceptable, for institutions that cannot fetch
    /// one in real time (Capital One's non-depository accounts need it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_last_updated_datetime: Option<DateTime>,
}

impl AccountsBalanceGet {
    /// The real-time balances of the accounts of the Item of
    /// `access_token`.
    pub fn new(access_token: impl Into<AccessToken>) -> Self {
        AccountsBalanceGet {
            access_token: access_token.into(),
            options: None,
        }
    }

    /// Only these accounts (`options.account_ids`).
    pub fn account_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.options
            .get_or_insert_with(Default::default)
            .account_ids = Some(collect_ids(ids));
        self
    }

    /// Accepts a balance no older than `at` where the institution cannot
    /// fetch one now (`options.min_last_updated_datetime`).
    pub fn min_last_updated_datetime(mut self, at: DateTime) -> Self {
        self.options
            .get_or_insert_with(Default::default)
            .min_last_updated_datetime = Some(at);
        self
    }
}

impl Operation for AccountsBalanceGet {
    const PATH: &'static str = "/accounts/balance/get";
    const IDEMPOTENT: bool = true;
    type Response = AccountsGetResponse;

    fn validate(&self) -> Result<(), Error> {
        check_token(&self.access_token)?;
        check_account_ids(self.options.as_ref().and_then(|o| o.account_ids.as_deref()))
    }
}

/// The answer to [`AccountsGet`] and [`AccountsBalanceGet`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AccountsGetResponse {
    /// The accounts, with their balances.
    pub accounts: Vec<Account>,
    /// The Item they belong to.
    pub item: Item,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// An Item's accounts with cached balances (python `accounts_get`);
    /// filter with `.with(|r| r.account_ids([…]))`.
    pub fn accounts_get(
        &self,
        access_token: impl Into<AccessToken>,
    ) -> Call<'_, T, AccountsGet, M> {
        self.call(AccountsGet::new(access_token))
    }

    /// An Item's accounts with real-time balances (python
    /// `accounts_balance_get`).
    pub fn accounts_balance_get(
        &self,
        access_token: impl Into<AccessToken>,
    ) -> Call<'_, T, AccountsBalanceGet, M> {
        self.call(AccountsBalanceGet::new(access_token))
    }
}
