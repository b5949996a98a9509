//! Endpoint descriptors of the modern family, one file per area.
//!
//! Each file holds, for each of its calls: the request struct (required
//! fields as constructor arguments, optional ones through builder methods,
//! set on a call with [`Call::with`](crate::Call::with)), its
//! [`Operation`](super::Operation) impl, its response struct when no other
//! call shares it, and its one [`Client`](super::Client) method. A new
//! endpoint is a new file (or a new section of its area's file) plus its
//! line below.

mod access;
mod accounts;
mod auth;
mod categories;
pub(crate) mod check;
mod identity;
mod institutions;
mod investments;
mod item;
mod liabilities;
mod link;
mod recurring;
mod sandbox;
mod transactions;
mod webhook_key;

pub use categories::{CategoriesGet, CategoriesGetResponse};
pub use institutions::{
    InstitutionsGet, InstitutionsGetById, InstitutionsGetByIdOptions, InstitutionsGetByIdResponse,
    InstitutionsGetOptions, InstitutionsGetResponse, InstitutionsSearch, InstitutionsSearchOptions,
    InstitutionsSearchPaymentInitiation, InstitutionsSearchResponse,
};

pub use access::AccountIdsOptions;
pub use accounts::{
    AccountsBalanceGet, AccountsBalanceGetOptions, AccountsGet, AccountsGetResponse,
};
pub use auth::{AuthGet, AuthGetResponse};
pub use identity::{IdentityGet, IdentityGetResponse};
pub use investments::{
    InvestmentsHoldingsGet, InvestmentsHoldingsGetResponse, InvestmentsTransactionsGet,
    InvestmentsTransactionsGetOptions, InvestmentsTransactionsGetResponse,
};
pub use item::{
    ItemGet, ItemGetResponse, ItemPublicTokenExchange, ItemPublicTokenExchangeResponse, ItemRemove,
    ItemRemoveReasonCode, ItemRemoveResponse, ItemWebhookUpdate, ItemWebhookUpdateResponse,
};
pub use liabilities::{LiabilitiesGet, LiabilitiesGetResponse};
pub use link::{LinkTokenCreate, LinkTokenCreateResponse, LinkTokenTransactions};
pub use recurring::{
    TransactionsRecurringGet, TransactionsRecurringGetOptions, TransactionsRecurringGetResponse,
    TransactionsRefresh, TransactionsRefreshResponse,
};
pub use sandbox::{
    SandboxItemFireWebhook, SandboxItemFireWebhookResponse, SandboxItemResetLogin,
    SandboxItemResetLoginResponse, SandboxPublicTokenCreate, SandboxPublicTokenCreateOptions,
    SandboxPublicTokenCreateResponse, SandboxStatementsOptions, SandboxTransactionsOptions,
    SandboxWebhookCode,
};
pub use transactions::{
    MAX_PAGE_SIZE, TransactionsGet, TransactionsGetOptions, TransactionsGetResponse,
    TransactionsSync, TransactionsSyncOptions, TransactionsSyncResponse,
};
pub use webhook_key::{WebhookVerificationKeyGet, WebhookVerificationKeyGetResponse};
