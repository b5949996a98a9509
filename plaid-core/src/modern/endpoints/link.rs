//! Link: creating the short-lived token a front end opens Plaid Link with,
//! for a new Item or (with an access token) to repair an existing one.
//!
//! Only the commonly used fields of the request are typed (the spec has
//! about fifty, most for one product each); `account_filters` is kept as
//! free JSON because its shape is a deep per-account-type tree.

use serde::{Deserialize, Serialize};

use super::check::refuse_if;
use crate::client::{Call, ResponseMode};
use crate::error::Error;
use crate::modern::models::{CountryCode, LinkTokenUser, Product};
use crate::modern::{Client, Operation};
use crate::secret::{self, AccessToken, LinkToken, UserToken};
use crate::types::DateTime;

/// `POST /link/token/create`: a Link token for one user.
///
/// Its `Debug` shows neither the access or user token nor the user's
/// personal data.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct LinkTokenCreate {
    /// Your application's name as Link shows it (at most 30 characters;
    /// Link replaces a longer one).
    pub client_name: String,
    /// The language of Link, e.g. `en`.
    pub language: String,
    /// The countries whose institutions Link offers (at least one).
    pub country_codes: Vec<CountryCode>,
    /// The user.
    pub user: LinkTokenUser,
    /// The products the Item is created for (every one must be supported).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<Product>>,
    /// Products added when the institution supports them, without
    /// restricting the institutions offered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_if_supported_products: Option<Vec<Product>>,
    /// Products the user may add, not billed until used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optional_products: Option<Vec<Product>>,
    /// Products the user consents to now, for use later.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_consented_products: Option<Vec<Product>>,
    /// The URL Plaid sends the Item's webhooks to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook: Option<String>,
    /// An Item's access token: opens Link in update mode for it.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "secret::serialize_exposed_option"
    )]
    pub access_token: Option<AccessToken>,
    /// Where an OAuth institution sends the user back (must be registered
    /// in the Dashboard).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_uri: Option<String>,
    /// The Android package name, for OAuth on Android.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub android_package_name: Option<String>,
    /// Which account types and subtypes Link offers, as the spec's
    /// `LinkTokenAccountFilters` object, e.g.
    /// `{"depository": {"account_subtypes": ["checking"]}}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_filters: Option<serde_json::Value>,
    /// The Link customization (Dashboard) to use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_customization_name: Option<String>,
    /// Transactions settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transactions: Option<LinkTokenTransactions>,
    /// A user token from `/user/create` (integrations that already use
    /// it).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "secret::serialize_exposed_option"
    )]
    pub user_token: Option<UserToken>,
}

/// The `transactions` of [`LinkTokenCreate`].
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct LinkTokenTransactions {
    /// How many days of history to ask for, 1 to 730 (Plaid's default is
    /// 90).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_requested: Option<u32>,
}

impl LinkTokenCreate {
    /// A Link token for `user`, showing `client_name` in `language`, with
    /// the institutions of `country_codes`.
    pub fn new(
        client_name: impl Into<String>,
        language: impl Into<String>,
        country_codes: impl IntoIterator<Item = CountryCode>,
        user: LinkTokenUser,
    ) -> Self {
        LinkTokenCreate {
            client_name: client_name.into(),
            language: language.into(),
            country_codes: country_codes.into_iter().collect(),
            user,
            products: None,
            required_if_supported_products: None,
            optional_products: None,
            additional_consented_products: None,
            webhook: None,
            access_token: None,
            redirect_uri: None,
            android_package_name: None,
            account_filters: None,
            link_customization_name: None,
            transactions: None,
            user_token: None,
        }
    }

    /// The products the Item is created for.
    pub fn products(mut self, products: impl IntoIterator<Item = Product>) -> Self {
        self.products = Some(products.into_iter().collect());
        self
    }

    /// Products added when the institution supports them.
    pub fn required_if_supported_products(
        mut self,
        products: impl IntoIterator<Item = Product>,
    ) -> Self {
        self.required_if_supported_products = Some(products.into_iter().collect());
        self
    }

    /// Products the user may add.
    pub fn optional_products(mut self, products: impl IntoIterator<Item = Product>) -> Self {
        self.optional_products = Some(products.into_iter().collect());
        self
    }

    /// Products the user consents to now.
    pub fn additional_consented_products(
        mut self,
        products: impl IntoIterator<Item = Product>,
    ) -> Self {
        self.additional_consented_products = Some(products.into_iter().collect());
        self
    }

    /// The URL of the Item's webhooks.
    pub fn webhook(mut self, url: impl Into<String>) -> Self {
        self.webhook = Some(url.into());
        self
    }

    /// Update mode for the Item of `access_token`.
    pub fn access_token(mut self, access_token: impl Into<AccessToken>) -> Self {
        self.access_token = Some(access_token.into());
        self
    }

    /// The OAuth redirect URI.
    pub fn redirect_uri(mut self, uri: impl Into<String>) -> Self {
        self.redirect_uri = Some(uri.into());
        self
    }

    /// The Android package name.
    pub fn android_package_name(mut self, name: impl Into<String>) -> Self {
        self.android_package_name = Some(name.into());
        self
    }

    /// The account filters, as the spec's JSON object.
    pub fn account_filters(mut self, filters: serde_json::Value) -> Self {
        self.account_filters = Some(filters);
        self
    }

    /// The Link customization to use.
    pub fn link_customization_name(mut self, name: impl Into<String>) -> Self {
        self.link_customization_name = Some(name.into());
        self
    }

    /// How many days of transactions history to ask for.
    pub fn transactions_days_requested(mut self, days: u32) -> Self {
        self.transactions
            .get_or_insert_with(Default::default)
            .days_requested = Some(days);
        self
    }

    /// A user token from `/user/create`.
    pub fn user_token(mut self, user_token: impl Into<UserToken>) -> Self {
        self.user_token = Some(user_token.into());
        self
    }
}

impl Operation for LinkTokenCreate {
    const PATH: &'static str = "/link/token/create";
    const IDEMPOTENT: bool = false;
    type Response = LinkTokenCreateResponse;

    fn validate(&self) -> Result<(), Error> {
        refuse_if(self.client_name.is_empty(), "the client name is empty")?;
        refuse_if(self.language.is_empty(), "the language is empty")?;
        refuse_if(
            self.country_codes.is_empty(),
            "the list of country codes is empty",
        )?;
        refuse_if(
            self.user.client_user_id.is_empty(),
            "the user's client_user_id is empty",
        )?;
        refuse_if(
            self.access_token
                .as_ref()
                .is_some_and(AccessToken::is_empty),
            "the access token is empty",
        )?;
        refuse_if(
            self.user_token.as_ref().is_some_and(UserToken::is_empty),
            "the user token is empty",
        )
    }
}

/// The answer to [`LinkTokenCreate`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct LinkTokenCreateResponse {
    /// The token to open Link with.
    pub link_token: LinkToken,
    /// When it expires (4 hours after creation; 30 minutes in update
    /// mode).
    pub expiration: DateTime,
    /// The Hosted Link URL, when Hosted Link was asked for.
    #[serde(default)]
    pub hosted_link_url: Option<String>,
    /// The user's id, for integrations on the new user APIs.
    #[serde(default)]
    pub user_id: Option<String>,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// A Link token for `user` (python `link_token_create`). Not retried:
    /// each call creates a token.
    pub fn link_token_create(
        &self,
        client_name: impl Into<String>,
        language: impl Into<String>,
        country_codes: impl IntoIterator<Item = CountryCode>,
        user: LinkTokenUser,
    ) -> Call<'_, T, LinkTokenCreate, M> {
        self.call(LinkTokenCreate::new(
            client_name,
            language,
            country_codes,
            user,
        ))
    }
}
