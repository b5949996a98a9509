//! Reliability: timeouts (per call, per client, a stalled server), retries
//! (what is retried, how often, how long it waits), redirects that are never
//! followed, and the response body limit. The faults come from the
//! sandbox's `X-Sandbox-Fault` header, through [`Backend::fault_client`].

use std::time::{Duration, Instant};

use plaid_core::legacy::PythonException;
use plaid_core::{ErrorKind, RetryPolicy};

use crate::{
    Backend, COFFEE_SHOP_ID, POSTED_TRANSACTIONS, assert_sandbox_accounts, good_login, requests_to,
    sandbox_config,
};

/// A per-call timeout stops a slow call; a longer one lets it through.
pub fn per_call_timeout_is_honoured(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let slow = backend.fault_client(&sandbox, "latency=500");

    let error = backend
        .send(slow.categories().timeout(Duration::from_millis(100)))
        .expect_err("the call outlives its timeout");
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
    assert!(error.is_timeout());

    // A longer per-call timeout lets the same slow call through.
    backend
        .send(slow.categories().timeout(Duration::from_secs(10)))
        .expect("slow but in time");
}

/// The client's default timeout stops a slow call; a per-call timeout overrides
/// it.
pub fn client_default_timeout_is_honoured(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let slow = backend.fault_client(&sandbox, "latency=500");
    let slow = slow.with_config(
        slow.config()
            .clone()
            .with_timeout(Duration::from_millis(100)),
    );

    let error = backend
        .send(slow.institutions())
        .expect_err("the call outlives the default");
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");

    // The per-call timeout overrides the client's.
    backend
        .send(slow.institutions().timeout(Duration::from_secs(10)))
        .expect("in time");
}

/// A server that never answers is a timeout.
pub fn stalled_server_times_out(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let stalled = backend.fault_client(&sandbox, "stall");
    let stalled = stalled.with_config(
        stalled
            .config()
            .clone()
            .with_timeout(Duration::from_millis(200)),
    );

    let error = backend.send(stalled.categories()).expect_err("no answer");
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
}

/// A redirect is returned as the 302 it is, never followed.
pub fn redirects_are_not_followed(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    // Following the redirect would answer 200 with the categories.
    let target = format!("{}/categories", sandbox.url());
    let redirecting = backend.fault_client(&sandbox, &format!("redirect={target}"));

    let raw = backend
        .send(redirecting.categories().raw())
        .expect("raw response");
    assert_eq!(raw.status().as_u16(), 302);
    assert_eq!(
        raw.headers().get("location").and_then(|v| v.to_str().ok()),
        Some(target.as_str())
    );
    assert!(
        backend.send(redirecting.categories()).is_err(),
        "a 302 is not a success"
    );
}

/// A rate-limited read allowed three attempts waits for `Retry-After` each
/// time, then succeeds.
pub fn rate_limited_read_waits_for_retry_after_then_succeeds(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let limited = backend
        .fault_client(&sandbox, "status=429;retry-after=1;times=2;key=limited")
        .with_access_token("test_chase");

    let started = Instant::now();
    let policy = RetryPolicy::default().rate_limit_attempts(3);
    let balance = backend
        .send(limited.balance().retry(policy))
        .expect("the third attempt succeeds");
    let waited = started.elapsed();
    assert_sandbox_accounts(&balance.accounts);
    assert_eq!(
        requests_to(&sandbox, "/balance"),
        3,
        "two 429s, then the answer"
    );
    assert!(
        waited >= Duration::from_secs(2),
        "Retry-After: 1 was not honoured twice: {waited:?}"
    );
}

/// By default a 429 is retried once only: a rate limit usually lasts a
/// minute, and the fix is usually in the caller.
pub fn rate_limited_read_is_retried_once_by_default(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let limited = backend
        .fault_client(&sandbox, "status=429;retry-after=0;times=2;key=once")
        .with_access_token("test_chase");

    let error = backend
        .send(limited.balance().retry(RetryPolicy::default()))
        .expect_err("the second 429 is returned");
    assert_eq!(error.kind(), ErrorKind::RateLimited, "{error}");
    assert_eq!(requests_to(&sandbox, "/balance"), 2, "one retry, no more");
}

/// A read that meets 503s backs off and succeeds on the third attempt.
pub fn unavailable_read_backs_off_and_succeeds(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let flaky = backend
        .fault_client(&sandbox, "status=503;times=2;key=flaky")
        .with_access_token("test_chase");

    let data = backend
        .send(flaky.connect_get().retry(RetryPolicy::default()))
        .expect("third attempt");
    assert_eq!(
        data.transactions.map(|t| t.len()),
        Some(POSTED_TRANSACTIONS)
    );
    assert_eq!(requests_to(&sandbox, "/connect/get"), 3);
}

/// Retries stop at the policy's attempt cap.
pub fn retries_stop_at_the_attempt_cap(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let down = backend
        .fault_client(&sandbox, "status=503")
        .with_access_token("test_chase");

    let policy = RetryPolicy::default()
        .max_attempts(4)
        .base_delay(Duration::from_millis(10));
    let error = backend
        .send(down.balance().retry(policy))
        .expect_err("always 503");
    assert_eq!(
        PythonException::of(&error),
        Some(PythonException::MaintainanceError),
        "{error}"
    );
    assert_eq!(requests_to(&sandbox, "/balance"), 4);
}

/// An add is never retried by default.
pub fn unsafe_calls_are_never_retried(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let flaky = backend.fault_client(&sandbox, "status=503;times=1;key=add");

    let error = backend
        .send(
            flaky
                .connect("wells", good_login())
                .retry(RetryPolicy::default()),
        )
        .expect_err("an add is sent once");
    assert_eq!(
        PythonException::of(&error),
        Some(PythonException::MaintainanceError),
        "{error}"
    );
    assert_eq!(
        requests_to(&sandbox, "/connect"),
        1,
        "the add must not be repeated"
    );
}

/// An add is retried when the policy opts in to non-idempotent retries.
pub fn unsafe_calls_are_retried_only_when_opted_in(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let flaky = backend.fault_client(&sandbox, "status=503;times=1;key=add");

    let policy = RetryPolicy::default().retry_non_idempotent(true);
    let outcome = backend
        .send(flaky.connect("wells", good_login()).retry(policy))
        .expect("second attempt");
    assert!(!outcome.is_mfa_required());
    assert_eq!(requests_to(&sandbox, "/connect"), 2);
}

/// A call whose retries are switched off is sent once, whatever the client's
/// policy.
pub fn retries_switched_off_send_once(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let flaky = backend
        .fault_client(&sandbox, "status=503;times=1;key=off")
        .with_access_token("test_chase");
    // The client default retries reads; the call switches that off.
    let flaky = flaky.with_config(flaky.config().clone().with_retry(RetryPolicy::default()));

    let error = backend
        .send(flaky.balance().retry(RetryPolicy::disabled()))
        .expect_err("sent once");
    assert_eq!(
        PythonException::of(&error),
        Some(PythonException::MaintainanceError),
        "{error}"
    );
    assert_eq!(requests_to(&sandbox, "/balance"), 1);
}

/// Every attempt of a stalled read times out within its limit, and the read is
/// retried.
pub fn stalled_read_times_out_within_the_limit_on_every_attempt(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let stalled = backend
        .fault_client(&sandbox, "stall")
        .with_access_token("test_chase");

    // Two attempts of 200 ms each, 10 ms apart: well under a second.
    let policy = RetryPolicy::default()
        .max_attempts(2)
        .base_delay(Duration::from_millis(10));
    let started = Instant::now();
    let error = backend
        .send(
            stalled
                .balance()
                .timeout(Duration::from_millis(200))
                .retry(policy),
        )
        .expect_err("no answer");
    let elapsed = started.elapsed();
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
    assert_eq!(
        requests_to(&sandbox, "/balance"),
        2,
        "a timed-out read is retried"
    );
    assert!(
        elapsed < Duration::from_secs(2),
        "the timeout was not honoured: {elapsed:?}"
    );
}

/// A reset connection is an I/O error, and a read retries past it.
pub fn connection_reset_is_an_io_error_that_a_read_retries(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let resetting = backend
        .fault_client(&sandbox, "reset;times=1;key=reset")
        .with_access_token("test_chase");

    let error = backend
        .send(resetting.balance())
        .expect_err("the connection is reset");
    assert_eq!(error.kind(), ErrorKind::Io, "{error}");
    // The key's one fault is spent: a new read goes through, and a
    // fresh fault is retried past.
    let resetting = backend
        .fault_client(&sandbox, "reset;times=1;key=again")
        .with_access_token("test_chase");
    let balance = backend
        .send(resetting.balance().retry(RetryPolicy::default()))
        .expect("retried");
    assert_sandbox_accounts(&balance.accounts);
}

/// A body over the configured limit is refused while reading; a small one is
/// read.
pub fn a_body_over_the_limit_is_refused_while_reading(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let limited = backend.client(sandbox_config(&sandbox.url()).with_body_limit(4096));

    // The category list is tens of kilobytes; one category is tiny.
    let error = backend
        .send(limited.categories())
        .expect_err("over the limit");
    assert_eq!(error.kind(), ErrorKind::BodyTooLarge, "{error}");
    assert!(error.is_transport() && !error.is_api());
    let category = backend
        .send(limited.category(COFFEE_SHOP_ID))
        .expect("under the limit");
    assert_eq!(category.id, COFFEE_SHOP_ID);
}

/// An add's credentials never follow a redirect to another server.
pub fn credentials_never_follow_a_redirect_to_another_server(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let elsewhere = backend.start_sandbox();
    let redirecting =
        backend.fault_client(&sandbox, &format!("redirect={}/connect", elsewhere.url()));

    let error = backend
        .send(redirecting.connect("wells", good_login()))
        .expect_err("a 302 is not a success");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(302), "{error}");
    assert!(
        elsewhere.recorded_requests().is_empty(),
        "the credentials reached the redirect target"
    );
}
