//! Adding a product to an existing item (`POST /upgrade`, `/upgrade/step`).

use http::Method;

use super::products::step_request;
use crate::client::{Call, ResponseMode};
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::legacy::Client;
use crate::legacy::Config;
use crate::legacy::Legacy;
use crate::legacy::models::{Outcome, Product, UpgradeResponse};
use crate::legacy::params::{MfaAnswer, StepOptions};
use crate::legacy::request::{self as legacy, Access, LegacyRequest};
use crate::secret::AccessToken;
use crate::transport::{HttpRequest, HttpResponse};

/// `POST /upgrade`: adds `product` to the item. The sandbox answers 200;
/// production may ask for MFA (201).
#[derive(Debug, Clone)]
pub struct Upgrade {
    /// The item's access token.
    pub access_token: AccessToken,
    /// The product to add (`upgrade_to`).
    pub product: Product,
    /// A webhook for the new product.
    pub webhook: Option<String>,
}

impl Upgrade {
    /// An upgrade of the item to `product`.
    pub fn new(access_token: AccessToken, product: Product) -> Self {
        Upgrade {
            access_token,
            product,
            webhook: None,
        }
    }
}

impl Endpoint for Upgrade {
    type Api = Legacy;

    type Output = Outcome<UpgradeResponse>;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if self.product.as_str().is_empty() {
            return Err(Error::invalid_input("the product to upgrade to is empty"));
        }
        let request =
            LegacyRequest::new(Method::POST, "/upgrade", Access::Item(&self.access_token))
                .text("upgrade_to", self.product.as_str());
        match &self.webhook {
            Some(webhook) => request.json("options", &serde_json::json!({ "webhook": webhook }))?,
            None => request,
        }
        .build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_outcome(response)
    }

    fn is_idempotent(&self) -> bool {
        false
    }
}

/// `POST /upgrade/step`: answers an MFA challenge raised by an upgrade.
#[derive(Debug, Clone)]
pub struct UpgradeStep {
    /// The access token from the challenge.
    pub access_token: AccessToken,
    /// The product being added (`upgrade_to`, as on the upgrade).
    pub product: Product,
    /// The answer.
    pub answer: MfaAnswer,
}

impl Endpoint for UpgradeStep {
    type Api = Legacy;

    type Output = Outcome<UpgradeResponse>;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        step_request(
            Method::POST,
            "/upgrade/step",
            &self.access_token,
            &self.answer,
            &StepOptions::default(),
        )?
        .text("upgrade_to", self.product.as_str())
        .build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_outcome(response)
    }

    fn is_idempotent(&self) -> bool {
        false
    }
}

impl<T, M: ResponseMode> Client<T, M> {
    /// Adds `product` to the item (python `upgrade(product)`).
    pub fn upgrade(&self, product: Product) -> Call<'_, T, Upgrade, M> {
        self.try_call(self.item_token().map(|token| Upgrade::new(token, product)))
    }

    /// Answers an MFA challenge raised by an upgrade to `product`.
    pub fn upgrade_step(&self, product: Product, answer: MfaAnswer) -> Call<'_, T, UpgradeStep, M> {
        self.try_call(self.item_token().map(|access_token| UpgradeStep {
            access_token,
            product,
            answer,
        }))
    }
}
