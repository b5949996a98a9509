//! Auth's account and routing numbers (`AuthGetNumbers`).
//!
//! Every number is a [`BankNumber`]: usable as a string, shown in `Debug`
//! only by its last four characters, so that logging a whole `/auth/get`
//! answer leaks no number that could move money.

use serde::{Deserialize, Serialize};

use crate::secret::BankNumber;

/// The numbers of an Item's accounts, by payment network
/// (`AuthGetNumbers`). A network with no accounts is an empty list.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuthGetNumbers {
    /// US ACH numbers.
    pub ach: Vec<NumbersAch>,
    /// Canadian EFT numbers.
    pub eft: Vec<NumbersEft>,
    /// IBAN and BIC, for international transfers.
    pub international: Vec<NumbersInternational>,
    /// UK BACS numbers.
    pub bacs: Vec<NumbersBacs>,
}

/// A US account's ACH numbers (`NumbersACH`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumbersAch {
    /// The account these numbers belong to.
    pub account_id: String,
    /// The account number (a tokenized one at some institutions: see
    /// `is_tokenized_account_number`).
    pub account: BankNumber,
    /// Whether `account` is a tokenized number (Chase, PNC, US Bank), valid
    /// for ACH but not the one on the user's statements.
    #[serde(default)]
    pub is_tokenized_account_number: Option<bool>,
    /// The ACH routing number.
    pub routing: BankNumber,
    /// The wire transfer routing number, when it differs and is known.
    pub wire_routing: Option<BankNumber>,
    /// Whether the account can receive ACH transfers, when known.
    #[serde(default)]
    pub can_transfer_in: Option<bool>,
    /// Whether the account can send ACH transfers, when known.
    #[serde(default)]
    pub can_transfer_out: Option<bool>,
}

/// A Canadian account's EFT numbers (`NumbersEFT`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumbersEft {
    /// The account these numbers belong to.
    pub account_id: String,
    /// The account number.
    pub account: BankNumber,
    /// The institution number.
    pub institution: BankNumber,
    /// The branch (transit) number.
    pub branch: BankNumber,
}

/// An account's international numbers (`NumbersInternational`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumbersInternational {
    /// The account these numbers belong to.
    pub account_id: String,
    /// The IBAN.
    pub iban: BankNumber,
    /// The bank's BIC (SWIFT code).
    pub bic: BankNumber,
}

/// A UK account's BACS numbers (`NumbersBACS`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumbersBacs {
    /// The account these numbers belong to.
    pub account_id: String,
    /// The account number.
    pub account: BankNumber,
    /// The sort code.
    pub sort_code: BankNumber,
}
