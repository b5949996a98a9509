//! Verification keys and where the verifier finds them.
//!
//! [`VerificationKey`] is a [`JwkPublicKey`] checked once: ES256 on P-256,
//! both coordinates 32 bytes. [`KeySource`] is how the sans-IO verifier
//! asks for a key by `kid`; [`KeyCache`] is the source to use in a server:
//! shared by every thread, filled by the client's verification drivers
//! from `/webhook_verification_key/get`.
//!
//! The cache follows Plaid's own sample: keys are cached by `kid`; an
//! unknown `kid` is fetched, and at the same time every cached key that
//! has not expired is fetched again, so a key Plaid has since expired is
//! refused from then on. Two limits keep a stream of forged webhooks from
//! turning into a stream of calls to Plaid: the other keys are refreshed
//! at most once per [`refresh_interval`](KeyCache::with_refresh_interval),
//! and a `kid` Plaid said it does not know is not asked about again for
//! as long.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, SystemTime};

use ring::signature::{ECDSA_P256_SHA256_FIXED, UnparsedPublicKey};

use super::base64url;
use super::error::{WebhookError, WebhookErrorKind};
use crate::Error;
use crate::modern::ErrorCode;
use crate::modern::endpoints::WebhookVerificationKeyGetResponse;
use crate::modern::models::JwkPublicKey;

/// The length of an uncompressed P-256 point: `0x04 ‖ x ‖ y`.
const POINT_LEN: usize = 65;
/// The length of one P-256 coordinate.
const COORDINATE_LEN: usize = 32;

/// A webhook verification key: an ES256 (ECDSA P-256 with SHA-256) public
/// key and its `kid`, checked when it was made.
#[derive(Clone)]
pub struct VerificationKey {
    kid: String,
    point: [u8; POINT_LEN],
    created_at: i64,
    expired_at: Option<i64>,
}

impl VerificationKey {
    /// The key a JWK describes. Refused ([`InvalidKey`]) unless `alg` is
    /// `ES256`, `kty` `EC`, `crv` `P-256`, `use` `sig`, and `x` and `y` are
    /// 32-byte base64url coordinates. Whether the point is on the curve is
    /// checked by the signature verification itself.
    ///
    /// [`InvalidKey`]: WebhookErrorKind::InvalidKey
    pub fn from_jwk(jwk: &JwkPublicKey) -> Result<Self, WebhookError> {
        let invalid = |why| WebhookError::because(WebhookErrorKind::InvalidKey, why);
        if jwk.alg != "ES256" {
            return Err(invalid("its alg is not ES256"));
        }
        if jwk.kty != "EC" || jwk.crv != "P-256" {
            return Err(invalid("it is not an EC key on P-256"));
        }
        if jwk.key_use != "sig" {
            return Err(invalid("it is not a signing key"));
        }
        if jwk.kid.is_empty() {
            return Err(invalid("its kid is empty"));
        }
        let coordinate = |text: &str| {
            base64url::decode(text.as_bytes())
                .filter(|bytes| bytes.len() == COORDINATE_LEN)
                .ok_or_else(|| invalid("a coordinate is not 32 bytes of base64url"))
        };
        let (x, y) = (coordinate(&jwk.x)?, coordinate(&jwk.y)?);
        let mut point = [0x04; POINT_LEN];
        for (slot, byte) in point.iter_mut().skip(1).zip(x.iter().chain(&y)) {
            *slot = *byte;
        }
        Ok(VerificationKey {
            kid: jwk.kid.clone(),
            point,
            created_at: jwk.created_at,
            expired_at: jwk.expired_at,
        })
    }

    /// The key's id: the `kid` of the JWTs it verifies.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// When the key was created, in Unix seconds.
    pub fn created_at(&self) -> i64 {
        self.created_at
    }

    /// When the key expired, in Unix seconds, if it has.
    pub fn expired_at(&self) -> Option<i64> {
        self.expired_at
    }

    /// Whether the key has expired: Plaid's rule is that a key with any
    /// `expired_at` verifies nothing.
    pub fn is_expired(&self) -> bool {
        self.expired_at.is_some()
    }

    /// Checks an ES256 signature (`r ‖ s`, 64 bytes) of `message`.
    pub(crate) fn verify(&self, message: &[u8], signature: &[u8]) -> Result<(), WebhookError> {
        UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &self.point)
            .verify(message, signature)
            .map_err(|_| WebhookError::new(WebhookErrorKind::BadSignature))
    }

    /// The uncompressed point, for the signer's tests.
    #[cfg(all(test, feature = "webhook-signer"))]
    pub(crate) fn point(&self) -> &[u8; POINT_LEN] {
        &self.point
    }
}

impl TryFrom<&JwkPublicKey> for VerificationKey {
    type Error = WebhookError;

    fn try_from(jwk: &JwkPublicKey) -> Result<Self, WebhookError> {
        VerificationKey::from_jwk(jwk)
    }
}

impl fmt::Debug for VerificationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VerificationKey")
            .field("kid", &self.kid)
            .field("created_at", &self.created_at)
            .field("expired_at", &self.expired_at)
            .finish_non_exhaustive()
    }
}

/// Where the verifier finds the key of a `kid`.
///
/// The verifier only reads: when the key is missing it returns
/// [`Verification::NeedKey`](super::Verification::NeedKey) and the caller
/// fetches it. A [`KeyCache`] is the source for servers; a single
/// [`VerificationKey`] is one for tests.
pub trait KeySource {
    /// The key `kid`, if this source has it (expired or not).
    fn key(&self, kid: &str) -> Option<Arc<VerificationKey>>;
}

impl<K: KeySource + ?Sized> KeySource for &K {
    fn key(&self, kid: &str) -> Option<Arc<VerificationKey>> {
        (**self).key(kid)
    }
}

impl<K: KeySource + ?Sized> KeySource for Arc<K> {
    fn key(&self, kid: &str) -> Option<Arc<VerificationKey>> {
        (**self).key(kid)
    }
}

impl KeySource for VerificationKey {
    fn key(&self, kid: &str) -> Option<Arc<VerificationKey>> {
        (self.kid == kid).then(|| Arc::new(self.clone()))
    }
}

/// How long an unknown `kid` stays unknown, and how often the cached keys
/// may be refreshed, unless set otherwise.
pub const DEFAULT_REFRESH_INTERVAL: Duration = Duration::from_secs(60);

/// At most this many unknown `kid`s are remembered; forged ones are
/// attacker-chosen, so the set must not grow without bound.
const MAX_UNKNOWN: usize = 1024;

/// A thread-safe cache of verification keys by `kid`, for a webhook
/// server: share one (by reference or in an `Arc`) between every handler.
///
/// The client's drivers
/// ([`Client::verify_webhook`](crate::modern::Client::verify_webhook))
/// fill it from `/webhook_verification_key/get`; keys can also be put in
/// by hand with [`insert`](KeyCache::insert).
pub struct KeyCache {
    state: RwLock<CacheState>,
    refresh_interval: Duration,
}

#[derive(Default)]
struct CacheState {
    keys: HashMap<String, Arc<VerificationKey>>,
    /// `kid`s Plaid said it does not know, and when.
    unknown: HashMap<String, SystemTime>,
    /// When the cached keys were last refreshed.
    refreshed: Option<SystemTime>,
}

/// Why a key is being fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FetchRole {
    /// The key a webhook needs: its failure fails the verification.
    Needed,
    /// A cached key refreshed on the way: a failure keeps the cached copy.
    Refresh,
}

impl KeyCache {
    /// An empty cache with the [default refresh
    /// interval](DEFAULT_REFRESH_INTERVAL).
    pub fn new() -> Self {
        KeyCache {
            state: RwLock::new(CacheState::default()),
            refresh_interval: DEFAULT_REFRESH_INTERVAL,
        }
    }

    /// Sets how often the cached keys may be refreshed, and how long a
    /// `kid` Plaid does not know is refused without asking again.
    pub fn with_refresh_interval(mut self, interval: Duration) -> Self {
        self.refresh_interval = interval;
        self
    }

    /// Adds or replaces a key.
    pub fn insert(&self, key: VerificationKey) {
        let mut state = self.write();
        state.unknown.remove(&key.kid);
        state.keys.insert(key.kid.clone(), Arc::new(key));
    }

    /// Adds or replaces the key a JWK describes.
    pub fn insert_jwk(&self, jwk: &JwkPublicKey) -> Result<(), WebhookError> {
        self.insert(VerificationKey::from_jwk(jwk)?);
        Ok(())
    }

    /// Removes a key.
    pub fn remove(&self, kid: &str) -> Option<Arc<VerificationKey>> {
        self.write().keys.remove(kid)
    }

    /// How many keys are cached (expired ones included).
    pub fn len(&self) -> usize {
        self.read().keys.len()
    }

    /// Whether no key is cached.
    pub fn is_empty(&self) -> bool {
        self.read().keys.is_empty()
    }

    /// The keys to fetch for a webhook that needs `kid`: `kid` itself, then
    /// the cached keys that have not expired if they are due for a refresh.
    /// [`UnknownKey`](WebhookErrorKind::UnknownKey) if Plaid recently said
    /// it does not know `kid`.
    pub(crate) fn plan_fetch(
        &self,
        kid: &str,
        now: SystemTime,
    ) -> Result<Vec<(String, FetchRole)>, WebhookError> {
        let mut state = self.write();
        if state
            .unknown
            .get(kid)
            .is_some_and(|&when| !self.elapsed(when, now))
        {
            return Err(WebhookError::new(WebhookErrorKind::UnknownKey));
        }
        let mut plan = vec![(kid.to_owned(), FetchRole::Needed)];
        if state.refreshed.is_none_or(|when| self.elapsed(when, now)) {
            state.refreshed = Some(now);
            let due = state
                .keys
                .values()
                .filter(|key| !key.is_expired() && key.kid != kid)
                .map(|key| (key.kid.clone(), FetchRole::Refresh));
            plan.extend(due);
        }
        Ok(plan)
    }

    /// Takes in the answer of `/webhook_verification_key/get` for `kid`.
    pub(crate) fn absorb(
        &self,
        kid: &str,
        role: FetchRole,
        answer: Result<WebhookVerificationKeyGetResponse, Error>,
        now: SystemTime,
    ) -> Result<(), WebhookError> {
        let key = match answer {
            Ok(response) if response.key.kid != kid => Err(WebhookError::because(
                WebhookErrorKind::InvalidKey,
                "Plaid answered with another key than the one asked for",
            )),
            Ok(response) => VerificationKey::from_jwk(&response.key),
            Err(error)
                if error.plaid_code() == Some(&ErrorCode::INVALID_WEBHOOK_VERIFICATION_KEY_ID) =>
            {
                self.forget(kid, now);
                Err(WebhookError::new(WebhookErrorKind::UnknownKey))
            }
            Err(error) => Err(WebhookError::key_fetch(error)),
        };
        match (key, role) {
            (Ok(key), _) => {
                self.insert(key);
                Ok(())
            }
            (Err(error), FetchRole::Needed) => Err(error),
            (Err(_), FetchRole::Refresh) => Ok(()),
        }
    }

    /// Drops `kid` and remembers, for a while, that Plaid does not know it.
    fn forget(&self, kid: &str, now: SystemTime) {
        let mut state = self.write();
        state.keys.remove(kid);
        if state.unknown.len() >= MAX_UNKNOWN {
            let interval = self.refresh_interval;
            state
                .unknown
                .retain(|_, &mut when| !elapsed(interval, when, now));
            if state.unknown.len() >= MAX_UNKNOWN {
                state.unknown.clear();
            }
        }
        state.unknown.insert(kid.to_owned(), now);
    }

    fn elapsed(&self, since: SystemTime, now: SystemTime) -> bool {
        elapsed(self.refresh_interval, since, now)
    }

    // A panic elsewhere cannot leave the maps half-changed (each change is
    // one insert or remove), so a poisoned lock is still usable.
    fn read(&self) -> RwLockReadGuard<'_, CacheState> {
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, CacheState> {
        self.state.write().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Whether `interval` has passed from `since` to `now` (a clock that went
/// backwards counts as not).
fn elapsed(interval: Duration, since: SystemTime, now: SystemTime) -> bool {
    now.duration_since(since)
        .is_ok_and(|passed| passed >= interval)
}

impl Default for KeyCache {
    fn default() -> Self {
        KeyCache::new()
    }
}

impl KeySource for KeyCache {
    fn key(&self, kid: &str) -> Option<Arc<VerificationKey>> {
        self.read().keys.get(kid).cloned()
    }
}

impl fmt::Debug for KeyCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.read();
        f.debug_struct("KeyCache")
            .field("keys", &state.keys.len())
            .field("unknown", &state.unknown.len())
            .field("refresh_interval", &self.refresh_interval)
            .finish()
    }
}
