//! The ablations (`--diag`): what each layer of the hyper wrapper costs, and
//! what plaid-ureq's resolver saves.

use plaid_core::Endpoint as _;
use plaid_core::legacy::endpoints::Balance;
use plaid_core::{AsyncTransport, RetryPolicy};

use crate::calls::{CallKind, Targets, check_small, decode_raw, wire};
use crate::cases::{Case, Runtimes, async_case};
use crate::options::Opts;
use crate::runners::hyper::{raw_hyper_client, raw_hyper_exchange};
use crate::runners::ureq::{raw_ureq_case, raw_ureq_config};

/// The ureq ablation (`--diag`): what plaid-ureq's resolver saves, as raw
/// on ureq's own agent, whose resolver looks the host up on a new thread for
/// every request.
pub(crate) fn ureq_diag_case<'a>(targets: &Targets) -> Case<'a> {
    let agent = plaid_ureq::ureq::Agent::new_with_config(raw_ureq_config());
    raw_ureq_case(
        "ureq diag: raw on ureq's default resolver",
        false,
        agent,
        wire(targets, CallKind::Small),
        CallKind::Small,
    )
}

/// Ablations of the hyper wrapper (`--diag`), small call: the raw baseline
/// without its timeout and body limit (what those two cost), the `Client`
/// with retries disabled, and `HyperTransport::send` +
/// `Balance::parse_response` on a prebuilt request (the transport without
/// the `Client`/`Call` layer).
pub(crate) fn hyper_diag_cases<'a>(
    rts: &'a Runtimes,
    targets: &Targets,
    opts: &Opts,
) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    for concurrency in [1, opts.concurrency] {
        let rt = rts.for_concurrency(concurrency);
        let raw = raw_hyper_client();
        let w = std::sync::Arc::new(wire(targets, CallKind::Small));
        let f = move || {
            let raw = raw.clone();
            let w = std::sync::Arc::clone(&w);
            async move {
                let body = raw_hyper_exchange(&raw, &w, false).await;
                decode_raw(CallKind::Small, &body);
            }
        };
        cases.push(async_case(
            "hyper diag: raw, no timeout or body limit",
            false,
            CallKind::Small,
            rt,
            concurrency,
            f,
        ));
        let client = targets.legacy_client(CallKind::Small, plaid_hyper::HyperTransport::new());
        let f = move || {
            let client = client.clone();
            async move {
                let r = client
                    .balance()
                    .retry(RetryPolicy::disabled())
                    .await
                    .expect("balance");
                check_small(r.accounts.len());
                std::hint::black_box(r);
            }
        };
        cases.push(async_case(
            "hyper diag: Client, retries disabled",
            false,
            CallKind::Small,
            rt,
            concurrency,
            f,
        ));
        let transport = plaid_hyper::HyperTransport::new();
        let client = targets.legacy_client(CallKind::Small, ());
        let template = client.balance().to_request().expect("request");
        let template = std::sync::Arc::new(template);
        let f = move || {
            let transport = transport.clone();
            let template = std::sync::Arc::clone(&template);
            async move {
                let mut request = plaid_core::http::Request::new(template.body().clone());
                *request.method_mut() = template.method().clone();
                *request.uri_mut() = template.uri().clone();
                *request.headers_mut() = template.headers().clone();
                let response = AsyncTransport::send(&transport, request)
                    .await
                    .expect("send");
                let r = Balance::parse_response(response).expect("parse");
                check_small(r.accounts.len());
                std::hint::black_box(r);
            }
        };
        cases.push(async_case(
            "hyper diag: HyperTransport::send + parse",
            false,
            CallKind::Small,
            rt,
            concurrency,
            f,
        ));
    }
    cases
}
