//! The emulator's webhook signing key: one P-256 key pair, in one place.
//!
//! `/webhook_verification_key/get` serves its public half as a JWK; [`WebhookSigner`] signs
//! every webhook the sandbox delivers with its private half. It is a test key made for this
//! emulator and published with it: it signs nothing but sandbox webhooks, so it is no secret.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use ring::digest::{SHA256, digest};
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair};
use serde_json::{Value, json};

use crate::base64::{self, Alphabet};

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

/// The name of the header a webhook's signature travels in.
pub(crate) const VERIFICATION_HEADER: &str = "Plaid-Verification";

/// Signs webhook bodies as Plaid does: a compact ES256 JWT with the header
/// `{"alg":"ES256","kid":…,"typ":"JWT"}` and the claims `{"iat":…,"request_body_sha256":…}`.
pub(crate) struct WebhookSigner {
    key_pair: EcdsaKeyPair,
    rng: SystemRandom,
}

impl fmt::Debug for WebhookSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookSigner")
            .field("kid", &KEY_ID)
            .finish_non_exhaustive()
    }
}

impl WebhookSigner {
    /// A signer with the sandbox's key; an error only if the key constants were broken.
    pub(crate) fn new() -> Result<WebhookSigner, &'static str> {
        let decode = |text| base64::decode(text, Alphabet::UrlSafe).ok_or("key is not base64url");
        let mut public = vec![0x04];
        public.extend(decode(X)?);
        public.extend(decode(Y)?);
        let rng = SystemRandom::new();
        let key_pair = EcdsaKeyPair::from_private_key_and_public_key(
            &ECDSA_P256_SHA256_FIXED_SIGNING,
            &decode(D)?,
            &public,
            &rng,
        )
        .map_err(|_| "the webhook key is not a P-256 key pair")?;
        Ok(WebhookSigner { key_pair, rng })
    }

    /// The `Plaid-Verification` value for `body`, issued at `issued_at`.
    pub(crate) fn sign(&self, body: &[u8], issued_at: SystemTime) -> Result<String, &'static str> {
        let iat = issued_at
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        let header = json!({ "alg": "ES256", "kid": KEY_ID, "typ": "JWT" });
        let claims = json!({ "iat": iat, "request_body_sha256": body_sha256(body) });
        let signing_input = format!(
            "{}.{}",
            base64::encode(header.to_string().as_bytes(), Alphabet::UrlSafe),
            base64::encode(claims.to_string().as_bytes(), Alphabet::UrlSafe),
        );
        let signature = self
            .key_pair
            .sign(&self.rng, signing_input.as_bytes())
            .map_err(|_| "the webhook could not be signed")?;
        Ok(format!(
            "{signing_input}.{}",
            base64::encode(signature.as_ref(), Alphabet::UrlSafe)
        ))
    }
}

/// The SHA-256 of `body` in lower-case hex, as `request_body_sha256` carries it.
pub(crate) fn body_sha256(body: &[u8]) -> String {
    digest(&SHA256, body)
        .as_ref()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use ring::signature::{ECDSA_P256_SHA256_FIXED, UnparsedPublicKey};

    use super::*;

    fn part(token: &str, n: usize) -> Vec<u8> {
        let text = token.split('.').nth(n).unwrap();
        base64::decode(text, Alphabet::UrlSafe).unwrap()
    }

    #[test]
    fn the_signature_verifies_with_the_served_jwk() {
        let signer = WebhookSigner::new().unwrap();
        let body = b"{\n  \"webhook_code\": \"LOGIN_REPAIRED\"\n}";
        let at = UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
        let token = signer.sign(body, at).unwrap();
        assert_eq!(token.split('.').count(), 3);
        let header: Value = serde_json::from_slice(&part(&token, 0)).unwrap();
        assert_eq!(header, json!({"alg": "ES256", "kid": KEY_ID, "typ": "JWT"}));
        let claims: Value = serde_json::from_slice(&part(&token, 1)).unwrap();
        assert_eq!(claims["iat"], 1_700_000_000);
        assert_eq!(claims["request_body_sha256"], body_sha256(body));

        let jwk = jwk();
        let mut point = vec![0x04];
        point.extend(base64::decode(jwk["x"].as_str().unwrap(), Alphabet::UrlSafe).unwrap());
        point.extend(base64::decode(jwk["y"].as_str().unwrap(), Alphabet::UrlSafe).unwrap());
        let key = UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, point);
        let signed = token.rsplit_once('.').unwrap().0;
        key.verify(signed.as_bytes(), &part(&token, 2)).unwrap();
        assert!(key.verify(b"another input", &part(&token, 2)).is_err());
    }

    #[test]
    fn the_body_hash_is_lower_case_hex_sha256() {
        // FIPS 180-2's "abc" vector.
        assert_eq!(
            body_sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn debug_shows_no_key_material() {
        let shown = format!("{:?}", WebhookSigner::new().unwrap());
        assert!(shown.contains(KEY_ID) && !shown.contains(D), "{shown}");
    }
}
