//! The official modern python client as a peer of the modern sandbox and
//! of plaid-rs.
//!
//! `peer/modern_flows.py` drives every route of plaid-sandbox's modern
//! family and each documented error with `plaid-python==46.0.0`, whose
//! generated models refuse any answer that misses a required key, and checks
//! the results itself ([`flows`]). It runs once against
//! `Sandbox::start_modern()` ([`run`]), and two tests read what it did:
//!
//! - the first checks, from the requests the sandbox recorded, that python
//!   sent what modern-api.md §3 says: `POST`, a JSON object body,
//!   `PLAID-CLIENT-ID`, `PLAID-SECRET` and `Plaid-Version: 2020-09-14`;
//! - the second builds each call of the official client again with
//!   plaid-rs (`Call::to_request`, no I/O; [`rebuild`]) and compares the two
//!   requests ([`compare`]): method, path, `Content-Type`, the key and
//!   version headers, and the JSON body structurally. Differences are
//!   allowed only if they are listed in [`deliberate::DELIBERATE`], and
//!   every entry there must still be observed.
//!
//! The python comes from the modern virtualenv `plaid_peer::venv` keeps
//! under the target directory; the test fails, never skips, when it cannot
//! be made.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod compare;
mod deliberate;
mod flows;
mod rebuild;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use plaid_peer::compare::{Row, render, report};
use plaid_peer::venv::Venv;
use plaid_sandbox::{RecordedRequest, Sandbox};
use serde_json::Value;

use crate::compare::{Diff, Wire, compare};
use crate::deliberate::DELIBERATE;
use crate::flows::{ModernCall, Via, client_requests, paired_calls, run_modern_flows};
use crate::rebuild::rust_request;

/// Every route of the modern sandbox; the client must call each one.
const ROUTES: [&str; 17] = [
    "/sandbox/public_token/create",
    "/item/public_token/exchange",
    "/item/get",
    "/item/remove",
    "/item/webhook/update",
    "/sandbox/item/reset_login",
    "/sandbox/item/fire_webhook",
    "/accounts/get",
    "/accounts/balance/get",
    "/auth/get",
    "/identity/get",
    "/institutions/get",
    "/institutions/get_by_id",
    "/institutions/search",
    "/categories/get",
    "/webhook_verification_key/get",
    "/link/token/create",
];

/// The documented errors the flows must meet.
const ERROR_CODES: [&str; 16] = [
    "INVALID_API_KEYS",
    "INVALID_ACCESS_TOKEN",
    "INVALID_PUBLIC_TOKEN",
    "INVALID_INSTITUTION",
    "INVALID_PRODUCT",
    "INVALID_ACCOUNT_ID",
    "INVALID_WEBHOOK_VERIFICATION_KEY_ID",
    "MISSING_FIELDS",
    "UNKNOWN_FIELDS",
    "INVALID_BODY",
    "NOT_FOUND",
    "ITEM_LOGIN_REQUIRED",
    "ITEM_NOT_FOUND",
    "ITEM_LOCKED",
    "SANDBOX_WEBHOOK_INVALID",
    "INTERNAL_SERVER_ERROR",
];

/// What the official client must send on every call (modern-api.md §3).
/// `/categories/get` is the one route without keys (`security: []` in the
/// spec), and the client sends it none.
fn check_client_request(call: &ModernCall, request: &RecordedRequest) {
    let id = &call.id;
    assert_eq!(request.method, "POST", "{id}");
    let content_type = request.header("content-type").unwrap_or_default();
    assert!(
        content_type.starts_with("application/json"),
        "{id}: Content-Type {content_type:?}"
    );
    let body: Value = serde_json::from_slice(&request.body)
        .unwrap_or_else(|err| panic!("{id}: the body is not JSON ({err})"));
    assert!(body.is_object(), "{id}: the body is not a JSON object");
    assert!(
        body.get("client_id").is_none() && body.get("secret").is_none(),
        "{id}: python put the keys in the body"
    );
    if request.path == "/categories/get" {
        assert_eq!(request.header("plaid-client-id"), None, "{id}");
        assert_eq!(request.header("plaid-secret"), None, "{id}");
    } else {
        assert_eq!(request.header("plaid-client-id"), Some("test_id"), "{id}");
        assert!(
            request
                .header("plaid-secret")
                .is_some_and(|s| !s.is_empty()),
            "{id}: no PLAID-SECRET"
        );
    }
    assert_eq!(request.header("plaid-version"), Some("2020-09-14"), "{id}");
    let agent = request.header("user-agent").unwrap_or_default();
    assert_eq!(agent, "Plaid Python v46.0.0", "{id}");
}

/// What one run of `modern_flows.py` left: the sandbox's URL (the sandbox
/// itself is gone; the comparison does no I/O) and every call paired with
/// its recorded request.
struct Run {
    url: String,
    pairs: Vec<(ModernCall, RecordedRequest)>,
}

/// The one run of the flows both tests read. A run that panics fails the
/// test that made it, and the next test tries again.
fn run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| {
        let venv = Venv::ensure_modern().unwrap_or_else(|err| panic!("{err}"));
        let sandbox = Sandbox::start_modern().expect("starting the modern plaid-sandbox");
        let url = sandbox.url();
        let calls = run_modern_flows(venv.python(), &url);
        assert!(
            calls.len() >= 60,
            "modern_flows.py logged only {} calls",
            calls.len()
        );
        let pairs = paired_calls(calls, sandbox.recorded_requests());
        Run { url, pairs }
    })
}

#[test]
fn official_modern_python_client_passes_every_flow_against_the_modern_sandbox() {
    let pairs = &run().pairs;
    for (call, request) in pairs {
        if call.via == Via::Client {
            check_client_request(call, request);
        }
        assert!(!call.request_id.is_empty(), "{}: no request id", call.id);
        assert_eq!(
            call.status == 200,
            call.error_code.is_none(),
            "{}: status {} with error {:?}",
            call.id,
            call.status,
            call.error_code
        );
    }
    let clients = client_requests(pairs);
    let called: BTreeSet<&str> = clients.iter().map(|(_, r)| r.path.as_str()).collect();
    for route in ROUTES {
        assert!(called.contains(route), "the client never called {route}");
    }
    let met: BTreeSet<&str> = pairs
        .iter()
        .filter_map(|(call, _)| call.error_code.as_deref())
        .collect();
    for code in ERROR_CODES {
        assert!(met.contains(code), "no flow met {code}; met: {met:?}");
    }
    let ids: BTreeSet<&str> = pairs.iter().map(|(c, _)| c.request_id.as_str()).collect();
    assert_eq!(
        ids.len(),
        pairs.len(),
        "every answer has a fresh request id"
    );
    let flows: BTreeSet<&str> = pairs.iter().map(|(c, _)| c.flow.as_str()).collect();
    eprintln!(
        "plaid-peer: {} python calls in {} flows ({} by the official client), every route \
         and {} documented errors met",
        pairs.len(),
        flows.len(),
        clients.len(),
        met.len()
    );
}

#[test]
fn official_modern_python_client_and_plaid_rs_send_the_same_requests() {
    let run = run();
    let mut rows = Vec::new();
    let mut rebuilt = BTreeSet::new();
    for (call, request) in client_requests(&run.pairs) {
        let python = Wire::from_recorded(request);
        let (rust_text, diffs) = match rust_request(call, python.body(), &run.url) {
            Ok(rust) => {
                rebuilt.insert(rust.uri().path().to_owned());
                let rust = Wire::from_rust(&rust);
                (rust.summary(), compare(&python, &rust))
            }
            Err(err) => (
                "(refused)".to_owned(),
                vec![Diff::RustRefuses(err.to_string())],
            ),
        };
        rows.push(Row {
            label: call.id.clone(),
            flow: call.flow.clone(),
            call: call.call.clone(),
            python: python.summary(),
            rust: rust_text,
            diffs,
        });
    }
    // Every route was rebuilt, by at least one call.
    let routes: BTreeSet<String> = ROUTES.iter().map(ToString::to_string).collect();
    assert_eq!(rebuilt, routes, "the routes plaid-rs rebuilt");
    let verdict = report("python 46.0.0", &rows, DELIBERATE);
    assert!(verdict.is_ok(), "{}", verdict.as_ref().unwrap_err());
    eprintln!("plaid-peer: {}", verdict.unwrap());
    // Print the table too (visible with --nocapture).
    println!("{}", render(&rows));
}
