//! # plaid-core
//!
//! The sans-IO core of plaid-rs, a Rust client for the Plaid API.
//!
//! This crate builds `http::Request` values for every Plaid call and parses
//! `http::Response` values into typed results and errors. **It does no I/O**:
//! a backend crate (`plaid-reqwest`, `plaid-ureq`, `plaid-hyper`) or your own
//! code moves the bytes through the [`Transport`] or [`AsyncTransport`] trait.
//!
//! The crate root is the engine, the same for every API family:
//!
//! - [`Config`]: environment, API keys, default access token, timeout,
//!   retry policy and response size limit. No global state.
//! - [`Client`]: the calls users make, written once for every transport;
//!   each [`Call`] is sent with `.send()` or `.await`.
//! - [`Endpoint`]: one API call as a plain value, usable without a client.
//! - [`Error`]: one error type with a [`kind`](Error::kind) and predicates.
//! - [`retry`]: the pure retry policy the client's drivers follow.
//! - [`transport`]: the seam to an HTTP stack.
//! - [`secret`]: newtypes that keep keys, tokens and personal data out of
//!   logs.
//! - [`Api`]: what makes an API family; each family is a module:
//!   [`legacy`] for the API of the official `plaid-python` 1.0.x client.
//!
//! Reading a user's data needs only a client and a transport:
//!
//! ```
//! use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
//! use plaid_core::{Client, http, legacy};
//!
//! // A canned transport; in real code, a backend crate's transport.
//! let transport = |_request: HttpRequest| -> Result<HttpResponse, TransportError> {
//!     let body = br#"{"accounts": [], "access_token": "test_bofa"}"#.to_vec();
//!     Ok(http::Response::builder().status(200).body(body).expect("a valid response"))
//! };
//! let client = Client::new(legacy::Config::sandbox("http://127.0.0.1:8080")?, transport)
//!     .with_access_token("test_bofa");
//! let balance = client.balance().send()?;
//! assert!(balance.accounts.is_empty());
//! # Ok::<(), plaid_core::Error>(())
//! ```
//!
//! ## Features
//!
//! - `tracing`: one [`tracing`](https://docs.rs/tracing) span per call and
//!   one event per attempt (family, method, path, status, request id,
//!   attempt number, elapsed time). Never a header, a query or a body.
//! - `webhooks`: verification of modern webhooks' `Plaid-Verification`
//!   header ([`modern::webhook`]); adds `ring`, which every backend already
//!   has through rustls.
//! - `webhook-signer`: a local signer of `Plaid-Verification` headers, to
//!   test webhook handlers without Plaid (implies `webhooks`).
//! - `rustls`: `transport::TlsFailure::find`, which
//!   backends on rustls 0.23 use to name why a TLS handshake failed. It
//!   depends on rustls's error types only (no crypto provider); the
//!   backend crates turn it on themselves.
#![deny(missing_docs)]
// Parsers index into data from the network: every index must be checked.
#![cfg_attr(not(test), warn(clippy::indexing_slicing))]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub use http;

#[macro_use]
mod types;

mod api;
mod client;
mod config;
mod endpoint;
mod error;
mod wire;

pub mod legacy;
pub mod modern;
pub mod retry;
pub mod secret;
pub mod transport;

pub use api::{Api, REQUEST_ID_HEADER};
pub use client::{Call, Client, RawResponse, ResponseMode, Suppressed, Typed};
pub use config::{Config, Credentials, DEFAULT_TIMEOUT};
pub use endpoint::Endpoint;
pub use error::{ApiErrorBody, Error, ErrorKind};
pub use retry::{RetryHint, RetryPolicy};
pub use secret::AccessToken;
pub use transport::{
    AsyncTransport, DynAsyncTransport, Transport, TransportError, TransportErrorKind,
};
pub use types::{Amount, Date, DateTime};
pub use wire::USER_AGENT;

/// The crate README's examples, compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
