//! Hostile responses: one table of malformed, truncated, oversized and
//! wrongly-typed bodies, each fed to every response parser of the registry
//! (`crate::parsers`) inside `catch_unwind`. Every case has an exact
//! expectation for the parsers it targets, chosen by their success body
//! shape; every parser must also keep the status, the raw body and the
//! request id of any error it returns.
//!
//! The cases are split by what is hostile about them: `syntax` (bytes that
//! are not the JSON asked for: malformed, empty, proxy pages, bad UTF-8,
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
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use crate::parsers::{Data, PARSERS, Parser, Success, parser};
use crate::support::REQUEST_ID;
use plaid_core::http::Response;
use plaid_core::legacy::ErrorCode;
use plaid_core::legacy::models::{ConnectResponse, MfaChallenge, Outcome, UpgradeResponse};
use plaid_core::transport::HttpResponse;
use plaid_core::{Error, ErrorKind};

/// A case body: fixed bytes, or built at run time (large or generated).
#[derive(Clone, Copy)]
enum Body {
    B(&'static [u8]),
    Gen(fn() -> Vec<u8>),
}

impl Body {
    fn bytes(self) -> Vec<u8> {
        match self {
            Body::B(bytes) => bytes.to_vec(),
            Body::Gen(make) => make(),
        }
    }
}

/// The expected result for the targeted parsers.
#[derive(Clone, Copy)]
enum Expect {
    /// An error of this kind, with this API code (`None`: `api_error()` is
    /// `None`) and this decode path.
    Err {
        kind: ErrorKind,
        code: Option<u32>,
        path: Option<&'static str>,
    },
    /// A success whose value (the parser's output, boxed) passes the check.
    Ok(fn(&dyn Any) -> bool),
}

const fn api(kind: ErrorKind, code: u32) -> Expect {
    Expect::Err {
        kind,
        code: Some(code),
        path: None,
    }
}

const fn no_api(kind: ErrorKind) -> Expect {
    Expect::Err {
        kind,
        code: None,
        path: None,
    }
}

const fn decode(path: Option<&'static str>) -> Expect {
    Expect::Err {
        kind: ErrorKind::Decode,
        code: None,
        path,
    }
}

/// The parsers a case expects something exact of. Every other parser still
/// gets the body and must not panic nor lose the status, body or request id.
#[derive(Clone, Copy)]
enum Parsers {
    /// Those with this property.
    Where(fn(&Parser) -> bool),
    /// Those whose success body has this shape.
    Shape(Success),
    /// Named representatives, for a case that samples a few parsers across
    /// shapes rather than whole shapes (the names must be registered).
    Named(&'static [&'static str]),
}

impl Parsers {
    fn selects(self, parser: &Parser) -> bool {
        match self {
            Parsers::Where(property) => property(parser),
            Parsers::Shape(shape) => parser.success == shape,
            Parsers::Named(names) => names.contains(&parser.name),
        }
    }
}

/// Every parser.
const ALL: Parsers = Parsers::Where(|_| true);
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

struct Case {
    name: &'static str,
    status: u16,
    content_type: Option<&'static str>,
    body: Body,
    parsers: Parsers,
    expect: Expect,
}

const JSON: Option<&str> = Some("application/json; charset=utf-8");
const HTML: Option<&str> = Some("text/html");

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

/// Every case of the three tables.
fn cases() -> impl Iterator<Item = &'static Case> {
    syntax::CASES
        .iter()
        .chain(values::CASES)
        .chain(statuses::CASES)
}

fn response(case: &Case) -> (HttpResponse, Vec<u8>) {
    let body = case.body.bytes();
    let mut builder = Response::builder()
        .status(case.status)
        .header("x-request-id", REQUEST_ID);
    if let Some(content_type) = case.content_type {
        builder = builder.header("content-type", content_type);
    }
    (builder.body(body.clone()).expect("a valid response"), body)
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `run`, catching a panic without printing it: a panic here is
/// reported as a failing check. The hook stays quiet only on the thread
/// that asked, so the other tests of this binary still print theirs.
fn catch_quietly<R>(run: impl FnOnce() -> R) -> std::thread::Result<R> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let loud = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                loud(info);
            }
        }));
    });
    QUIET.with(|quiet| quiet.set(true));
    let result = catch_unwind(AssertUnwindSafe(run));
    QUIET.with(|quiet| quiet.set(false));
    result
}

/// Runs one case through one parser; returns a failure line, if any.
fn check(case: &Case, parser: &Parser) -> Option<String> {
    let (response, body) = response(case);
    let fail = |what: String| {
        Some(format!(
            "[{}] status {} via {}: {what}",
            case.name, case.status, parser.name
        ))
    };
    let result: Result<Box<dyn Any>, Error> = match catch_quietly(|| (parser.parse)(response)) {
        Ok(result) => result,
        Err(_) => return fail("PANICKED".into()),
    };
    if let Err(error) = &result {
        if error.status().map(|s| s.as_u16()) != Some(case.status) {
            return fail(format!("lost the status: {:?}", error.status()));
        }
        if error.body() != Some(&body[..]) {
            return fail("lost or changed the body".into());
        }
        if error.request_id() != Some(REQUEST_ID) {
            return fail("lost the request id".into());
        }
        if error.is_decode() == error.is_api() {
            return fail(format!("is_decode/is_api disagree: {error:?}"));
        }
    }
    if !case.parsers.selects(parser) {
        return None;
    }
    match (case.expect, result) {
        (Expect::Ok(ok), Ok(parsed)) => {
            (!ok(&*parsed)).then(|| fail("value check failed".into()))?
        }
        (Expect::Ok(_), Err(error)) => fail(format!("expected Ok, got {error:?} ({error})")),
        (Expect::Err { kind, .. }, Ok(_)) => fail(format!("expected {kind:?}, got Ok")),
        (Expect::Err { kind, code, path }, Err(error)) => {
            if error.kind() != kind {
                return fail(format!("expected {kind:?}, got {error:?}"));
            }
            if error.legacy_code().map(ErrorCode::code) != code {
                return fail(format!(
                    "expected code {code:?}, got {:?}",
                    error.legacy_code()
                ));
            }
            if code.is_none() && error.api_error().is_some() {
                return fail("expected api_error() to be None".into());
            }
            if error.decode_path() != path {
                return fail(format!(
                    "expected decode path {path:?}, got {:?} ({error})",
                    error.decode_path()
                ));
            }
            None
        }
    }
}

#[test]
fn the_table_is_large_enough_and_names_are_unique() {
    let count = cases().count();
    assert!(count >= 45, "{count} cases");
    let mut names: Vec<&str> = cases().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count, "duplicate case names");
}

#[test]
fn every_case_targets_registered_parsers() {
    for case in cases() {
        if let Parsers::Named(names) = case.parsers {
            for name in names {
                assert!(parser(name).is_some(), "[{}] names {name:?}", case.name);
            }
        }
        assert!(
            PARSERS.iter().any(|p| case.parsers.selects(p)),
            "[{}] targets no parser",
            case.name
        );
    }
}

#[test]
fn every_hostile_case_through_every_parser() {
    let mut failures = Vec::new();
    for case in cases() {
        for parser in PARSERS {
            failures.extend(check(case, parser));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} checks failed:\n{}",
        failures.len(),
        cases().count() * PARSERS.len(),
        failures.join("\n")
    );
}
