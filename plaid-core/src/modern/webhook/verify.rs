//! The sans-IO verifier: a `Plaid-Verification` header, the raw body, the
//! time and a key source in; [`Verified`], a request for a key, or the
//! reason for refusing out.
//!
//! The order of the checks is part of the contract. Everything that needs
//! no key comes first (size, shape, `alg`), so garbage never costs a call
//! to Plaid; the signature comes before anything read from the claims is
//! believed; the body is hashed last.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::HeaderMap;
use ring::digest::{SHA256, digest};

use super::error::{WebhookError, WebhookErrorKind};
use super::jwt;
use super::key::KeySource;
use crate::modern::endpoints::WebhookVerificationKeyGet;

/// The header Plaid signs webhooks in. Header names are case-insensitive;
/// this is the lower-case form HTTP/2 uses.
pub const VERIFICATION_HEADER: &str = "plaid-verification";

/// How old a webhook may be, by its `iat`, unless set otherwise: Plaid's
/// five minutes.
pub const DEFAULT_MAX_AGE: Duration = Duration::from_secs(5 * 60);

/// How far ahead of the receiver's clock Plaid's may run, unless set
/// otherwise.
pub const DEFAULT_CLOCK_SKEW: Duration = Duration::from_secs(30);

/// Verifies `Plaid-Verification` headers, without I/O.
///
/// ```
/// # use plaid_core::modern::webhook::{KeyCache, Verification, WebhookVerifier};
/// # fn fetch_key(_: &str) {}
/// # let (headers, body) = (plaid_core::http::HeaderMap::new(), b"{}");
/// let keys = KeyCache::new();
/// let verifier = WebhookVerifier::new();
/// match verifier.verify_headers(&headers, body, std::time::SystemTime::now(), &keys) {
///     Ok(Verification::Verified(verified)) => { /* handle the webhook */ }
///     Ok(Verification::NeedKey(request)) => {
///         // Fetch the key (`request.endpoint()`), `keys.insert_jwk(…)`,
///         // and verify again.
///         fetch_key(request.kid());
///     }
///     Err(refused) => { /* answer 400; `refused.kind()` says why */ }
/// }
/// ```
#[derive(Debug, Clone)]
pub struct WebhookVerifier {
    max_age: Duration,
    clock_skew: Duration,
}

/// What [`WebhookVerifier::verify`] concluded. Deliberately exhaustive:
/// a handler must deal with both cases, and a third would be a breaking
/// change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// The webhook is Plaid's: the signature verifies with a current key,
    /// it is recent, and the body is the one Plaid signed.
    Verified(Verified),
    /// The key source has no key for the JWT's `kid`: fetch it, add it to
    /// the source, and verify again.
    NeedKey(KeyRequest),
}

/// A verified webhook's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// The id of the key that signed it.
    pub kid: String,
    /// When Plaid signed it (`iat`), in Unix seconds.
    pub issued_at: i64,
}

/// The key a webhook needs and the source does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRequest {
    kid: String,
}

impl KeyRequest {
    /// The `kid` to fetch.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The call that fetches it.
    pub fn endpoint(&self) -> WebhookVerificationKeyGet {
        WebhookVerificationKeyGet::new(self.kid.clone())
    }
}

impl Default for WebhookVerifier {
    fn default() -> Self {
        WebhookVerifier::new()
    }
}

impl WebhookVerifier {
    /// A verifier with Plaid's five-minute window and the default clock
    /// tolerance.
    pub fn new() -> Self {
        WebhookVerifier {
            max_age: DEFAULT_MAX_AGE,
            clock_skew: DEFAULT_CLOCK_SKEW,
        }
    }

    /// Sets how old a webhook may be.
    pub fn max_age(mut self, max_age: Duration) -> Self {
        self.max_age = max_age;
        self
    }

    /// Sets how far in the future a webhook's `iat` may be.
    pub fn clock_skew(mut self, clock_skew: Duration) -> Self {
        self.clock_skew = clock_skew;
        self
    }

    /// Verifies the `Plaid-Verification` header among `headers` (found
    /// case-insensitively; missing or repeated is refused) against the
    /// raw `body`, at time `now`.
    pub fn verify_headers<K: KeySource + ?Sized>(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        now: SystemTime,
        keys: &K,
    ) -> Result<Verification, WebhookError> {
        self.verify(verification_header(headers)?, body, now, keys)
    }

    /// Verifies a `Plaid-Verification` header value (the JWT) against the
    /// raw `body`, at time `now`, with the keys of `keys`.
    ///
    /// `body` must be the bytes exactly as received: a body parsed and
    /// serialised again hashes differently, and is refused.
    pub fn verify<K: KeySource + ?Sized>(
        &self,
        header: impl AsRef<[u8]>,
        body: &[u8],
        now: SystemTime,
        keys: &K,
    ) -> Result<Verification, WebhookError> {
        let jwt = jwt::parse(header.as_ref())?;
        let Some(key) = keys.key(&jwt.kid) else {
            return Ok(Verification::NeedKey(KeyRequest { kid: jwt.kid }));
        };
        if key.is_expired() {
            return Err(WebhookError::new(WebhookErrorKind::ExpiredKey));
        }
        key.verify(jwt.signing_input, &jwt.signature)?;

        let age = unix_seconds(now).saturating_sub(jwt.issued_at);
        if age > seconds(self.max_age) {
            return Err(WebhookError::new(WebhookErrorKind::Stale));
        }
        if age < seconds(self.clock_skew).saturating_neg() {
            return Err(WebhookError::new(WebhookErrorKind::IssuedInFuture));
        }
        if !constant_time_eq(&body_sha256(body), &jwt.body_sha256) {
            return Err(WebhookError::new(WebhookErrorKind::BodyMismatch));
        }
        Ok(Verification::Verified(Verified {
            kid: jwt.kid,
            issued_at: jwt.issued_at,
        }))
    }
}

/// The `Plaid-Verification` value among `headers`. HTTP header maps are
/// case-insensitive; a missing header is
/// [`MissingHeader`](WebhookErrorKind::MissingHeader), a repeated one
/// [`DuplicateHeader`](WebhookErrorKind::DuplicateHeader).
pub fn verification_header(headers: &HeaderMap) -> Result<&[u8], WebhookError> {
    only_one(
        headers
            .get_all(VERIFICATION_HEADER)
            .iter()
            .map(|value| value.as_bytes()),
    )
}

/// [`verification_header`] for servers whose headers are not an
/// [`http::HeaderMap`]: `(name, value)` pairs, names matched
/// case-insensitively.
pub fn verification_header_in<'a, I>(headers: I) -> Result<&'a [u8], WebhookError>
where
    I: IntoIterator<Item = (&'a str, &'a [u8])>,
{
    only_one(
        headers
            .into_iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case(VERIFICATION_HEADER))
            .map(|(_, value)| value),
    )
}

fn only_one<'a>(mut values: impl Iterator<Item = &'a [u8]>) -> Result<&'a [u8], WebhookError> {
    match (values.next(), values.next()) {
        (Some(value), None) => Ok(value),
        (None, _) => Err(WebhookError::new(WebhookErrorKind::MissingHeader)),
        (Some(_), Some(_)) => Err(WebhookError::new(WebhookErrorKind::DuplicateHeader)),
    }
}

/// The SHA-256 of a body.
pub(crate) fn body_sha256(body: &[u8]) -> [u8; 32] {
    let mut out = [0; 32];
    for (slot, byte) in out.iter_mut().zip(digest(&SHA256, body).as_ref()) {
        *slot = *byte;
    }
    out
}

/// Whether two byte strings are equal, in a time that depends only on
/// their lengths. ring 0.17 deprecated its own `verify_slices_are_equal`
/// for outside use; this is the usual XOR-and-OR, with `black_box` so the
/// compiler cannot turn it back into an early exit.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let difference = a
        .iter()
        .zip(b)
        .fold(0u8, |difference, (x, y)| difference | (x ^ y));
    std::hint::black_box(difference) == 0
}

/// `now` in Unix seconds (negative before 1970).
pub(crate) fn unix_seconds(now: SystemTime) -> i64 {
    match now.duration_since(UNIX_EPOCH) {
        Ok(after) => seconds(after),
        Err(before) => seconds(before.duration()).saturating_neg(),
    }
}

fn seconds(duration: Duration) -> i64 {
    i64::try_from(duration.as_secs()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_eq_is_equality() {
        assert!(constant_time_eq(b"", b""));
        assert!(constant_time_eq(&[7; 32], &[7; 32]));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"xbc"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(!constant_time_eq(b"", b"a"));
        // Every single-bit difference anywhere is seen.
        let base = [0x5au8; 32];
        for at in 0..32 {
            for bit in 0..8 {
                let mut other = base;
                other[at] ^= 1 << bit;
                assert!(!constant_time_eq(&base, &other), "byte {at} bit {bit}");
            }
        }
    }

    #[test]
    fn body_sha256_is_sha256() {
        // FIPS 180-2's "abc".
        let expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let got: String = body_sha256(b"abc")
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn unix_seconds_saturate_instead_of_overflowing() {
        assert_eq!(unix_seconds(UNIX_EPOCH), 0);
        assert_eq!(unix_seconds(UNIX_EPOCH + Duration::from_secs(90)), 90);
        assert_eq!(unix_seconds(UNIX_EPOCH - Duration::from_secs(90)), -90);
        assert_eq!(seconds(Duration::MAX), i64::MAX);
    }
}
