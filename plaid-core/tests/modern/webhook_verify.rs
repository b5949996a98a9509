//! Webhook verification, sans-IO: a token made by an independent ES256
//! implementation (python `cryptography`) verifies; the header is found
//! case-insensitively; a missing key is asked for, not fetched; the
//! five-minute window and the clock tolerance hold at their edges; and no
//! error quotes the header or the body. With `webhook-signer`, the test
//! signer's headers verify.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use plaid_core::Endpoint;
use plaid_core::http::{HeaderMap, HeaderValue};
use plaid_core::modern::endpoints::WebhookVerificationKeyGet;
use plaid_core::modern::models::JwkPublicKey;
use plaid_core::modern::webhook::{
    DEFAULT_CLOCK_SKEW, DEFAULT_MAX_AGE, KeyCache, KeySource, VERIFICATION_HEADER, Verification,
    VerificationKey, Verified, Webhook, WebhookError, WebhookErrorKind, WebhookVerifier,
    verification_header, verification_header_in,
};
use serde_json::json;

use crate::wire::modern_config;

/// The sandbox key id of the official client suites.
pub(crate) const KID: &str = "6c5516e1-92dc-479e-a8ff-5a51992e0001";
/// When [`TOKEN`] was issued.
pub(crate) const IAT: u64 = 1_760_000_000;
/// A pretty-printed body, as Plaid sends them.
pub(crate) const BODY: &str = "{\n  \"environment\": \"sandbox\",\n  \"error\": null,\n  \"item_id\": \"wz666MBjYWTp2PDzzggYhM6oWWmBb\",\n  \"new_transactions\": 3,\n  \"webhook_code\": \"DEFAULT_UPDATE\",\n  \"webhook_type\": \"TRANSACTIONS\"\n}";
/// [`BODY`]'s `Plaid-Verification`, signed by python `cryptography` with
/// the key [`X`], [`Y`].
pub(crate) const TOKEN: &str = "eyJhbGciOiJFUzI1NiIsImtpZCI6IjZjNTUxNmUxLTkyZGMtNDc5ZS1hOGZmLTVhNTE5OTJlMDAwMSIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3NjAwMDAwMDAsInJlcXVlc3RfYm9keV9zaGEyNTYiOiIyMTdiYmY4OGM3OGQzNWZhZmM1NDgxODFlMWQ2ZDY3OTRlMTZhMTE4ODMxYzE3MjZiZTYzMzNkOTEzNzMxYzI2In0.ZuJHEhzGoh55p69HFGvSfD66pq90bsJvG2m1__cw-f7mjNrQzaW8eAvsdNbh9xLOLXuhpDzklio5g8-Kv1_i4w";
const X: &str = "OCSQPPkr2CFBlBb5280z7SBb2PpoiNM0ZMiFZ_EeWo0";
const Y: &str = "uta6fVIfB1WUyT_KFfZ2ZRXD1dYU1rJqkrN-0H9RN9M";

/// `seconds` after the Unix epoch.
pub(crate) fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

/// A JWK as `/webhook_verification_key/get` returns it.
pub(crate) fn jwk_json(kid: &str, x: &str, y: &str, expired_at: Option<i64>) -> serde_json::Value {
    json!({
        "alg": "ES256", "crv": "P-256", "kid": kid, "kty": "EC", "use": "sig",
        "x": x, "y": y, "created_at": 1_560_466_150, "expired_at": expired_at,
    })
}

fn jwk(kid: &str, x: &str, y: &str) -> JwkPublicKey {
    serde_json::from_value(jwk_json(kid, x, y, None)).unwrap()
}

/// The key of [`TOKEN`].
pub(crate) fn fixture_key() -> VerificationKey {
    VerificationKey::from_jwk(&jwk(KID, X, Y)).unwrap()
}

/// The kind of a refusal, panicking on success.
#[track_caller]
pub(crate) fn refusal(result: Result<Verification, WebhookError>) -> WebhookErrorKind {
    match result {
        Ok(verification) => panic!("expected a refusal, got {verification:?}"),
        Err(error) => error.kind(),
    }
}

#[track_caller]
fn verified(result: Result<Verification, WebhookError>) -> Verified {
    match result {
        Ok(Verification::Verified(verified)) => verified,
        other => panic!("expected a verified webhook, got {other:?}"),
    }
}

#[test]
fn a_token_from_another_es256_implementation_verifies() {
    let verifier = WebhookVerifier::new();
    let got = verified(verifier.verify(TOKEN, BODY.as_bytes(), at(IAT + 10), &fixture_key()));
    assert_eq!(got.kid, KID);
    assert_eq!(got.issued_at, 1_760_000_000);
    // And the verified bytes are a typed webhook.
    assert!(matches!(
        Webhook::from_slice(BODY.as_bytes()).unwrap(),
        Webhook::DefaultUpdate(update) if update.new_transactions == 3
    ));
}

#[test]
fn the_header_is_found_whatever_its_case() {
    let key = fixture_key();
    let verifier = WebhookVerifier::new();
    for name in [
        "Plaid-Verification",
        "plaid-verification",
        "PLAID-VERIFICATION",
    ] {
        let mut headers = HeaderMap::new();
        headers.insert(
            plaid_core::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_static(TOKEN),
        );
        assert_eq!(verification_header(&headers).unwrap(), TOKEN.as_bytes());
        verified(verifier.verify_headers(&headers, BODY.as_bytes(), at(IAT), &key));

        let pairs = [
            ("content-type", &b"application/json"[..]),
            (name, TOKEN.as_bytes()),
        ];
        assert_eq!(verification_header_in(pairs).unwrap(), TOKEN.as_bytes());
    }
    assert_eq!(VERIFICATION_HEADER, "plaid-verification");
}

#[test]
fn a_missing_or_repeated_header_is_refused() {
    let verifier = WebhookVerifier::new();
    let key = fixture_key();
    let headers = HeaderMap::new();
    assert_eq!(
        refusal(verifier.verify_headers(&headers, BODY.as_bytes(), at(IAT), &key)),
        WebhookErrorKind::MissingHeader
    );
    let mut twice = HeaderMap::new();
    twice.append("plaid-verification", HeaderValue::from_static(TOKEN));
    twice.append("Plaid-Verification", HeaderValue::from_static(TOKEN));
    assert_eq!(
        refusal(verifier.verify_headers(&twice, BODY.as_bytes(), at(IAT), &key)),
        WebhookErrorKind::DuplicateHeader
    );
    let pairs = [
        ("plaid-verification", TOKEN.as_bytes()),
        ("Plaid-Verification", TOKEN.as_bytes()),
    ];
    assert_eq!(
        verification_header_in(pairs).unwrap_err().kind(),
        WebhookErrorKind::DuplicateHeader
    );
    let none: [(&str, &[u8]); 1] = [("plaid-verification-x", TOKEN.as_bytes())];
    assert_eq!(
        verification_header_in(none).unwrap_err().kind(),
        WebhookErrorKind::MissingHeader
    );
}

#[test]
fn a_missing_key_is_asked_for_with_its_endpoint() {
    let keys = KeyCache::new();
    let verifier = WebhookVerifier::new();
    let Ok(Verification::NeedKey(request)) =
        verifier.verify(TOKEN, BODY.as_bytes(), at(IAT), &keys)
    else {
        panic!("expected NeedKey")
    };
    assert_eq!(request.kid(), KID);
    let endpoint: WebhookVerificationKeyGet = request.endpoint();
    let sent = endpoint.to_request(&modern_config()).unwrap();
    assert_eq!(sent.uri().path(), "/webhook_verification_key/get");
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(sent.body()).unwrap(),
        json!({"key_id": KID})
    );

    // Put the key in and verify again: the sans-IO loop.
    keys.insert_jwk(&jwk(KID, X, Y)).unwrap();
    assert_eq!(keys.len(), 1);
    verified(verifier.verify(TOKEN, BODY.as_bytes(), at(IAT), &keys));
    // Another key of the source is not this one.
    let other = fixture_key();
    assert!(other.key("another-kid").is_none());
    assert!(Arc::new(keys).key(KID).is_some());
}

#[test]
fn the_age_window_holds_at_its_edges() {
    let key = fixture_key();
    let body = BODY.as_bytes();
    let verifier = WebhookVerifier::new();
    let max_age = DEFAULT_MAX_AGE.as_secs();
    let skew = DEFAULT_CLOCK_SKEW.as_secs();
    assert_eq!(max_age, 300);
    verified(verifier.verify(TOKEN, body, at(IAT + max_age), &key));
    assert_eq!(
        refusal(verifier.verify(TOKEN, body, at(IAT + max_age + 1), &key)),
        WebhookErrorKind::Stale
    );
    verified(verifier.verify(TOKEN, body, at(IAT - skew), &key));
    assert_eq!(
        refusal(verifier.verify(TOKEN, body, at(IAT - skew - 1), &key)),
        WebhookErrorKind::IssuedInFuture
    );

    // Both are settings.
    let strict = WebhookVerifier::new()
        .max_age(Duration::from_secs(10))
        .clock_skew(Duration::ZERO);
    verified(strict.verify(TOKEN, body, at(IAT + 10), &key));
    assert_eq!(
        refusal(strict.verify(TOKEN, body, at(IAT + 11), &key)),
        WebhookErrorKind::Stale
    );
    assert_eq!(
        refusal(strict.verify(TOKEN, body, at(IAT - 1), &key)),
        WebhookErrorKind::IssuedInFuture
    );
    // A clock far off either way saturates instead of overflowing.
    assert_eq!(
        refusal(verifier.verify(
            TOKEN,
            body,
            UNIX_EPOCH - Duration::from_secs(u64::MAX / 2),
            &key
        )),
        WebhookErrorKind::IssuedInFuture
    );
}

#[test]
fn keys_that_are_not_es256_p256_are_refused() {
    let good = jwk_json(KID, X, Y, None);
    for (field, value) in [
        ("alg", json!("RS256")),
        ("alg", json!("none")),
        ("kty", json!("RSA")),
        ("crv", json!("P-384")),
        ("use", json!("enc")),
        ("kid", json!("")),
        ("x", json!(&X[1..])),
        ("y", json!(format!("{Y}AA"))),
        ("x", json!("not base64url!")),
    ] {
        let mut bad = good.clone();
        bad[field] = value.clone();
        let bad: JwkPublicKey = serde_json::from_value(bad).unwrap();
        let error = VerificationKey::from_jwk(&bad).unwrap_err();
        assert_eq!(
            error.kind(),
            WebhookErrorKind::InvalidKey,
            "{field}={value}"
        );
        assert!(KeyCache::new().insert_jwk(&bad).is_err());
    }
    // A point off the curve parses but verifies nothing.
    let off_curve = VerificationKey::from_jwk(&jwk(KID, X, X)).unwrap();
    assert_eq!(
        refusal(WebhookVerifier::new().verify(TOKEN, BODY.as_bytes(), at(IAT), &off_curve)),
        WebhookErrorKind::BadSignature
    );
}

#[test]
fn errors_quote_neither_the_header_nor_the_body() {
    let key = fixture_key();
    let secret_body = b"{\"access_token\": \"access-sandbox-0f9c-secret\"}";
    let forged = format!("{TOKEN}-tail");
    let cases = [
        WebhookVerifier::new().verify(TOKEN, secret_body, at(IAT), &key),
        WebhookVerifier::new().verify(&forged, secret_body, at(IAT), &key),
        WebhookVerifier::new().verify(TOKEN, secret_body, at(IAT + 3600), &key),
    ];
    for result in cases {
        let error = result.unwrap_err();
        let shown = format!("{error} {error:?}");
        assert!(shown.starts_with("webhook not verified: "), "{shown}");
        for secret in ["access-sandbox", "eyJ", KID, "-tail"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
    }
    assert!(
        std::error::Error::source(
            &WebhookVerifier::new()
                .verify(TOKEN, secret_body, at(IAT), &key)
                .unwrap_err()
        )
        .is_none()
    );
}

#[cfg(feature = "webhook-signer")]
mod signer {
    use plaid_core::modern::webhook::TestSigner;

    use super::*;

    #[test]
    fn the_test_signers_headers_verify() {
        let signer = TestSigner::generate("local-test-key").unwrap();
        let now = SystemTime::now();
        for body in [&b"{}"[..], BODY.as_bytes(), b"", &[0xff; 4096]] {
            let header = signer.sign(body, now).unwrap();
            let keys = KeyCache::new();
            keys.insert_jwk(&signer.jwk()).unwrap();
            let got = verified(WebhookVerifier::new().verify(&header, body, now, &keys));
            assert_eq!(got.kid, "local-test-key");
            verified(WebhookVerifier::new().verify(
                &header,
                body,
                now,
                &signer.verification_key().unwrap(),
            ));
        }
    }

    #[test]
    fn the_signers_jwk_reads_like_plaids() {
        let signer = TestSigner::generate("k1")
            .unwrap()
            .with_created_at(1_560_466_150);
        let jwk = signer.jwk();
        assert_eq!(
            (
                jwk.alg.as_str(),
                jwk.crv.as_str(),
                jwk.kty.as_str(),
                jwk.key_use.as_str()
            ),
            ("ES256", "P-256", "EC", "sig")
        );
        assert_eq!((jwk.x.len(), jwk.y.len()), (43, 43));
        assert_eq!((jwk.created_at, jwk.expired_at), (1_560_466_150, None));
        assert_eq!(signer.kid(), "k1");

        // The header is Plaid's: ES256, the kid, typ JWT; iat and the hex
        // SHA-256 of the body.
        let header = signer.sign(b"abc", at(IAT)).unwrap();
        let parts: Vec<&str> = header.split('.').collect();
        assert_eq!(parts.len(), 3);
        let decode = |part: &str| -> serde_json::Value {
            use base64::Engine;
            let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(part)
                .unwrap();
            serde_json::from_slice(&bytes).unwrap()
        };
        assert_eq!(
            decode(parts[0]),
            json!({"alg": "ES256", "kid": "k1", "typ": "JWT"})
        );
        assert_eq!(
            decode(parts[1]),
            json!({
                "iat": IAT,
                "request_body_sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            })
        );
    }
}
