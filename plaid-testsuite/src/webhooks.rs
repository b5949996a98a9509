//! Modern webhooks end to end on every backend: the emulator delivers a
//! signed webhook to a loopback receiver, and plaid-core's verifier
//! (`client.verify_webhook`) fetches the emulator's key **through the
//! backend** (`/webhook_verification_key/get`) and accepts it; the same
//! header over a tampered body is refused with `BodyMismatch`.
//!
//! The verification runs the way the backend runs: `.send()` on a blocking
//! one, `.await` on an async one ([`Backend::verify_webhook`]).

use std::time::Duration;

use plaid_core::http::{HeaderMap, HeaderName, HeaderValue};
use plaid_core::modern::ErrorCode;
use plaid_core::modern::endpoints::{SandboxPublicTokenCreate, SandboxWebhookCode};
use plaid_core::modern::models::Product;
use plaid_core::modern::webhook::{KeyCache, Webhook, WebhookEnvironment, WebhookErrorKind};
use plaid_sandbox::{RecordedRequest, WebhookReceiver};

use crate::harness::Backend;
use crate::modern::{ModernBackend, PLATYPUS, modern_config};
use crate::setup::requests_to;

/// Long enough for a delivery on a busy machine; the wait ends when it is
/// there.
const DELIVERY_WAIT: Duration = Duration::from_secs(10);

/// The route the verifier fetches keys from.
const KEY_ROUTE: &str = "/webhook_verification_key/get";

/// The headers of a received request as an `http::HeaderMap`, as a web
/// framework would hand them to a handler.
fn header_map(request: &RecordedRequest) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for (name, value) in &request.headers {
        let name = HeaderName::from_bytes(name.as_bytes()).expect("a header name");
        let value = HeaderValue::from_str(value).expect("a header value");
        headers.append(name, value);
    }
    headers
}

/// An Item whose webhook URL is `receiver`'s fires `LOGIN_REPAIRED`; the
/// backend's client verifies the delivered webhook, fetching the key from
/// the emulator once, and refuses the same header over a tampered body.
pub fn webhook_verifies_with_the_key_each_backend_fetches(backend: &impl Backend) {
    let (sandbox, client) = backend.modern_sandbox_client();
    let receiver = WebhookReceiver::start().expect("a webhook receiver");
    let create = SandboxPublicTokenCreate::new(PLATYPUS, [Product::Auth]).webhook(receiver.url());
    let public = backend
        .send(client.call(create))
        .expect("an Item")
        .public_token;
    let exchanged = backend
        .send(client.item_public_token_exchange(public))
        .expect("the exchange");
    let fired =
        backend
            .send(client.sandbox_item_fire_webhook(
                &exchanged.access_token,
                SandboxWebhookCode::LoginRepaired,
            ))
            .expect("fire_webhook");
    assert!(fired.webhook_fired);

    let received = receiver.wait_for(1, DELIVERY_WAIT);
    assert_eq!(received.len(), 1, "one webhook delivered");
    let webhook = &received[0];
    let headers = header_map(webhook);

    let verifier = backend.modern_client(modern_config(&sandbox.url()));
    let keys = KeyCache::new();
    assert_eq!(requests_to(&sandbox, KEY_ROUTE), 0);
    let verified = backend
        .verify_webhook(verifier.verify_webhook(&keys, &headers, &webhook.body))
        .expect("the emulator's webhook verifies");
    assert_eq!(
        verified.kid,
        plaid_sandbox::fixtures::modern::webhook_key().key_id
    );
    assert_eq!(requests_to(&sandbox, KEY_ROUTE), 1, "the key was fetched");
    assert_eq!(keys.len(), 1, "and cached");

    match Webhook::from_slice(&webhook.body).expect("a typed webhook") {
        Webhook::ItemLoginRepaired(notice) => {
            assert_eq!(notice.item_id, exchanged.item_id);
            assert_eq!(notice.environment, Some(WebhookEnvironment::Sandbox));
            assert!(notice.error.is_none());
        }
        other => panic!("not LOGIN_REPAIRED: {other:?}"),
    }

    // Verified again from the cache: no second fetch.
    backend
        .verify_webhook(verifier.verify_webhook(&keys, &headers, &webhook.body))
        .expect("verifies again");
    assert_eq!(requests_to(&sandbox, KEY_ROUTE), 1);

    // The same header over other bytes, even the same JSON compacted.
    let compact = serde_json::to_vec(
        &serde_json::from_slice::<serde_json::Value>(&webhook.body).expect("JSON"),
    )
    .expect("serialised");
    let mut tampered = webhook.body.clone();
    let at = tampered.len() / 2;
    tampered[at] ^= 0x01;
    for body in [compact, tampered] {
        let error = backend
            .verify_webhook(verifier.verify_webhook(&keys, &headers, &body))
            .expect_err("a body the signature does not cover");
        assert_eq!(error.kind(), WebhookErrorKind::BodyMismatch, "{error}");
    }
}

/// A `kid` the emulator does not know is refused: the backend's client sees
/// `INVALID_WEBHOOK_VERIFICATION_KEY_ID`, and the verifier asks the emulator
/// through the backend once and says `UnknownKey`, then and on the next try.
pub fn webhook_with_an_unknown_kid_is_refused_after_one_fetch(backend: &impl Backend) {
    let (sandbox, client) = backend.modern_sandbox_client();
    let error = backend
        .send(client.webhook_verification_key_get("6c5516e1-92dc-479e-a8ff-5a51992e0002"))
        .expect_err("an unknown kid");
    assert_eq!(
        error.plaid_code(),
        Some(&ErrorCode::INVALID_WEBHOOK_VERIFICATION_KEY_ID),
        "{error}"
    );

    // A header signed by another key with a kid the emulator never issued.
    let forged = forged_header("not-a-sandbox-kid");
    let mut headers = HeaderMap::new();
    headers.insert(
        "plaid-verification",
        HeaderValue::from_str(&forged).expect("a header value"),
    );
    let before = requests_to(&sandbox, KEY_ROUTE);
    let keys = KeyCache::new();
    let verifier = backend.modern_client(modern_config(&sandbox.url()));
    for _ in 0..2 {
        let refused = backend
            .verify_webhook(verifier.verify_webhook(&keys, &headers, b"{}"))
            .expect_err("an unknown key");
        assert_eq!(refused.kind(), WebhookErrorKind::UnknownKey, "{refused}");
    }
    assert_eq!(
        requests_to(&sandbox, KEY_ROUTE),
        before + 1,
        "asked once: the cache remembers the emulator does not know it"
    );
}

/// A syntactically valid ES256 JWT whose `kid` is `kid` (its signature is
/// never checked: the key lookup fails first).
fn forged_header(kid: &str) -> String {
    let encode = |json: &str| base64url(json.as_bytes());
    format!(
        "{}.{}.{}",
        encode(&format!(r#"{{"alg":"ES256","kid":"{kid}","typ":"JWT"}}"#)),
        encode(&format!(
            r#"{{"iat":1700000000,"request_body_sha256":"{}"}}"#,
            "0".repeat(64)
        )),
        base64url(&[7u8; 64]),
    )
}

/// Base64url without padding (for [`forged_header`]).
fn base64url(bytes: &[u8]) -> String {
    const SYMBOLS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(SYMBOLS[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}
