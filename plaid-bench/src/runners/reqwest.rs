//! reqwest (async): plaid-reqwest beside a raw reqwest client with the same
//! settings.

use plaid_core::DEFAULT_TIMEOUT;

use crate::calls::{CallKind, Targets, decode_raw, wire};
use crate::cases::{Case, Runtimes, async_case, async_wrapper_case, raw_slots};
use crate::options::Opts;
use crate::wrapper::Wrapper;

/// plaid-reqwest and raw reqwest, each call at 1 and at `--concurrency` in
/// flight.
pub(crate) fn reqwest_cases<'a>(
    rts: &'a Runtimes,
    targets: &Targets,
    opts: &Opts,
) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    for concurrency in [1, opts.concurrency] {
        let rt = rts.for_concurrency(concurrency);
        for call in CallKind::ALL {
            let client = Wrapper::new(targets, call, plaid_reqwest::ReqwestTransport::new());
            cases.push(async_wrapper_case("reqwest", rt, client, call, concurrency));
            // Raw: a client with the settings ReqwestTransport::new uses.
            for slot in raw_slots(opts, &mut cases) {
                let raw = plaid_reqwest::reqwest::Client::builder()
                    .redirect(plaid_reqwest::reqwest::redirect::Policy::none())
                    .timeout(DEFAULT_TIMEOUT)
                    .build()
                    .expect("reqwest client");
                let w = std::sync::Arc::new(wire(targets, call));
                let f = move || {
                    let raw = raw.clone();
                    let w = std::sync::Arc::clone(&w);
                    async move {
                        let mut request = raw.post(w.url.as_str());
                        for (name, value) in &w.headers {
                            request = request.header(name.as_str(), value.as_str());
                        }
                        let response = request
                            .body(w.body.clone())
                            .send()
                            .await
                            .expect("raw reqwest");
                        assert_eq!(response.status(), 200);
                        let body = response.bytes().await.expect("raw reqwest body");
                        decode_raw(call, &body);
                    }
                };
                cases.push(async_case("reqwest", slot, call, rt, concurrency, f));
            }
        }
    }
    cases
}
