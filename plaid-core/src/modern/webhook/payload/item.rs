//! The `ITEM` webhooks: the state of an Item's connection (errors,
//! expiring consent, revoked access, a new webhook URL).

use serde::Deserialize;

use super::{Common, WebhookEnvironment, common_fields};
use crate::modern::PlaidError;
use crate::types::DateTime;

/// `ERROR` (`ItemErrorWebhook`): the Item is in an error state. The error
/// is always there; `ITEM_LOGIN_REQUIRED` means sending the user through
/// Link's update mode.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ItemError {
    /// The Item.
    pub item_id: String,
    /// The user the Item belongs to, for Items created with a user token.
    #[serde(default)]
    pub user_id: Option<String>,
    /// The error (with [`status`](PlaidError::status), without a request
    /// id).
    pub error: PlaidError,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
}

impl Common for ItemError {
    fn item_id(&self) -> Option<&str> {
        Some(&self.item_id)
    }
    fn environment(&self) -> Option<&WebhookEnvironment> {
        self.environment.as_ref()
    }
    fn error(&self) -> Option<&PlaidError> {
        Some(&self.error)
    }
}

/// `LOGIN_REPAIRED`, `NEW_ACCOUNTS_AVAILABLE` and `USER_PERMISSION_REVOKED`
/// (`ItemLoginRepairedWebhook`, `NewAccountsAvailableWebhook`,
/// `UserPermissionRevokedWebhook`): a change to the Item that carries no
/// data of its own.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ItemNotice {
    /// The Item.
    pub item_id: String,
    /// The user the Item belongs to, for Items created with a user token.
    #[serde(default)]
    pub user_id: Option<String>,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one (`USER_PERMISSION_REVOKED` carries
    /// one).
    #[serde(default)]
    pub error: Option<PlaidError>,
}

/// `PENDING_EXPIRATION` (`PendingExpirationWebhook`): the user's consent
/// runs out; send them through Link's update mode before then.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct PendingExpiration {
    /// The Item.
    pub item_id: String,
    /// The user the Item belongs to, for Items created with a user token.
    #[serde(default)]
    pub user_id: Option<String>,
    /// When the consent expires.
    pub consent_expiration_time: DateTime,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

open_enum! {
    /// Why an Item will be disconnected (`PendingDisconnectWebhookReason`).
    pub enum PendingDisconnectReason {
        /// The institution is moving to another connection (e.g. OAuth).
        InstitutionMigration => "INSTITUTION_MIGRATION",
        /// The institution's token for the Item expires.
        InstitutionTokenExpiration => "INSTITUTION_TOKEN_EXPIRATION",
    }
}

/// `PENDING_DISCONNECT` (`PendingDisconnectWebhook`): the Item will stop
/// working; send the user through Link's update mode before then.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct PendingDisconnect {
    /// The Item.
    pub item_id: String,
    /// The user the Item belongs to, for Items created with a user token.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Why.
    pub reason: PendingDisconnectReason,
    /// When the Item will be disconnected.
    pub disconnect_time: DateTime,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

/// `USER_ACCOUNT_REVOKED` (`UserAccountRevokedWebhook`): the user revoked
/// access to one account of the Item.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct UserAccountRevoked {
    /// The Item.
    pub item_id: String,
    /// The user the Item belongs to, for Items created with a user token.
    #[serde(default)]
    pub user_id: Option<String>,
    /// The revoked account.
    pub account_id: String,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

/// `WEBHOOK_UPDATE_ACKNOWLEDGED` (`WebhookUpdateAcknowledgedWebhook`): the
/// Item's webhook URL was changed; this webhook goes to the new one.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct WebhookUpdateAcknowledged {
    /// The Item.
    pub item_id: String,
    /// The new webhook URL.
    pub new_webhook_url: String,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

common_fields!(
    ItemNotice,
    PendingExpiration,
    PendingDisconnect,
    UserAccountRevoked,
    WebhookUpdateAcknowledged,
);
