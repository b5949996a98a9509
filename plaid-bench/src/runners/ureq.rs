//! ureq (blocking): plaid-ureq beside a raw ureq agent built the same way.

use plaid_core::DEFAULT_TIMEOUT;

use crate::calls::{BODY_LIMIT, CallKind, Targets, Wire, decode_raw, wire};
use crate::cases::{Case, raw_slots};
use crate::measure::run_sync;
use crate::options::Opts;
use crate::wrapper::Wrapper;

/// plaid-ureq and raw ureq, each call sequentially (ureq is blocking).
pub(crate) fn ureq_cases<'a>(targets: &Targets, opts: &Opts) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    for call in CallKind::ALL {
        let client = Wrapper::new(targets, call, plaid_ureq::UreqTransport::new());
        cases.push(Case {
            backend: "ureq",
            wrapper: true,
            call,
            concurrency: 1,
            run: Box::new(move |d| run_sync(d, || client.call())),
            samples: Vec::new(),
        });
        // Raw: an agent built as UreqTransport::new builds it (same settings,
        // same resolver). With --aa, a second raw instance takes the
        // wrapper's place.
        for slot in raw_slots(opts, &mut cases) {
            let agent = plaid_ureq::agent_with_config(raw_ureq_config());
            cases.push(raw_ureq_case(
                "ureq",
                slot,
                agent,
                wire(targets, call),
                call,
            ));
        }
    }
    cases
}

/// The agent settings UreqTransport::new uses.
pub(crate) fn raw_ureq_config() -> plaid_ureq::ureq::config::Config {
    plaid_ureq::ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(DEFAULT_TIMEOUT))
        .build()
}

/// A raw ureq case: the prebuilt request on `agent`, the body read with
/// the same limit, decoded with serde_json.
pub(crate) fn raw_ureq_case<'a>(
    backend: &'static str,
    wrapper: bool,
    agent: plaid_ureq::ureq::Agent,
    w: Wire,
    call: CallKind,
) -> Case<'a> {
    Case {
        backend,
        wrapper,
        call,
        concurrency: 1,
        run: Box::new(move |d| {
            run_sync(d, || {
                let mut request = agent.post(&w.url);
                for (name, value) in &w.headers {
                    request = request.header(name.as_str(), value.as_str());
                }
                let mut response = request.send(&w.body[..]).expect("raw ureq");
                assert_eq!(response.status(), 200);
                let body = response
                    .body_mut()
                    .with_config()
                    .limit(BODY_LIMIT)
                    .read_to_vec()
                    .expect("raw ureq body");
                decode_raw(call, &body);
            })
        }),
        samples: Vec::new(),
    }
}
