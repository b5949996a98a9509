//! The modern API family's tests, in one binary: request snapshots of every
//! endpoint, response and error parsing, retries by error code, hostile
//! bodies (over the parser registry of `parsers`), properties and secret
//! redaction. Everything here speaks the modern wire
//! format; the family-neutral engine is tested in `tests/engine`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

#[path = "../support/mod.rs"]
mod support;

mod calls;
mod hostile;
mod parsers;
mod properties;
mod secrets;
mod txn_bodies;
mod wire;

mod accounts;
mod auth;
mod bodies;
mod categories;
mod errors;
mod identity;
mod institutions;
mod investments;
mod items;
mod liabilities;
mod link;
mod offset_pager;
mod sandbox;
mod sync_drivers;
mod sync_loop;
mod transactions;
#[cfg(feature = "webhook-signer")]
mod webhook_driver;
#[cfg(feature = "webhook-signer")]
mod webhook_hostile;
mod webhook_key;
mod webhook_payloads;
#[cfg(feature = "webhooks")]
mod webhook_verify;
