//! Sandbox-only calls: an Item without going through Link, forcing an Item
//! into `ITEM_LOGIN_REQUIRED`, and firing a webhook on demand. Plaid's
//! production refuses them. Each creates or changes state, so none is
//! retried.

use serde::{Deserialize, Serialize};

use super::check::{check_token, refuse_if};
use crate::client::{Call, ResponseMode};
use crate::error::Error;
use crate::modern::models::{Product, WebhookType};
use crate::modern::{Client, Operation};
use crate::secret::{self, AccessToken, Password, PublicToken, UserToken, Username};
use crate::types::Date;

/// `POST /sandbox/public_token/create`: a public token for a new sandbox
/// Item, as if the user had gone through Link (the basis of every
/// automated sandbox test). Exchange it with
/// `/item/public_token/exchange`.
///
/// Its `Debug` shows neither the override credentials nor the user token.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct SandboxPublicTokenCreate {
    /// The sandbox institution, e.g. `ins_109508` (First Platypus Bank).
    pub institution_id: String,
    /// The products the Item is created for (at least one).
    pub initial_products: Vec<Product>,
    /// The webhook, test credentials and data ranges.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<SandboxPublicTokenCreateOptions>,
    /// A user token from `/user/create` (integrations that already use
    /// it).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "secret::serialize_exposed_option"
    )]
    pub user_token: Option<UserToken>,
}

/// The `options` of [`SandboxPublicTokenCreate`].
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct SandboxPublicTokenCreateOptions {
    /// The URL Plaid sends the Item's webhooks to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook: Option<String>,
    /// The test username (Plaid's default is `user_good`); other test
    /// users give other data or errors.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "secret::serialize_exposed_option"
    )]
    pub override_username: Option<Username>,
    /// The test password (Plaid's default is `pass_good`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "secret::serialize_exposed_option"
    )]
    pub override_password: Option<Password>,
    /// Which transactions the Item gets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transactions: Option<SandboxTransactionsOptions>,
    /// Which statements the Item gets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statements: Option<SandboxStatementsOptions>,
}

/// The `options.transactions` of [`SandboxPublicTokenCreate`].
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct SandboxTransactionsOptions {
    /// The first day of transactions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Date>,
    /// The last day of transactions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    /// How many days of history, 1 to 730 (Plaid's default is 90).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_requested: Option<u32>,
}

/// The `options.statements` of [`SandboxPublicTokenCreate`]: both dates
/// are required.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct SandboxStatementsOptions {
    /// The first day of statements.
    pub start_date: Date,
    /// The last day of statements.
    pub end_date: Date,
}

impl SandboxPublicTokenCreate {
    /// A public token for a new Item at `institution_id` with
    /// `initial_products`.
    pub fn new(
        institution_id: impl Into<String>,
        initial_products: impl IntoIterator<Item = Product>,
    ) -> Self {
        SandboxPublicTokenCreate {
            institution_id: institution_id.into(),
            initial_products: initial_products.into_iter().collect(),
            options: None,
            user_token: None,
        }
    }

    fn options(&mut self) -> &mut SandboxPublicTokenCreateOptions {
        self.options.get_or_insert_with(Default::default)
    }

    fn transactions(&mut self) -> &mut SandboxTransactionsOptions {
        self.options()
            .transactions
            .get_or_insert_with(Default::default)
    }

    /// The URL of the Item's webhooks.
    pub fn webhook(mut self, url: impl Into<String>) -> Self {
        self.options().webhook = Some(url.into());
        self
    }

    /// The test username to log in with.
    pub fn override_username(mut self, username: impl Into<Username>) -> Self {
        self.options().override_username = Some(username.into());
        self
    }

    /// The test password to log in with.
    pub fn override_password(mut self, password: impl Into<Password>) -> Self {
        self.options().override_password = Some(password.into());
        self
    }

    /// The first day of the Item's transactions.
    pub fn transactions_start_date(mut self, date: Date) -> Self {
        self.transactions().start_date = Some(date);
        self
    }

    /// The last day of the Item's transactions.
    pub fn transactions_end_date(mut self, date: Date) -> Self {
        self.transactions().end_date = Some(date);
        self
    }

    /// How many days of transactions history.
    pub fn transactions_days_requested(mut self, days: u32) -> Self {
        self.transactions().days_requested = Some(days);
        self
    }

    /// The range of the Item's statements.
    pub fn statements(mut self, start_date: Date, end_date: Date) -> Self {
        self.options().statements = Some(SandboxStatementsOptions {
            start_date,
            end_date,
        });
        self
    }

    /// A user token from `/user/create`.
    pub fn user_token(mut self, user_token: impl Into<UserToken>) -> Self {
        self.user_token = Some(user_token.into());
        self
    }
}

impl Operation for SandboxPublicTokenCreate {
    const PATH: &'static str = "/sandbox/public_token/create";
    const IDEMPOTENT: bool = false;
    type Response = SandboxPublicTokenCreateResponse;

    fn validate(&self) -> Result<(), Error> {
        refuse_if(
            self.institution_id.is_empty(),
            "the institution id is empty",
        )?;
        refuse_if(
            self.initial_products.is_empty(),
            "the list of initial products is empty",
        )?;
        refuse_if(
            self.user_token.as_ref().is_some_and(UserToken::is_empty),
            "the user token is empty",
        )
    }
}

/// The answer to [`SandboxPublicTokenCreate`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SandboxPublicTokenCreateResponse {
    /// The public token, to exchange for an access token.
    pub public_token: PublicToken,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

/// `POST /sandbox/item/reset_login`: puts a sandbox Item into
/// `ITEM_LOGIN_REQUIRED`, to test update mode.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct SandboxItemResetLogin {
    /// The Item's access token.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub access_token: AccessToken,
}

impl SandboxItemResetLogin {
    /// The reset of the Item of `access_token`.
    pub fn new(access_token: impl Into<AccessToken>) -> Self {
        SandboxItemResetLogin {
            access_token: access_token.into(),
        }
    }
}

impl Operation for SandboxItemResetLogin {
    const PATH: &'static str = "/sandbox/item/reset_login";
    const IDEMPOTENT: bool = false;
    type Response = SandboxItemResetLoginResponse;

    fn validate(&self) -> Result<(), Error> {
        check_token(&self.access_token)
    }
}

/// The answer to [`SandboxItemResetLogin`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SandboxItemResetLoginResponse {
    /// Whether the Item now needs a new login.
    pub reset_login: bool,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

open_enum! {
    /// A webhook `/sandbox/item/fire_webhook` can fire (its
    /// `webhook_code`).
    pub enum SandboxWebhookCode {
        /// `DEFAULT_UPDATE` (transactions, investments, liabilities).
        DefaultUpdate => "DEFAULT_UPDATE",
        /// `NEW_ACCOUNTS_AVAILABLE`.
        NewAccountsAvailable => "NEW_ACCOUNTS_AVAILABLE",
        /// `SMS_MICRODEPOSITS_VERIFICATION`.
        SmsMicrodepositsVerification => "SMS_MICRODEPOSITS_VERIFICATION",
        /// `AUTHORIZATION_GRANTED`.
        AuthorizationGranted => "AUTHORIZATION_GRANTED",
        /// `USER_PERMISSION_REVOKED`.
        UserPermissionRevoked => "USER_PERMISSION_REVOKED",
        /// `USER_ACCOUNT_REVOKED`.
        UserAccountRevoked => "USER_ACCOUNT_REVOKED",
        /// `PENDING_DISCONNECT`.
        PendingDisconnect => "PENDING_DISCONNECT",
        /// `RECURRING_TRANSACTIONS_UPDATE`.
        RecurringTransactionsUpdate => "RECURRING_TRANSACTIONS_UPDATE",
        /// `LOGIN_REPAIRED`.
        LoginRepaired => "LOGIN_REPAIRED",
        /// `SYNC_UPDATES_AVAILABLE`.
        SyncUpdatesAvailable => "SYNC_UPDATES_AVAILABLE",
        /// `PRODUCT_READY`.
        ProductReady => "PRODUCT_READY",
        /// `ERROR`.
        Error => "ERROR",
    }
}

/// `POST /sandbox/item/fire_webhook`: makes Plaid send one webhook for a
/// sandbox Item to the Item's webhook URL.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct SandboxItemFireWebhook {
    /// The Item's access token.
    #[serde(serialize_with = "secret::serialize_exposed")]
    pub access_token: AccessToken,
    /// The webhook's type, when the code alone is ambiguous
    /// (`DEFAULT_UPDATE` of `TRANSACTIONS` or of `HOLDINGS`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_type: Option<WebhookType>,
    /// The webhook to fire.
    pub webhook_code: SandboxWebhookCode,
}

impl SandboxItemFireWebhook {
    /// Fires `webhook_code` for the Item of `access_token`.
    pub fn new(access_token: impl Into<AccessToken>, webhook_code: SandboxWebhookCode) -> Self {
        SandboxItemFireWebhook {
            access_token: access_token.into(),
            webhook_type: None,
            webhook_code,
        }
    }

    /// The webhook's type.
    pub fn webhook_type(mut self, webhook_type: WebhookType) -> Self {
        self.webhook_type = Some(webhook_type);
        self
    }
}

impl Operation for SandboxItemFireWebhook {
    const PATH: &'static str = "/sandbox/item/fire_webhook";
    const IDEMPOTENT: bool = false;
    type Response = SandboxItemFireWebhookResponse;

    fn validate(&self) -> Result<(), Error> {
        check_token(&self.access_token)
    }
}

/// The answer to [`SandboxItemFireWebhook`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SandboxItemFireWebhookResponse {
    /// Whether the webhook was sent.
    pub webhook_fired: bool,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// A public token for a new sandbox Item (python
    /// `sandbox_public_token_create`). Not retried: each call creates an
    /// Item.
    pub fn sandbox_public_token_create(
        &self,
        institution_id: impl Into<String>,
        initial_products: impl IntoIterator<Item = Product>,
    ) -> Call<'_, T, SandboxPublicTokenCreate, M> {
        self.call(SandboxPublicTokenCreate::new(
            institution_id,
            initial_products,
        ))
    }

    /// Puts a sandbox Item into `ITEM_LOGIN_REQUIRED` (python
    /// `sandbox_item_reset_login`).
    pub fn sandbox_item_reset_login(
        &self,
        access_token: impl Into<AccessToken>,
    ) -> Call<'_, T, SandboxItemResetLogin, M> {
        self.call(SandboxItemResetLogin::new(access_token))
    }

    /// Fires a webhook for a sandbox Item (python
    /// `sandbox_item_fire_webhook`).
    pub fn sandbox_item_fire_webhook(
        &self,
        access_token: impl Into<AccessToken>,
        webhook_code: SandboxWebhookCode,
    ) -> Call<'_, T, SandboxItemFireWebhook, M> {
        self.call(SandboxItemFireWebhook::new(access_token, webhook_code))
    }
}
