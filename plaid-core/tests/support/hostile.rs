//! The hostile-response runner both API families share: a table of
//! malformed, truncated, oversized and wrongly-typed responses, each fed to
//! every response parser of a family's registry inside `catch_unwind`, and
//! the check every property test makes of a parser's error.
//!
//! A family brings its registry (one row per endpoint, implementing
//! [`Parser`] over a [`Row`]) and its cases; everything that does not
//! depend on the wire format lives here: the row and how it runs a parser,
//! how a case is turned into a response, what every error must keep
//! (status, raw body, request id), how an exact expectation is checked, the
//! three table tests and the two arbitrary-body properties. Each family's `hostile` module
//! names these types through aliases (`type Case = hostile::Case<Parser>`)
//! so that its case tables read the same in both families.

use std::any::Any;
use std::cell::Cell;
use std::fmt::Display;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use plaid_core::http::Response;
use plaid_core::transport::HttpResponse;
use plaid_core::{Endpoint, Error, ErrorKind};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

use super::{REQUEST_ID, response_bytes};

/// Runs an endpoint's `parse_response`, boxing a success so that one
/// signature serves every output type (checks downcast it).
pub(crate) type Parse = fn(HttpResponse) -> Result<Box<dyn Any>, Error>;

/// The [`Parse`] of endpoint `E`.
pub(crate) fn parse<E: Endpoint>(response: HttpResponse) -> Result<Box<dyn Any>, Error>
where
    E::Output: 'static,
{
    E::parse_response(response).map(|output| Box::new(output) as Box<dyn Any>)
}

/// What every row of a registry holds, whatever the family; `S` is the
/// family's shape of a success body.
pub(crate) struct Row<S> {
    /// The endpoint type as written in Rust; names the parser in failures.
    pub(crate) name: &'static str,
    /// Runs the endpoint's `parse_response`.
    pub(crate) parse: Parse,
    /// What a 2xx body holds.
    pub(crate) success: S,
}

/// One row of a family's parser registry.
pub(crate) trait Parser: Sync + 'static {
    /// What the family says about a parser's success body; cases select
    /// parsers by it.
    type Shape: Copy + PartialEq + Sync;
    /// The family's error code, as its hostile cases write it.
    type Code: Copy + Display + Sync;

    /// The name, parser and success shape of the row.
    fn row(&self) -> &Row<Self::Shape>;

    /// The endpoint type as written in Rust; names the parser in failures.
    fn name(&self) -> &'static str {
        self.row().name
    }

    /// The shape of its success body.
    fn shape(&self) -> Self::Shape {
        self.row().success
    }

    /// Runs the endpoint's `parse_response`.
    fn run(&self, response: HttpResponse) -> Result<Box<dyn Any>, Error> {
        (self.row().parse)(response)
    }

    /// The family's code of an API error as text (what [`Self::Code`]'s
    /// `Display` prints), if the error has one.
    fn code(error: &Error) -> Option<String>;

    /// The request id an error must report when the response carried
    /// [`REQUEST_ID`] in its header. A family whose error bodies carry
    /// their own id reads it from the decoded body first.
    fn request_id(error: &Error) -> Option<&str> {
        let _ = error;
        Some(REQUEST_ID)
    }
}

/// A case body: fixed bytes, or built at run time (large or generated).
#[derive(Clone, Copy)]
pub(crate) enum Body {
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
pub(crate) enum Expect<C> {
    /// An error of this kind, with this API code (`None`: `api_error()` is
    /// `None`) and this decode path.
    Err {
        kind: ErrorKind,
        code: Option<C>,
        path: Option<&'static str>,
    },
    /// A success whose value (the parser's output, boxed) passes the check.
    Ok(fn(&dyn Any) -> bool),
}

/// An API error of `kind` whose body decoded, with `code`.
pub(crate) const fn api<C>(kind: ErrorKind, code: C) -> Expect<C> {
    Expect::Err {
        kind,
        code: Some(code),
        path: None,
    }
}

/// An error of `kind` whose body is not the family's error body.
pub(crate) const fn no_api<C>(kind: ErrorKind) -> Expect<C> {
    Expect::Err {
        kind,
        code: None,
        path: None,
    }
}

/// A decode error, failing at `path` (`None`: no field in particular).
pub(crate) const fn decode<C>(path: Option<&'static str>) -> Expect<C> {
    Expect::Err {
        kind: ErrorKind::Decode,
        code: None,
        path,
    }
}

/// The parsers a case expects something exact of. Every other parser still
/// gets the body and must not panic nor lose the status, body or request id.
pub(crate) enum Parsers<P: Parser> {
    /// Those with this property.
    Where(fn(&P) -> bool),
    /// Those whose success body has this shape.
    Shape(P::Shape),
    /// Named representatives, for a case that samples a few parsers across
    /// shapes rather than whole shapes (the names must be registered).
    Named(&'static [&'static str]),
}

// By hand: a derive would ask `P` itself to be `Copy`.
impl<P: Parser> Clone for Parsers<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: Parser> Copy for Parsers<P> {}

impl<P: Parser> Parsers<P> {
    /// Every parser.
    pub(crate) const ALL: Parsers<P> = Parsers::Where(|_| true);

    fn selects(self, parser: &P) -> bool {
        match self {
            Parsers::Where(property) => property(parser),
            Parsers::Shape(shape) => parser.shape() == shape,
            Parsers::Named(names) => names.contains(&parser.name()),
        }
    }
}

/// One hostile response and what the parsers it targets must make of it.
pub(crate) struct Case<P: Parser> {
    pub(crate) name: &'static str,
    pub(crate) status: u16,
    pub(crate) content_type: Option<&'static str>,
    pub(crate) body: Body,
    pub(crate) parsers: Parsers<P>,
    pub(crate) expect: Expect<P::Code>,
}

pub(crate) const JSON: Option<&str> = Some("application/json; charset=utf-8");
pub(crate) const HTML: Option<&str> = Some("text/html");

fn response<P: Parser>(case: &Case<P>) -> (HttpResponse, Vec<u8>) {
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
/// that asked, so the other tests of the binary still print theirs.
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

/// What every error of a parser must keep of the response it came from:
/// the status, the raw body and the request id; and it is exactly one of
/// a decode error and an API error. Returns what it lost, if anything.
fn lost<P: Parser>(error: &Error, status: u16, body: &[u8]) -> Option<String> {
    if error.status().map(|s| s.as_u16()) != Some(status) {
        return Some(format!("lost the status: {:?}", error.status()));
    }
    if error.body() != Some(body) {
        return Some("lost or changed the body".into());
    }
    if error.request_id() != P::request_id(error) {
        return Some(format!(
            "lost the request id: {:?} instead of {:?}",
            error.request_id(),
            P::request_id(error)
        ));
    }
    if error.is_decode() == error.is_api() {
        return Some(format!("is_decode/is_api disagree: {error:?}"));
    }
    None
}

/// Runs one case through one parser; returns a failure line, if any.
fn check<P: Parser>(case: &Case<P>, parser: &P) -> Option<String> {
    let (response, body) = response(case);
    let fail = |what: String| {
        Some(format!(
            "[{}] status {} via {}: {what}",
            case.name,
            case.status,
            parser.name()
        ))
    };
    let result: Result<Box<dyn Any>, Error> = match catch_quietly(|| parser.run(response)) {
        Ok(result) => result,
        Err(_) => return fail("PANICKED".into()),
    };
    if let Err(error) = &result {
        if let Some(what) = lost::<P>(error, case.status, &body) {
            return fail(what);
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
            let want = code.map(|code| code.to_string());
            if P::code(&error) != want {
                return fail(format!("expected code {want:?}, got {:?}", P::code(&error)));
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

/// Asserts that a registry has at least `at_least` parsers (so that a row
/// removed by mistake fails here rather than silently shrinking every
/// hostile case), with unique names.
#[track_caller]
pub(crate) fn assert_registry<P: Parser>(parsers: &[P], at_least: usize) {
    assert!(parsers.len() >= at_least, "{} parsers", parsers.len());
    assert_unique(parsers.iter().map(P::name), "duplicate parser names");
}

#[track_caller]
fn assert_unique<'a>(names: impl Iterator<Item = &'a str>, what: &str) {
    let mut names: Vec<&str> = names.collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count, "{what}");
}

/// Asserts that the table has at least `at_least` cases, with unique names.
#[track_caller]
pub(crate) fn assert_table<'a, P: Parser>(
    cases: impl Iterator<Item = &'a Case<P>> + Clone,
    at_least: usize,
) {
    let count = cases.clone().count();
    assert!(count >= at_least, "{count} cases");
    assert_unique(cases.map(|c| c.name), "duplicate case names");
}

/// Asserts that every case targets at least one parser of `parsers`, and
/// that every parser a case names is registered.
#[track_caller]
pub(crate) fn assert_targets<'a, P: Parser>(
    cases: impl Iterator<Item = &'a Case<P>>,
    parsers: &[P],
) {
    for case in cases {
        if let Parsers::Named(names) = case.parsers {
            for name in names {
                assert!(
                    parsers.iter().any(|p| p.name() == *name),
                    "[{}] names {name:?}",
                    case.name
                );
            }
        }
        assert!(
            parsers.iter().any(|p| case.parsers.selects(p)),
            "[{}] targets no parser",
            case.name
        );
    }
}

/// Runs every case through every parser and fails with every failed check
/// at once.
#[track_caller]
pub(crate) fn assert_every_case<'a, P: Parser>(
    cases: impl Iterator<Item = &'a Case<P>> + Clone,
    parsers: &[P],
) {
    let mut failures = Vec::new();
    for case in cases.clone() {
        for parser in parsers {
            failures.extend(check(case, parser));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} checks failed:\n{}",
        failures.len(),
        cases.count() * parsers.len(),
        failures.join("\n")
    );
}

/// For property tests: feeds one response (with [`REQUEST_ID`] in its
/// header) to every parser of `parsers`. None may panic; every error must
/// keep the status, the body and the request id, and be a decode error
/// exactly when the status is 2xx.
pub(crate) fn every_parser<P: Parser>(
    parsers: &[P],
    status: u16,
    body: &[u8],
) -> Result<(), TestCaseError> {
    for parser in parsers {
        let result = catch_unwind(AssertUnwindSafe(|| {
            parser.run(response_bytes(status, body))
        }));
        let Ok(result) = result else {
            return Err(TestCaseError::fail(format!(
                "{} panicked on status {status}",
                parser.name()
            )));
        };
        if let Err(error) = result {
            check_error::<P>(parser.name(), &error, status, body)?;
        }
    }
    Ok(())
}

fn check_error<P: Parser>(
    name: &str,
    error: &Error,
    status: u16,
    body: &[u8],
) -> Result<(), TestCaseError> {
    if let Some(what) = lost::<P>(error, status, body) {
        return Err(TestCaseError::fail(format!("{name}: {what}")));
    }
    let success = (200..300).contains(&status);
    if error.is_decode() != success {
        return Err(TestCaseError::fail(format!(
            "{name}: is_decode() is {} on status {status}: {error:?}",
            error.is_decode()
        )));
    }
    Ok(())
}

/// Any JSON value, up to a few levels deep, whose object keys are often
/// one of `keys` (the family's field names) and whose strings are often
/// one of `words` (its enums, dates and keys), so that generated bodies
/// reach past a parser's first field.
pub(crate) fn json_value(
    keys: &'static [&'static str],
    words: &'static [&'static str],
) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // NaN/inf become null
        ".{0,12}".prop_map(Value::String),
        prop::sample::select(words).prop_map(Value::from),
    ];
    // One key in `keys.len() + 1` is arbitrary, as when each was its own
    // alternative.
    let known = u32::try_from(keys.len()).unwrap_or(u32::MAX);
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    known => prop::sample::select(keys).prop_map(str::to_owned),
                    1 => "[a-z_]{1,8}",
                ],
                inner,
                0..8
            )
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// The two properties every family's registry holds, as proptest tests of
/// the module that invokes it (so their paths stay the family's): arbitrary
/// bytes, and arbitrary JSON over the family's `keys` and `words` (see
/// [`json_value`]), through [`every_parser`] on any [`status`].
#[allow(unused_macros, reason = "the engine binary has no registry")]
macro_rules! arbitrary_body_properties {
    ($parsers:expr, $keys:expr, $words:expr) => {
        proptest::proptest! {
            #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

            #[test]
            fn arbitrary_bytes_never_panic_and_errors_keep_status_and_body(
                status in $crate::support::hostile::status(),
                body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512),
            ) {
                $crate::support::hostile::every_parser($parsers, status, &body)?;
            }

            #[test]
            fn arbitrary_json_never_panics_any_parser(
                status in $crate::support::hostile::status(),
                value in $crate::support::hostile::json_value($keys, $words),
            ) {
                let body = serde_json::to_vec(&value).unwrap();
                $crate::support::hostile::every_parser($parsers, status, &body)?;
            }
        }
    };
}

#[allow(unused_imports, reason = "the engine binary has no registry")]
pub(crate) use arbitrary_body_properties;

/// A status: usually one the API sends, else any from 100 to 599.
pub(crate) fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        Just(200u16),
        Just(201),
        Just(400),
        Just(402),
        Just(500),
        100u16..=599
    ]
}
