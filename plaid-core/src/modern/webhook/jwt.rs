//! The `Plaid-Verification` JWT taken apart, before any key is involved.
//!
//! Everything here reads attacker-controlled bytes, so it is strict and
//! bounded: the whole token is at most [`MAX_HEADER_LEN`] bytes, it is
//! exactly three base64url parts, the header pins `alg` to `ES256` and
//! needs a `kid`, the claims are an integer `iat` and a 64-digit hex
//! `request_body_sha256`, and the signature is the 64 bytes of an ES256
//! `r ‖ s`. Whatever fails is [`Malformed`], except a token too long
//! ([`HeaderTooLarge`]) and an algorithm other than ES256
//! ([`UnsupportedAlgorithm`]), which have kinds of their own.
//!
//! [`Malformed`]: WebhookErrorKind::Malformed
//! [`HeaderTooLarge`]: WebhookErrorKind::HeaderTooLarge
//! [`UnsupportedAlgorithm`]: WebhookErrorKind::UnsupportedAlgorithm

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::base64url;
use super::error::{WebhookError, WebhookErrorKind};

/// The longest `Plaid-Verification` value accepted, in bytes. Plaid's JWTs
/// are about 350; the limit leaves room and stops a huge header before any
/// decoding.
pub const MAX_HEADER_LEN: usize = 2048;

/// The one algorithm accepted.
const ALGORITHM: &str = "ES256";

/// The length of an ES256 signature, `r ‖ s`.
const SIGNATURE_LEN: usize = 64;

/// The JWS header fields the verifier reads. Unknown fields (`typ`) are
/// ignored; a duplicated field is an error (serde refuses it), so
/// `{"alg":"ES256","alg":"none"}` cannot mean two things.
#[derive(Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
    /// RFC 7515 §4.1.11: extensions the verifier must understand. None
    /// are, so a token that lists any is refused.
    #[serde(default)]
    crit: Option<IgnoredAny>,
}

/// The claims Plaid signs.
#[derive(Deserialize)]
struct Claims {
    iat: i64,
    request_body_sha256: String,
}

/// A JWT that is well-formed; nothing about it is trusted yet.
pub(crate) struct Jwt<'a> {
    /// `header.payload`, the bytes the signature covers.
    pub(crate) signing_input: &'a [u8],
    pub(crate) kid: String,
    pub(crate) issued_at: i64,
    pub(crate) body_sha256: [u8; 32],
    pub(crate) signature: Vec<u8>,
}

fn malformed(why: &'static str) -> WebhookError {
    WebhookError::because(WebhookErrorKind::Malformed, why)
}

/// Takes a compact JWS apart and checks its shape.
pub(crate) fn parse(token: &[u8]) -> Result<Jwt<'_>, WebhookError> {
    if token.len() > MAX_HEADER_LEN {
        return Err(WebhookError::new(WebhookErrorKind::HeaderTooLarge));
    }
    let mut parts = token.split(|&byte| byte == b'.');
    let (Some(header), Some(claims), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(malformed("it is not three dot-separated parts"));
    };
    let signing_input = token
        .get(..header.len() + 1 + claims.len())
        .ok_or_else(|| malformed("it is not three dot-separated parts"))?;

    let header: Header = decode_json(header, "its header is not base64url JSON")?;
    if header.alg != ALGORITHM {
        return Err(WebhookError::new(WebhookErrorKind::UnsupportedAlgorithm));
    }
    if header.crit.is_some() {
        return Err(malformed("it lists critical header extensions"));
    }
    let kid = header
        .kid
        .filter(|kid| !kid.is_empty())
        .ok_or_else(|| malformed("its header has no kid"))?;

    let claims: Claims = decode_json(claims, "its claims are not base64url JSON")?;
    let body_sha256 = hex_32(&claims.request_body_sha256)
        .ok_or_else(|| malformed("its request_body_sha256 is not 64 hex digits"))?;

    let signature = base64url::decode(signature)
        .filter(|signature| signature.len() == SIGNATURE_LEN)
        .ok_or_else(|| malformed("its signature is not 64 bytes of base64url"))?;

    Ok(Jwt {
        signing_input,
        kid,
        issued_at: claims.iat,
        body_sha256,
        signature,
    })
}

/// A base64url part holding a JSON object of type `T`.
fn decode_json<T: for<'de> Deserialize<'de>>(
    part: &[u8],
    why: &'static str,
) -> Result<T, WebhookError> {
    let bytes = base64url::decode(part).ok_or_else(|| malformed(why))?;
    serde_json::from_slice(&bytes).map_err(|_| malformed(why))
}

/// 32 bytes from 64 hex digits, either case.
fn hex_32(text: &str) -> Option<[u8; 32]> {
    let digit = |byte: u8| char::from(byte).to_digit(16);
    let text = text.as_bytes();
    if text.len() != 64 {
        return None;
    }
    let mut out = [0; 32];
    for (slot, pair) in out.iter_mut().zip(text.chunks_exact(2)) {
        let (&high, &low) = (pair.first()?, pair.get(1)?);
        *slot = u8::try_from((digit(high)? << 4) | digit(low)?).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_digests_read_in_either_case_and_nothing_else() {
        let lower = "00ff10ab".repeat(8);
        let expected: Vec<u8> = [0x00, 0xff, 0x10, 0xab].repeat(8);
        assert_eq!(hex_32(&lower).map(Vec::from), Some(expected.clone()));
        assert_eq!(hex_32(&lower.to_uppercase()).map(Vec::from), Some(expected));
        for bad in [
            "00".repeat(31),
            "00".repeat(33),
            format!("{}0g", "00".repeat(31)),
            format!("{}+1", "00".repeat(31)),
            format!("{}é", "00".repeat(31)),
        ] {
            assert_eq!(hex_32(&bad), None, "{bad}");
        }
    }

    #[test]
    fn a_token_of_two_or_four_parts_is_malformed() {
        for token in ["a.b", "a.b.c.d", "", "...."] {
            let error = parse(token.as_bytes()).err().map(|error| error.kind());
            assert_eq!(error, Some(WebhookErrorKind::Malformed), "{token:?}");
        }
    }
}
