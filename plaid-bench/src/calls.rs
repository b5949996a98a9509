//! The three measured calls: what they are, where they go ([`Targets`]), the
//! exact request plaid-core sends for each (which the raw baselines replay),
//! and the checks both sides run on every response so they do the same work.

use std::sync::Arc;

use bytes::Bytes;
use plaid_core::Endpoint as _;
use plaid_core::legacy;
use plaid_core::modern;
use plaid_core::modern::endpoints::AccountsBalanceGet;
use plaid_core::secret::AccessToken;
use plaid_core::transport::{DEFAULT_BODY_LIMIT, HttpRequest};

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

/// Which call a case makes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum CallKind {
    /// Legacy `balance` on `test_bofa`: a few accounts, so the per-call cost
    /// shows.
    Small,
    /// Legacy `connect_get` on `test_bulk_10000`: decoding throughput shows.
    Large,
    /// Modern `/accounts/balance/get` on an Item of the modern emulator
    /// (five accounts): the per-call cost of the modern family, whose
    /// requests are JSON with the keys in headers.
    Modern,
}

/// The API family a call belongs to, which decides the emulator it goes to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Family {
    /// The legacy emulator (`Sandbox::bind_with`).
    Legacy,
    /// The modern emulator (`Sandbox::bind_modern`).
    Modern,
}

impl CallKind {
    /// Every call, in the order the report lists them.
    pub(crate) const ALL: [CallKind; 3] = [CallKind::Small, CallKind::Large, CallKind::Modern];

    /// The call's name in the report.
    pub(crate) fn label(self) -> &'static str {
        match self {
            CallKind::Small => "balance",
            CallKind::Large => "connect_get 10k",
            CallKind::Modern => "modern accounts/balance/get",
        }
    }

    /// The access token of a legacy call (the legacy emulator's tokens are
    /// fixed names); none for the modern call, whose Item is made at start.
    pub(crate) fn legacy_token(self) -> Option<&'static str> {
        match self {
            CallKind::Small => Some(SMALL_TOKEN),
            CallKind::Large => Some(LARGE_TOKEN),
            CallKind::Modern => None,
        }
    }

    /// The family of the call.
    pub(crate) fn family(self) -> Family {
        match self {
            CallKind::Small | CallKind::Large => Family::Legacy,
            CallKind::Modern => Family::Modern,
        }
    }

    /// The most wrapper overhead (per cent of raw req/s) the project allows
    /// on this call, for the report's goal lines; none for the large call,
    /// whose cost is the decode.
    pub(crate) fn overhead_goal(self) -> Option<f64> {
        match self {
            CallKind::Small => Some(5.0),
            CallKind::Large => None,
            CallKind::Modern => Some(3.0),
        }
    }
}

/// Where the calls go: the two emulators' configurations and the modern
/// Item's access token (made once, before anything is measured). No
/// `Debug`: it holds the keys and the token.
pub(crate) struct Targets {
    /// The legacy emulator's configuration.
    pub(crate) legacy: legacy::Config,
    /// The modern emulator's configuration.
    pub(crate) modern: modern::Config,
    /// The access token of the modern Item every modern call reads.
    pub(crate) modern_token: Arc<AccessToken>,
}

impl Targets {
    /// The base URL of the emulator of `family`.
    pub(crate) fn url(&self, family: Family) -> &str {
        match family {
            Family::Legacy => self.legacy.base_url(),
            Family::Modern => self.modern.base_url(),
        }
    }

    /// A legacy client on `transport` holding the access token of `call`,
    /// a legacy call.
    pub(crate) fn legacy_client<T>(&self, call: CallKind, transport: T) -> legacy::Client<T> {
        let token = call.legacy_token().expect("a legacy call");
        legacy::Client::new(self.legacy.clone(), transport).with_access_token(token)
    }
}

/// The exact request plaid-core sends for a call, for the raw baselines to
/// replay byte for byte. No `Debug`: the modern headers hold the keys.
pub(crate) struct Wire {
    pub(crate) url: String,
    pub(crate) body: Bytes,
    /// Every header plaid-core sets (`user-agent`, `accept`,
    /// `content-type`, and for the modern family the keys and the version),
    /// as names and values a raw user would write.
    pub(crate) headers: Vec<(String, String)>,
}

/// The [`Wire`] of `call`, built by plaid-core itself.
pub(crate) fn wire(targets: &Targets, call: CallKind) -> Wire {
    let request = match call {
        CallKind::Small => targets.legacy_client(call, ()).balance().to_request(),
        CallKind::Large => targets.legacy_client(call, ()).connect_get().to_request(),
        CallKind::Modern => {
            AccountsBalanceGet::new(&*targets.modern_token).to_request(&targets.modern)
        }
    }
    .expect("request");
    Wire::of(&request)
}

impl Wire {
    /// The wire of a `POST` plaid-core built.
    pub(crate) fn of(request: &HttpRequest) -> Wire {
        assert_eq!(request.method(), "POST");
        Wire {
            url: request.uri().to_string(),
            body: Bytes::from(request.body().clone()),
            headers: request
                .headers()
                .iter()
                .map(|(name, value)| {
                    let value = value.to_str().expect("ascii header");
                    (name.as_str().to_owned(), value.to_owned())
                })
                .collect(),
        }
    }
}

/// What both sides check on every balance call, legacy or modern (cheap,
/// equal on both sides).
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
        CallKind::Modern => {
            let parsed: plain::PlainModernAccounts = serde_json::from_slice(body).expect("decode");
            check_small(parsed.accounts.len());
            std::hint::black_box(parsed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> Targets {
        Targets {
            legacy: legacy::Config::sandbox("http://127.0.0.1:1").unwrap(),
            modern: modern::Config::emulator("http://127.0.0.1:2").unwrap(),
            modern_token: Arc::new(AccessToken::new("access-sandbox-bench")),
        }
    }

    fn header<'w>(w: &'w Wire, name: &str) -> Option<&'w str> {
        w.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn the_modern_wire_is_json_with_the_keys_and_the_version_in_headers() {
        let w = wire(&targets(), CallKind::Modern);
        assert_eq!(w.url, "http://127.0.0.1:2/accounts/balance/get");
        assert_eq!(&w.body[..], br#"{"access_token":"access-sandbox-bench"}"#);
        assert_eq!(header(&w, "content-type"), Some("application/json"));
        assert_eq!(header(&w, "plaid-client-id"), Some("test_id"));
        assert_eq!(header(&w, "plaid-secret"), Some("test_secret"));
        assert_eq!(header(&w, "plaid-version"), Some("2020-09-14"));
        assert!(header(&w, "user-agent").is_some());
    }

    #[test]
    fn the_legacy_wires_are_forms_to_the_legacy_emulator_with_their_tokens() {
        let targets = targets();
        for (call, path, token) in [
            (CallKind::Small, "/balance", SMALL_TOKEN),
            (CallKind::Large, "/connect/get", LARGE_TOKEN),
        ] {
            let w = wire(&targets, call);
            assert_eq!(w.url, format!("http://127.0.0.1:1{path}"));
            let body = std::str::from_utf8(&w.body).unwrap();
            assert!(body.contains(&format!("access_token={token}")), "{body}");
            assert_eq!(
                header(&w, "content-type"),
                Some("application/x-www-form-urlencoded")
            );
            assert_eq!(header(&w, "plaid-secret"), None);
        }
    }

    #[test]
    fn each_call_has_its_family_token_and_goal() {
        assert_eq!(CallKind::Small.family(), Family::Legacy);
        assert_eq!(CallKind::Large.family(), Family::Legacy);
        assert_eq!(CallKind::Modern.family(), Family::Modern);
        assert_eq!(CallKind::Small.legacy_token(), Some(SMALL_TOKEN));
        assert_eq!(CallKind::Large.legacy_token(), Some(LARGE_TOKEN));
        assert_eq!(CallKind::Modern.legacy_token(), None);
        assert_eq!(CallKind::Small.overhead_goal(), Some(5.0));
        assert_eq!(CallKind::Large.overhead_goal(), None);
        assert_eq!(CallKind::Modern.overhead_goal(), Some(3.0));
        let targets = targets();
        assert_eq!(targets.url(Family::Legacy), "http://127.0.0.1:1");
        assert_eq!(targets.url(Family::Modern), "http://127.0.0.1:2");
    }
}
