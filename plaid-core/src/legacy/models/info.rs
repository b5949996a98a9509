//! Identity information (Info). Every value here is personal data: it
//! reads as itself but prints `[redacted]` in `Debug`.

use serde::{Deserialize, Serialize};

use crate::secret::Personal;

/// What the institution knows about the account holder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Info {
    /// Email addresses.
    #[serde(default)]
    pub emails: Vec<ContactDetail>,
    /// Postal addresses.
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// Phone numbers.
    #[serde(default)]
    pub phone_numbers: Vec<ContactDetail>,
    /// Names on the account.
    #[serde(default)]
    pub names: Vec<Personal<String>>,
}

/// An email address or phone number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContactDetail {
    /// Whether it is the primary one.
    #[serde(default)]
    pub primary: bool,
    /// Its type (`personal`, `home`, …).
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The address or number.
    pub data: Personal<String>,
}

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// Whether it is the primary one.
    #[serde(default)]
    pub primary: bool,
    /// The address.
    pub data: Personal<AddressData>,
}

/// The parts of a postal address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AddressData {
    /// Street.
    #[serde(default)]
    pub street: Option<String>,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
    /// State.
    #[serde(default)]
    pub state: Option<String>,
    /// ZIP code.
    #[serde(default)]
    pub zip: Option<String>,
}
