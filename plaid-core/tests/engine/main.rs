//! Tests of the family-neutral engine: configuration, the `Client` and its
//! calls, and the transports. The engine can only be driven through legacy
//! endpoints today, so these tests use them as a vehicle; what they assert
//! is the engine's behaviour, not the legacy wire format (that is
//! `tests/legacy`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

#[path = "../support/mod.rs"]
mod support;

mod client;
mod config;
mod transports;
