//! Typed models of the legacy API's responses.
//!
//! Server-defined enumerations are open: a value this version does not know
//! is kept as `Unknown(String)` and never fails a decode. Unknown fields are
//! ignored. Fields the API documents as optional are `Option` or default to
//! empty. Money is [`Amount`] (never `f32`; see its docs), dates are
//! [`Date`].

mod account;
mod category;
mod income;
mod info;
mod institution;
mod mfa;
mod money;
mod responses;
mod search;
mod transaction;

pub use crate::types::Date;
pub use account::{
    Account, AccountMeta, AccountNumbers, AccountRisk, AccountSubtype, AccountType, Balance,
};
pub use category::{Category, CategoryType};
pub use income::{Income, IncomeStream};
pub use info::{Address, AddressData, ContactDetail, Info};
pub use institution::{CredentialLabels, Institution, MfaKind, Product};
pub use mfa::{DeviceType, Mfa, MfaChallenge, MfaDevice, MfaQuestion, MfaSelection, Outcome};
pub use money::Amount;
pub use responses::{
    AuthResponse, BalanceResponse, ConnectResponse, DeleteResponse, ExchangeResponse,
    HasAccessToken, IncomeResponse, InfoResponse, InstitutionsPage, RiskResponse, UpgradeResponse,
};
pub use search::{Colors, LoginField, SearchResult, SearchResults};
pub use transaction::{
    Coordinates, Location, Transaction, TransactionKind, TransactionMeta, TransactionScore,
    TransactionType,
};
