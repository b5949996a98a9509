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
mod identity;
mod item;

pub use access::AccountIdsOptions;
pub use accounts::AccountsBalanceGet;
pub use accounts::AccountsBalanceGetOptions;
pub use accounts::AccountsGet;
pub use accounts::AccountsGetResponse;
pub use auth::AuthGet;
pub use auth::AuthGetResponse;
pub use identity::IdentityGet;
pub use identity::IdentityGetResponse;
pub use item::ItemGet;
pub use item::ItemGetResponse;
pub use item::ItemPublicTokenExchange;
pub use item::ItemPublicTokenExchangeResponse;
pub use item::ItemRemove;
pub use item::ItemRemoveReasonCode;
pub use item::ItemRemoveResponse;
pub use item::ItemWebhookUpdate;
pub use item::ItemWebhookUpdateResponse;
