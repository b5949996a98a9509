//! The Item: one user's login at one institution, as every call on it
//! reports it, with the in-band error that says whether it still works.
//!
//! The spec has two shapes, `Item` (in every product response) and
//! `ItemWithConsentFields` (in `/item/get`), the second adding three
//! optional fields. One type serves both here: the consent fields are
//! simply absent (`None`, empty) outside `/item/get`, and code that reads
//! Items from several calls handles one type.

use serde::{Deserialize, Serialize};

use super::Product;
use crate::modern::PlaidError;
use crate::types::DateTime;

open_enum! {
    /// How the Item's Auth data was verified (`ItemAuthMethod`).
    pub enum ItemAuthMethod {
        /// `INSTANT_AUTH`.
        InstantAuth => "INSTANT_AUTH",
        /// `INSTANT_MATCH`.
        InstantMatch => "INSTANT_MATCH",
        /// `AUTOMATED_MICRODEPOSITS`.
        AutomatedMicrodeposits => "AUTOMATED_MICRODEPOSITS",
        /// `SAME_DAY_MICRODEPOSITS`.
        SameDayMicrodeposits => "SAME_DAY_MICRODEPOSITS",
        /// `INSTANT_MICRODEPOSITS`.
        InstantMicrodeposits => "INSTANT_MICRODEPOSITS",
        /// `DATABASE_MATCH`.
        DatabaseMatch => "DATABASE_MATCH",
        /// `DATABASE_INSIGHTS`.
        DatabaseInsights => "DATABASE_INSIGHTS",
        /// `TRANSFER_MIGRATED`.
        TransferMigrated => "TRANSFER_MIGRATED",
        /// `INVESTMENTS_FALLBACK`.
        InvestmentsFallback => "INVESTMENTS_FALLBACK",
    }
}

open_enum! {
    /// Whether the Item can be updated without the user (`update_type`).
    pub enum ItemUpdateType {
        /// `background`: Plaid refreshes the Item on its own.
        Background => "background",
        /// `user_present_required`: the institution needs the user present
        /// (e.g. for MFA) at every refresh.
        UserPresentRequired => "user_present_required",
    }
}

open_enum! {
    /// A kind of data the user consented to share (`ItemConsentedDataScope`).
    pub enum ItemConsentedDataScope {
        /// `account_balance_info`.
        AccountBalanceInfo => "account_balance_info",
        /// `contact_info`.
        ContactInfo => "contact_info",
        /// `account_routing_number`.
        AccountRoutingNumber => "account_routing_number",
        /// `transactions`.
        Transactions => "transactions",
        /// `credit_loan_info`.
        CreditLoanInfo => "credit_loan_info",
        /// `investments`.
        Investments => "investments",
        /// `payroll_info`.
        PayrollInfo => "payroll_info",
        /// `income_verification_paystubs_info`.
        IncomeVerificationPaystubsInfo => "income_verification_paystubs_info",
        /// `income_verification_w2s_info`.
        IncomeVerificationW2sInfo => "income_verification_w2s_info",
        /// `income_verification_bank_statements`.
        IncomeVerificationBankStatements => "income_verification_bank_statements",
        /// `income_verification_employment_info`.
        IncomeVerificationEmploymentInfo => "income_verification_employment_info",
        /// `bank_statements`.
        BankStatements => "bank_statements",
        /// `risk_info`.
        RiskInfo => "risk_info",
        /// `network_insights_lite`.
        NetworkInsightsLite => "network_insights_lite",
        /// `fraud_info`.
        FraudInfo => "fraud_info",
    }
}

/// An Item (`Item`, and `ItemWithConsentFields` from `/item/get`).
///
/// `error` is how Plaid says an Item has stopped working: calls on it still
/// answer 200, with the error here, typed like any API error
/// ([`PlaidError::is_item_login_required`] means the user must go through
/// Link's update mode).
#[doc(alias = "ItemWithConsentFields")]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Item {
    /// The Item's id.
    pub item_id: String,
    /// The institution's id, when known.
    #[serde(default)]
    pub institution_id: Option<String>,
    /// The institution's name, when known.
    #[serde(default)]
    pub institution_name: Option<String>,
    /// The webhook URL Plaid notifies about this Item (the sandbox sends
    /// `""` when there is none).
    pub webhook: Option<String>,
    /// How the Item's Auth data was verified, for Auth Items.
    #[serde(default)]
    pub auth_method: Option<ItemAuthMethod>,
    /// The Item's error, when it has one (`ITEM_LOGIN_REQUIRED`, …).
    pub error: Option<PlaidError>,
    /// Products the Item may add without the user.
    pub available_products: Vec<Product>,
    /// Products the Item is billed for.
    pub billed_products: Vec<Product>,
    /// Products the Item was created with or has added.
    #[serde(default)]
    pub products: Vec<Product>,
    /// Products the user consented to.
    #[serde(default)]
    pub consented_products: Vec<Product>,
    /// When the user's consent expires (European and some OAuth Items).
    pub consent_expiration_time: Option<DateTime>,
    /// Whether the Item can be refreshed without the user.
    pub update_type: ItemUpdateType,
    /// When the Item was created (`/item/get` only).
    #[serde(default)]
    pub created_at: Option<DateTime>,
    /// The use cases the user consented to (`/item/get` only).
    #[serde(default)]
    pub consented_use_cases: Vec<String>,
    /// The kinds of data the user consented to share (`/item/get` only).
    #[serde(default)]
    pub consented_data_scopes: Vec<ItemConsentedDataScope>,
}

/// What `/item/get` says about the Item's last updates and webhook
/// (`ItemStatus`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ItemStatus {
    /// The last investments updates.
    #[serde(default)]
    pub investments: Option<ItemStatusUpdates>,
    /// The last transactions updates.
    #[serde(default)]
    pub transactions: Option<ItemStatusUpdates>,
    /// The last webhook Plaid sent about the Item.
    #[serde(default)]
    pub last_webhook: Option<ItemStatusLastWebhook>,
}

/// When a product's data was last refreshed, or failed to be
/// (`ItemStatusInvestments`, `ItemStatusTransactions`: the spec's two
/// schemas are the same).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ItemStatusUpdates {
    /// The last successful refresh.
    #[serde(default)]
    pub last_successful_update: Option<DateTime>,
    /// The last failed refresh.
    #[serde(default)]
    pub last_failed_update: Option<DateTime>,
}

/// The last webhook Plaid sent about an Item (`ItemStatusLastWebhook`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ItemStatusLastWebhook {
    /// When it was sent.
    #[serde(default)]
    pub sent_at: Option<DateTime>,
    /// Its `webhook_code` (`DEFAULT_UPDATE`, …).
    #[serde(default)]
    pub code_sent: Option<String>,
}
