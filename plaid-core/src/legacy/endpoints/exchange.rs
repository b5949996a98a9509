//! Exchanging a Plaid Link public token (`POST /exchange_token`).

use http::Method;

use crate::client::{Call, ResponseMode};
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::legacy::Client;
use crate::legacy::Config;
use crate::legacy::Legacy;
use crate::legacy::models::ExchangeResponse;
use crate::legacy::request::{self as legacy, Access, LegacyRequest};
use crate::secret::PublicToken;
use crate::transport::{HttpRequest, HttpResponse};

/// `POST /exchange_token`: a public token for an access token, and with
/// `account_id` a Stripe bank account token too.
#[derive(Debug, Clone)]
pub struct ExchangeToken {
    /// The public token from Plaid Link.
    pub public_token: PublicToken,
    /// The account to make a bank account token for.
    pub account_id: Option<String>,
}

impl Endpoint for ExchangeToken {
    type Api = Legacy;

    type Output = ExchangeResponse;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if self.public_token.is_empty() {
            return Err(Error::invalid_input("the public token is empty"));
        }
        if self.account_id.as_deref().is_some_and(str::is_empty) {
            return Err(Error::invalid_input("the account id is empty"));
        }
        LegacyRequest::new(Method::POST, "/exchange_token", Access::Client)
            .text("public_token", self.public_token.expose_secret())
            .opt_text("account_id", self.account_id.as_deref())
            .build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        false
    }
}

impl<T, M: ResponseMode> Client<T, M> {
    /// Exchanges a public token for an access token (python
    /// `exchange_token(public_token)`).
    pub fn exchange_token(
        &self,
        public_token: impl Into<PublicToken>,
    ) -> Call<'_, T, ExchangeToken, M> {
        self.call(ExchangeToken {
            public_token: public_token.into(),
            account_id: None,
        })
    }

    /// Exchanges a public token and makes a Stripe bank account token for
    /// `account_id` (python `exchange_token(public_token, account_id)`).
    pub fn exchange_token_for_account(
        &self,
        public_token: impl Into<PublicToken>,
        account_id: impl Into<String>,
    ) -> Call<'_, T, ExchangeToken, M> {
        self.call(ExchangeToken {
            public_token: public_token.into(),
            account_id: Some(account_id.into()),
        })
    }
}
