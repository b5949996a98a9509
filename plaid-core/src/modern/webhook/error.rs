//! Why a webhook was not verified: one [`WebhookErrorKind`] per reason.
//!
//! A handler answers most of them with a 4xx and drops the webhook; only
//! [`KeyFetch`](WebhookErrorKind::KeyFetch) is a failure on the receiving
//! side (Plaid's key endpoint could not be reached), where answering 5xx
//! lets Plaid deliver the webhook again later.
//!
//! The header and the body are attacker-controlled and may be large, so no
//! message quotes either, nor any value read from them (not even the
//! `alg` or the `kid`).

use std::fmt;

/// What was wrong with a webhook, or with checking it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WebhookErrorKind {
    /// There is no `Plaid-Verification` header.
    MissingHeader,
    /// There is more than one `Plaid-Verification` header.
    DuplicateHeader,
    /// The header is longer than any JWT Plaid sends
    /// ([`MAX_HEADER_LEN`](super::MAX_HEADER_LEN)).
    HeaderTooLarge,
    /// The header is not a compact JWS of three base64url parts whose header
    /// and claims are the JSON Plaid sends (a truncated JWT lands here).
    Malformed,
    /// The JWT's `alg` is not `ES256` (`none`, `HS256`, `RS256`, …). The
    /// algorithm is pinned, never taken from the token.
    UnsupportedAlgorithm,
    /// Neither the key source nor Plaid knows the JWT's `kid`.
    UnknownKey,
    /// The key has expired (its `expired_at` is set).
    ExpiredKey,
    /// The key is not an ES256 P-256 public key, or Plaid answered with
    /// another key than the one asked for.
    InvalidKey,
    /// The ES256 signature does not verify with the key.
    BadSignature,
    /// The JWT was issued (`iat`) longer ago than the verifier accepts
    /// (five minutes by default): a replay, or a very late delivery.
    Stale,
    /// The JWT was issued (`iat`) further in the future than the clock
    /// tolerance allows.
    IssuedInFuture,
    /// The SHA-256 of the body is not the JWT's `request_body_sha256`: the
    /// body was changed, or re-serialised instead of kept as received.
    BodyMismatch,
    /// The key could not be fetched from Plaid (network, 5xx, rate limit):
    /// the webhook may be fine; answer 5xx so Plaid retries it.
    KeyFetch,
}

impl WebhookErrorKind {
    /// A short description, used by `Display`.
    pub fn as_str(self) -> &'static str {
        match self {
            WebhookErrorKind::MissingHeader => "no Plaid-Verification header",
            WebhookErrorKind::DuplicateHeader => "more than one Plaid-Verification header",
            WebhookErrorKind::HeaderTooLarge => "the Plaid-Verification header is too large",
            WebhookErrorKind::Malformed => "the Plaid-Verification header is not a valid JWT",
            WebhookErrorKind::UnsupportedAlgorithm => "the JWT's algorithm is not ES256",
            WebhookErrorKind::UnknownKey => "the JWT's key id is unknown",
            WebhookErrorKind::ExpiredKey => "the JWT's key has expired",
            WebhookErrorKind::InvalidKey => "the verification key is not an ES256 P-256 key",
            WebhookErrorKind::BadSignature => "the JWT's signature does not verify",
            WebhookErrorKind::Stale => "the JWT was issued too long ago",
            WebhookErrorKind::IssuedInFuture => "the JWT was issued in the future",
            WebhookErrorKind::BodyMismatch => "the body's SHA-256 does not match the JWT's",
            WebhookErrorKind::KeyFetch => "the verification key could not be fetched",
        }
    }
}

impl fmt::Display for WebhookErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A webhook that was not verified: its [`kind`](WebhookError::kind), a
/// fixed detail, and for [`KeyFetch`](WebhookErrorKind::KeyFetch) the
/// client's error as its [`source`](std::error::Error::source).
pub struct WebhookError {
    kind: WebhookErrorKind,
    detail: Option<&'static str>,
    source: Option<Box<crate::Error>>,
}

impl WebhookError {
    pub(crate) fn new(kind: WebhookErrorKind) -> Self {
        WebhookError {
            kind,
            detail: None,
            source: None,
        }
    }

    /// An error of `kind` with a fixed detail (never input).
    pub(crate) fn because(kind: WebhookErrorKind, detail: &'static str) -> Self {
        WebhookError {
            detail: Some(detail),
            ..WebhookError::new(kind)
        }
    }

    /// A [`KeyFetch`](WebhookErrorKind::KeyFetch) error caused by `error`.
    pub(crate) fn key_fetch(error: crate::Error) -> Self {
        WebhookError {
            source: Some(Box::new(error)),
            ..WebhookError::new(WebhookErrorKind::KeyFetch)
        }
    }

    /// Why the webhook was not verified.
    pub fn kind(&self) -> WebhookErrorKind {
        self.kind
    }

    /// For [`KeyFetch`](WebhookErrorKind::KeyFetch): the error of the call
    /// to `/webhook_verification_key/get`.
    pub fn fetch_error(&self) -> Option<&crate::Error> {
        self.source.as_deref()
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "webhook not verified: {}", self.kind)?;
        if let Some(detail) = self.detail {
            write!(f, " ({detail})")?;
        }
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("WebhookError");
        s.field("kind", &self.kind);
        if let Some(detail) = self.detail {
            s.field("detail", &detail);
        }
        if let Some(source) = &self.source {
            s.field("source", source);
        }
        s.finish()
    }
}

impl std::error::Error for WebhookError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}
