//! Typed models of the modern API's responses, from Plaid's OpenAPI spec.
//!
//! - Every server enumeration is open: a value this version does not know
//!   is kept as `Unknown(String)` and never fails a decode (Plaid adds enum
//!   values without a new API version).
//! - Required-but-nullable fields are `Option`; unknown fields are ignored.
//! - Money is exact ([`Amount`](crate::Amount), read from the JSON number's digits, never
//!   through `f64`); dates are [`Date`](crate::Date), date-times [`DateTime`](crate::DateTime) (RFC 3339 with
//!   a zone).
//! - Account numbers and identity data print redacted in `Debug`.

mod account;
mod auth;
mod common;
mod identity;
mod item;

pub use account::{
    Account, AccountBalance, AccountHolderCategory, AccountNumberFormat, AccountSubtype,
    AccountType, AccountVerificationInsights, AccountVerificationStatus, NetworkStatus,
    PreviousReturns,
};
pub use auth::{AuthGetNumbers, NumbersAch, NumbersBacs, NumbersEft, NumbersInternational};
pub use common::{CountryCode, Product};
pub use identity::{
    AccountIdentity, Address, AddressData, Email, EmailType, Owner, PhoneNumber, PhoneNumberType,
};
pub use item::{
    Item, ItemAuthMethod, ItemConsentedDataScope, ItemStatus, ItemStatusLastWebhook,
    ItemStatusUpdates, ItemUpdateType,
};
