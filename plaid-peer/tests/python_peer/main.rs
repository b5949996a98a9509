//! The official python client as a peer of plaid-rs.
//!
//! `peer/seed_flows.py` drives every flow of the seed README with
//! `plaid-python-legacy==1.5.1` against a `plaid_sandbox::Sandbox`, checking
//! the results, and prints one JSON line per call ([`flows`]). For each call
//! this test builds the same call with plaid-rs (`Call::to_request`, no I/O;
//! [`rebuild`]) and compares it with the python request the sandbox
//! recorded ([`compare`]): method, path, `Content-Type`, and the form fields
//! of query string and body, as a multiset, with `credentials`, `options`
//! and JSON-array `mfa` values compared as parsed JSON.
//!
//! Differences are allowed only if they are listed in
//! [`deliberate::DELIBERATE`], and every entry there must still be observed,
//! so the table stays exact (`plaid_peer::compare::report`, shared with the
//! modern peer test).
//!
//! The python comes from the virtualenv `plaid_peer::venv` keeps under the
//! target directory (the same one plaid-bench uses); the test fails, never
//! skips, when it cannot be made.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod compare;
mod deliberate;
mod flows;
mod rebuild;

use plaid_peer::venv::Venv;
use plaid_sandbox::Sandbox;

use plaid_peer::compare::{Row, render, report};

use crate::compare::{Diff, Wire, compare};
use crate::deliberate::DELIBERATE;
use crate::flows::{PyCall, run_seed_flows};
use crate::rebuild::rust_request;

#[test]
fn official_python_client_and_plaid_rs_send_the_same_requests() {
    let venv = Venv::ensure().unwrap_or_else(|err| panic!("{err}"));
    let sandbox = Sandbox::start().expect("starting plaid-sandbox");
    let url = sandbox.url();
    let stdout = run_seed_flows(venv.python(), &url);

    let calls: Vec<PyCall> = stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(PyCall::parse)
        .collect();
    assert!(
        calls.len() >= 60,
        "seed_flows.py logged only {} calls:\n{stdout}",
        calls.len()
    );
    let recorded = sandbox.recorded_requests();
    let sent: usize = calls.iter().map(|c| c.requests.len()).sum();
    assert_eq!(
        recorded.len(),
        sent,
        "the sandbox recorded {} requests, the python script reports {sent}",
        recorded.len()
    );

    let mut rows = Vec::new();
    let mut recorded_iter = recorded.iter();
    for call in &calls {
        assert!(
            call.requests.len() <= 1,
            "{}: one client call sent {} requests",
            call.label,
            call.requests.len()
        );
        let python_request = call.requests.first().map(|(method, path, query)| {
            let request = recorded_iter.next().expect("counted above");
            assert_eq!(
                (&request.method, &request.path, &request.query),
                (method, path, query),
                "{}: the sandbox's request does not pair with the python call",
                call.label
            );
            Wire::from_recorded(request)
        });
        let rust_request = rust_request(call, &url);
        let (python_text, rust_text, diffs) = match (&python_request, &rust_request) {
            (Some(py), Ok(rs)) => {
                let rs = Wire::from_rust(rs);
                (py.summary(), rs.summary(), compare(py, &rs))
            }
            (Some(py), Err(err)) => (
                py.summary(),
                "(refused)".to_owned(),
                vec![Diff::RustRefuses(err.to_string())],
            ),
            (None, Ok(rs)) => (
                "(refused)".to_owned(),
                Wire::from_rust(rs).summary(),
                vec![Diff::PythonRefuses],
            ),
            (None, Err(err)) => {
                assert!(
                    err.is_invalid_input(),
                    "{}: plaid-rs refused with {err:?}",
                    call.label
                );
                ("(refused)".to_owned(), "(refused)".to_owned(), Vec::new())
            }
        };
        rows.push(Row {
            label: call.label.clone(),
            flow: call.flow.clone(),
            call: call.call.clone(),
            python: python_text,
            rust: rust_text,
            diffs,
        });
    }

    // Every difference must be deliberate, and every deliberate difference
    // must still occur.
    let verdict = report("python 1.5.1", &rows, DELIBERATE);
    assert!(verdict.is_ok(), "{}", verdict.as_ref().unwrap_err());
    eprintln!("plaid-peer: {}", verdict.unwrap());
    // Print the table too (visible with --nocapture).
    println!("{}", render(&rows));
}
