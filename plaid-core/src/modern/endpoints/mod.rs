//! Endpoint descriptors of the modern family, one file per area.
//!
//! Each file holds, for each of its calls: the request struct (required
//! fields as constructor arguments, optional ones through builder methods,
//! set on a call with [`Call::with`](crate::Call::with)), its
//! [`Operation`](super::Operation) impl, its response struct when no other
//! call shares it, and its one [`Client`](super::Client) method. A new
//! endpoint is a new file (or a new section of its area's file) plus its
//! line below.

mod item;

pub use item::{ItemPublicTokenExchange, ItemPublicTokenExchangeResponse};
