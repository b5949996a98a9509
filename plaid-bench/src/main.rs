//! End-to-end benchmark of plaid-rs: `cargo run --release -p plaid-bench`.
//!
//! Starts an embedded `plaid-sandbox` on loopback (request recording off)
//! and, for each backend (ureq, reqwest, hyper), measures requests/s and
//! p50/p99 latency of a small call (`balance` on `test_bofa`) and a large call
//! (`connect_get` on `test_bulk_10000`, 10,000 transactions), sequential and,
//! for the async backends, with 16 calls in flight. Beside each one runs a
//! raw baseline: the same HTTP request sent with the same underlying client
//! (ureq agent / reqwest client / hyper-util client with the same settings
//! and connection reuse), decoded with serde_json into plain structs. The
//! wrapper's overhead is the ratio of the two.
//!
//! It also measures the sandbox alone (a minimal keep-alive client on std
//! sockets that decodes nothing) and the sandbox's share of the CPU in
//! every measurement, and drives the official python client
//! (`bench/python_peer.py`, `plaid-python-legacy==1.5.1`) through the same
//! flows against the same sandbox, once sequentially and once with
//! `--concurrency` threads, and records the python process's CPU time per
//! call.
//!
//! Rounds are interleaved (every case once per round, wrapper and raw side by
//! side) and the median of the rounds is reported. Options:
//! `--rounds N` (10, large call and python), `--small-rounds N` (24),
//! `--small-secs S` (0.2), `--large-secs S` (0.5),
//! `--concurrency N` (16), `--calls small|large|both`, `--no-python`,
//! `--only BACKEND[,..]`, `--diag` (ablations of the hyper wrapper), `--aa`
//! (raw against raw: the noise floor).
//!
//! The python client runs from the virtualenv the peer test uses,
//! `<target>/peer-venv`, made ready by `plaid_peer::venv` under its one
//! policy (created or rebuilt when stale; the interpreter it is made from is
//! `$PLAID_PEER_PYTHON`, or `$PLAID_BENCH_PYTHON`, its older name, else the
//! first suitable `python3.x`). When it cannot be made, the report says why
//! in the python section and the rest of the run stands.
//!
//! The modules follow the run: [`options`] reads the command line, the
//! [`runners`] (and [`diag`]) build the cases, [`cases`] measures them in
//! interleaved rounds with the loops of [`measure`], [`mod@python`] runs the
//! python client, and [`mod@report`] prints what [`stats`] makes of the
//! samples.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark that sees a failed call or a broken setup must abort loudly; it handles no user data"
)]

// The typed baseline is the one plaid-core's benches use, so both measure
// against the same structs.
#[path = "../../plaid-core/benches/support/plain.rs"]
mod plain;

mod calls;
mod cases;
mod cpu;
mod diag;
mod measure;
mod options;
mod python;
mod report;
mod runners;
mod stats;

use std::time::Instant;

use plaid_core::legacy::Config;

use crate::cases::{Case, Runtimes, run_rounds, select};
use crate::diag::{hyper_diag_cases, ureq_diag_case};
use crate::options::Opts;
use crate::python::{python, run_python};
use crate::report::report;
use crate::runners::hyper::hyper_cases;
use crate::runners::reqwest::reqwest_cases;
use crate::runners::sandbox_alone::sandbox_alone_cases;
use crate::runners::ureq::ureq_cases;

fn main() {
    let opts = Opts::parse();
    let sandbox = plaid_sandbox::Sandbox::bind_with(([127, 0, 0, 1], 0).into(), false)
        .expect("start the sandbox");
    let url = sandbox.url();
    let config = Config::sandbox(&url).expect("config");
    let rts = Runtimes::new();
    let started = Instant::now();

    // Cases are measured in pairs (2j, 2j + 1) in the order they are pushed
    // here (see `cases::run_rounds`): each runner pushes a plaid-rs case and
    // then its raw baseline, so the two pair up.
    let mut cases: Vec<Case<'_>> = Vec::new();
    cases.extend(ureq_cases(&config, &opts));
    cases.extend(reqwest_cases(&rts, &config, &opts));
    cases.extend(hyper_cases(&rts, &config, &opts));
    if opts.diag {
        cases.extend(hyper_diag_cases(&rts, &config, &opts));
        cases.push(ureq_diag_case(&config));
    }
    cases.extend(sandbox_alone_cases(sandbox.addr(), &config, &opts));
    select(&mut cases, &opts);
    run_rounds(&mut cases, &opts);

    let python = if opts.python {
        eprintln!("plaid-bench: running the python client");
        python().and_then(|p| run_python(&p, &url, &opts))
    } else {
        Err("skipped (--no-python)".into())
    };
    let total = started.elapsed();
    report(&cases, &python, &opts, total);
    drop(cases);
    drop(rts);
    sandbox.shutdown();
}
