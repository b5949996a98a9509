//! Items: exchanging a Link public token for an access token.

use serde::{Deserialize, Serialize};

use crate::client::{Call, ResponseMode};
use crate::error::Error;
use crate::modern::{Client, Operation};
use crate::secret::{self, AccessToken, PublicToken};

/// `POST /item/public_token/exchange`: a Link public token (single use,
/// valid for 30 minutes) for the Item's permanent access token.
#[derive(Debug, Clone, Serialize)]
pub struct ItemPublicTokenExchange {
    /// The public token Link gave.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub public_token: PublicToken,
}

impl ItemPublicTokenExchange {
    /// The exchange of `public_token`.
    pub fn new(public_token: impl Into<PublicToken>) -> Self {
        ItemPublicTokenExchange {
            public_token: public_token.into(),
        }
    }
}

impl Operation for ItemPublicTokenExchange {
    const PATH: &'static str = "/item/public_token/exchange";
    const IDEMPOTENT: bool = false;
    type Response = ItemPublicTokenExchangeResponse;

    fn validate(&self) -> Result<(), Error> {
        if self.public_token.is_empty() {
            return Err(Error::invalid_input("the public token is empty"));
        }
        Ok(())
    }
}

/// The answer to [`ItemPublicTokenExchange`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ItemPublicTokenExchangeResponse {
    /// The Item's access token: store it; it does not expire.
    pub access_token: AccessToken,
    /// The Item's id.
    pub item_id: String,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// Exchanges a Link public token for the Item's access token (python
    /// `item_public_token_exchange`). Not retried: a token works once.
    pub fn item_public_token_exchange(
        &self,
        public_token: impl Into<PublicToken>,
    ) -> Call<'_, T, ItemPublicTokenExchange, M> {
        self.call(ItemPublicTokenExchange::new(public_token))
    }
}
