//! When to send a request again, decided without I/O.
//!
//! [`RetryPolicy::decide`] is a pure function of what happened (a status
//! and its headers, or a transport failure), how many attempts were made,
//! how long they took, whether the call is safe to repeat, the current time
//! (for `Retry-After` dates) and a jitter value. The drivers in
//! [`client`](crate::Client) feed it and sleep; everything that matters is
//! table-tested here.
//!
//! What is retried, by default:
//!
//! | outcome | retried? |
//! |---|---|
//! | 429 rate limited, 503 maintenance, 502 extractor retry, 504 gateway timeout, 500 | yes |
//! | any other status | no |
//! | transport timeout, connect failure, broken connection | yes |
//! | body too large, other transport errors | no |
//!
//! and only for calls that are safe to repeat ([`Endpoint::is_idempotent`](crate::Endpoint::is_idempotent):
//! reads). A call that adds a user, submits credentials or MFA answers,
//! updates, upgrades, exchanges or deletes is never sent twice unless you opt
//! in with [`RetryPolicy::retry_non_idempotent`].
//!
//! Delays grow exponentially from [`base_delay`](RetryPolicy::base_delay),
//! capped by [`max_delay`](RetryPolicy::max_delay), with "equal jitter" (half
//! fixed, half random) so that clients do not retry in lockstep. A
//! `Retry-After` header (seconds or an HTTP date) replaces the computed delay:
//! the server's wait is honoured exactly, never shortened. No retry starts if
//! it would end past [`max_elapsed`](RetryPolicy::max_elapsed).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::{HeaderMap, StatusCode};

use crate::transport::TransportErrorKind;

/// How a call retries. Cheap to copy; set per client with
/// [`Config::with_retry`](crate::Config::with_retry) and per call with
/// `.retry(..)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_elapsed: Duration,
    retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    /// Three attempts in all, 250 ms then 500 ms apart (± jitter), at most
    /// 30 s in all, reads only.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(10),
            max_elapsed: Duration::from_secs(30),
            retry_non_idempotent: false,
        }
    }
}

/// What happened on one attempt.
#[derive(Debug, Clone, Copy)]
pub enum AttemptOutcome<'a> {
    /// A response arrived with this status and these headers.
    Response(StatusCode, &'a HeaderMap),
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

    /// Also retry calls that are not safe to repeat (adds, MFA answers,
    /// updates, upgrades, exchanges, deletes). Off by default: a lost
    /// response to an add may mean the user was added.
    pub fn retry_non_idempotent(mut self, allow: bool) -> Self {
        self.retry_non_idempotent = allow;
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
        let server_wait = match attempt.outcome {
            AttemptOutcome::Response(status, headers) => {
                if !retryable_status(status) {
                    return RetryDecision::Stop;
                }
                retry_after(headers, attempt.now)
            }
            AttemptOutcome::Transport(kind) => {
                if !matches!(
                    kind,
                    TransportErrorKind::Timeout
                        | TransportErrorKind::Connect
                        | TransportErrorKind::Io
                ) {
                    return RetryDecision::Stop;
                }
                None
            }
        };
        let delay = server_wait.unwrap_or_else(|| self.backoff(attempt.number, attempt.jitter));
        match attempt.elapsed.checked_add(delay) {
            Some(end) if end <= self.max_elapsed => RetryDecision::RetryAfter(delay),
            _ => RetryDecision::Stop,
        }
    }

    /// The computed delay after attempt `number` (1-based): exponential,
    /// capped, with equal jitter.
    fn backoff(&self, number: u32, jitter: f64) -> Duration {
        let exponent = number.saturating_sub(1).min(30);
        let full = self
            .base_delay
            .saturating_mul(1u32 << exponent)
            .min(self.max_delay);
        let jitter = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            0.0
        };
        full.div_f64(2.0) + full.div_f64(2.0).mul_f64(jitter)
    }
}

/// Whether a status says "try again".
pub fn retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504)
}

/// The wait a `Retry-After` header asks for: delay-seconds or an HTTP date
/// (IMF-fixdate, e.g. `Wed, 25 Nov 2026 14:00:00 GMT`). `None` when absent
/// or unreadable; a date in the past means no wait.
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = parse_http_date(value)?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
fn parse_http_date(text: &str) -> Option<SystemTime> {
    let mut parts = text.split_ascii_whitespace();
    let _weekday = parts.next()?.strip_suffix(',')?;
    let day: u64 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: u64 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':');
    let hour: u64 = clock.next()?.parse().ok()?;
    let minute: u64 = clock.next()?.parse().ok()?;
    let second: u64 = clock.next()?.parse().ok()?;
    if parts.next()? != "GMT" || parts.next().is_some() || clock.next().is_some() {
        return None;
    }
    if !(1970..=9999).contains(&year)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second;
    UNIX_EPOCH.checked_add(Duration::from_secs(seconds))
}

/// Days from 1970-01-01 to a (proleptic Gregorian) date on or after it.
fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
    // Howard Hinnant's algorithm, shifted so that March starts the year.
    let (y, m) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y / 400;
    let year_of_era = y - era * 400;
    let day_of_year = (153 * m + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    (era * 146_097 + day_of_era).saturating_sub(719_468)
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
mod tests {
    use super::*;

    fn headers(retry_after: Option<&str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(value) = retry_after {
            headers.insert(http::header::RETRY_AFTER, value.parse().unwrap());
        }
        headers
    }

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    /// One row: the attempt and the decision the default policy must make.
    struct Case {
        name: &'static str,
        number: u32,
        elapsed_ms: u64,
        idempotent: bool,
        status: Option<u16>,
        transport: Option<TransportErrorKind>,
        retry_after: Option<&'static str>,
        jitter: f64,
        expected: RetryDecision,
    }

    const fn case(name: &'static str, status: u16, expected: RetryDecision) -> Case {
        Case {
            name,
            number: 1,
            elapsed_ms: 0,
            idempotent: true,
            status: Some(status),
            transport: None,
            retry_after: None,
            jitter: 0.0,
            expected,
        }
    }

    const RETRY_125: RetryDecision = RetryDecision::RetryAfter(Duration::from_millis(125));
    const STOP: RetryDecision = RetryDecision::Stop;

    #[test]
    fn default_policy_decisions() {
        let now = at(1_795_615_200); // Wed, 25 Nov 2026 14:00:00 GMT
        let cases = [
            case("429 is retried after the backoff", 429, RETRY_125),
            case("500 is retried", 500, RETRY_125),
            case("502 extractor retry is retried", 502, RETRY_125),
            case("503 maintenance is retried", 503, RETRY_125),
            case("504 is retried", 504, RETRY_125),
            case("200 is final", 200, STOP),
            case("201 is final", 201, STOP),
            case("400 is final", 400, STOP),
            case("401 is final", 401, STOP),
            case("402 is final", 402, STOP),
            case("404 is final", 404, STOP),
            case("501 extractor error is final", 501, STOP),
            Case {
                retry_after: Some("2"),
                ..case(
                    "Retry-After seconds are honoured",
                    429,
                    RetryDecision::RetryAfter(Duration::from_secs(2)),
                )
            },
            Case {
                retry_after: Some("0"),
                ..case(
                    "Retry-After 0 retries at once",
                    503,
                    RetryDecision::RetryAfter(Duration::ZERO),
                )
            },
            Case {
                retry_after: Some("Wed, 25 Nov 2026 14:00:07 GMT"),
                ..case(
                    "Retry-After date is honoured",
                    503,
                    RetryDecision::RetryAfter(Duration::from_secs(7)),
                )
            },
            Case {
                retry_after: Some("Wed, 25 Nov 2026 13:59:00 GMT"),
                ..case(
                    "a past Retry-After date means no wait",
                    503,
                    RetryDecision::RetryAfter(Duration::ZERO),
                )
            },
            Case {
                retry_after: Some("soon"),
                ..case(
                    "an unreadable Retry-After falls back to backoff",
                    429,
                    RETRY_125,
                )
            },
            Case {
                retry_after: Some("40"),
                ..case("a Retry-After past the time budget stops", 429, STOP)
            },
            Case {
                retry_after: Some("2"),
                ..case("Retry-After does not make a 400 retryable", 400, STOP)
            },
            Case {
                idempotent: false,
                ..case("an unsafe call is never retried", 503, STOP)
            },
            Case {
                number: 3,
                ..case("the attempt cap stops", 503, STOP)
            },
            Case {
                number: 2,
                ..case(
                    "the second backoff doubles",
                    503,
                    RetryDecision::RetryAfter(Duration::from_millis(250)),
                )
            },
            Case {
                jitter: 0.999_999,
                ..case(
                    "jitter adds up to half the delay",
                    503,
                    RetryDecision::RetryAfter(Duration::from_nanos(249_999_875)),
                )
            },
            Case {
                elapsed_ms: 29_900,
                ..case("the time budget stops", 503, STOP)
            },
            Case {
                status: None,
                transport: Some(TransportErrorKind::Timeout),
                ..case("a timeout is retried", 0, RETRY_125)
            },
            Case {
                status: None,
                transport: Some(TransportErrorKind::Connect),
                ..case("a connect failure is retried", 0, RETRY_125)
            },
            Case {
                status: None,
                transport: Some(TransportErrorKind::Io),
                ..case("a broken connection is retried", 0, RETRY_125)
            },
            Case {
                status: None,
                transport: Some(TransportErrorKind::BodyTooLarge),
                ..case("a body too large is final", 0, STOP)
            },
            Case {
                status: None,
                transport: Some(TransportErrorKind::Other),
                ..case("other transport errors are final", 0, STOP)
            },
            Case {
                status: None,
                transport: Some(TransportErrorKind::Timeout),
                idempotent: false,
                ..case("an unsafe call is not retried after a timeout", 0, STOP)
            },
        ];
        let policy = RetryPolicy::default();
        for case in cases {
            let headers = headers(case.retry_after);
            let outcome = match (case.status, case.transport) {
                (Some(status), None) => {
                    AttemptOutcome::Response(StatusCode::from_u16(status).unwrap(), &headers)
                }
                (None, Some(kind)) => AttemptOutcome::Transport(kind),
                _ => unreachable!("a case has a status or a transport error"),
            };
            let attempt = Attempt {
                number: case.number,
                elapsed: Duration::from_millis(case.elapsed_ms),
                idempotent: case.idempotent,
                outcome,
                now,
                jitter: case.jitter,
            };
            assert_eq!(policy.decide(&attempt), case.expected, "{}", case.name);
        }
    }

    #[test]
    fn opting_in_retries_unsafe_calls() {
        let headers = headers(None);
        let attempt = Attempt {
            number: 1,
            elapsed: Duration::ZERO,
            idempotent: false,
            outcome: AttemptOutcome::Response(StatusCode::SERVICE_UNAVAILABLE, &headers),
            now: at(0),
            jitter: 0.0,
        };
        assert_eq!(RetryPolicy::default().decide(&attempt), RetryDecision::Stop);
        let opted_in = RetryPolicy::default().retry_non_idempotent(true);
        assert_eq!(opted_in.decide(&attempt), RETRY_125);
    }

    #[test]
    fn disabled_never_retries() {
        let headers = headers(Some("1"));
        let attempt = Attempt {
            number: 1,
            elapsed: Duration::ZERO,
            idempotent: true,
            outcome: AttemptOutcome::Response(StatusCode::TOO_MANY_REQUESTS, &headers),
            now: at(0),
            jitter: 0.5,
        };
        assert_eq!(
            RetryPolicy::disabled().decide(&attempt),
            RetryDecision::Stop
        );
        assert!(!RetryPolicy::disabled().may_retry(true));
        assert_eq!(RetryPolicy::default().max_attempts(0).attempts(), 1);
    }

    #[test]
    fn backoff_is_capped_and_never_overflows() {
        let policy = RetryPolicy::default()
            .max_attempts(100)
            .max_delay(Duration::from_secs(1));
        assert_eq!(policy.backoff(1, 0.0), Duration::from_millis(125));
        assert_eq!(policy.backoff(3, 0.0), Duration::from_millis(500));
        assert_eq!(policy.backoff(40, 0.0), Duration::from_millis(500));
        assert_eq!(policy.backoff(u32::MAX, 1.0), Duration::from_secs(1));
        assert_eq!(policy.backoff(1, f64::NAN), Duration::from_millis(125));
    }

    #[test]
    fn http_dates_parse_exactly() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(at(784_111_777))
        );
        assert_eq!(
            parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"),
            Some(at(0))
        );
        assert_eq!(
            parse_http_date("Wed, 25 Nov 2026 14:00:00 GMT"),
            Some(at(1_795_615_200))
        );
        assert_eq!(
            parse_http_date("Tue, 29 Feb 2028 00:00:00 GMT"),
            Some(at(1_835_395_200))
        );
        for bad in [
            "",
            "Sun, 06 Nov 1994 08:49:37",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn jitter_is_in_the_unit_interval() {
        for _ in 0..1000 {
            let value = jitter();
            assert!((0.0..1.0).contains(&value), "{value}");
        }
    }
}
