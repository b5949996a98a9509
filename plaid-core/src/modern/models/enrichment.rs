//! What Plaid adds to a transaction beyond the bank's own record: where it
//! happened (`Location`), payment details (`PaymentMeta`), its category
//! (`PersonalFinanceCategory`) and the parties involved
//! (`TransactionCounterparty`).
//!
//! Whose data is whose decides the wrappers: a merchant's address is
//! public and stays plain text, while the payer and payee of a transfer
//! are often people, so they are [`Personal`], and a counterparty's
//! account number is a [`BankNumber`].

use serde::{Deserialize, Serialize};

use super::transaction::PersonalFinanceCategoryVersion;
use crate::secret::{BankNumber, Personal};

open_enum! {
    /// How sure Plaid is of a category or counterparty
    /// (`confidence_level`).
    pub enum ConfidenceLevel {
        /// `VERY_HIGH`: more than 98%.
        VeryHigh => "VERY_HIGH",
        /// `HIGH`: more than 90%.
        High => "HIGH",
        /// `MEDIUM`: moderately.
        Medium => "MEDIUM",
        /// `LOW`: it may be right, but others may be more accurate.
        Low => "LOW",
        /// `UNKNOWN`: Plaid does not know (named so to stay apart from
        /// `Unknown`, a value this version does not know).
        Undetermined => "UNKNOWN",
    }
}

open_enum! {
    /// What kind of party a counterparty is (`CounterpartyType`).
    pub enum CounterpartyType {
        /// `merchant`: a business selling goods or services.
        Merchant => "merchant",
        /// `financial_institution`: a bank or lender.
        FinancialInstitution => "financial_institution",
        /// `payment_app`: Venmo, Cash App, PayPal…
        PaymentApp => "payment_app",
        /// `marketplace`: DoorDash, Amazon marketplace…
        Marketplace => "marketplace",
        /// `payment_terminal`: Square, Toast…
        PaymentTerminal => "payment_terminal",
        /// `income_source`: an employer or benefits payer.
        IncomeSource => "income_source",
    }
}

/// Where a transaction happened (`Location`): usually a merchant's store.
/// Every field may be `None`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// The street address.
    pub address: Option<String>,
    /// The city.
    pub city: Option<String>,
    /// The region or state (ISO 3166-2 subdivision code in the US).
    pub region: Option<String>,
    /// The postal code.
    pub postal_code: Option<String>,
    /// The ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// The latitude.
    pub lat: Option<f64>,
    /// The longitude.
    pub lon: Option<f64>,
    /// The merchant's store number.
    pub store_number: Option<String>,
}

/// Payment details of a transfer, a check or an ACH payment
/// (`PaymentMeta`). Every field may be `None`. The payer, the payee and the
/// party on whose behalf a payment was made are often people, so they are
/// [`Personal`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentMeta {
    /// The transaction's reference number.
    pub reference_number: Option<String>,
    /// The ACH PPD id of the payer.
    pub ppd_id: Option<String>,
    /// Who was paid.
    pub payee: Option<Personal<String>>,
    /// On whose behalf the payment was made.
    pub by_order_of: Option<Personal<String>>,
    /// Who paid.
    pub payer: Option<Personal<String>>,
    /// How it was paid (e.g. `ACH`, `Wire`).
    pub payment_method: Option<String>,
    /// The processor (e.g. `PayPal`, `Stripe`).
    pub payment_processor: Option<String>,
    /// The reason given for the payment.
    pub reason: Option<String>,
}

/// Plaid's category of a transaction (`PersonalFinanceCategory`): a
/// primary category (`FOOD_AND_DRINK`) and a detailed one
/// (`FOOD_AND_DRINK_FAST_FOOD`). Both are open sets of strings in Plaid's
/// published taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PersonalFinanceCategory {
    /// The primary category.
    pub primary: String,
    /// The detailed category, within the primary one.
    pub detailed: String,
    /// How sure Plaid is.
    #[serde(default)]
    pub confidence_level: Option<ConfidenceLevel>,
    /// The taxonomy the category comes from.
    #[serde(default)]
    pub version: Option<PersonalFinanceCategoryVersion>,
}

/// The category of a business account's transaction
/// (`BusinessFinanceCategory`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BusinessFinanceCategory {
    /// The primary category.
    pub primary: String,
    /// The detailed category.
    pub detailed: String,
    /// How sure Plaid is.
    #[serde(default)]
    pub confidence_level: Option<ConfidenceLevel>,
}

/// A party to a transaction (`TransactionCounterparty`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Counterparty {
    /// Its name.
    pub name: String,
    /// What kind of party it is.
    #[serde(rename = "type")]
    pub counterparty_type: CounterpartyType,
    /// Its website, when known.
    pub website: Option<String>,
    /// Its logo, when known.
    pub logo_url: Option<String>,
    /// Plaid's stable id of the party.
    #[serde(default)]
    pub entity_id: Option<String>,
    /// How sure Plaid is that this party was involved.
    #[serde(default)]
    pub confidence_level: Option<ConfidenceLevel>,
    /// Its account numbers, for transfers where the bank gives them.
    #[serde(default)]
    pub account_numbers: Option<CounterpartyNumbers>,
}

/// A counterparty's account numbers (`CounterpartyNumbers`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CounterpartyNumbers {
    /// UK BACS numbers.
    #[serde(default)]
    pub bacs: Option<CounterpartyNumbersBacs>,
    /// International numbers.
    #[serde(default)]
    pub international: Option<CounterpartyNumbersInternational>,
}

/// A counterparty's UK numbers (`CounterpartyNumbersBACS`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CounterpartyNumbersBacs {
    /// The account number.
    #[serde(default)]
    pub account: Option<BankNumber>,
    /// The sort code.
    #[serde(default)]
    pub sort_code: Option<BankNumber>,
}

/// A counterparty's international numbers
/// (`CounterpartyNumbersInternational`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CounterpartyNumbersInternational {
    /// The IBAN.
    #[serde(default)]
    pub iban: Option<BankNumber>,
    /// The bank's BIC.
    #[serde(default)]
    pub bic: Option<String>,
}

/// The client's own customisation of a transaction (`ClientCustomization`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClientCustomization {
    /// The client's id for the merchant entity.
    #[serde(default)]
    pub custom_entity_id: Option<String>,
}
