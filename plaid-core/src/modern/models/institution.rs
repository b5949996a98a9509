//! Institutions, as `/institutions/get`, `/institutions/get_by_id` and
//! `/institutions/search` describe them: what a bank supports, and, on
//! request, how healthy its connections are and which payment and Auth
//! methods it offers.
//!
//! The optional parts (`url`, `primary_color`, `logo`, `status`, the
//! metadata objects) come only when the request asks for them
//! (`include_optional_metadata`, `include_status`, …), so they are all
//! `Option`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::common::{CountryCode, Product};
use crate::types::DateTime;

/// A financial institution (`Institution`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Institution {
    /// Plaid's id of the institution, e.g. `ins_109508`.
    pub institution_id: String,
    /// The institution's official name.
    pub name: String,
    /// The Plaid products it supports.
    pub products: Vec<Product>,
    /// The countries it serves.
    pub country_codes: Vec<CountryCode>,
    /// Routing numbers known to belong to it (for lookups; not guaranteed
    /// complete).
    pub routing_numbers: Vec<String>,
    /// DTC numbers known to belong to it (a partial list).
    #[serde(default)]
    pub dtc_numbers: Vec<String>,
    /// Whether it has an OAuth login flow (for any of its Items).
    pub oauth: bool,
    /// Whether Plaid can create new Items for it. Newer API revisions
    /// always send it; older ones do not.
    #[serde(default)]
    pub connection_availability: Option<ConnectionAvailability>,
    /// Its web site (optional metadata).
    #[serde(default)]
    pub url: Option<String>,
    /// Its primary colour as `#rrggbb` (optional metadata).
    #[serde(default)]
    pub primary_color: Option<String>,
    /// Its logo, a base64 152×152 PNG (optional metadata; not every
    /// institution has one).
    #[serde(default)]
    pub logo: Option<String>,
    /// The health of its connections (`include_status`).
    #[serde(default)]
    pub status: Option<InstitutionStatus>,
    /// What it supports for Payment Initiation (UK and Europe;
    /// `include_payment_initiation_metadata`).
    #[serde(default)]
    pub payment_initiation_metadata: Option<PaymentInitiationMetadata>,
    /// Which Auth methods it supports (`include_auth_metadata`).
    #[serde(default)]
    pub auth_metadata: Option<AuthMetadata>,
}

open_enum! {
    /// Whether Plaid supports new connections to an institution
    /// (`connection_availability`).
    pub enum ConnectionAvailability {
        /// New Items can be created (success may still depend on OAuth
        /// registration and the products asked for).
        Supported => "SUPPORTED",
        /// No new Items; existing ones may keep working. Only
        /// `/institutions/get_by_id` returns such institutions.
        NotSupported => "NOT_SUPPORTED",
    }
}

/// The health of an institution's connections, product by product
/// (`InstitutionStatus`). Each part is absent or `null` when Plaid has no
/// figure for it.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct InstitutionStatus {
    /// New logins (adding Items, update mode).
    #[serde(default)]
    pub item_logins: Option<ProductStatus>,
    /// Transactions updates of existing Items.
    #[serde(default)]
    pub transactions_updates: Option<ProductStatus>,
    /// Auth requests.
    #[serde(default)]
    pub auth: Option<ProductStatus>,
    /// Identity requests.
    #[serde(default)]
    pub identity: Option<ProductStatus>,
    /// Investments updates of existing Items.
    #[serde(default)]
    pub investments_updates: Option<ProductStatus>,
    /// Liabilities updates of existing Items.
    #[serde(default)]
    pub liabilities_updates: Option<ProductStatus>,
    /// Liabilities requests.
    #[serde(default)]
    pub liabilities: Option<ProductStatus>,
    /// Investments requests.
    #[serde(default)]
    pub investments: Option<ProductStatus>,
    /// Recent and ongoing incidents; `None` when not sent or `null`.
    #[serde(default)]
    pub health_incidents: Option<Vec<HealthIncident>>,
}

/// The health of one product at an institution (`ProductStatus`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ProductStatus {
    /// The overall state.
    pub status: HealthStatus,
    /// When the state last changed.
    pub last_status_change: DateTime,
    /// Where the requests of the recent period ended.
    pub breakdown: ProductStatusBreakdown,
}

open_enum! {
    /// The overall health of a product at an institution.
    pub enum HealthStatus {
        /// Working normally.
        Healthy => "HEALTHY",
        /// Working with a raised error rate.
        Degraded => "DEGRADED",
        /// Not working.
        Down => "DOWN",
    }
}

/// Where a product's recent requests ended, as fractions of them
/// (`ProductStatusBreakdown`): the three add up to about 1.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ProductStatusBreakdown {
    /// The fraction that succeeded.
    pub success: f64,
    /// The fraction that failed on Plaid's side.
    pub error_plaid: f64,
    /// The fraction that failed on the institution's side.
    pub error_institution: f64,
    /// How often Plaid refreshes transactions for it (only for
    /// `transactions_updates`).
    #[serde(default)]
    pub refresh_interval: Option<RefreshInterval>,
}

open_enum! {
    /// How often transactions are refreshed at an institution.
    pub enum RefreshInterval {
        /// The usual schedule.
        Normal => "NORMAL",
        /// Later than usual.
        Delayed => "DELAYED",
        /// Not at all for now.
        Stopped => "STOPPED",
    }
}

/// An incident at an institution (`HealthIncident`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct HealthIncident {
    /// When it began.
    pub start_date: DateTime,
    /// When it ended; `None` while it goes on.
    #[serde(default)]
    pub end_date: Option<DateTime>,
    /// Its title.
    pub title: String,
    /// Its updates, as Plaid published them.
    pub incident_updates: Vec<IncidentUpdate>,
}

/// One published update of a [`HealthIncident`] (`IncidentUpdate`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct IncidentUpdate {
    /// The text of the update.
    #[serde(default)]
    pub description: Option<String>,
    /// The incident's state as of this update.
    #[serde(default)]
    pub status: Option<IncidentStatus>,
    /// When the update was published.
    #[serde(default)]
    pub updated_date: Option<DateTime>,
}

open_enum! {
    /// The state of an incident as an [`IncidentUpdate`] gives it.
    pub enum IncidentStatus {
        /// Being looked into.
        Investigating => "INVESTIGATING",
        /// The cause is known.
        Identified => "IDENTIFIED",
        /// Planned maintenance.
        Scheduled => "SCHEDULED",
        /// Over.
        Resolved => "RESOLVED",
        /// Plaid does not know.
        StatusUnknown => "UNKNOWN",
    }
}

/// What an institution supports for Payment Initiation
/// (`PaymentInitiationMetadata`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct PaymentInitiationMetadata {
    /// Whether it takes international payments.
    pub supports_international_payments: bool,
    /// Whether it takes SEPA Instant payments.
    pub supports_sepa_instant: bool,
    /// The largest payment per currency code (`"GBP"`), in the currency's
    /// smallest unit, as the decimal string Plaid sends (`"10000"`).
    pub maximum_payment_amount: BTreeMap<String, String>,
    /// Whether it returns refund details.
    pub supports_refund_details: bool,
    /// What it supports for standing orders; `None` when it takes none.
    pub standing_order_metadata: Option<StandingOrderMetadata>,
    /// Whether it supports payment consents.
    pub supports_payment_consents: bool,
}

/// What an institution supports for standing orders
/// (`PaymentInitiationStandingOrderMetadata`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct StandingOrderMetadata {
    /// Whether a standing order may have an end date.
    pub supports_standing_order_end_date: bool,
    /// Whether negative execution days (counted from the end of the
    /// month) are allowed.
    pub supports_standing_order_negative_execution_days: bool,
    /// The intervals it allows.
    pub valid_standing_order_intervals: Vec<PaymentScheduleInterval>,
}

open_enum! {
    /// How often a standing order runs.
    pub enum PaymentScheduleInterval {
        /// Every week.
        Weekly => "WEEKLY",
        /// Every month.
        Monthly => "MONTHLY",
    }
}

/// Which Auth methods an institution supports (`AuthMetadata`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AuthMetadata {
    /// The methods; `None` when Plaid has no data.
    pub supported_methods: Option<AuthSupportedMethods>,
}

/// The Auth methods of an institution (`AuthSupportedMethods`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AuthSupportedMethods {
    /// Instant Auth.
    pub instant_auth: bool,
    /// Instant Match.
    pub instant_match: bool,
    /// Automated micro-deposits.
    pub automated_micro_deposits: bool,
    /// Instant micro-deposits.
    pub instant_micro_deposits: bool,
}
