//! `plaid_core::modern::webhook`: the `Plaid-Verification` header and JWT
//! parser, through `WebhookVerifier::verify` with a fixed key and clock,
//! and both families' webhook payload parsers on the body.
//!
//! Input layout: bytes 0..2 are a big-endian `u16` `n`; the next
//! `min(n, rest)` bytes are the header value; the rest is the body.
//!
//! Invariants: nothing panics; a refusal's `Display` is the fixed
//! `webhook not verified: …` text (it never quotes its input); a verified
//! webhook stops verifying when one byte is added to its body; a request
//! for a key is for a `kid` other than the one the cache holds; a payload
//! error is a `Decode` error that keeps the body.
//!
//! Seeds (`seeds/verify_webhook/`): a genuine token and body (the fixture
//! of `plaid-core/tests/modern/webhook_verify.rs`, signed by python
//! `cryptography` with the key below) and forgeries of it: `alg: none`,
//! HS256 keyed with the public key, an unknown `kid`, a truncated token,
//! a huge header; and legacy and unknown modern webhook bodies.
#![no_main]

use std::sync::LazyLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use libfuzzer_sys::fuzz_target;
use plaid_core::http::Response;
use plaid_core::modern::endpoints::WebhookVerificationKeyGet;
use plaid_core::{Endpoint, ErrorKind};
use plaid_core::modern::webhook::{
    KeyCache, Verification, WebhookVerifier, verification_header_in,
};
use plaid_core::{legacy, modern};

/// The fixture's key id, its public key, and ten seconds after its `iat`.
const KID: &str = "6c5516e1-92dc-479e-a8ff-5a51992e0001";
const X: &str = "OCSQPPkr2CFBlBb5280z7SBb2PpoiNM0ZMiFZ_EeWo0";
const Y: &str = "uta6fVIfB1WUyT_KFfZ2ZRXD1dYU1rJqkrN-0H9RN9M";
const NOW: u64 = 1_760_000_010;

/// A cache holding the fixture key, read as `/webhook_verification_key/get`
/// would return it.
static KEYS: LazyLock<KeyCache> = LazyLock::new(|| {
    let answer = format!(
        r#"{{"key":{{"alg":"ES256","crv":"P-256","kid":"{KID}","kty":"EC","use":"sig","x":"{X}","y":"{Y}","created_at":1560466150,"expired_at":null}},"request_id":"fuzz"}}"#
    );
    let response = Response::builder()
        .status(200)
        .body(answer.into_bytes())
        .expect("a valid response");
    let key = WebhookVerificationKeyGet::parse_response(response).expect("the fixture key");
    let keys = KeyCache::new();
    keys.insert_jwk(&key.key).expect("the fixture key is valid");
    keys
});

fuzz_target!(|data: &[u8]| {
    let Some((length, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let length = usize::from(u16::from_be_bytes(*length)).min(rest.len());
    let (header, body) = rest.split_at(length);
    let now = UNIX_EPOCH + Duration::from_secs(NOW);

    verify(header, body, now);

    // The header is found among pairs whatever the name's case.
    let pairs = [("content-type", &b"application/json"[..]), ("PLAID-VERIFICATION", header)];
    assert_eq!(verification_header_in(pairs).ok(), Some(header));

    match modern::webhook::Webhook::from_slice(body) {
        Ok(webhook) => {
            let _ = (webhook.webhook_type(), webhook.webhook_code(), webhook.item_id());
            let _ = (webhook.environment(), webhook.error(), format!("{webhook:?}"));
        }
        Err(error) => check_decode_error(&error, body),
    }
    match legacy::webhook::Webhook::from_slice(body) {
        Ok(webhook) => {
            let _ = (webhook.code(), webhook.message(), webhook.access_token());
            let _ = format!("{webhook:?}");
        }
        Err(error) => check_decode_error(&error, body),
    }
});

fn verify(header: &[u8], body: &[u8], now: SystemTime) {
    let verifier = WebhookVerifier::new();
    match verifier.verify(header, body, now, &*KEYS) {
        Ok(Verification::Verified(verified)) => {
            assert_eq!(verified.kid, KID);
            let mut longer = body.to_vec();
            longer.push(b' ');
            assert!(
                verifier.verify(header, &longer, now, &*KEYS).is_err(),
                "a changed body still verifies"
            );
        }
        Ok(Verification::NeedKey(request)) => {
            assert!(!request.kid().is_empty());
            assert_ne!(request.kid(), KID, "asked for a key the cache holds");
        }
        Err(error) => {
            let shown = error.to_string();
            assert!(shown.starts_with("webhook not verified: "), "{shown}");
            assert!(shown.len() < 200, "a refusal grew with its input: {shown}");
            let _ = (format!("{error:?}"), error.kind(), error.fetch_error());
        }
    }
}

fn check_decode_error(error: &plaid_core::Error, body: &[u8]) {
    assert_eq!(error.kind(), ErrorKind::Decode, "{error:?}");
    assert_eq!(error.body(), Some(body), "a webhook decode error dropped the body");
    assert_eq!(error.status(), None);
    let _ = (error.to_string(), format!("{error:?}"), error.decode_path());
}
