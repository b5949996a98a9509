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

pub use account::Account;
pub use account::AccountBalance;
pub use account::AccountHolderCategory;
pub use account::AccountNumberFormat;
pub use account::AccountSubtype;
pub use account::AccountType;
pub use account::AccountVerificationInsights;
pub use account::AccountVerificationStatus;
pub use account::NetworkStatus;
pub use account::PreviousReturns;
pub use auth::AuthGetNumbers;
pub use auth::NumbersAch;
pub use auth::NumbersBacs;
pub use auth::NumbersEft;
pub use auth::NumbersInternational;
pub use common::{CountryCode, Product};
pub use identity::AccountIdentity;
pub use identity::Address;
pub use identity::AddressData;
pub use identity::Email;
pub use identity::EmailType;
pub use identity::Owner;
pub use identity::PhoneNumber;
pub use identity::PhoneNumberType;
pub use item::Item;
pub use item::ItemAuthMethod;
pub use item::ItemConsentedDataScope;
pub use item::ItemStatus;
pub use item::ItemStatusLastWebhook;
pub use item::ItemStatusUpdates;
pub use item::ItemUpdateType;
