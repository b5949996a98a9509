//! The webhooks of the other products an Item can have: Auth, Holdings,
//! Investments, Liabilities and Identity. Each says which data changed, so
//! the handler can fetch only that.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{WebhookEnvironment, common_fields};
use crate::modern::PlaidError;

/// `AUTOMATICALLY_VERIFIED` and `VERIFICATION_EXPIRED` (`AUTH`;
/// `AutomaticallyVerifiedWebhook`, `VerificationExpiredWebhook`): the
/// micro-deposit verification of one account finished or lapsed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AccountVerification {
    /// The Item.
    pub item_id: String,
    /// The account.
    pub account_id: String,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

open_enum! {
    /// Which Auth number changed (`AuthUpdateTypes`).
    pub enum AuthUpdateType {
        /// The account number.
        AccountNumber => "ACCOUNT_NUMBER",
        /// The routing number.
        RoutingNumber => "ROUTING_NUMBER",
    }
}

/// `DEFAULT_UPDATE` of `AUTH` (`AuthDefaultUpdateWebhook`): accounts with
/// new or changed numbers; call `/auth/get` for them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AuthDefaultUpdate {
    /// The Item.
    pub item_id: String,
    /// Accounts that have numbers for the first time.
    pub account_ids_with_new_auth: Vec<String>,
    /// Accounts whose numbers changed, with what changed.
    pub account_ids_with_updated_auth: BTreeMap<String, Vec<AuthUpdateType>>,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

/// `DEFAULT_UPDATE` of `HOLDINGS` (`HoldingsDefaultUpdateWebhook`): call
/// `/investments/holdings/get`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct HoldingsDefaultUpdate {
    /// The Item.
    pub item_id: String,
    /// The user the Item belongs to, for Items created with a user token.
    #[serde(default)]
    pub user_id: Option<String>,
    /// How many holdings are new.
    pub new_holdings: u64,
    /// How many holdings changed.
    pub updated_holdings: u64,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

/// `DEFAULT_UPDATE` and `HISTORICAL_UPDATE` of `INVESTMENTS_TRANSACTIONS`
/// (`InvestmentsDefaultUpdateWebhook`,
/// `InvestmentsHistoricalUpdateWebhook`): call
/// `/investments/transactions/get`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct InvestmentsTransactionsUpdate {
    /// The Item.
    pub item_id: String,
    /// The user the Item belongs to, for Items created with a user token.
    #[serde(default)]
    pub user_id: Option<String>,
    /// How many investment transactions are new.
    pub new_investments_transactions: u64,
    /// How many were cancelled.
    pub cancelled_investments_transactions: u64,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

/// `DEFAULT_UPDATE` of `LIABILITIES` (`LiabilitiesDefaultUpdateWebhook`):
/// call `/liabilities/get` for the accounts named.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct LiabilitiesDefaultUpdate {
    /// The Item.
    pub item_id: String,
    /// The user the Item belongs to, for Items created with a user token.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Accounts with liabilities for the first time.
    pub account_ids_with_new_liabilities: Vec<String>,
    /// Accounts whose liabilities changed, with the fields that changed.
    pub account_ids_with_updated_liabilities: BTreeMap<String, Vec<String>>,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

open_enum! {
    /// Which identity data changed (`IdentityUpdateTypes`).
    pub enum IdentityUpdateType {
        /// Phone numbers.
        Phones => "PHONES",
        /// Addresses.
        Addresses => "ADDRESSES",
        /// Email addresses.
        Emails => "EMAILS",
        /// Names.
        Names => "NAMES",
    }
}

/// `DEFAULT_UPDATE` of `IDENTITY` (`IdentityDefaultUpdateWebhook`): call
/// `/identity/get` for the accounts named.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct IdentityDefaultUpdate {
    /// The Item.
    pub item_id: String,
    /// Accounts whose identity data changed, with what changed.
    pub account_ids_with_updated_identity: BTreeMap<String, Vec<IdentityUpdateType>>,
    /// The environment.
    #[serde(default)]
    pub environment: Option<WebhookEnvironment>,
    /// An error, if Plaid reports one.
    #[serde(default)]
    pub error: Option<PlaidError>,
}

common_fields!(
    AccountVerification,
    AuthDefaultUpdate,
    HoldingsDefaultUpdate,
    InvestmentsTransactionsUpdate,
    LiabilitiesDefaultUpdate,
    IdentityDefaultUpdate,
);
