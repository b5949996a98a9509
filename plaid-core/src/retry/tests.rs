//! The policy's decisions, one row per situation.

use std::time::UNIX_EPOCH;

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
    hint: RetryHint,
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
        hint: RetryHint::Status,
        jitter: 0.0,
        expected,
    }
}

const RETRY_125: RetryDecision = RetryDecision::RetryAfter(Duration::from_millis(125));
const STOP: RetryDecision = RetryDecision::Stop;
const RETRY_125_X2: RetryDecision = RetryDecision::RetryAfter(Duration::from_millis(250));

#[test]
fn default_policy_decisions() {
    let now = at(1_795_615_200); // Wed, 25 Nov 2026 14:00:00 GMT
    let cases = [
        case("429 is retried after the backoff", 429, RETRY_125),
        Case {
            number: 2,
            ..case("429 is retried only once by default", 429, STOP)
        },
        Case {
            hint: RetryHint::Transient,
            ..case(
                "a 400 the family calls transient is retried",
                400,
                RETRY_125,
            )
        },
        Case {
            hint: RetryHint::RateLimited,
            ..case("a rate-limit hint is retried once", 400, RETRY_125)
        },
        Case {
            hint: RetryHint::RateLimited,
            number: 2,
            ..case("a rate-limit hint is not retried twice", 400, STOP)
        },
        Case {
            hint: RetryHint::Permanent,
            ..case("a permanent hint stops even a 503", 503, STOP)
        },
        Case {
            hint: RetryHint::NotReady,
            ..case("not-ready data is not waited for by default", 400, STOP)
        },
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
                "the second backoff doubles (not for a 429, limited to one retry)",
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
                AttemptOutcome::Response(StatusCode::from_u16(status).unwrap(), &headers, case.hint)
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
        outcome: AttemptOutcome::Response(
            StatusCode::SERVICE_UNAVAILABLE,
            &headers,
            RetryHint::Status,
        ),
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
        outcome: AttemptOutcome::Response(
            StatusCode::TOO_MANY_REQUESTS,
            &headers,
            RetryHint::Status,
        ),
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
    assert_eq!(
        policy.backoff(policy.base_delay, 1, 0.0),
        Duration::from_millis(125)
    );
    assert_eq!(
        policy.backoff(policy.base_delay, 3, 0.0),
        Duration::from_millis(500)
    );
    assert_eq!(
        policy.backoff(policy.base_delay, 40, 0.0),
        Duration::from_millis(500)
    );
    assert_eq!(
        policy.backoff(policy.base_delay, u32::MAX, 1.0),
        Duration::from_secs(1)
    );
    assert_eq!(
        policy.backoff(policy.base_delay, 1, f64::NAN),
        Duration::from_millis(125)
    );
}

#[test]
fn jitter_is_in_the_unit_interval() {
    for _ in 0..1000 {
        let value = jitter();
        assert!((0.0..1.0).contains(&value), "{value}");
    }
}

#[test]
fn not_ready_data_is_waited_for_only_on_request_and_from_its_own_delay() {
    let headers = headers(None);
    let attempt = |number| Attempt {
        number,
        elapsed: Duration::ZERO,
        idempotent: true,
        outcome: AttemptOutcome::Response(StatusCode::BAD_REQUEST, &headers, RetryHint::NotReady),
        now: at(0),
        jitter: 0.0,
    };
    assert_eq!(
        RetryPolicy::default().decide(&attempt(1)),
        RetryDecision::Stop
    );
    let waiting = RetryPolicy::default().retry_not_ready(Duration::from_secs(4));
    assert_eq!(
        waiting.decide(&attempt(1)),
        RetryDecision::RetryAfter(Duration::from_secs(2))
    );
    assert_eq!(
        waiting.decide(&attempt(2)),
        RetryDecision::RetryAfter(Duration::from_secs(4))
    );
    assert_eq!(waiting.decide(&attempt(3)), RetryDecision::Stop);
}

#[test]
fn the_rate_limit_cap_never_exceeds_the_attempt_cap() {
    let headers = headers(None);
    let attempt = |number| Attempt {
        number,
        elapsed: Duration::ZERO,
        idempotent: true,
        outcome: AttemptOutcome::Response(
            StatusCode::TOO_MANY_REQUESTS,
            &headers,
            RetryHint::Status,
        ),
        now: at(0),
        jitter: 0.0,
    };
    let generous = RetryPolicy::default().rate_limit_attempts(10);
    assert_eq!(generous.decide(&attempt(2)), RETRY_125_X2);
    assert_eq!(generous.decide(&attempt(3)), RetryDecision::Stop);
    assert_eq!(
        RetryPolicy::default()
            .rate_limit_attempts(0)
            .decide(&attempt(1)),
        RetryDecision::Stop
    );
}
