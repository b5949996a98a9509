//! Typed models of the modern API's responses, from Plaid's OpenAPI spec.
//!
//! - Every server enumeration is open: a value this version does not know
//!   is kept as `Unknown(String)` and never fails a decode (Plaid adds enum
//!   values without a new API version).
//! - Required-but-nullable fields are `Option`; unknown fields are ignored.
//! - Money is exact ([`Amount`](crate::Amount), read from the JSON
//!   number's digits, never through `f64`); dates are
//!   [`Date`](crate::Date), date-times [`DateTime`](crate::DateTime)
//!   (RFC 3339 with a zone).
//! - Account numbers and identity data print redacted in `Debug`; so do
//!   the people named in a transaction's payment details and a mortgaged
//!   property's address.
//! - The few request-side models (the Link token's [`LinkTokenUser`]) hold
//!   what they know of a person in `Personal`, so a request's `Debug` shows
//!   none of it.

mod account;
mod auth;
mod category;
mod common;
mod enrichment;
mod identity;
mod institution;
mod investment;
mod item;
mod liability;
mod recurring;
mod security;
mod transaction;
mod user;
mod webhook;
mod webhook_key;

pub use account::{
    Account, AccountBalance, AccountHolderCategory, AccountNumberFormat, AccountSubtype,
    AccountType, AccountVerificationInsights, AccountVerificationStatus, NetworkStatus,
    PreviousReturns,
};
pub use auth::{AuthGetNumbers, NumbersAch, NumbersBacs, NumbersEft, NumbersInternational};
pub use category::{Category, CategoryGroup};
pub use common::{CountryCode, Product};
pub use enrichment::{
    BusinessFinanceCategory, ClientCustomization, ConfidenceLevel, Counterparty,
    CounterpartyNumbers, CounterpartyNumbersBacs, CounterpartyNumbersInternational,
    CounterpartyType, Location, PaymentMeta, PersonalFinanceCategory,
};
pub use identity::{
    AccountIdentity, Address, AddressData, Email, EmailType, Owner, PhoneNumber, PhoneNumberType,
};
pub use institution::{
    AuthMetadata, AuthSupportedMethods, ConnectionAvailability, HealthIncident, HealthStatus,
    IncidentStatus, IncidentUpdate, Institution, InstitutionStatus, PaymentInitiationMetadata,
    PaymentScheduleInterval, ProductStatus, ProductStatusBreakdown, RefreshInterval,
    StandingOrderMetadata,
};
pub use investment::{
    Holding, HoldingTaxLot, InvestmentTransaction, InvestmentTransactionSubtype,
    InvestmentTransactionType, PositionType,
};
pub use item::{
    Item, ItemAuthMethod, ItemConsentedDataScope, ItemStatus, ItemStatusLastWebhook,
    ItemStatusUpdates, ItemUpdateType,
};
pub use liability::{
    Apr, AprType, CreditCardLiability, Liabilities, MortgageInterestRate, MortgageLiability,
    MortgagePropertyAddress, PslfStatus, ServicerAddress, StudentLoan, StudentLoanStatus,
    StudentLoanStatusType, StudentRepaymentPlan, StudentRepaymentPlanType,
};
pub use recurring::{
    RecurringTransactionFrequency, TransactionStream, TransactionStreamAmount,
    TransactionStreamStatus,
};
pub use security::{
    FixedIncome, OptionContract, OptionContractType, Security, SecurityType, YieldRate,
    YieldRateType,
};
pub use transaction::{
    PaymentChannel, PersonalFinanceCategoryVersion, RemovedTransaction, Transaction,
    TransactionCode, TransactionType, TransactionsUpdateStatus,
};
pub use user::{IdNumberType, LinkTokenUser, UserAddress, UserIdNumber, UserName};
pub use webhook::WebhookType;
pub use webhook_key::JwkPublicKey;
