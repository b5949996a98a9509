//! The legacy API family's tests, in one binary (one link instead of one
//! per topic): request snapshots, response parsing, API errors, hostile
//! bodies, properties and secret redaction. Everything here speaks the
//! legacy wire format; tests of the family-neutral engine are in
//! `tests/engine`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

#[path = "../support/mod.rs"]
mod support;

mod errors;
mod form;
mod hostile;
mod parsers;
mod properties;
mod requests;
mod responses;
mod secrets;
mod webhooks;
