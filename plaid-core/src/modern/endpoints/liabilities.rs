//! Liabilities: an Item's credit cards, mortgages and student loans.

use serde::{Deserialize, Serialize};

use super::access::account_ids_request;
use crate::client::{Call, ResponseMode};
use crate::modern::Client;
use crate::modern::models::{Account, Item, Liabilities};
use crate::secret::AccessToken;

account_ids_request! {
    /// `POST /liabilities/get`: the Item's credit card, mortgage and
    /// student loan details.
    pub struct LiabilitiesGet {
        path: "/liabilities/get",
        response: LiabilitiesGetResponse,
        new: "The liabilities of the Item of `access_token`.",
    }
}

/// The answer to [`LiabilitiesGet`]. Its `Debug` shows account numbers by
/// their last four characters and no property address.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LiabilitiesGetResponse {
    /// The accounts.
    pub accounts: Vec<Account>,
    /// The liabilities, by kind.
    pub liabilities: Liabilities,
    /// The Item.
    pub item: Item,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// An Item's liabilities (python `liabilities_get`); filter with
    /// `.with(|r| r.account_ids([…]))`.
    pub fn liabilities_get(
        &self,
        access_token: impl Into<AccessToken>,
    ) -> Call<'_, T, LiabilitiesGet, M> {
        self.call(LiabilitiesGet::new(access_token))
    }
}
