//! A local signer of `Plaid-Verification` headers (feature
//! `webhook-signer`), so a webhook handler can be tested end to end with no
//! Plaid at all: sign a body, send it with the header, and give the
//! handler's verifier the signer's key.
//!
//! Plaid's own libraries have no such thing (plaid-node#454 asks for it).
//! The signer makes exactly what Plaid makes: an ES256 JWT with header
//! `{"alg":"ES256","kid":…,"typ":"JWT"}` and claims `{"iat":…,
//! "request_body_sha256":…}`. [`TestSigner::sign_jwt`] signs any header
//! and claims, for tests of how a handler treats odd tokens.
//!
//! ```
//! use std::time::SystemTime;
//! use plaid_core::modern::webhook::{KeyCache, TestSigner, Verification, WebhookVerifier};
//!
//! let signer = TestSigner::generate("test-key")?;
//! let body = br#"{"webhook_type": "ITEM", "webhook_code": "LOGIN_REPAIRED"}"#;
//! let now = SystemTime::now();
//! let header = signer.sign(body, now)?;
//!
//! let keys = KeyCache::new();
//! keys.insert_jwk(&signer.jwk())?;
//! let verified = WebhookVerifier::new().verify(&header, body, now, &keys)?;
//! assert!(matches!(verified, Verification::Verified(_)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::time::SystemTime;

use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair};
use serde_json::json;

use super::base64url;
use super::key::VerificationKey;
use super::verify::{body_sha256, unix_seconds};
use crate::modern::models::JwkPublicKey;

/// Signs webhook bodies as Plaid does, with a local P-256 key. For tests
/// only: the key is whatever it was made from, not Plaid's.
pub struct TestSigner {
    kid: String,
    key_pair: EcdsaKeyPair,
    rng: SystemRandom,
    created_at: i64,
}

/// Why a [`TestSigner`] could not be made or could not sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerError(&'static str);

impl fmt::Display for SignerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "webhook signer: {}", self.0)
    }
}

impl std::error::Error for SignerError {}

impl TestSigner {
    /// A signer with a fresh random key, named `kid`.
    pub fn generate(kid: impl Into<String>) -> Result<Self, SignerError> {
        TestSigner::from_pkcs8(kid, &TestSigner::generate_pkcs8()?)
    }

    /// A fresh random P-256 key as a PKCS#8 document, to keep and load
    /// again with [`from_pkcs8`](TestSigner::from_pkcs8) (e.g. so an
    /// emulator signs with the same key every run).
    pub fn generate_pkcs8() -> Result<Vec<u8>, SignerError> {
        EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &SystemRandom::new())
            .map(|document| document.as_ref().to_vec())
            .map_err(|_| SignerError("no key could be generated"))
    }

    /// A signer with the P-256 key in a PKCS#8 v1 document, named `kid`.
    pub fn from_pkcs8(kid: impl Into<String>, pkcs8: &[u8]) -> Result<Self, SignerError> {
        let rng = SystemRandom::new();
        let key_pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8, &rng)
            .map_err(|_| SignerError("the PKCS#8 document is not a P-256 key"))?;
        Ok(TestSigner {
            kid: kid.into(),
            key_pair,
            rng,
            created_at: unix_seconds(SystemTime::now()),
        })
    }

    /// Sets the `created_at` its [`jwk`](TestSigner::jwk) reports (the time
    /// it was made, by default).
    pub fn with_created_at(mut self, created_at: i64) -> Self {
        self.created_at = created_at;
        self
    }

    /// The key's id.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The public key as `/webhook_verification_key/get` would return it,
    /// not expired.
    pub fn jwk(&self) -> JwkPublicKey {
        let point = self.key_pair.public_key().as_ref();
        // An uncompressed P-256 point is 0x04 ‖ x ‖ y, 32 bytes each.
        let coordinate = |range| point.get(range).map(base64url::encode).unwrap_or_default();
        JwkPublicKey {
            alg: "ES256".to_owned(),
            crv: "P-256".to_owned(),
            kid: self.kid.clone(),
            kty: "EC".to_owned(),
            key_use: "sig".to_owned(),
            x: coordinate(1..33),
            y: coordinate(33..65),
            created_at: self.created_at,
            expired_at: None,
        }
    }

    /// The key a verifier needs, e.g. as the [`KeySource`](super::KeySource)
    /// of a test.
    pub fn verification_key(&self) -> Result<VerificationKey, SignerError> {
        VerificationKey::from_jwk(&self.jwk())
            .map_err(|_| SignerError("the public key is not a P-256 point"))
    }

    /// The `Plaid-Verification` header for `body`, issued at `issued_at`
    /// (`SystemTime::now()` for a current one; an older time makes a stale
    /// one).
    pub fn sign(&self, body: &[u8], issued_at: SystemTime) -> Result<String, SignerError> {
        let header = json!({"alg": "ES256", "kid": self.kid, "typ": "JWT"});
        let claims = json!({
            "iat": unix_seconds(issued_at),
            "request_body_sha256": hex(&body_sha256(body)),
        });
        self.sign_jwt(header.to_string().as_bytes(), claims.to_string().as_bytes())
    }

    /// A compact JWS of any `header` and `claims` bytes, signed with ES256
    /// whatever the header says: for tests of tokens Plaid would not send.
    pub fn sign_jwt(&self, header: &[u8], claims: &[u8]) -> Result<String, SignerError> {
        let signing_input = format!(
            "{}.{}",
            base64url::encode(header),
            base64url::encode(claims)
        );
        let signature = self
            .key_pair
            .sign(&self.rng, signing_input.as_bytes())
            .map_err(|_| SignerError("the signature could not be made"))?;
        Ok(format!(
            "{signing_input}.{}",
            base64url::encode(signature.as_ref())
        ))
    }
}

impl fmt::Debug for TestSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestSigner")
            .field("kid", &self.kid)
            .field("created_at", &self.created_at)
            .finish_non_exhaustive()
    }
}

/// Lower-case hex, as Plaid writes `request_body_sha256`.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jwk_is_the_signing_key() {
        let signer = TestSigner::generate("k").unwrap();
        let key = signer.verification_key().unwrap();
        assert_eq!(&key.point()[..], signer.key_pair.public_key().as_ref());
        assert_eq!(key.kid(), "k");
        assert!(!key.is_expired());
    }

    #[test]
    fn a_saved_key_loads_back_as_the_same_key() {
        let pkcs8 = TestSigner::generate_pkcs8().unwrap();
        let first = TestSigner::from_pkcs8("k", &pkcs8).unwrap();
        let again = TestSigner::from_pkcs8("k", &pkcs8).unwrap();
        assert_eq!(first.jwk().x, again.jwk().x);
        assert_eq!(first.jwk().y, again.jwk().y);
        assert!(TestSigner::from_pkcs8("k", b"not a key").is_err());
    }

    #[test]
    fn debug_shows_no_key_material() {
        let signer = TestSigner::generate("k").unwrap();
        let shown = format!("{signer:?}");
        assert!(shown.contains("\"k\""));
        assert!(!shown.contains(&signer.jwk().x));
    }
}
