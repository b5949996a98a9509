//! The modern call without I/O: the CPU the wrapper adds to each call,
//! measured where neither the network nor the emulator can hide it.
//!
//! End to end, the modern comparison on a shared 2-CPU machine moves by
//! ±10% between two identical raw clients (`--aa`), more than the 3% the
//! goal allows. So the wrapper's cost is also measured here, as plaid-core's
//! divan bench measures the legacy `balance` (`call/*`): one real answer of
//! the emulator, recorded once, is handed to both sides by the same
//! in-memory transport; the wrapper builds its request and parses into the
//! typed models, raw decodes into the plain structs. The rounds are short
//! (about half a millisecond) and many: on a loaded machine some are
//! interrupted by other processes, and the median keeps the ones that were
//! not. The report turns the difference into the overhead it predicts for
//! each measured case.

use std::time::Instant;

use plaid_core::http::{HeaderMap, Response, StatusCode};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};

use crate::calls::{BODY_LIMIT, CallKind, Targets, decode_raw, wire};
use crate::runners::ureq::raw_ureq_config;
use crate::stats::median;
use crate::wrapper::Wrapper;

/// Rounds per side (the median is kept; about one second in all) and calls
/// per round: short enough that most rounds run uninterrupted even when
/// other processes share the CPUs.
const ROUNDS: usize = 1_001;
const CALLS_PER_ROUND: u32 = 50;

/// The modern call's CPU per call in memory, each side the median over
/// rounds.
pub(crate) struct InMemory {
    /// `client.accounts_balance_get(token).send()`, µs.
    pub(crate) wrapper_us: f64,
    /// The plain decode of the same answer, µs.
    pub(crate) raw_us: f64,
    /// The answer's body size, bytes.
    pub(crate) body_len: usize,
}

impl InMemory {
    /// The CPU the wrapper adds per call, µs.
    pub(crate) fn added_us(&self) -> f64 {
        self.wrapper_us - self.raw_us
    }
}

/// One answer of the emulator to the modern call, as the transport hands
/// it over (status, headers, body).
#[derive(Clone)]
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    /// The emulator's answer to the modern call, fetched once with raw
    /// ureq.
    fn record(targets: &Targets) -> Answer {
        let w = wire(targets, CallKind::Modern);
        let agent = plaid_ureq::agent_with_config(raw_ureq_config());
        let mut request = agent.post(&w.url);
        for (name, value) in &w.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let mut response = request.send(&w.body[..]).expect("raw ureq");
        assert_eq!(response.status(), 200);
        let headers = response.headers().clone();
        let body = response
            .body_mut()
            .with_config()
            .limit(BODY_LIMIT)
            .read_to_vec()
            .expect("raw ureq body");
        Answer {
            status: StatusCode::OK,
            headers,
            body,
        }
    }

    /// A fresh response, as a transport returns one per call.
    fn response(&self) -> HttpResponse {
        let mut response = Response::new(self.body.clone());
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        response
    }
}

/// Measures the modern call in memory on the Item of `targets`.
pub(crate) fn modern_in_memory(targets: &Targets) -> InMemory {
    measure(targets, ROUNDS, CALLS_PER_ROUND)
}

/// [`modern_in_memory`] with `rounds` rounds (odd) of `calls` calls per
/// side.
fn measure(targets: &Targets, rounds: usize, calls: u32) -> InMemory {
    let answer = Answer::record(targets);
    let body_len = answer.body.len();
    let canned = answer.clone();
    let transport =
        move |_: HttpRequest| -> Result<HttpResponse, TransportError> { Ok(canned.response()) };
    let client = Wrapper::new(targets, CallKind::Modern, transport);
    let wrapper = || client.call();
    let raw = || {
        let response = answer.response();
        decode_raw(CallKind::Modern, response.body());
    };
    // Warm-up, then rounds, the order flipped every round.
    per_call(&wrapper, calls.saturating_mul(20));
    per_call(&raw, calls.saturating_mul(20));
    let (mut w, mut r) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        if round % 2 == 0 {
            w.push(per_call(&wrapper, calls));
            r.push(per_call(&raw, calls));
        } else {
            r.push(per_call(&raw, calls));
            w.push(per_call(&wrapper, calls));
        }
    }
    InMemory {
        wrapper_us: median(w),
        raw_us: median(r),
        body_len,
    }
}

/// Wall µs per call of `f` over `calls` calls in a row.
fn per_call(f: &dyn Fn(), calls: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..calls {
        f();
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(calls)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulators::Emulators;

    /// Both sides decode the recorded answer (each checks it holds
    /// accounts) and take some time.
    #[test]
    fn both_sides_run_on_the_recorded_answer() {
        let (emulators, targets) = Emulators::start();
        let m = measure(&targets, 3, 5);
        assert!(m.body_len > 1_000, "{}", m.body_len);
        assert!(m.wrapper_us > 0.0 && m.raw_us > 0.0);
        assert!((m.added_us() - (m.wrapper_us - m.raw_us)).abs() < 1e-9);
        emulators.shutdown();
    }
}
