//! ureq (blocking): plaid-ureq beside a raw ureq agent built the same way.

use plaid_core::DEFAULT_TIMEOUT;
use plaid_core::legacy::Config;

use crate::calls::{
    BODY_LIMIT, CallKind, FORM, JSON, Wire, check_large, check_small, decode_raw, wire,
};
use crate::cases::{Case, raw_slots};
use crate::measure::run_sync;
use crate::options::Opts;

/// plaid-ureq and raw ureq, each call sequentially (ureq is blocking).
pub(crate) fn ureq_cases<'a>(config: &Config, opts: &Opts) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    for call in [CallKind::Small, CallKind::Large] {
        let client = plaid_ureq::client(config.clone()).with_access_token(call.token());
        cases.push(Case {
            backend: "ureq",
            wrapper: true,
            call,
            concurrency: 1,
            run: Box::new(move |d| {
                run_sync(d, || match call {
                    CallKind::Small => {
                        let r = client.balance().send().expect("balance");
                        check_small(r.accounts.len());
                        std::hint::black_box(r);
                    }
                    CallKind::Large => {
                        let r = client.connect_get().send().expect("connect_get");
                        check_large(r.transactions.as_ref().map_or(0, Vec::len));
                        std::hint::black_box(r);
                    }
                })
            }),
            samples: Vec::new(),
        });
        // Raw: an agent built as UreqTransport::new builds it (same settings,
        // same resolver). With --aa, a second raw instance takes the
        // wrapper's place.
        for slot in raw_slots(opts, &mut cases) {
            let agent = plaid_ureq::agent_with_config(raw_ureq_config());
            cases.push(raw_ureq_case("ureq", slot, agent, wire(config, call), call));
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
                let mut response = agent
                    .post(&w.url)
                    .header("user-agent", &w.user_agent)
                    .header("accept", JSON)
                    .header("content-type", FORM)
                    .send(&w.body[..])
                    .expect("raw ureq");
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
