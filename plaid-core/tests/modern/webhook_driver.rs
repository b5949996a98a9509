//! The verification drivers of `modern::Client`: a missing key is fetched
//! through `/webhook_verification_key/get` over a blocking or an async
//! transport and cached; a new `kid` refreshes the cached keys, so a key
//! Plaid has expired is refused; a `kid` Plaid does not know is remembered
//! for a while; a failed fetch is `KeyFetch`, never a verdict on the
//! webhook; and one cache serves many threads.

use std::collections::{HashMap, HashSet};
use std::future::{Future, IntoFuture};
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, SystemTime};

use plaid_core::RetryPolicy;
use plaid_core::http::{HeaderMap, HeaderValue, Response};
use plaid_core::modern::Client;
use plaid_core::modern::webhook::{
    DEFAULT_REFRESH_INTERVAL, KeyCache, KeySource, TestSigner, WebhookError, WebhookErrorKind,
};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use serde_json::{Value, json};

use crate::wire::{answer, modern_config, plaid_error};

/// A canned `/webhook_verification_key/get`: answers the keys it holds,
/// `INVALID_WEBHOOK_VERIFICATION_KEY_ID` for others, a 500 for the `kid`s
/// set to fail, and records every `kid` asked for.
#[derive(Default)]
pub(crate) struct KeyServer {
    keys: Mutex<HashMap<String, Value>>,
    failing: Mutex<HashSet<String>>,
    asked: Mutex<Vec<String>>,
}

impl KeyServer {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(KeyServer::default())
    }

    /// Serves `signer`'s key, expired at `expired_at` if set.
    pub(crate) fn serve(&self, signer: &TestSigner, expired_at: Option<i64>) {
        let mut jwk = signer.jwk();
        jwk.expired_at = expired_at;
        let json = json!({
            "alg": jwk.alg, "crv": jwk.crv, "kid": jwk.kid, "kty": jwk.kty, "use": jwk.key_use,
            "x": jwk.x, "y": jwk.y, "created_at": jwk.created_at, "expired_at": jwk.expired_at,
        });
        self.keys.lock().unwrap().insert(jwk.kid, json);
    }

    /// Serves `json` as the key `kid`, whatever it says.
    pub(crate) fn serve_json(&self, kid: &str, json: Value) {
        self.keys.lock().unwrap().insert(kid.to_owned(), json);
    }

    pub(crate) fn withdraw(&self, kid: &str) {
        self.keys.lock().unwrap().remove(kid);
    }

    pub(crate) fn fail(&self, kid: &str, failing: bool) {
        let mut set = self.failing.lock().unwrap();
        if failing {
            set.insert(kid.to_owned());
        } else {
            set.remove(kid);
        }
    }

    /// The `kid`s asked for since the last call, in order.
    pub(crate) fn take_asked(&self) -> Vec<String> {
        std::mem::take(&mut *self.asked.lock().unwrap())
    }

    fn answer(&self, request: &HttpRequest) -> HttpResponse {
        assert_eq!(request.uri().path(), "/webhook_verification_key/get");
        let sent: Value = serde_json::from_slice(request.body()).unwrap();
        let kid = sent["key_id"].as_str().unwrap().to_owned();
        self.asked.lock().unwrap().push(kid.clone());
        if self.failing.lock().unwrap().contains(&kid) {
            return Response::builder()
                .status(500)
                .body(b"<html>bad gateway</html>".to_vec())
                .unwrap();
        }
        match self.keys.lock().unwrap().get(&kid) {
            Some(key) => answer(
                200,
                &json!({"key": key, "request_id": "RZ6Omi1bzzwDaLo"}).to_string(),
            ),
            None => answer(
                400,
                &plaid_error("INVALID_INPUT", "INVALID_WEBHOOK_VERIFICATION_KEY_ID"),
            ),
        }
    }

    /// A client on a blocking transport answered by this server.
    pub(crate) fn blocking(
        self: &Arc<Self>,
    ) -> Client<impl Fn(HttpRequest) -> Result<HttpResponse, TransportError> + use<>> {
        let server = Arc::clone(self);
        let transport = move |request: HttpRequest| Ok(server.answer(&request));
        Client::new(config(), transport)
    }

    /// A client on an async transport answered by this server.
    fn asynchronous(
        self: &Arc<Self>,
    ) -> Client<
        impl Fn(HttpRequest) -> std::future::Ready<Result<HttpResponse, TransportError>> + use<>,
    > {
        let server = Arc::clone(self);
        let transport = move |request: HttpRequest| std::future::ready(Ok(server.answer(&request)));
        Client::new(config(), transport)
    }
}

/// No retries: a 500 from the key server must come back at once.
fn config() -> plaid_core::modern::Config {
    modern_config().with_retry(RetryPolicy::disabled())
}

/// Headers carrying `value` as `Plaid-Verification`.
pub(crate) fn headers(value: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert("plaid-verification", HeaderValue::from_str(value).unwrap());
    headers
}

/// Runs a future that never waits (the canned transport answers at once).
fn now_or_never<F: Future>(future: F) -> F::Output {
    let mut context = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut context) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the canned transport never waits"),
    }
}

#[track_caller]
fn refused<T: std::fmt::Debug>(result: Result<T, WebhookError>) -> WebhookError {
    match result {
        Ok(value) => panic!("expected a refusal, got {value:?}"),
        Err(error) => error,
    }
}

const BODY: &[u8] = b"{\n  \"webhook_type\": \"ITEM\",\n  \"webhook_code\": \"LOGIN_REPAIRED\"\n}";

#[test]
fn a_blocking_client_fetches_a_missing_key_once() {
    let signer = TestSigner::generate("k1").unwrap();
    let server = KeyServer::new();
    server.serve(&signer, None);
    let client = server.blocking();
    let keys = KeyCache::new();
    let now = SystemTime::now();
    let headers = headers(&signer.sign(BODY, now).unwrap());

    let verified = client
        .verify_webhook(&keys, &headers, BODY)
        .at(now)
        .send()
        .unwrap();
    assert_eq!(verified.kid, "k1");
    assert_eq!(server.take_asked(), ["k1"]);
    assert_eq!(keys.len(), 1);

    // Cached: the next webhook costs no call.
    let again = headers_for(&signer, b"{}", now);
    client
        .verify_webhook(&keys, &again, b"{}")
        .at(now)
        .send()
        .unwrap();
    assert!(server.take_asked().is_empty());
}

fn headers_for(signer: &TestSigner, body: &[u8], now: SystemTime) -> HeaderMap {
    headers(&signer.sign(body, now).unwrap())
}

#[test]
fn an_async_client_fetches_a_missing_key_once() {
    let signer = TestSigner::generate("k1").unwrap();
    let server = KeyServer::new();
    server.serve(&signer, None);
    let client = server.asynchronous();
    let keys = KeyCache::new();
    let now = SystemTime::now();
    let headers = headers_for(&signer, BODY, now);

    let verified = now_or_never(
        client
            .verify_webhook(&keys, &headers, BODY)
            .at(now)
            .into_future(),
    );
    assert_eq!(verified.unwrap().kid, "k1");
    let again = now_or_never(
        client
            .verify_webhook(&keys, &headers, BODY)
            .at(now)
            .into_future(),
    );
    assert!(again.is_ok());
    assert_eq!(server.take_asked(), ["k1"]);

    // Refusals come back through the async path too.
    let tampered = now_or_never(
        client
            .verify_webhook(&keys, &headers, b"{}")
            .at(now)
            .into_future(),
    );
    assert_eq!(refused(tampered).kind(), WebhookErrorKind::BodyMismatch);
}

#[test]
fn the_driver_uses_the_system_clock_unless_told_otherwise() {
    let signer = TestSigner::generate("k1").unwrap();
    let server = KeyServer::new();
    server.serve(&signer, None);
    let client = server.blocking();
    let keys = KeyCache::new();
    let fresh = headers_for(&signer, BODY, SystemTime::now());
    assert!(client.verify_webhook(&keys, &fresh, BODY).send().is_ok());
    let old = headers_for(&signer, BODY, SystemTime::now() - Duration::from_secs(600));
    let error = refused(client.verify_webhook(&keys, &old, BODY).send());
    assert_eq!(error.kind(), WebhookErrorKind::Stale);
}

#[test]
fn a_new_kid_refreshes_the_cached_keys_so_an_expired_one_is_refused() {
    let old = TestSigner::generate("old").unwrap();
    let new = TestSigner::generate("new").unwrap();
    let server = KeyServer::new();
    server.serve(&old, None);
    let client = server.blocking();
    let keys = KeyCache::new();
    let t0 = SystemTime::now();
    client
        .verify_webhook(&keys, &headers_for(&old, BODY, t0), BODY)
        .at(t0)
        .send()
        .unwrap();
    assert_eq!(server.take_asked(), ["old"]);

    // Plaid rotates: "old" expires, "new" signs.
    let t1 = t0 + DEFAULT_REFRESH_INTERVAL;
    server.serve(&old, Some(1_760_000_000));
    server.serve(&new, None);
    client
        .verify_webhook(&keys, &headers_for(&new, BODY, t1), BODY)
        .at(t1)
        .send()
        .unwrap();
    assert_eq!(server.take_asked(), ["new", "old"]);
    assert!(keys.key("old").unwrap().is_expired());

    // From now on "old" is refused, without asking Plaid again.
    let replay = headers_for(&old, BODY, t1);
    let error = refused(client.verify_webhook(&keys, &replay, BODY).at(t1).send());
    assert_eq!(error.kind(), WebhookErrorKind::ExpiredKey);
    assert!(server.take_asked().is_empty());
}

#[test]
fn the_cached_keys_are_refreshed_at_most_once_per_interval() {
    let signers: Vec<TestSigner> = ["a", "b", "c"]
        .into_iter()
        .map(|kid| TestSigner::generate(kid).unwrap())
        .collect();
    let server = KeyServer::new();
    for signer in &signers {
        server.serve(signer, None);
    }
    let client = server.blocking();
    let keys = KeyCache::new().with_refresh_interval(Duration::from_secs(100));
    let t0 = SystemTime::now();
    let verify = |signer: &TestSigner, at: SystemTime| {
        client
            .verify_webhook(&keys, &headers_for(signer, BODY, at), BODY)
            .at(at)
            .send()
            .unwrap();
    };
    verify(&signers[0], t0);
    assert_eq!(server.take_asked(), ["a"]);
    // Within the interval: only the new key.
    verify(&signers[1], t0 + Duration::from_secs(99));
    assert_eq!(server.take_asked(), ["b"]);
    // After it: the new key, then the others.
    verify(&signers[2], t0 + Duration::from_secs(100));
    let mut asked = server.take_asked();
    assert_eq!(asked.remove(0), "c");
    asked.sort();
    assert_eq!(asked, ["a", "b"]);
}

#[test]
fn a_kid_plaid_does_not_know_is_refused_and_not_asked_again_for_a_while() {
    let forger = TestSigner::generate("forged-kid").unwrap();
    let server = KeyServer::new();
    let client = server.blocking();
    let keys = KeyCache::new();
    let t0 = SystemTime::now();
    let forged = headers_for(&forger, BODY, t0);

    let error = refused(client.verify_webhook(&keys, &forged, BODY).at(t0).send());
    assert_eq!(error.kind(), WebhookErrorKind::UnknownKey);
    assert_eq!(server.take_asked(), ["forged-kid"]);

    let soon = t0 + DEFAULT_REFRESH_INTERVAL - Duration::from_secs(1);
    let error = refused(client.verify_webhook(&keys, &forged, BODY).at(soon).send());
    assert_eq!(error.kind(), WebhookErrorKind::UnknownKey);
    assert!(server.take_asked().is_empty());

    let later = t0 + DEFAULT_REFRESH_INTERVAL;
    let error = refused(client.verify_webhook(&keys, &forged, BODY).at(later).send());
    assert_eq!(error.kind(), WebhookErrorKind::UnknownKey);
    assert_eq!(server.take_asked(), ["forged-kid"]);
    assert!(keys.is_empty());
}

#[test]
fn a_key_plaid_withdrew_is_dropped_on_refresh() {
    let gone = TestSigner::generate("gone").unwrap();
    let next = TestSigner::generate("next").unwrap();
    let server = KeyServer::new();
    server.serve(&gone, None);
    let client = server.blocking();
    let keys = KeyCache::new();
    let t0 = SystemTime::now();
    client
        .verify_webhook(&keys, &headers_for(&gone, BODY, t0), BODY)
        .at(t0)
        .send()
        .unwrap();
    assert_eq!(server.take_asked(), ["gone"]);

    server.withdraw("gone");
    server.serve(&next, None);
    let t1 = t0 + DEFAULT_REFRESH_INTERVAL;
    client
        .verify_webhook(&keys, &headers_for(&next, BODY, t1), BODY)
        .at(t1)
        .send()
        .unwrap();
    assert_eq!(server.take_asked(), ["next", "gone"]);
    assert!(keys.key("gone").is_none());
    let error = refused(
        client
            .verify_webhook(&keys, &headers_for(&gone, BODY, t1), BODY)
            .at(t1)
            .send(),
    );
    assert_eq!(error.kind(), WebhookErrorKind::UnknownKey);
    assert!(server.take_asked().is_empty());
}

#[test]
fn a_failed_fetch_is_key_fetch_and_the_webhook_verifies_once_plaid_answers() {
    let signer = TestSigner::generate("k1").unwrap();
    let server = KeyServer::new();
    server.serve(&signer, None);
    server.fail("k1", true);
    let client = server.blocking();
    let keys = KeyCache::new();
    let now = SystemTime::now();
    let headers = headers_for(&signer, BODY, now);

    let error = refused(client.verify_webhook(&keys, &headers, BODY).at(now).send());
    assert_eq!(error.kind(), WebhookErrorKind::KeyFetch);
    let cause = error.fetch_error().unwrap();
    assert_eq!(cause.status().map(|status| status.as_u16()), Some(500));
    assert!(std::error::Error::source(&error).is_some());
    assert!(
        error.to_string().contains("could not be fetched"),
        "{error}"
    );

    server.fail("k1", false);
    assert!(
        client
            .verify_webhook(&keys, &headers, BODY)
            .at(now)
            .send()
            .is_ok()
    );
}

#[test]
fn a_failed_refresh_keeps_the_cached_key_and_fails_nothing() {
    let first = TestSigner::generate("first").unwrap();
    let second = TestSigner::generate("second").unwrap();
    let server = KeyServer::new();
    server.serve(&first, None);
    server.serve(&second, None);
    let client = server.blocking();
    let keys = KeyCache::new();
    let t0 = SystemTime::now();
    client
        .verify_webhook(&keys, &headers_for(&first, BODY, t0), BODY)
        .at(t0)
        .send()
        .unwrap();
    assert_eq!(server.take_asked(), ["first"]);

    server.fail("first", true);
    let t1 = t0 + DEFAULT_REFRESH_INTERVAL;
    client
        .verify_webhook(&keys, &headers_for(&second, BODY, t1), BODY)
        .at(t1)
        .send()
        .unwrap();
    assert_eq!(server.take_asked(), ["second", "first"]);
    assert!(keys.key("first").is_some());
}

#[test]
fn a_key_answered_for_another_kid_or_malformed_is_invalid_and_not_cached() {
    let signer = TestSigner::generate("asked").unwrap();
    let other = TestSigner::generate("other").unwrap();
    let server = KeyServer::new();
    let wrong = other.jwk();
    server.serve_json(
        "asked",
        json!({
            "alg": "ES256", "crv": "P-256", "kid": "other", "kty": "EC", "use": "sig",
            "x": wrong.x, "y": wrong.y, "created_at": 0, "expired_at": null,
        }),
    );
    let client = server.blocking();
    let keys = KeyCache::new();
    let now = SystemTime::now();
    let headers = headers_for(&signer, BODY, now);
    let error = refused(client.verify_webhook(&keys, &headers, BODY).at(now).send());
    assert_eq!(error.kind(), WebhookErrorKind::InvalidKey);
    assert!(keys.is_empty());

    server.serve_json(
        "asked",
        json!({
            "alg": "HS256", "crv": "P-256", "kid": "asked", "kty": "EC", "use": "sig",
            "x": wrong.x, "y": wrong.y, "created_at": 0, "expired_at": null,
        }),
    );
    let error = refused(client.verify_webhook(&keys, &headers, BODY).at(now).send());
    assert_eq!(error.kind(), WebhookErrorKind::InvalidKey);
    assert!(keys.is_empty());
}

#[test]
fn one_cache_serves_many_threads() {
    let signer = TestSigner::generate("shared").unwrap();
    let server = KeyServer::new();
    server.serve(&signer, None);
    let client = server.blocking();
    let keys = Arc::new(KeyCache::new());
    let now = SystemTime::now();
    let signer = Arc::new(signer);
    let threads: Vec<_> = (0..8)
        .map(|n| {
            let (client, keys, signer) = (client.clone(), Arc::clone(&keys), Arc::clone(&signer));
            std::thread::spawn(move || {
                for round in 0..5 {
                    let body = format!("{{\"thread\": {n}, \"round\": {round}}}");
                    let headers = headers_for(&signer, body.as_bytes(), now);
                    let verified = client
                        .verify_webhook(&keys, &headers, body.as_bytes())
                        .at(now)
                        .send()
                        .unwrap();
                    assert_eq!(verified.kid, "shared");
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let asked = server.take_asked();
    assert!(!asked.is_empty() && asked.len() <= 8, "{asked:?}");
    assert!(asked.iter().all(|kid| kid == "shared"));
    assert_eq!(keys.len(), 1);
}
