//! hyper (async): plaid-hyper beside a raw hyper-util client built the same
//! way, with the same timeout and body limit.

use bytes::Bytes;
use plaid_core::DEFAULT_TIMEOUT;
use plaid_hyper::http_body_util::{BodyExt, Full, Limited};
use plaid_hyper::hyper_util::client::legacy::{self, connect::HttpConnector};
use plaid_hyper::hyper_util::rt::{TokioExecutor, TokioTimer};

use crate::calls::{BODY_LIMIT, CallKind, Targets, Wire, decode_raw, wire};
use crate::cases::{Case, Runtimes, async_case, async_wrapper_case, raw_slots};
use crate::options::Opts;
use crate::wrapper::Wrapper;

/// plaid-hyper and raw hyper, each call at 1 and at `--concurrency` in
/// flight.
pub(crate) fn hyper_cases<'a>(rts: &'a Runtimes, targets: &Targets, opts: &Opts) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    for concurrency in [1, opts.concurrency] {
        let rt = rts.for_concurrency(concurrency);
        for call in CallKind::ALL {
            let client = Wrapper::new(targets, call, plaid_hyper::HyperTransport::new());
            cases.push(async_wrapper_case("hyper", rt, client, call, concurrency));
            // Raw: a hyper-util client built as HyperTransport::new builds it,
            // with the same timeout and body limit plaid-hyper applies.
            for slot in raw_slots(opts, &mut cases) {
                let raw = raw_hyper_client();
                let w = std::sync::Arc::new(wire(targets, call));
                let f = move || {
                    let raw = raw.clone();
                    let w = std::sync::Arc::clone(&w);
                    async move {
                        let body = raw_hyper_exchange(&raw, &w, true).await;
                        decode_raw(call, &body);
                    }
                };
                cases.push(async_case("hyper", slot, call, rt, concurrency, f));
            }
        }
    }
    cases
}

/// A hyper-util client built as `HyperTransport::new` builds it.
pub(crate) fn raw_hyper_client() -> legacy::Client<HttpConnector, Full<Bytes>> {
    legacy::Client::builder(TokioExecutor::new())
        .pool_timer(TokioTimer::new())
        .build(HttpConnector::new())
}

/// The raw hyper exchange: the prebuilt request, the whole body collected.
/// `guarded` adds what plaid-hyper applies to every exchange and a careful
/// raw user would too: `tokio::time::timeout` around it and the body read
/// through `http_body_util::Limited`.
pub(crate) async fn raw_hyper_exchange(
    raw: &legacy::Client<HttpConnector, Full<Bytes>>,
    w: &Wire,
    guarded: bool,
) -> Bytes {
    let mut request = plaid_hyper::hyper::Request::post(w.url.as_str());
    for (name, value) in &w.headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let request = request
        .body(Full::new(w.body.clone()))
        .expect("raw hyper request");
    let exchange = async {
        let response = raw.request(request).await.expect("raw hyper");
        assert_eq!(response.status(), 200);
        let body = response.into_body();
        let collected = if guarded {
            let limit = usize::try_from(BODY_LIMIT).unwrap_or(usize::MAX);
            Limited::new(body, limit)
                .collect()
                .await
                .map_err(|e| e.to_string())
        } else {
            body.collect().await.map_err(|e| e.to_string())
        };
        collected.expect("raw hyper body").to_bytes()
    };
    if guarded {
        tokio::time::timeout(DEFAULT_TIMEOUT, exchange)
            .await
            .expect("raw hyper timeout")
    } else {
        exchange.await
    }
}
