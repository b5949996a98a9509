//! When to send a request again, decided without I/O.
//!
//! [`RetryPolicy::decide`] is a pure function of what happened (a status,
//! its headers and the API family's [`RetryHint`] read from the body, or a
//! transport failure), how many attempts were made, how long they took,
//! whether the call is safe to repeat, the current time (for `Retry-After`
//! dates) and a jitter value. The drivers in [`client`](crate::Client) feed
//! it and sleep; everything that matters is table-tested here.
//!
//! Each failed attempt falls in one class:
//!
//! | outcome | class | retried? |
//! |---|---|---|
//! | 500, 502, 503, 504, or a hint that the failure is [`Transient`](RetryHint::Transient) | transient | yes |
//! | 429, or a [`RateLimited`](RetryHint::RateLimited) hint | rate limited | yes, at most [`rate_limit_attempts`](RetryPolicy::rate_limit_attempts) in all |
//! | a [`NotReady`](RetryHint::NotReady) hint (data still being pulled) | not ready | only with [`retry_not_ready`](RetryPolicy::retry_not_ready), from a longer delay |
//! | a [`Permanent`](RetryHint::Permanent) hint, any other status | final | no |
//! | transport timeout, connect failure, broken connection | transient | yes |
//! | body too large, other transport errors | final | no |
//!
//! and only for calls that are safe to repeat
//! ([`Endpoint::is_idempotent`](crate::Endpoint::is_idempotent): reads). A
//! call that creates, submits credentials or answers, updates, exchanges or
//! deletes is never sent twice unless you opt in with
//! [`RetryPolicy::retry_non_idempotent`].
//!
//! Delays grow exponentially from [`base_delay`](RetryPolicy::base_delay),
//! capped by [`max_delay`](RetryPolicy::max_delay), with "equal jitter" (half
//! fixed, half random) so that clients do not retry in lockstep. A
//! `Retry-After` header (seconds or an HTTP date) replaces the computed delay:
//! the server's wait is honoured exactly, never shortened. No retry starts if
//! it would end past [`max_elapsed`](RetryPolicy::max_elapsed).

mod after;

use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};

use crate::transport::TransportErrorKind;

pub use after::retry_after;

/// What an API family reads from a failed response about retrying it.
///
/// The status alone cannot say it: an API may answer 400 both for a bank
/// that is down for a minute (worth a retry) and for a login that needs the
/// user (never worth one). Each family turns its error body into a hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryHint {
    /// The body says nothing more: decide from the status (429 and 500,
    /// 502, 503, 504 are retried).
    Status,
    /// A passing failure on the server's side; the same request may
    /// succeed later.
    Transient,
    /// A rate limit was hit: retried only a little, since the window is
    /// usually a minute and the fix is usually in the caller.
    RateLimited,
    /// The data is not ready yet: worth asking again later, if the caller
    /// wants to wait.
    NotReady,
    /// Sending the same request again cannot help (it, the keys or the item
    /// need fixing, or the user must act).
    Permanent,
}

/// How a call retries. Cheap to copy; set per client with
/// [`Config::with_retry`](crate::Config::with_retry) and per call with
/// `.retry(..)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    rate_limit_attempts: u32,
    base_delay: Duration,
    not_ready_delay: Duration,
    max_delay: Duration,
    max_elapsed: Duration,
    retry_non_idempotent: bool,
    retry_not_ready: bool,
}

impl Default for RetryPolicy {
    /// Three attempts in all (two on a rate limit), 250 ms then 500 ms apart
    /// (± jitter), at most 30 s in all, reads only, not-ready data not
    /// waited for.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            rate_limit_attempts: 2,
            base_delay: Duration::from_millis(250),
            not_ready_delay: Duration::from_secs(2),
            max_delay: Duration::from_secs(10),
            max_elapsed: Duration::from_secs(30),
            retry_non_idempotent: false,
            retry_not_ready: false,
        }
    }
}

/// What happened on one attempt.
#[derive(Debug, Clone, Copy)]
pub enum AttemptOutcome<'a> {
    /// A failed response arrived with this status, these headers and the
    /// family's reading of its body.
    Response(StatusCode, &'a HeaderMap, RetryHint),
    /// The transport failed.
    Transport(TransportErrorKind),
}

/// Everything [`RetryPolicy::decide`] looks at.
#[derive(Debug, Clone, Copy)]
pub struct Attempt<'a> {
    /// Attempts made so far, counting this one (1 after the first).
    pub number: u32,
    /// Time since the first attempt started.
    pub elapsed: Duration,
    /// Whether the call is safe to repeat.
    pub idempotent: bool,
    /// What this attempt gave.
    pub outcome: AttemptOutcome<'a>,
    /// The current time, for `Retry-After` dates.
    pub now: SystemTime,
    /// A random value in `[0, 1)` for the jitter.
    pub jitter: f64,
}

/// What to do after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    /// Wait this long, then send again.
    RetryAfter(Duration),
    /// Stop: return this attempt's result.
    Stop,
}

/// The class a failed attempt falls in (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Transient,
    RateLimited,
    NotReady,
    Final,
}

impl Class {
    fn of_response(status: StatusCode, hint: RetryHint) -> Class {
        match hint {
            RetryHint::Transient => Class::Transient,
            RetryHint::RateLimited => Class::RateLimited,
            RetryHint::NotReady => Class::NotReady,
            RetryHint::Permanent => Class::Final,
            RetryHint::Status => match status.as_u16() {
                429 => Class::RateLimited,
                500 | 502 | 503 | 504 => Class::Transient,
                _ => Class::Final,
            },
        }
    }

    fn of_transport(kind: TransportErrorKind) -> Class {
        match kind {
            TransportErrorKind::Timeout | TransportErrorKind::Connect | TransportErrorKind::Io => {
                Class::Transient
            }
            _ => Class::Final,
        }
    }
}

impl RetryPolicy {
    /// The default policy (see [`Default`]).
    pub fn new() -> Self {
        RetryPolicy::default()
    }

    /// A policy that never retries.
    pub fn disabled() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// At most `attempts` sends in all, the first included (1 = no retry).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// At most `attempts` sends in all when the server says a rate limit was
    /// hit (2 by default; never more than [`max_attempts`](Self::max_attempts)).
    pub fn rate_limit_attempts(mut self, attempts: u32) -> Self {
        self.rate_limit_attempts = attempts.max(1);
        self
    }

    /// The delay before the first retry; each later one doubles it.
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The longest computed delay (a server's `Retry-After` may be longer).
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// No retry starts if its wait would end later than this after the
    /// first attempt started.
    pub fn max_elapsed(mut self, limit: Duration) -> Self {
        self.max_elapsed = limit;
        self
    }

    /// Also retry calls that are not safe to repeat. Off by default: a lost
    /// response to a create may mean it was created.
    pub fn retry_non_idempotent(mut self, allow: bool) -> Self {
        self.retry_non_idempotent = allow;
        self
    }

    /// Also retry when the server says the data is not ready yet, waiting
    /// `delay` before the first such retry (doubling after). Off by
    /// default; raise [`max_attempts`](Self::max_attempts) and
    /// [`max_elapsed`](Self::max_elapsed) to wait longer.
    pub fn retry_not_ready(mut self, delay: Duration) -> Self {
        self.retry_not_ready = true;
        self.not_ready_delay = delay;
        self
    }

    /// The maximum number of sends.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Whether this policy could ever send a call twice.
    pub fn may_retry(&self, idempotent: bool) -> bool {
        self.max_attempts > 1 && (idempotent || self.retry_non_idempotent)
    }

    /// Decides whether to retry after `attempt`.
    pub fn decide(&self, attempt: &Attempt<'_>) -> RetryDecision {
        if attempt.number >= self.max_attempts || !self.may_retry(attempt.idempotent) {
            return RetryDecision::Stop;
        }
        let (class, headers) = match attempt.outcome {
            AttemptOutcome::Response(status, headers, hint) => {
                (Class::of_response(status, hint), Some(headers))
            }
            AttemptOutcome::Transport(kind) => (Class::of_transport(kind), None),
        };
        let base = match class {
            Class::Final => return RetryDecision::Stop,
            Class::NotReady if !self.retry_not_ready => return RetryDecision::Stop,
            Class::RateLimited if attempt.number >= self.rate_limit_attempts => {
                return RetryDecision::Stop;
            }
            Class::NotReady => self.not_ready_delay,
            Class::Transient | Class::RateLimited => self.base_delay,
        };
        let server_wait = headers.and_then(|headers| retry_after(headers, attempt.now));
        let delay =
            server_wait.unwrap_or_else(|| self.backoff(base, attempt.number, attempt.jitter));
        match attempt.elapsed.checked_add(delay) {
            Some(end) if end <= self.max_elapsed => RetryDecision::RetryAfter(delay),
            _ => RetryDecision::Stop,
        }
    }

    /// The computed delay after attempt `number` (1-based) from `base`:
    /// exponential, capped, with equal jitter.
    fn backoff(&self, base: Duration, number: u32, jitter: f64) -> Duration {
        let exponent = number.saturating_sub(1).min(30);
        let full = base.saturating_mul(1u32 << exponent).min(self.max_delay);
        let jitter = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            0.0
        };
        full.div_f64(2.0) + full.div_f64(2.0).mul_f64(jitter)
    }
}

/// A random value in `[0, 1)` for jitter, from the standard library's
/// randomly keyed hasher (no `rand` dependency for one number per retry).
pub(crate) fn jitter() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let bits = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    // 53 random bits make a uniform f64 in [0, 1).
    #[allow(clippy::cast_precision_loss)]
    let value = (bits >> 11) as f64 / (1u64 << 53) as f64;
    value
}

#[cfg(test)]
mod tests;
