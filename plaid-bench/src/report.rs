//! The markdown report: wrapper against raw per backend, the sandbox alone,
//! the ablations, the python clients, and the goals.

use std::time::Duration;

use crate::calls::CallKind;
use crate::cases::{Case, find};
use crate::cpu::cpu_model;
use crate::in_memory::InMemory;
use crate::options::Opts;
use crate::python::{Peer, PythonFlow};
use crate::stats::{paired_ratio, summarise};

/// What one python client did: its flows, or why it did not run.
pub(crate) type PythonResult<'p> = (&'p Peer, Result<Vec<PythonFlow>, String>);

/// Prints the whole report (markdown) on stdout.
pub(crate) fn report(
    cases: &[Case<'_>],
    in_memory: Option<&InMemory>,
    pythons: &[PythonResult<'_>],
    opts: &Opts,
    total: Duration,
) {
    let nproc = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "## plaid-bench: {}/{} rounds (small calls, legacy and modern / large; median), \
         {:.1}s/{:.1}s per round, {nproc} CPUs ({}), {:.0} s in all\n",
        opts.small_rounds,
        opts.rounds,
        opts.small.as_secs_f64(),
        opts.large.as_secs_f64(),
        cpu_model(),
        total.as_secs_f64()
    );
    if opts.aa {
        println!(
            "**A/A run (--aa): the \"plaid-rs\" columns are a second raw instance; \
             the ratios show the noise floor of the comparison.**\n"
        );
    }
    println!(
        "| backend | call | in flight | plaid-rs req/s | raw req/s | plaid-rs / raw (median over pairs of rounds) | \
         plaid-rs p50 / p99 ms | raw p50 / p99 ms | client CPU µs/call plaid-rs / raw | \
         sandbox CPU µs/call, share |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut overheads = Vec::new();
    for backend in ["ureq", "reqwest", "hyper"] {
        for concurrency in [1, opts.concurrency] {
            for call in CallKind::ALL {
                let (Some(w), Some(r)) = (
                    find(cases, backend, true, call, concurrency),
                    find(cases, backend, false, call, concurrency),
                ) else {
                    continue;
                };
                let ratio = paired_ratio(&w.samples, &r.samples);
                let (w, r) = (summarise(&w.samples), summarise(&r.samples));
                if let Some(goal) = call.overhead_goal() {
                    overheads.push((backend, call, concurrency, ratio, goal));
                }
                println!(
                    "| {backend} | {} | {concurrency} | {:.0} | {:.0} | {:.3} | {:.3} / {:.3} | \
                     {:.3} / {:.3} | {:.1} / {:.1} | {:.1}, {:.0}% |",
                    call.label(),
                    w.rps,
                    r.rps,
                    ratio,
                    w.p50_ms,
                    w.p99_ms,
                    r.p50_ms,
                    r.p99_ms,
                    w.client_us,
                    r.client_us,
                    w.sandbox_us,
                    w.sandbox_share * 100.0
                );
            }
        }
    }

    let predicted = in_memory.map(|m| in_memory_section(cases, m, opts));

    if cases.iter().any(|c| c.backend == "sandbox alone") {
        println!("\n### The sandbox alone (minimal keep-alive client, no decoding)\n");
        println!(
            "| call | connections | req/s | p50 / p99 ms | sandbox CPU µs/call | client CPU µs/call |"
        );
        println!("|---|---|---|---|---|---|");
    }
    for call in CallKind::ALL {
        for concurrency in [1, opts.concurrency] {
            if let Some(c) = find(cases, "sandbox alone", false, call, concurrency) {
                let s = summarise(&c.samples);
                println!(
                    "| {} | {concurrency} | {:.0} | {:.3} / {:.3} | {:.1} | {:.1} |",
                    call.label(),
                    s.rps,
                    s.p50_ms,
                    s.p99_ms,
                    s.sandbox_us,
                    s.client_us
                );
            }
        }
    }

    if cases.iter().any(|c| c.backend.contains("diag")) {
        println!("\n### Ablations (--diag)\n");
        println!("| case | in flight | req/s | p50 / p99 ms | client CPU µs/call |");
        println!("|---|---|---|---|---|");
        for c in cases.iter().filter(|c| c.backend.contains("diag")) {
            let s = summarise(&c.samples);
            println!(
                "| {} | {} | {:.0} | {:.3} / {:.3} | {:.1} |",
                c.backend, c.concurrency, s.rps, s.p50_ms, s.p99_ms, s.client_us
            );
        }
    }

    for (peer, python) in pythons {
        python_table(cases, peer, python, opts, nproc);
    }

    println!("\n### Goals\n");
    for (backend, call, concurrency, ratio, goal) in overheads {
        let overhead = (1.0 - ratio) * 100.0;
        println!(
            "- {backend}, {}, {concurrency} in flight: wrapper overhead {overhead:+.1}% \
             of raw req/s (goal ≤ {goal}%): {}",
            call.label(),
            if overhead <= goal { "met" } else { "NOT met" }
        );
    }
    if let Some((m, Some(worst))) = in_memory.zip(predicted) {
        println!(
            "- modern accounts/balance/get, in memory: the wrapper adds {:.2} µs of CPU per \
             call, a predicted overhead of at most {worst:.1}% over the cases above \
             (goal ≤ 3%): {}",
            m.added_us(),
            if worst <= 3.0 { "met" } else { "NOT met" }
        );
    }
    let n = opts.concurrency;
    for (_, python) in pythons {
        let Ok(flows) = python else { continue };
        let verdict = |ratio: f64| if ratio >= 20.0 { "met" } else { "NOT met" };
        for p in flows {
            let label = p.call.label();
            for backend in ["ureq", "reqwest", "hyper"] {
                if let Some(rps) = sequential_rps(cases, backend, p.call) {
                    let ratio = rps / p.sequential.rps;
                    println!(
                        "- {backend} vs python, {label}, sequential: {ratio:.1}× \
                         (goal ≥ 20×): {}",
                        verdict(ratio)
                    );
                }
            }
            if let Some((backend, rps)) = best_concurrent(cases, p.call, n) {
                let ratio = rps / p.threaded.rps;
                println!(
                    "- best plaid-rs ({backend}, {n} in flight) vs python with {} threads, \
                     {label}: {ratio:.1}× (goal ≥ 20×): {}",
                    p.threads,
                    verdict(ratio)
                );
                let ceiling = p.ceiling(nproc);
                let ratio = rps / ceiling;
                println!(
                    "- best plaid-rs ({backend}, {n} in flight) vs python's CPU-bound ceiling \
                     ({ceiling:.0} req/s on {nproc} CPUs), {label}: {ratio:.1}× (goal ≥ 20×): {}",
                    verdict(ratio)
                );
            }
        }
    }
}

/// The modern call in memory, and the overhead its added CPU predicts for
/// each measured modern case beside the measured one; returns the largest
/// prediction (per cent), if any case was measured.
fn in_memory_section(cases: &[Case<'_>], m: &InMemory, opts: &Opts) -> Option<f64> {
    println!("\n### The modern call in memory (no I/O; median of short rounds)\n");
    println!(
        "`client.accounts_balance_get(token).send()` on an in-memory transport handing over \
         one recorded answer of the emulator ({} bytes): **{:.2} µs** per call; raw (the same \
         answer, plain serde decode): **{:.2} µs**; the wrapper adds **{:.2} µs** per call \
         (building the request, the status check, the typed models).\n",
        m.body_len,
        m.wrapper_us,
        m.raw_us,
        m.added_us()
    );
    println!(
        "| backend | in flight | raw req/s | per raw call: wall µs (1 in flight) or CPU µs \
         (client + sandbox) | predicted overhead | measured plaid-rs / raw |"
    );
    println!("|---|---|---|---|---|---|");
    let mut worst: Option<f64> = None;
    for backend in ["ureq", "reqwest", "hyper"] {
        for concurrency in [1, opts.concurrency] {
            let call = CallKind::Modern;
            let (Some(w), Some(r)) = (
                find(cases, backend, true, call, concurrency),
                find(cases, backend, false, call, concurrency),
            ) else {
                continue;
            };
            let raw = summarise(&r.samples);
            // One call in flight: the added CPU lengthens every call. Many:
            // the CPUs are saturated, so req/s goes as 1 / CPU per call.
            let per_call = if concurrency == 1 {
                1e6 / raw.rps
            } else {
                raw.client_us + raw.sandbox_us
            };
            let predicted = m.added_us() / per_call * 100.0;
            worst = Some(worst.map_or(predicted, |w| w.max(predicted)));
            println!(
                "| {backend} | {concurrency} | {:.0} | {per_call:.1} | {predicted:.1}% | {:.3} |",
                raw.rps,
                paired_ratio(&w.samples, &r.samples)
            );
        }
    }
    worst
}

/// The table of one python client's flows, beside plaid-rs on the same
/// calls, and its notes; or why the client did not run.
fn python_table(
    cases: &[Case<'_>],
    peer: &Peer,
    python: &Result<Vec<PythonFlow>, String>,
    opts: &Opts,
    nproc: usize,
) {
    println!(
        "\n### The official python client ({}), same emulator, same run\n",
        peer.client
    );
    let n = opts.concurrency;
    match python {
        Ok(flows) => {
            println!(
                "| call | python req/s, sequential | python req/s, {n} threads | \
                 python p50 / p99 ms, sequential | python p50 / p99 ms, {n} threads | \
                 python CPU ms/call, sequential / {n} threads | \
                 python calls timed, sequential / {n} threads | \
                 python CPU-bound ceiling req/s ({nproc} CPUs) | \
                 ureq / python, sequential | reqwest / python, sequential | \
                 hyper / python, sequential | \
                 best plaid-rs ({n} in flight) / python ({n} threads) | \
                 best plaid-rs ({n} in flight) / python ceiling |"
            );
            println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            for p in flows {
                let (seq, par) = (&p.sequential, &p.threaded);
                let ratio = |rps: Option<f64>, of: f64| {
                    rps.map_or_else(|| "n/a".to_owned(), |rps| format!("{:.1}×", rps / of))
                };
                let best = best_concurrent(cases, p.call, n);
                let best_ratio = |of: f64| {
                    best.map_or_else(
                        || "n/a".to_owned(),
                        |(backend, rps)| format!("{:.1}× ({backend})", rps / of),
                    )
                };
                println!(
                    "| {} | {:.1} | {:.1} | {:.2} / {:.2} | {:.2} / {:.2} | {:.2} / {:.2} | \
                     {} / {} | {:.0} | {} | {} | {} | {} | {} |",
                    p.call.label(),
                    seq.rps,
                    par.rps,
                    seq.p50_ms,
                    seq.p99_ms,
                    par.p50_ms,
                    par.p99_ms,
                    seq.client_us / 1e3,
                    par.client_us / 1e3,
                    seq.calls,
                    par.calls,
                    p.ceiling(nproc),
                    ratio(sequential_rps(cases, "ureq", p.call), seq.rps),
                    ratio(sequential_rps(cases, "reqwest", p.call), seq.rps),
                    ratio(sequential_rps(cases, "hyper", p.call), seq.rps),
                    best_ratio(par.rps),
                    best_ratio(p.ceiling(nproc)),
                );
            }
            println!(
                "\nPython sequential: one call at a time; with {n} threads: {n} threads, each \
                 with its own client, calling in a loop; {}. Calls timed: over all rounds. \
                 \"/ python, sequential\" columns: the plaid-rs backend, one call in flight. \"best plaid-rs\": the highest median req/s of any backend at {n} \
                 calls in flight. Python CPU: user + system time of the python process (all \
                 threads) per call, median over rounds.",
                peer.connections
            );
            println!(
                "\nPython CPU-bound ceiling = {nproc} CPUs / python CPU seconds per call (the \
                 lower of the sequential and {n}-thread medians): the most req/s any number of \
                 python threads or processes could reach on this machine if the sandbox used \
                 no CPU."
            );
        }
        Err(why) => println!("python ({}): {why}", peer.client),
    }
}

/// Median req/s of a backend's plaid-rs case, one call in flight.
fn sequential_rps(cases: &[Case<'_>], backend: &str, call: CallKind) -> Option<f64> {
    find(cases, backend, true, call, 1).map(|c| summarise(&c.samples).rps)
}

/// The plaid-rs case with the highest median req/s at `concurrency` calls in
/// flight: its backend and req/s.
fn best_concurrent(
    cases: &[Case<'_>],
    call: CallKind,
    concurrency: usize,
) -> Option<(&'static str, f64)> {
    cases
        .iter()
        .filter(|c| c.wrapper && c.call == call && c.concurrency == concurrency)
        .map(|c| (c.backend, summarise(&c.samples).rps))
        .max_by(|a, b| a.1.total_cmp(&b.1))
}
