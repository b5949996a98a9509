//! # plaid-core
//!
//! The sans-IO core of plaid-rs, a Rust client for the Plaid API.
//!
//! This crate builds `http::Request` values for every Plaid call and parses
//! `http::Response` values into typed results and errors. **It does no I/O**:
//! a backend crate (`plaid-reqwest`, `plaid-ureq`, `plaid-hyper`) or your own
//! code moves the bytes through the [`Transport`] or [`AsyncTransport`] trait.
//!
//! - [`Config`]: environment, API keys, default access token, timeout,
//!   retry policy and response size limit. No global state.
//! - [`endpoints`]: one descriptor per API call, usable without a client.
//! - [`Client`]: the methods users call, written once for every transport.
//! - [`Error`]: one error type with a [`kind`](Error::kind) and predicates.
//! - [`models`]: typed responses; open enums keep values they do not know.
//! - [`secret`]: newtypes that print `[redacted]`.
//! - [`Login`], [`MfaAnswer`], [`AddOptions`], [`GetOptions`]: typed inputs.
//! - [`retry`]: the pure retry policy the client's drivers follow.
//! - [`family`]: how the legacy API encodes requests and errors.
//!
//! Reading a user's data needs only a client and a transport:
//!
//! ```
//! use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
//! use plaid_core::{Client, Config, http};
//!
//! // A canned transport; in real code, a backend crate's transport.
//! let transport = |_request: HttpRequest| -> Result<HttpResponse, TransportError> {
//!     let body = br#"{"accounts": [], "access_token": "test_bofa"}"#.to_vec();
//!     Ok(http::Response::builder().status(200).body(body).expect("a valid response"))
//! };
//! let client = Client::new(Config::sandbox("http://127.0.0.1:8080")?, transport)
//!     .with_access_token("test_bofa");
//! let balance = client.balance().send()?;
//! assert!(balance.accounts.is_empty());
//! # Ok::<(), plaid_core::Error>(())
//! ```
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub use http;

mod client;
mod config;
mod endpoint;
mod error;
mod error_code;
mod form;
mod params;

pub mod endpoints;
pub mod family;
pub mod models;
pub mod retry;
pub mod secret;
pub mod transport;

pub use client::{Call, Client, RawResponse, ResponseMode, Suppressed, Typed};
pub use config::{Config, Credentials, DEFAULT_TIMEOUT, Environment};
pub use endpoint::Endpoint;
pub use error::{ApiError, Error, ErrorKind};
pub use error_code::ErrorCode;
pub use params::{
    AddOptions, GetOptions, InstitutionType, Login, MfaAnswer, SendMethod, StepOptions,
};
pub use retry::RetryPolicy;
pub use secret::AccessToken;
pub use transport::{
    AsyncTransport, DynAsyncTransport, Transport, TransportError, TransportErrorKind,
};
