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
mod item;
mod link;
mod sandbox;
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
pub use item::{
    ItemGet, ItemGetResponse, ItemPublicTokenExchange, ItemPublicTokenExchangeResponse, ItemRemove,
    ItemRemoveReasonCode, ItemRemoveResponse, ItemWebhookUpdate, ItemWebhookUpdateResponse,
};
pub use link::{LinkTokenCreate, LinkTokenCreateResponse, LinkTokenTransactions};
pub use sandbox::{
    SandboxItemFireWebhook, SandboxItemFireWebhookResponse, SandboxItemResetLogin,
    SandboxItemResetLoginResponse, SandboxPublicTokenCreate, SandboxPublicTokenCreateOptions,
    SandboxPublicTokenCreateResponse, SandboxStatementsOptions, SandboxTransactionsOptions,
    SandboxWebhookCode,
};
pub use webhook_key::{WebhookVerificationKeyGet, WebhookVerificationKeyGetResponse};
