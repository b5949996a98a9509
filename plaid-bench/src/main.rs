//! End-to-end benchmark of plaid-rs: `cargo run --release -p plaid-bench`.
//!
//! Starts the two embedded emulators on loopback (request recording off):
//! the legacy `plaid-sandbox` and the modern one, on which it first makes
//! an Item (`/sandbox/public_token/create`, then the exchange). For each
//! backend (ureq, reqwest, hyper) it measures requests/s and p50/p99
//! latency of three calls: the legacy small call (`balance` on `test_bofa`),
//! the legacy large call (`connect_get` on `test_bulk_10000`, 10,000
//! transactions) and the modern small call (`/accounts/balance/get` on the
//! Item, five accounts), sequential and, for the async backends, with 16
//! calls in flight. Beside each one runs a raw baseline: the same HTTP
//! request (the bytes plaid-core builds, every header included) sent with
//! the same underlying client (ureq agent / reqwest client / hyper-util
//! client with the same settings, timeout, body limit and connection
//! reuse), decoded with serde_json into plain structs. The wrapper's
//! overhead is the ratio of the two.
//!
//! For the modern call it also measures, in memory, the CPU the wrapper adds
//! per call (build and typed parse against the plain decode of the same
//! recorded answer), which the shared machine's noise cannot hide, and
//! the overhead that predicts for each case.
//!
//! It also measures each emulator alone (a minimal keep-alive client on std
//! sockets that decodes nothing) and the emulators' share of the CPU in
//! every measurement, and drives the official python clients through the
//! same calls against the same emulators, once sequentially and once with
//! `--concurrency` threads, recording the python process's CPU time per
//! call: `plaid-python-legacy==1.5.1` (`bench/python_peer.py`) on the
//! legacy calls, `plaid-python==46.0.0` (`bench/python_modern.py`) on the
//! modern one.
//!
//! Rounds are interleaved (every case once per round, wrapper and raw side by
//! side) and the median of the rounds is reported. Options:
//! `--rounds N` (10, large call and python), `--small-rounds N` (24, both
//! small calls), `--small-secs S` (0.2), `--large-secs S` (0.5),
//! `--concurrency N` (16), `--calls small,large,modern|legacy|both|all`
//! (all), `--no-python`, `--only BACKEND[,..]`, `--diag` (ablations of the
//! hyper wrapper), `--aa` (raw against raw: the noise floor).
//!
//! Each python client runs from its virtualenv, the one its peer test uses
//! (`<target>/peer-venv`, `<target>/peer-modern-venv`), made ready by
//! `plaid_peer::venv` under its one policy (created or rebuilt when stale;
//! the interpreter it is made from is `$PLAID_PEER_PYTHON`, or
//! `$PLAID_BENCH_PYTHON`, its older name, else the first suitable
//! `python3.x`). When one cannot be made, the report says why in its python
//! section and the rest of the run stands.
//!
//! The modules follow the run: [`options`] reads the command line,
//! [`emulators`] starts the emulators and says where each call goes
//! ([`calls`]), the [`runners`] (and [`diag`]) build the cases with the
//! plaid-rs side in [`wrapper`], [`cases`] measures them in interleaved
//! rounds with the loops of [`measure`], [`in_memory`] measures the modern
//! call's CPU without I/O, [`mod@python`] runs the python clients, and
//! [`mod@report`] prints what [`stats`] makes of the samples.
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
mod emulators;
mod in_memory;
mod measure;
mod options;
mod python;
mod report;
mod runners;
mod stats;
mod sync;
mod wrapper;

use std::time::Instant;

use crate::calls::CallKind;
use crate::cases::{Case, Runtimes, run_rounds, select};
use crate::diag::{hyper_diag_cases, ureq_diag_case};
use crate::emulators::Emulators;
use crate::in_memory::modern_in_memory;
use crate::options::Opts;
use crate::python::{LEGACY_PEER, MODERN_PEER, run_python};
use crate::report::{PythonResult, report};
use crate::runners::hyper::hyper_cases;
use crate::runners::reqwest::reqwest_cases;
use crate::runners::sandbox_alone::sandbox_alone_cases;
use crate::runners::ureq::ureq_cases;

fn main() {
    let opts = Opts::parse();
    if let Some(child) = &opts.memory_child {
        sync::memory::child(child);
        return;
    }
    if let Some(parts) = opts.sync {
        sync::run(parts, &opts);
        return;
    }
    let (emulators, targets) = Emulators::start();
    let rts = Runtimes::new();
    let started = Instant::now();

    // Cases are measured in pairs (2j, 2j + 1) in the order they are pushed
    // here (see `cases::run_rounds`): each runner pushes a plaid-rs case and
    // then its raw baseline, so the two pair up.
    let mut cases: Vec<Case<'_>> = Vec::new();
    cases.extend(ureq_cases(&targets, &opts));
    cases.extend(reqwest_cases(&rts, &targets, &opts));
    cases.extend(hyper_cases(&rts, &targets, &opts));
    if opts.diag {
        cases.extend(hyper_diag_cases(&rts, &targets, &opts));
        cases.push(ureq_diag_case(&targets));
    }
    cases.extend(sandbox_alone_cases(&targets, &opts));
    select(&mut cases, &opts);
    run_rounds(&mut cases, &opts);
    let in_memory = opts.calls.contains(&CallKind::Modern).then(|| {
        eprintln!("plaid-bench: the modern call in memory");
        modern_in_memory(&targets)
    });

    let pythons: Vec<PythonResult<'_>> = [&LEGACY_PEER, &MODERN_PEER]
        .into_iter()
        .filter(|peer| !peer.calls(&opts).is_empty())
        .map(|peer| {
            let flows = if opts.python {
                eprintln!("plaid-bench: running {}", peer.client);
                peer.python()
                    .and_then(|python| run_python(peer, &python, &targets, &opts))
            } else {
                Err("skipped (--no-python)".into())
            };
            (peer, flows)
        })
        .collect();
    let total = started.elapsed();
    report(&cases, in_memory.as_ref(), &pythons, &opts, total);
    drop(cases);
    drop(rts);
    emulators.shutdown();
}
