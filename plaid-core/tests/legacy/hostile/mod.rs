//! Hostile responses: one table of malformed, truncated, oversized and
//! wrongly-typed bodies, each fed to every response parser of the registry
//! (`crate::parsers`) inside `catch_unwind`. Every case has an exact
//! expectation for the parsers it targets, chosen by their success body
//! shape; every parser must also keep the status, the raw body and the
//! request id of any error it returns. The runner itself is shared with
//! the modern family (`support::hostile`); this module holds the legacy
//! selections and value checks, and chains the cases both families share
//! (`support::hostile_common`: empty bodies, proxy pages, odd statuses).
//!
//! The cases are split by what is hostile about them: `syntax` (bytes that
//! are not the JSON asked for: malformed, truncated, bad UTF-8,
//! deep nesting, huge bodies), `values` (well-formed JSON with huge, wrong,
//! null, unknown or missing values) and `statuses` (200 vs 201, error
//! bodies, odd statuses).

/// `{"accounts": ACCOUNTS, "transactions": TRANSACTIONS, "access_token": ...}`
/// as bytes, from two JSON literals.
macro_rules! connect {
    ($accounts:literal, $transactions:literal) => {
        concat!(
            r#"{"accounts":"#,
            $accounts,
            r#","transactions":"#,
            $transactions,
            r#","access_token":"test_chase"}"#
        )
        .as_bytes()
    };
}

/// A connect body with one well-formed account and these transactions.
macro_rules! good_connect {
    ($transactions:literal) => {
        connect!(
            r#"[{"_id":"a1","balance":{"available":1.5,"current":2.5},"type":"depository","subtype":"checking"}]"#,
            $transactions
        )
    };
}

mod statuses;
mod syntax;
mod values;

use std::any::Any;

use crate::parsers::{Data, PARSERS, Parser, Success};
use crate::support::hostile::{self, Body, HTML, JSON, api, decode, no_api};
use crate::support::hostile_common::{self, deeply_nested_arrays};
use plaid_core::legacy::models::{ConnectResponse, MfaChallenge, Outcome, UpgradeResponse};

type Case = hostile::Case<Parser>;
type Parsers = hostile::Parsers<Parser>;
type Expect = hostile::Expect<u32>;

/// Every parser.
const ALL: Parsers = Parsers::ALL;
/// Parsers whose success body may be a JSON object (not only a list).
const OBJECTS: Parsers = Parsers::Where(Parser::takes_object);
/// Parsers whose success body is `{accounts, access_token, ...}` with
/// nothing else required.
const ITEM: Parsers = Parsers::Where(Parser::is_item);
/// Item parsers that read a 201 as data, not as a challenge.
const PLAIN_ITEM: Parsers = Parsers::Where(|p| p.is_item() && !p.mfa);
/// Parsers that read a 201 as an MFA challenge.
const MFA: Parsers = Parsers::Where(|p| p.mfa);
/// Parsers whose success body may carry transactions.
const TRANSACTIONS: Parsers = Parsers::Where(Parser::has_transactions);
/// Transaction parsers that read a 201 as data: the plain connect get.
const PLAIN_TRANSACTIONS: Parsers = Parsers::Where(|p| p.has_transactions() && !p.mfa);
/// Parsers that return connect data (directly or in an `Outcome`).
const CONNECT: Parsers = Parsers::Shape(Success::Item(Data::Connect));
/// Parsers whose success body is `{message}`.
const MESSAGE: Parsers = Parsers::Shape(Success::Message);

/// The connect data a connect parser returned, if it connected.
fn connect_ok(parsed: &dyn Any) -> Option<&ConnectResponse> {
    match parsed.downcast_ref::<Outcome<ConnectResponse>>() {
        Some(Outcome::Connected(data)) => Some(data),
        Some(_) => None,
        None => parsed.downcast_ref::<ConnectResponse>(),
    }
}

/// The challenge an MFA parser returned, if it was challenged.
fn challenge_of(parsed: &dyn Any) -> Option<&MfaChallenge> {
    if let Some(Outcome::MfaRequired(challenge)) = parsed.downcast_ref::<Outcome<ConnectResponse>>()
    {
        return Some(challenge);
    }
    match parsed.downcast_ref::<Outcome<UpgradeResponse>>() {
        Some(Outcome::MfaRequired(challenge)) => Some(challenge),
        _ => None,
    }
}

/// The cases both families share (`support::hostile_common`).
static COMMON: [Case; hostile_common::COUNT] = hostile_common::cases();

/// Every case of the three tables and the shared ones.
fn cases() -> impl Iterator<Item = &'static Case> + Clone {
    syntax::CASES
        .iter()
        .chain(values::CASES)
        .chain(statuses::CASES)
        .chain(&COMMON)
}

#[test]
fn the_table_is_large_enough_and_names_are_unique() {
    hostile::assert_table(cases(), 45);
}

#[test]
fn every_case_targets_registered_parsers() {
    hostile::assert_targets(cases(), PARSERS);
}

#[test]
fn every_hostile_case_through_every_parser() {
    hostile::assert_every_case(cases(), PARSERS);
}
