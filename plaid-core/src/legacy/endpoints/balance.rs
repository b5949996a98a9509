//! Live balances (`POST /balance`).
//!
//! The python client sends `GET /balance` with a form body. Bodies on GET
//! are dropped by many proxies and HTTP stacks, and the API documents
//! `POST /balance` too, so plaid-rs sends POST (a deliberate difference,
//! listed in the README); the form fields are the same.

use http::Method;

use crate::client::{Call, ResponseMode};
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::legacy::Client;
use crate::legacy::Config;
use crate::legacy::Legacy;
use crate::legacy::models::BalanceResponse;
use crate::legacy::request::{self as legacy, Access, LegacyRequest};
use crate::secret::AccessToken;
use crate::transport::{HttpRequest, HttpResponse};

/// `POST /balance`: the item's accounts with live balances.
#[derive(Debug, Clone)]
pub struct Balance {
    /// The item's access token.
    pub access_token: AccessToken,
}

impl Balance {
    /// The balances of the item.
    pub fn new(access_token: AccessToken) -> Self {
        Balance { access_token }
    }
}

impl Endpoint for Balance {
    type Api = Legacy;

    type Output = BalanceResponse;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        LegacyRequest::new(Method::POST, "/balance", Access::Item(&self.access_token)).build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        true
    }
}

impl<T, M: ResponseMode> Client<T, M> {
    /// The item's live balances (python `balance()`).
    pub fn balance(&self) -> Call<'_, T, Balance, M> {
        self.try_call(self.item_token().map(Balance::new))
    }
}
