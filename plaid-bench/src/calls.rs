//! The two measured calls: what they are, the exact request plaid-core
//! sends for each (which the raw baselines replay), and the checks both
//! sides run on every response so they do the same work.

use bytes::Bytes;
use plaid_core::legacy::{Client, Config};
use plaid_core::transport::DEFAULT_BODY_LIMIT;

use crate::plain;

/// The small call's access token: `balance` on a plain bank.
pub(crate) const SMALL_TOKEN: &str = "test_bofa";
/// The transactions the large call returns.
pub(crate) const LARGE_N: usize = 10_000;
/// The large call's access token: `connect_get` with [`LARGE_N`] transactions.
pub(crate) const LARGE_TOKEN: &str = "test_bulk_10000";
/// The body limit every plaid-rs backend applies, which the raw baselines
/// apply too.
pub(crate) const BODY_LIMIT: u64 = DEFAULT_BODY_LIMIT;

/// Which of the two calls a case makes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum CallKind {
    /// `balance` on `test_bofa`: a few accounts, so the per-call cost shows.
    Small,
    /// `connect_get` on `test_bulk_10000`: decoding throughput shows.
    Large,
}

impl CallKind {
    /// The sandbox access token the call uses.
    pub(crate) fn token(self) -> &'static str {
        match self {
            CallKind::Small => SMALL_TOKEN,
            CallKind::Large => LARGE_TOKEN,
        }
    }

    /// The call's name in the report.
    pub(crate) fn label(self) -> &'static str {
        match self {
            CallKind::Small => "balance",
            CallKind::Large => "connect_get 10k",
        }
    }
}

/// The exact request plaid-core sends for a call, for the raw baselines to
/// replay byte for byte.
pub(crate) struct Wire {
    pub(crate) url: String,
    pub(crate) body: Bytes,
    pub(crate) user_agent: String,
}

/// The [`Wire`] of `call`, built by plaid-core itself.
pub(crate) fn wire(config: &Config, call: CallKind) -> Wire {
    let client = Client::new(config.clone(), ()).with_access_token(call.token());
    let request = match call {
        CallKind::Small => client.balance().to_request(),
        CallKind::Large => client.connect_get().to_request(),
    }
    .expect("request");
    assert_eq!(request.method(), "POST");
    Wire {
        url: request.uri().to_string(),
        body: Bytes::from(request.body().clone()),
        user_agent: request.headers()["user-agent"]
            .to_str()
            .expect("ascii")
            .to_owned(),
    }
}

/// The request body's media type.
pub(crate) const FORM: &str = "application/x-www-form-urlencoded";
/// The `Accept` header plaid-core sends.
pub(crate) const JSON: &str = "application/json";

/// What both sides check on every small call (cheap, equal on both sides).
pub(crate) fn check_small(accounts: usize) {
    assert!(accounts > 0, "no accounts");
}

/// What both sides check on every large call.
pub(crate) fn check_large(transactions: usize) {
    assert_eq!(transactions, LARGE_N, "wrong transaction count");
}

/// The raw baselines' decoding: serde_json into the plain structs
/// plaid-core's benches use, with the same checks as the wrapper side.
pub(crate) fn decode_raw(call: CallKind, body: &[u8]) {
    match call {
        CallKind::Small => {
            let parsed: plain::PlainAccounts = serde_json::from_slice(body).expect("decode");
            check_small(parsed.accounts.len());
            std::hint::black_box(parsed);
        }
        CallKind::Large => {
            let parsed: plain::PlainConnect = serde_json::from_slice(body).expect("decode");
            check_large(parsed.transactions.as_ref().map_or(0, Vec::len));
            std::hint::black_box(parsed);
        }
    }
}
