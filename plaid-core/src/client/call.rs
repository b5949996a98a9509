//! One prepared call and the two drivers that send it: blocking and async.
//!
//! Both drivers follow the same loop: build the request afresh (no copy is
//! kept for a retry that rarely comes), send it, ask the [`RetryPolicy`]
//! whether to go again, sleep, repeat. Only the send and the sleep differ.

use std::borrow::Cow;
use std::fmt;
use std::future::IntoFuture;
use std::marker::PhantomData;
use std::time::{Duration, Instant, SystemTime};

use super::mode::{ResponseMode, Suppressed, Typed};
use super::trace::CallTrace;
use crate::api::Api;
use crate::config::Config;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::retry::{self, Attempt, AttemptOutcome, RetryDecision, RetryPolicy};
use crate::transport::{
    AsyncTransport, BoxFuture, HttpRequest, HttpResponse, Transport, TransportError,
};

/// One prepared call: send it with `.send()` (blocking transport) or
/// `.await` it (async transport).
#[must_use = "a call does nothing until it is sent or awaited"]
pub struct Call<'c, T, E: Endpoint, M = Typed> {
    config: Cow<'c, Config<E::Api>>,
    transport: &'c T,
    endpoint: Result<E, Error>,
    retry: Option<RetryPolicy>,
    mode: PhantomData<M>,
}

impl<'c, T, E: Endpoint, M: ResponseMode> Call<'c, T, E, M> {
    pub(super) fn new(
        config: &'c Config<E::Api>,
        transport: &'c T,
        endpoint: Result<E, Error>,
    ) -> Self {
        Call {
            config: Cow::Borrowed(config),
            transport,
            endpoint,
            retry: None,
            mode: PhantomData,
        }
    }

    /// Overrides the client's timeout for this call (each attempt gets it).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.config = Cow::Owned(self.config.into_owned().with_timeout(timeout));
        self
    }

    /// Overrides the client's retry policy for this call
    /// ([`RetryPolicy::disabled`] to send it once).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sets the descriptor's optional fields before sending, through its own
    /// builder methods, e.g. `client.accounts_get(token).with(|r|
    /// r.account_ids(["…"]))`.
    pub fn with(mut self, build: impl FnOnce(E) -> E) -> Self {
        self.endpoint = self.endpoint.map(build);
        self
    }

    /// This call in [`Suppressed`] mode: it returns the
    /// [`RawResponse`](super::RawResponse) whatever its status.
    pub fn raw(self) -> Call<'c, T, E, Suppressed> {
        Call {
            config: self.config,
            transport: self.transport,
            endpoint: self.endpoint,
            retry: self.retry,
            mode: PhantomData,
        }
    }

    /// The endpoint descriptor, if it could be made.
    pub fn endpoint(&self) -> Result<&E, &Error> {
        self.endpoint.as_ref()
    }

    /// The exact request this call would send.
    pub fn to_request(&self) -> Result<HttpRequest, Error> {
        match &self.endpoint {
            Ok(endpoint) => endpoint.to_request(&self.config),
            Err(error) => Err(error.duplicate()),
        }
    }

    /// The call taken apart for sending.
    fn into_attempts(self) -> Result<Attempts<'c, E>, Error> {
        let endpoint = self.endpoint?;
        let policy = self.retry.unwrap_or_else(|| self.config.retry());
        let retrier = Retrier::new(policy, endpoint.is_idempotent());
        Ok(Attempts {
            endpoint,
            config: self.config,
            retrier,
            trace: CallTrace::new::<E::Api>(),
        })
    }
}

impl<T: Transport, E: Endpoint, M: ResponseMode> Call<'_, T, E, M> {
    /// Sends the call on the blocking transport, retrying as the policy
    /// allows.
    pub fn send(self) -> Result<M::Output<E>, Error> {
        let transport = self.transport;
        let mut attempts = self.into_attempts()?;
        let span = attempts.trace.clone();
        let _in_span = span.enter();
        loop {
            let request = attempts.request()?;
            let sent = attempts.trace.sending(&request);
            let result = transport.send(request);
            match attempts.after(sent, &result) {
                Some(wait) => std::thread::sleep(wait),
                None => return M::finish::<E>(result?),
            }
        }
    }
}

impl<'c, T, E, M> IntoFuture for Call<'c, T, E, M>
where
    T: AsyncTransport + 'c,
    E: Endpoint + Send + 'c,
    M: ResponseMode,
{
    type Output = Result<M::Output<E>, Error>;
    type IntoFuture = BoxFuture<'c, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        let transport = self.transport;
        let attempts = self.into_attempts();
        let span = attempts
            .as_ref()
            .ok()
            .map(|attempts| attempts.trace.clone());
        let drive = async move {
            let mut attempts = attempts?;
            loop {
                let request = attempts.request()?;
                let sent = attempts.trace.sending(&request);
                let result = transport.send(request).await;
                match attempts.after(sent, &result) {
                    Some(wait) => transport.sleep(wait).await,
                    None => return M::finish::<E>(result?),
                }
            }
        };
        Box::pin(CallTrace::instrument(span, drive))
    }
}

/// A call being sent: its descriptor and settings, the retry state and the
/// trace.
struct Attempts<'c, E: Endpoint> {
    endpoint: E,
    config: Cow<'c, Config<E::Api>>,
    retrier: Retrier,
    trace: CallTrace,
}

impl<E: Endpoint> Attempts<'_, E> {
    fn request(&self) -> Result<HttpRequest, Error> {
        self.endpoint.to_request(&self.config)
    }

    /// After an attempt: records it, and says how long to wait before the
    /// next one, or `None` to return this attempt's result.
    fn after(
        &mut self,
        sent: super::trace::Sent,
        result: &Result<HttpResponse, TransportError>,
    ) -> Option<Duration> {
        let wait = self.retrier.next::<E::Api>(result);
        self.trace
            .attempt::<E::Api>(sent, self.retrier.attempts, result, wait);
        wait
    }
}

/// The state of one call's attempts, shared by the blocking and the async
/// driver: it asks the [`RetryPolicy`] after each attempt.
struct Retrier {
    policy: RetryPolicy,
    idempotent: bool,
    started: Instant,
    attempts: u32,
}

impl Retrier {
    fn new(policy: RetryPolicy, idempotent: bool) -> Self {
        Retrier {
            policy,
            idempotent,
            started: Instant::now(),
            attempts: 0,
        }
    }

    /// After an attempt: how long to wait before the next one, or `None`
    /// to return this attempt's result.
    fn next<A: Api>(&mut self, result: &Result<HttpResponse, TransportError>) -> Option<Duration> {
        self.attempts += 1;
        if !self.policy.may_retry(self.idempotent) {
            return None;
        }
        let outcome = match result {
            Ok(response) if response.status().is_success() => return None,
            Ok(response) => AttemptOutcome::Response(
                response.status(),
                response.headers(),
                A::retry_hint(response),
            ),
            Err(error) => AttemptOutcome::Transport(error.kind()),
        };
        let attempt = Attempt {
            number: self.attempts,
            elapsed: self.started.elapsed(),
            idempotent: self.idempotent,
            outcome,
            now: SystemTime::now(),
            jitter: retry::jitter(),
        };
        match self.policy.decide(&attempt) {
            RetryDecision::RetryAfter(wait) => Some(wait),
            RetryDecision::Stop => None,
        }
    }
}

impl<T, E: Endpoint, M> fmt::Debug for Call<'_, T, E, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("endpoint", &std::any::type_name::<E>())
            .field("timeout", &self.config.timeout())
            .field("retry", &self.retry)
            .finish()
    }
}
