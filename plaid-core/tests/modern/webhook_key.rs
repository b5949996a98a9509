//! Webhook verification keys: the JWK a webhook's signature is checked
//! against.

use plaid_core::modern::ErrorCode;
use plaid_core::modern::endpoints::WebhookVerificationKeyGet;
use plaid_core::{Endpoint, ErrorKind};
use serde_json::json;

use crate::calls::{assert_refused, is_idempotent};
use crate::wire::{answer, assert_request, client, plaid_error};

/// The sandbox key id of the official client suites.
const KEY_ID: &str = "6c5516e1-92dc-479e-a8ff-5a51992e0001";

#[test]
fn webhook_verification_key_get_request() {
    let client = client();
    let call = client.webhook_verification_key_get(KEY_ID);
    assert!(is_idempotent(&call));
    assert_request(
        &call.to_request().unwrap(),
        "/webhook_verification_key/get",
        true,
        json!({ "key_id": KEY_ID }),
    );
    assert_refused(
        client.webhook_verification_key_get(""),
        "the key id is empty",
    );
}

#[test]
fn webhook_verification_key_get_response() {
    // The spec's example.
    let body = json!({
        "key": {
            "alg": "ES256",
            "created_at": 1560466150,
            "crv": "P-256",
            "expired_at": null,
            "kid": "bfbd5111-8e33-4643-8ced-b2e642a72f3c",
            "kty": "EC",
            "use": "sig",
            "x": "hKXLGIjWvCBv-cP5euCTxl8g9GLG9zHo_3pO5NN1DwQ",
            "y": "shhexqPB7YffGn6fR6h2UhTSuCtPmfzQJ6ENVIoO4Ys",
        },
        "request_id": "RZ6Omi1bzzwDaLo",
    })
    .to_string();
    let got = WebhookVerificationKeyGet::parse_response(answer(200, &body)).unwrap();
    let key = &got.key;
    assert_eq!(got.request_id, "RZ6Omi1bzzwDaLo");
    assert_eq!(
        (key.alg.as_str(), key.crv.as_str(), key.kty.as_str()),
        ("ES256", "P-256", "EC")
    );
    assert_eq!(key.key_use, "sig");
    assert_eq!(key.kid, "bfbd5111-8e33-4643-8ced-b2e642a72f3c");
    assert_eq!(key.x, "hKXLGIjWvCBv-cP5euCTxl8g9GLG9zHo_3pO5NN1DwQ");
    assert_eq!(key.y, "shhexqPB7YffGn6fR6h2UhTSuCtPmfzQJ6ENVIoO4Ys");
    assert_eq!(key.created_at, 1_560_466_150);
    assert_eq!(key.expired_at, None);
    assert!(!key.is_expired());

    let expired = body.replace("\"expired_at\":null", "\"expired_at\":1600000000");
    assert_ne!(expired, body);
    let expired = WebhookVerificationKeyGet::parse_response(answer(200, &expired)).unwrap();
    assert_eq!(expired.key.expired_at, Some(1_600_000_000));
    assert!(expired.key.is_expired());

    let unknown = WebhookVerificationKeyGet::parse_response(answer(
        400,
        &plaid_error("INVALID_INPUT", "INVALID_WEBHOOK_VERIFICATION_KEY_ID"),
    ))
    .unwrap_err();
    assert_eq!(unknown.kind(), ErrorKind::ClientError);
    assert_eq!(
        unknown.plaid_code(),
        Some(&ErrorCode::INVALID_WEBHOOK_VERIFICATION_KEY_ID)
    );
    assert!(!unknown.is_retryable());
}
