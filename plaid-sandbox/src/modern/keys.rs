//! The emulator's webhook signing key: one P-256 key pair, in one place.
//!
//! `/webhook_verification_key/get` serves its public half as a JWK; webhook signing (a later
//! step) will use its private half. It is a test key made for this emulator and published with
//! it: it signs nothing but sandbox webhooks, so it is no secret.

use serde_json::{Value, json};

/// The `kid` of the key: the sandbox key id the official client suites ask for
/// (plaid-python's `tests/integration/util.py`), so their verification tests find it here.
pub(crate) const KEY_ID: &str = "6c5516e1-92dc-479e-a8ff-5a51992e0001";

/// The public point's x coordinate, base64url without padding.
pub(crate) const X: &str = "rBbB6nwvCZy-OcBRQOCHMGPwG6vEGLs2-OyMOYUL8n0";

/// The public point's y coordinate, base64url without padding.
pub(crate) const Y: &str = "beiVBrRC5LvBpVU7BL6oPOKclHmKz_gNRH0gJt50i5c";

/// The private scalar, base64url without padding (for signing webhooks).
pub(crate) const D: &str = "PaQxBQGopNYPZEkSuCPSm-wQLWTamiy1I8HRMbV6mlI";

/// When the key was made (unix seconds), as `created_at` reports it.
pub(crate) const CREATED_AT: u64 = 1_704_067_200;

/// The spec's `JWKPublicKey` of the key: never expired.
pub(crate) fn jwk() -> Value {
    json!({
        "alg": "ES256",
        "crv": "P-256",
        "kid": KEY_ID,
        "kty": "EC",
        "use": "sig",
        "x": X,
        "y": Y,
        "created_at": CREATED_AT,
        "expired_at": null,
    })
}
