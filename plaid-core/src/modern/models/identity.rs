//! Identity: who owns an account, as the institution has it on file.
//!
//! Every name, email address, phone number and postal address is a
//! [`Personal`] value: usable as its value, redacted in `Debug`, so that
//! logging a whole `/identity/get` answer leaks none of it.

use serde::{Deserialize, Serialize};

use super::account::account_with;
use crate::secret::Personal;

account_with! {
    /// An account with its owners (`AccountIdentity`): every field of an
    /// [`Account`](super::Account), plus `owners`.
    pub struct AccountIdentity {
        /// The account's owners as the institution lists them (joint
        /// accounts have several).
        pub owners: Vec<Owner>,
    }
}

open_enum! {
    /// What a phone number is for (`PhoneNumber.type`).
    pub enum PhoneNumberType {
        /// `home`.
        Home => "home",
        /// `work`.
        Work => "work",
        /// `office`.
        Office => "office",
        /// `mobile`.
        Mobile => "mobile",
        /// `mobile1`.
        Mobile1 => "mobile1",
        /// `other`.
        Other => "other",
    }
}

open_enum! {
    /// Which of the owner's email addresses this is (`Email.type`).
    pub enum EmailType {
        /// `primary`.
        Primary => "primary",
        /// `secondary`.
        Secondary => "secondary",
        /// `other`.
        Other => "other",
    }
}

/// An account owner (`Owner`). Only `names` is sure to be filled; the other
/// lists may be empty.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Owner {
    /// The owner's names, as the institution spells them.
    pub names: Vec<Personal<String>>,
    /// Phone numbers.
    pub phone_numbers: Vec<PhoneNumber>,
    /// Email addresses.
    pub emails: Vec<Email>,
    /// Postal addresses.
    pub addresses: Vec<Address>,
}

/// A phone number of an owner (`PhoneNumber`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PhoneNumber {
    /// The number, as the institution has it.
    pub data: Personal<String>,
    /// Whether it is the owner's primary number.
    pub primary: bool,
    /// What it is for.
    #[serde(rename = "type")]
    pub phone_type: PhoneNumberType,
}

/// An email address of an owner (`Email`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Email {
    /// The address.
    pub data: Personal<String>,
    /// Whether it is the owner's primary address.
    pub primary: bool,
    /// Which of the owner's addresses it is.
    #[serde(rename = "type")]
    pub email_type: EmailType,
}

/// A postal address of an owner (`Address`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// The address, redacted as a whole in `Debug`.
    pub data: Personal<AddressData>,
    /// Whether it is the owner's primary address, when the institution says.
    #[serde(default)]
    pub primary: Option<bool>,
}

/// The parts of a postal address (`AddressData`). It reaches you inside
/// [`Personal`], which keeps it out of `Debug`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AddressData {
    /// The street, with the number and any unit.
    pub street: String,
    /// The city.
    pub city: Option<String>,
    /// The state, province or region (ISO 3166-2 subdivision code in the US).
    pub region: Option<String>,
    /// The ZIP or postal code.
    pub postal_code: Option<String>,
    /// The ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
}
