//! Auth: the account and routing numbers of an Item's accounts.

use serde::Deserialize;

use super::access::account_ids_request;
use crate::client::{Call, ResponseMode};
use crate::modern::Client;
use crate::modern::models::{Account, AuthGetNumbers, Item};
use crate::secret::AccessToken;

account_ids_request! {
    /// `POST /auth/get`: the Item's accounts and their account and routing
    /// numbers.
    pub struct AuthGet {
        path: "/auth/get",
        response: AuthGetResponse,
        new: "The numbers of the accounts of the Item of `access_token`.",
    }
}

/// The answer to [`AuthGet`]. Its `Debug` shows each number's last four
/// characters only.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AuthGetResponse {
    /// The accounts.
    pub accounts: Vec<Account>,
    /// Their numbers, by payment network.
    pub numbers: AuthGetNumbers,
    /// The Item they belong to.
    pub item: Item,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// The account and routing numbers of an Item's accounts (python
    /// `auth_get`); filter with `.with(|r| r.account_ids([…]))`.
    pub fn auth_get(&self, access_token: impl Into<AccessToken>) -> Call<'_, T, AuthGet, M> {
        self.call(AuthGet::new(access_token))
    }
}
