//! The official modern python client's transaction flows against the modern sandbox.
//!
//! `peer/modern_transactions_flows.py` drives `/transactions/sync` the way production apps
//! must (a loop of pages to completion, the cursor stored only at the end, the whole loop
//! restarted on `TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION`), `/transactions/get` paged by
//! `total_transactions`, a refresh followed by a sync that sees its changes, `NOT_READY`,
//! `/transactions/recurring/get`, the Investments routes and `/liabilities/get`, with
//! `plaid-python==46.0.0`, whose generated models refuse any answer missing a required key.
//! This test runs it against `Sandbox::start_modern()` (and, for `NOT_READY`, a sandbox whose
//! transactions take an hour) and checks what it reports and what the sandbox recorded.
//!
//! The python comes from the modern virtualenv `plaid_peer::venv` keeps under the target
//! directory; the test fails, never skips, when it cannot be made.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use plaid_peer::venv::Venv;
use plaid_peer::{command, paths};
use plaid_sandbox::{FAULT_HEADER, ModernOptions, Sandbox};
use serde_json::Value;

/// How long the script may run (about 20 s on a busy machine: the client's models take
/// milliseconds per transaction).
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(300);

/// The flows the script must report, in order.
const FLOWS: [&str; 8] = [
    "sync",
    "get",
    "refresh",
    "mutation",
    "not_ready",
    "recurring",
    "investments",
    "liabilities",
];

/// The routes the client must call on the ready sandbox.
const ROUTES: [&str; 7] = [
    "/transactions/sync",
    "/transactions/get",
    "/transactions/refresh",
    "/transactions/recurring/get",
    "/investments/holdings/get",
    "/investments/transactions/get",
    "/liabilities/get",
];

/// Runs the script against `url` and `delayed`; returns its report, one JSON object per
/// flow, by flow name.
fn run_flows(python: &std::path::Path, url: &str, delayed: &str) -> BTreeMap<String, Value> {
    let script = paths::workspace_root()
        .join("peer")
        .join("modern_transactions_flows.py");
    let started = Instant::now();
    let mut command = command::python_script(python, &script);
    command.arg(url).arg(delayed);
    let output = command::run(
        &mut command,
        "peer/modern_transactions_flows.py",
        SCRIPT_TIMEOUT,
    )
    .unwrap_or_else(|err| panic!("{err}"));
    eprintln!(
        "plaid-peer: modern_transactions_flows.py ran in {:.2}s: {}",
        started.elapsed().as_secs_f64(),
        output.stderr.trim()
    );
    output
        .stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let value: Value = serde_json::from_str(line)
                .unwrap_or_else(|err| panic!("a non-JSON line ({err}): {line}"));
            (value["flow"].as_str().unwrap().to_owned(), value)
        })
        .collect()
}

fn count(report: &BTreeMap<String, Value>, flow: &str, key: &str) -> u64 {
    report[flow][key]
        .as_u64()
        .unwrap_or_else(|| panic!("no count {key} in {}", report[flow]))
}

#[test]
fn official_python_client_runs_the_transaction_flows_against_the_modern_sandbox() {
    let venv = Venv::ensure_modern().unwrap_or_else(|err| panic!("{err}"));
    let sandbox = Sandbox::start_modern().expect("starting the modern plaid-sandbox");
    let slow = ModernOptions::new().with_transactions_delay(Duration::from_secs(3600));
    let delayed = Sandbox::start_modern_with(slow).expect("starting the delayed sandbox");
    let report = run_flows(venv.python(), &sandbox.url(), &delayed.url());

    let flows: Vec<&str> = report.keys().map(String::as_str).collect();
    let mut expected = FLOWS.to_vec();
    expected.sort_unstable();
    assert_eq!(flows, expected, "every flow reported");
    assert!(count(&report, "sync", "pages") >= 3);
    assert!(count(&report, "sync", "transactions") > 50);
    assert!(count(&report, "get", "pages") >= 3);
    for key in ["added", "modified", "removed"] {
        assert!(count(&report, "refresh", key) > 0, "refresh: no {key}");
    }
    assert_eq!(count(&report, "mutation", "fault_restarts"), 1);
    assert!(count(&report, "not_ready", "transactions") > 0);
    assert!(count(&report, "recurring", "inflow") > 0);
    assert!(count(&report, "investments", "holdings") >= 5);
    assert!(count(&report, "investments", "transactions") > 25);
    assert_eq!(count(&report, "liabilities", "accounts"), 6);

    let recorded = sandbox.recorded_requests();
    let called: BTreeSet<&str> = recorded.iter().map(|r| r.path.as_str()).collect();
    for route in ROUTES {
        assert!(called.contains(route), "the client never called {route}");
    }
    for request in &recorded {
        assert_eq!(request.method, "POST", "{}", request.path);
        assert_eq!(request.header("plaid-version"), Some("2020-09-14"));
        assert_eq!(request.header("user-agent"), Some("Plaid Python v46.0.0"));
    }
    let faulted = recorded
        .iter()
        .filter(|r| r.header(FAULT_HEADER).is_some())
        .count();
    assert!(
        faulted >= 3,
        "the mutation fault went out on every page of a loop"
    );
    let delayed_paths: BTreeSet<String> = delayed
        .recorded_requests()
        .into_iter()
        .map(|r| r.path)
        .collect();
    assert!(delayed_paths.contains("/transactions/refresh"));
}
