//! Cases (one backend, one call, wrapper or raw, one concurrency) and the
//! interleaved rounds that measure them.

use std::future::Future;
use std::time::Duration;

use plaid_core::AsyncTransport;
use tokio::runtime::Runtime;

use crate::calls::CallKind;
use crate::measure::run_async;
use crate::options::Opts;
use crate::stats::Sample;
use crate::wrapper::Wrapper;

/// Sequential async calls run on a current-thread runtime (one client task,
/// its connection task on the same thread: the least scheduling noise);
/// concurrent ones on a multi-thread runtime with one worker per CPU.
pub(crate) struct Runtimes {
    single: Runtime,
    multi: Runtime,
}

impl Runtimes {
    /// Both runtimes.
    pub(crate) fn new() -> Runtimes {
        Runtimes {
            single: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("tokio runtime"),
            multi: tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .expect("tokio runtime"),
        }
    }

    /// The runtime for `concurrency` calls in flight.
    pub(crate) fn for_concurrency(&self, concurrency: usize) -> &Runtime {
        if concurrency == 1 {
            &self.single
        } else {
            &self.multi
        }
    }
}

/// Runs a case for a given time and returns the sample.
type Runner<'a> = Box<dyn FnMut(Duration) -> Sample + 'a>;

/// One measured configuration and its samples so far.
pub(crate) struct Case<'a> {
    /// `ureq`, `reqwest`, `hyper`, `sandbox alone`, or a `… diag: …` name.
    pub(crate) backend: &'static str,
    /// plaid-rs (true) or the raw baseline (false).
    pub(crate) wrapper: bool,
    /// The call it makes.
    pub(crate) call: CallKind,
    /// Calls in flight.
    pub(crate) concurrency: usize,
    /// Runs it once for a given time.
    pub(crate) run: Runner<'a>,
    /// One sample per measured round.
    pub(crate) samples: Vec<Sample>,
}

/// The wrapper flags of the raw instances to build: `[false]`, or with
/// `--aa` `[true, false]` after dropping the wrapper case just pushed (an
/// A/A run: a second raw instance in the wrapper's place measures the noise
/// floor of the comparison).
pub(crate) fn raw_slots(opts: &Opts, cases: &mut Vec<Case<'_>>) -> Vec<bool> {
    if opts.aa {
        cases.pop();
        vec![true, false]
    } else {
        vec![false]
    }
}

/// A case that runs `f` on `rt` with `concurrency` calls in flight.
pub(crate) fn async_case<'a, F, Fut>(
    backend: &'static str,
    wrapper: bool,
    call: CallKind,
    rt: &'a Runtime,
    concurrency: usize,
    f: F,
) -> Case<'a>
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    Case {
        backend,
        wrapper,
        call,
        concurrency,
        run: Box::new(move |d| run_async(rt, d, concurrency, f.clone())),
        samples: Vec::new(),
    }
}

/// The plaid-rs case of an async backend: the same calls whatever the
/// transport, so reqwest and hyper are measured identically.
pub(crate) fn async_wrapper_case<'a, T>(
    backend: &'static str,
    rt: &'a Runtime,
    wrapper: Wrapper<T>,
    call: CallKind,
    concurrency: usize,
) -> Case<'a>
where
    T: AsyncTransport + Clone + 'static,
{
    let f = move || wrapper.clone().call_async();
    async_case(backend, true, call, rt, concurrency, f)
}

/// Keeps the cases `--only` and `--calls` ask for.
pub(crate) fn select(cases: &mut Vec<Case<'_>>, opts: &Opts) {
    if !opts.only.is_empty() {
        cases.retain(|c| opts.only.iter().any(|o| c.backend.starts_with(o.as_str())));
    }
    cases.retain(|c| opts.calls.contains(&c.call));
}

/// Warms every case up, then measures them in interleaved rounds, each case
/// once per round while it has rounds left ([`Opts::rounds_of`]).
pub(crate) fn run_rounds(cases: &mut [Case<'_>], opts: &Opts) {
    // Warm-up: connections, pools, the sandbox's body cache.
    eprintln!("plaid-bench: warming up {} cases", cases.len());
    for case in cases.iter_mut() {
        let _ = (case.run)(Duration::from_millis(100));
    }
    let rounds = opts.rounds.max(opts.small_rounds);
    for round in 0..rounds {
        eprintln!("plaid-bench: round {}/{rounds}", round + 1);
        // Cases come in pairs (wrapper, raw) at indices (2j, 2j + 1). Both
        // members of a pair get a short unmeasured run first, so whatever
        // ran before (often a large call) only touches the warm-ups; then
        // both are measured back to back, first one first in even rounds
        // and the other first in odd rounds.
        for pair in (0..cases.len()).step_by(2) {
            let mut members: Vec<usize> = (pair..cases.len().min(pair + 2)).collect();
            if round % 2 == 1 {
                members.reverse();
            }
            members.retain(|&i| round < opts.rounds_of(cases[i].call));
            for &i in &members {
                let case = &mut cases[i];
                let _ = (case.run)(opts.duration(case.call) / 10);
            }
            for &i in &members {
                let case = &mut cases[i];
                let sample = (case.run)(opts.duration(case.call));
                case.samples.push(sample);
            }
        }
    }
}

/// The case of `backend` with these settings, if it was run.
pub(crate) fn find<'a, 'b>(
    cases: &'a [Case<'b>],
    backend: &str,
    wrapper: bool,
    call: CallKind,
    concurrency: usize,
) -> Option<&'a Case<'b>> {
    cases.iter().find(|c| {
        c.backend == backend
            && c.wrapper == wrapper
            && c.call == call
            && c.concurrency == concurrency
    })
}
