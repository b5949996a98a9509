//! The public key that verifies a webhook's `Plaid-Verification` JWT, as
//! `/webhook_verification_key/get` returns it: a JSON Web Key (RFC 7517)
//! of an ES256 (P-256) key.
//!
//! The fields are kept as the strings Plaid sends: a verifier must pin
//! `alg`, `crv` and `kty` itself rather than trust them, so they are not
//! turned into enums that would hide an unexpected value.

use serde::Deserialize;

/// A webhook verification key (`JWKPublicKey`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct JwkPublicKey {
    /// The algorithm, `ES256`.
    pub alg: String,
    /// The curve, `P-256`.
    pub crv: String,
    /// The key's id: the `kid` of the JWT headers it verifies.
    pub kid: String,
    /// The key type, `EC`.
    pub kty: String,
    /// What the key is for (`use`), `sig`.
    #[serde(rename = "use")]
    pub key_use: String,
    /// The x coordinate of the public point, base64url.
    pub x: String,
    /// The y coordinate of the public point, base64url.
    pub y: String,
    /// When the key was created, in Unix seconds.
    pub created_at: i64,
    /// When the key expired, in Unix seconds; `None` while it is valid.
    pub expired_at: Option<i64>,
}

impl JwkPublicKey {
    /// Whether the key has expired: a webhook signed with it must be
    /// refused.
    pub fn is_expired(&self) -> bool {
        self.expired_at.is_some()
    }
}
