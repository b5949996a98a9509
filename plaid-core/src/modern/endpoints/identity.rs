//! Identity: the owners of an Item's accounts, as the institution has them
//! on file.

use serde::Deserialize;

use super::access::account_ids_request;
use crate::client::{Call, ResponseMode};
use crate::modern::Client;
use crate::modern::models::{AccountIdentity, Item};
use crate::secret::AccessToken;

account_ids_request! {
    /// `POST /identity/get`: the Item's accounts with their owners' names,
    /// email addresses, phone numbers and postal addresses.
    pub struct IdentityGet {
        path: "/identity/get",
        response: IdentityGetResponse,
        new: "The owners of the accounts of the Item of `access_token`.",
    }
}

/// The answer to [`IdentityGet`]. Its `Debug` shows none of the owners'
/// data.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct IdentityGetResponse {
    /// The accounts, each with its owners.
    pub accounts: Vec<AccountIdentity>,
    /// The Item they belong to.
    pub item: Item,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// The owners of an Item's accounts (python `identity_get`); filter
    /// with `.with(|r| r.account_ids([…]))`.
    pub fn identity_get(
        &self,
        access_token: impl Into<AccessToken>,
    ) -> Call<'_, T, IdentityGet, M> {
        self.call(IdentityGet::new(access_token))
    }
}
