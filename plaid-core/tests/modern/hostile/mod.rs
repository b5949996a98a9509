//! Hostile responses for the modern family: one table of malformed,
//! truncated, oversized and wrongly-typed bodies, each fed to every
//! response parser of the registry (`crate::parsers`) inside
//! `catch_unwind` by the runner both families share (`support::hostile`).
//! Every case has an exact expectation for the parsers it targets, chosen
//! by what their success body reads; every parser must also keep the
//! status, the raw body and the request id of any error it returns.
//!
//! Most success cases start from one body that every modern parser
//! accepts, [`everything`]: the fields of all 24 answers side by side
//! (unknown fields are ignored; the product answers' part is in
//! `fields`). A case changes one value in it, so the parsers that read
//! that value must fail exactly there and the others are untouched.
//!
//! The cases are split by what is hostile about them: `syntax` (bytes that
//! are not the JSON asked for: malformed, empty objects, bad UTF-8,
//! deep nesting, huge bodies, duplicate keys), `values` (well-formed JSON
//! with huge, too precise, wrongly typed, zone-less or unknown values),
//! `money` (the money cases, once per site that holds money: balances,
//! transaction amounts, holdings, prices, liabilities, streams),
//! `transactions` and `investments` (the values of the product answers:
//! dates, open enums, categories, counterparties, cursors, totals) and
//! `statuses` (error bodies of every odd shape, a `PlaidError` on a 200,
//! statuses outside the documented table). The family-neutral cases
//! (empty bodies, proxy pages, odd statuses) are shared with the legacy
//! family (`support::hostile_common`) and chained to the first tables.
//!
//! `sync_loop` is not a table: it drives the `/transactions/sync` loop
//! through a client over hostile page sequences (a cursor that does not
//! move, an empty cursor with more to come, long cursors, accounts that
//! change between pages).

pub(crate) mod fields;
mod investments;
mod money;
mod statuses;
mod sync_loop;
mod syntax;
mod transactions;
mod values;

use std::any::Any;

use plaid_core::modern::endpoints::{
    AccountsGetResponse, AuthGetResponse, IdentityGetResponse, InvestmentsHoldingsGetResponse,
    InvestmentsTransactionsGetResponse, ItemGetResponse, ItemRemoveResponse,
    ItemWebhookUpdateResponse, LiabilitiesGetResponse, TransactionsGetResponse,
    TransactionsRefreshResponse, TransactionsSyncResponse,
};
use plaid_core::modern::models::{AccountBalance, Item};
use serde_json::{Value, json};

use crate::bodies::{checking, item};
use crate::parsers::{PARSERS, Parser, Success};
use crate::support::REQUEST_ID;
use crate::support::hostile::{self, Body, HTML, JSON, api, decode, no_api};
use crate::support::hostile_common::{self, deeply_nested_arrays};

type Case = hostile::Case<Parser>;
type Parsers = hostile::Parsers<Parser>;
type Expect = hostile::Expect<&'static str>;

/// Every parser.
const ALL: Parsers = Parsers::ALL;
/// Parsers whose success body requires a field (all but `/item/remove`).
const REQUIRES: Parsers = Parsers::Where(Parser::requires_a_field);
/// Parsers whose success body lists accounts with balances.
const ACCOUNTS: Parsers = Parsers::Where(Parser::reads_accounts);
/// Parsers that ignore the accounts.
const NOT_ACCOUNTS: Parsers = Parsers::Where(|p| !p.reads_accounts());
/// Parsers whose success body carries an Item.
const ITEM: Parsers = Parsers::Where(Parser::reads_item);
/// Parsers whose success body lists institutions.
const INSTITUTIONS: Parsers = Parsers::Where(Parser::reads_institutions);
/// The `/item/remove` and `/transactions/refresh` parsers, whose success
/// body requires nothing.
const NOTHING: Parsers = Parsers::Shape(Success::Nothing);
/// Parsers whose success body lists transactions (sync and get).
const TRANSACTIONS: Parsers = Parsers::Where(Parser::reads_transactions);
/// Parsers whose success body lists securities (both investments calls).
const SECURITIES: Parsers = Parsers::Where(Parser::reads_securities);
/// The `/transactions/sync` parser.
const SYNC: Parsers = Parsers::Shape(Success::SyncPage);
/// The `/transactions/get` parser.
const GET: Parsers = Parsers::Shape(Success::TransactionPage);
/// The `/transactions/recurring/get` parser.
const STREAMS: Parsers = Parsers::Shape(Success::Streams);
/// The `/investments/holdings/get` parser.
const HOLDINGS: Parsers = Parsers::Shape(Success::Holdings);
/// The `/investments/transactions/get` parser.
const INVESTMENT_TRANSACTIONS: Parsers = Parsers::Shape(Success::InvestmentTransactions);
/// The `/liabilities/get` parser.
const LIABILITIES: Parsers = Parsers::Shape(Success::Liabilities);

/// An ACH account number no other value of [`everything`] contains.
const ACCOUNT_NUMBER: &str = "1111222233330000";

/// One institution, with every required field.
fn institution() -> Value {
    json!({
        "institution_id": "ins_109508",
        "name": "First Platypus Bank",
        "products": ["auth", "balance", "identity", "transactions"],
        "country_codes": ["US"],
        "routing_numbers": ["011000138"],
        "oauth": false,
        "url": null,
        "primary_color": null,
        "logo": null
    })
}

/// A body every modern parser accepts: each answer's fields side by side,
/// shaped like the emulator's (`bodies::checking` and `bodies::item`), the
/// account with identity owners and Auth numbers, and the product answers'
/// fields of `fields`.
pub(crate) fn everything() -> Value {
    let mut account = checking();
    account["owners"] = json!([{
        "names": ["Alberta Bobbeth Charleson"],
        "phone_numbers": [{"data": "1112223333", "primary": true, "type": "home"}],
        "emails": [{"data": "accountholder0@example.com", "primary": true, "type": "primary"}],
        "addresses": [{"data": {"street": "2992 Cameron Road", "city": "Malakoff",
            "region": "NY", "postal_code": "14236", "country": "US"}, "primary": true}]
    }]);
    let mut body = json!({
        "accounts": [account],
        "numbers": {
            "ach": [{"account_id": account["account_id"], "account": ACCOUNT_NUMBER,
                "routing": "011401533", "wire_routing": "021000021"}],
            "eft": [], "international": [], "bacs": []
        },
        "item": item(),
        "access_token": "access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6",
        "item_id": "DWVAAPWq4RHGlEaNyGKRTAnPLaEmo8Cvq7na6",
        "public_token": "public-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d",
        "link_token": "link-sandbox-af1a0311-da53-4636-b754-dd15cc058176",
        "expiration": "2026-11-30T12:34:56Z",
        "institutions": [institution()],
        "total": 1,
        "institution": institution(),
        "categories": [{"category_id": "10000000", "group": "special",
            "hierarchy": ["Bank Fees"]}],
        "key": {"alg": "ES256", "crv": "P-256", "kid": "6c5516e1-92dc-479e-a8ff-5a51992e0001",
            "kty": "EC", "use": "sig", "x": "35lvC8uz2QRWqdnJhv5kvWzuRpa6gY6Xw1yA0QBsJ9A",
            "y": "pGZEaNlThH04ud7DWRnx6V4Ha3jbPAoIsBrwaF4xZIE",
            "created_at": 1560466143, "expired_at": null},
        "reset_login": true,
        "webhook_fired": true,
        "request_id": REQUEST_ID,
        "a_field_added_later": {"note": "no parser reads this"}
    });
    let Value::Object(products) = fields::product_fields() else {
        unreachable!("the product fields are an object")
    };
    body.as_object_mut().unwrap().extend(products);
    body
}

/// The first account's available balance in [`everything`].
const AVAILABLE: &str = "/accounts/0/balances/available";

/// A field of [`everything`] that no parser reads.
const UNREAD: &str = "/a_field_added_later/note";

/// Stands for the raw JSON a case puts in place of a value.
const PLACEHOLDER: &str = "\"@@raw@@\"";

/// [`everything`] with the value at `pointer` (a JSON pointer) replaced by
/// `raw`, JSON text that need not be a valid `serde_json::Value` (1e400,
/// twenty decimal places, invalid UTF-8 left out).
pub(crate) fn set(pointer: &str, raw: &str) -> Vec<u8> {
    set_bytes(pointer, raw.as_bytes())
}

/// [`set`] with bytes that need not be UTF-8.
fn set_bytes(pointer: &str, raw: &[u8]) -> Vec<u8> {
    patch(everything(), pointer, raw)
}

/// `body`, serialised, with the value at `pointer` replaced by `raw`.
fn patch(mut body: Value, pointer: &str, raw: &[u8]) -> Vec<u8> {
    let slot = body
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer} is not in the body"));
    *slot = serde_json::from_str(PLACEHOLDER).unwrap();
    let text = body.to_string();
    let (before, after) = text.split_once(PLACEHOLDER).unwrap();
    [before.as_bytes(), raw, after.as_bytes()].concat()
}

/// [`everything`] without the field at `pointer`.
fn remove(pointer: &str) -> Vec<u8> {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let mut body = everything();
    let removed = body
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .and_then(|object| object.remove(key));
    assert!(removed.is_some(), "{pointer} is not in the body");
    body.to_string().into_bytes()
}

/// [`everything`] with the value at each pointer replaced by a
/// `serde_json::Value` (for cases that change several fields at once).
fn with_values(changes: &[(&str, Value)]) -> Vec<u8> {
    let mut body = everything();
    for (pointer, value) in changes {
        let slot = body
            .pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer} is not in the body"));
        *slot = value.clone();
    }
    body.to_string().into_bytes()
}

/// [`everything`], serialised.
fn everything_bytes() -> Vec<u8> {
    everything().to_string().into_bytes()
}

/// A `PlaidError` body with every field the spec defines.
fn plaid_error(error_type: &str, error_code: &str) -> Value {
    json!({
        "error_type": error_type,
        "error_code": error_code,
        "error_code_reason": null,
        "error_message": "the provided access token is in an invalid format",
        "display_message": null,
        "request_id": REQUEST_ID,
        "causes": [],
        "status": null,
        "documentation_url": "https://plaid.com/docs/errors/",
        "suggested_action": null
    })
}

/// A `PlaidError` body of `INVALID_INPUT` / `INVALID_ACCESS_TOKEN` with the
/// field at `pointer` replaced by `raw` (see [`set`]).
fn error_with(pointer: &str, raw: &str) -> Vec<u8> {
    let body = plaid_error("INVALID_INPUT", "INVALID_ACCESS_TOKEN");
    patch(body, pointer, raw.as_bytes())
}

/// The same `PlaidError` without the field `key`.
fn error_without(key: &str) -> Vec<u8> {
    let mut body = plaid_error("INVALID_INPUT", "INVALID_ACCESS_TOKEN");
    assert!(body.as_object_mut().unwrap().remove(key).is_some(), "{key}");
    body.to_string().into_bytes()
}

/// The first of `$answer`'s types that `$parsed` is, read by `$read`
/// (which returns an `Option`): one reader for every answer that shares a
/// field.
macro_rules! reach {
    ($parsed:expr, $($answer:ty)|+ => |$it:ident| $read:expr) => {{
        let parsed: &dyn Any = $parsed;
        None$(.or_else(|| parsed.downcast_ref::<$answer>().and_then(|$it| $read)))+
    }};
}

/// The balances of the first account a parser returned, for the answers
/// that list accounts.
fn balances(parsed: &dyn Any) -> Option<&AccountBalance> {
    reach!(parsed,
        AccountsGetResponse | AuthGetResponse | IdentityGetResponse | TransactionsSyncResponse
            | TransactionsGetResponse | InvestmentsHoldingsGetResponse
            | InvestmentsTransactionsGetResponse | LiabilitiesGetResponse
        => |answer| answer.accounts.first().map(|account| &account.balances))
}

/// The Item a parser returned, for the answers that carry one.
fn item_of(parsed: &dyn Any) -> Option<&Item> {
    reach!(parsed,
        AccountsGetResponse | AuthGetResponse | IdentityGetResponse | ItemGetResponse
            | ItemWebhookUpdateResponse | TransactionsGetResponse
            | InvestmentsHoldingsGetResponse | InvestmentsTransactionsGetResponse
            | LiabilitiesGetResponse
        => |answer| Some(&answer.item))
}

/// The request id of an answer that requires nothing (`/item/remove`,
/// `/transactions/refresh`).
fn nothing_request_id(parsed: &dyn Any) -> Option<&str> {
    reach!(parsed, ItemRemoveResponse | TransactionsRefreshResponse
        => |answer| Some(answer.request_id.as_str()))
}

/// The cases both families share (`support::hostile_common`).
static COMMON: [Case; hostile_common::COUNT] = hostile_common::cases();

/// The cases of the first three tables (bytes, shared values, statuses)
/// and the shared ones.
fn first_cases() -> impl Iterator<Item = &'static Case> + Clone {
    syntax::CASES
        .iter()
        .chain(values::CASES)
        .chain(statuses::CASES)
        .chain(&COMMON)
}

/// The cases of the money and product tables.
fn product_cases() -> impl Iterator<Item = &'static Case> + Clone {
    let tables = money::CASES.iter().chain(transactions::CASES);
    tables.copied().flatten().chain(investments::CASES)
}

/// Every case of the tables.
fn cases() -> impl Iterator<Item = &'static Case> + Clone {
    first_cases().chain(product_cases())
}

#[test]
fn the_table_is_large_enough_and_names_are_unique() {
    hostile::assert_table(cases(), 70);
}

#[test]
fn every_case_targets_registered_parsers() {
    hostile::assert_targets(cases(), PARSERS);
}

// Two tests rather than one, so that the harness runs the halves side by
// side: each holds cases of many mebibytes.
#[test]
fn every_hostile_case_through_every_parser() {
    hostile::assert_every_case(first_cases(), PARSERS);
}

#[test]
fn every_money_and_product_case_through_every_parser() {
    hostile::assert_every_case(product_cases(), PARSERS);
}

#[test]
fn the_base_body_parses_for_every_parser() {
    // What every value case relies on: unchanged, the body is an answer to
    // every call, so a failure in a case is the changed value's doing.
    for parser in PARSERS {
        let parsed = (parser.parse)(crate::support::response_bytes(200, &everything_bytes()));
        assert!(parsed.is_ok(), "{}: {:?}", parser.name, parsed.err());
    }
}
