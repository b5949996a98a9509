//! The one client surface, written once for every transport.
//!
//! [`Client`] methods (`institutions`, `categories`, `connect`, `balance`, …)
//! return a [`Call`]: a prepared endpoint plus per-call settings. A `Call`
//! has `.send()` when the client's transport is a blocking [`Transport`] and
//! can be `.await`ed when it is an [`AsyncTransport`]; the endpoint logic is
//! the same either way and no backend crate repeats it.
//!
//! The seed's `suppress_http_errors` is offered per client
//! ([`Client::suppress_http_errors`]) and per call ([`Call::raw`]). In that
//! mode a call returns the [`RawResponse`] whatever its status, and only a
//! failure to send is an error. The mode is part of the client's type, so the
//! compiler knows which of the two results a call gives.

use std::fmt;
use std::future::IntoFuture;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::family;
use crate::retry::{self, Attempt, AttemptOutcome, RetryDecision, RetryPolicy};
use crate::secret::AccessToken;
use crate::transport::{
    AsyncTransport, BoxFuture, HttpRequest, HttpResponse, Timeout, Transport, TransportError,
};

mod sealed {
    pub trait Sealed {}
}

/// What a call returns: the typed result ([`Typed`]) or the raw response
/// ([`Suppressed`]).
pub trait ResponseMode: sealed::Sealed + Send + Sync + 'static {
    /// The value a successful call of endpoint `E` gives in this mode.
    type Output<E: Endpoint>;

    /// Turns a response into this mode's output.
    fn finish<E: Endpoint>(response: HttpResponse) -> Result<Self::Output<E>, Error>;
}

/// The default mode: non-success statuses are errors, bodies are typed.
#[derive(Debug, Clone, Copy)]
pub enum Typed {}

/// The seed's `suppress_http_errors`: every response is returned as is.
#[derive(Debug, Clone, Copy)]
pub enum Suppressed {}

impl sealed::Sealed for Typed {}
impl sealed::Sealed for Suppressed {}

impl ResponseMode for Typed {
    type Output<E: Endpoint> = E::Output;

    fn finish<E: Endpoint>(response: HttpResponse) -> Result<E::Output, Error> {
        E::parse_response(response)
    }
}

impl ResponseMode for Suppressed {
    type Output<E: Endpoint> = RawResponse<E>;

    fn finish<E: Endpoint>(response: HttpResponse) -> Result<RawResponse<E>, Error> {
        Ok(RawResponse {
            response,
            endpoint: PhantomData,
        })
    }
}

/// A Plaid client over transport `T`.
///
/// Cheap to clone: the configuration and the transport are shared.
pub struct Client<T, M = Typed> {
    config: Arc<Config>,
    transport: Arc<T>,
    mode: PhantomData<M>,
}

impl<T> Client<T, Typed> {
    /// A client that sends requests built from `config` through `transport`.
    pub fn new(config: Config, transport: T) -> Self {
        Client {
            config: Arc::new(config),
            transport: Arc::new(transport),
            mode: PhantomData,
        }
    }
}

impl<T, M: ResponseMode> Client<T, M> {
    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The transport.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// A client for the same service and transport whose item calls use
    /// `access_token` (what the python client stores after an add).
    pub fn with_access_token(&self, access_token: impl Into<AccessToken>) -> Self {
        self.with_config((*self.config).clone().with_access_token(access_token))
    }

    /// A client for the same transport with another configuration.
    pub fn with_config(&self, config: Config) -> Self {
        Client {
            config: Arc::new(config),
            transport: Arc::clone(&self.transport),
            mode: PhantomData,
        }
    }

    /// The same client, but every call returns the [`RawResponse`] whatever
    /// its status (the seed's `suppress_http_errors: True`).
    pub fn suppress_http_errors(&self) -> Client<T, Suppressed> {
        Client {
            config: Arc::clone(&self.config),
            transport: Arc::clone(&self.transport),
            mode: PhantomData,
        }
    }

    /// The same client in the default mode, where non-success statuses are
    /// errors.
    pub fn typed(&self) -> Client<T, Typed> {
        Client {
            config: Arc::clone(&self.config),
            transport: Arc::clone(&self.transport),
            mode: PhantomData,
        }
    }

    /// A call of any endpoint descriptor, for endpoints that have no method
    /// of their own or when you build descriptors yourself.
    pub fn call<E: Endpoint>(&self, endpoint: E) -> Call<'_, T, E, M> {
        self.try_call(Ok(endpoint))
    }

    /// A call whose descriptor could not be made (e.g. no access token);
    /// the error surfaces when it is sent.
    pub(crate) fn try_call<E: Endpoint>(&self, endpoint: Result<E, Error>) -> Call<'_, T, E, M> {
        Call {
            config: &self.config,
            transport: &self.transport,
            endpoint,
            timeout: None,
            retry: None,
            mode: PhantomData,
        }
    }

    /// The access token item calls use, or the error saying there is none.
    pub(crate) fn item_token(&self) -> Result<AccessToken, Error> {
        self.config.access_token().cloned().ok_or_else(|| {
            Error::invalid_input(
                "this call needs an access token: use Client::with_access_token \
                 or Config::with_access_token",
            )
        })
    }
}

impl<T, M> Clone for Client<T, M> {
    fn clone(&self) -> Self {
        Client {
            config: Arc::clone(&self.config),
            transport: Arc::clone(&self.transport),
            mode: PhantomData,
        }
    }
}

impl<T, M> fmt::Debug for Client<T, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.config)
            .field("transport", &std::any::type_name::<T>())
            .finish()
    }
}

/// One prepared call: send it with `.send()` (blocking transport) or
/// `.await` it (async transport).
#[must_use = "a call does nothing until it is sent or awaited"]
pub struct Call<'c, T, E, M = Typed> {
    config: &'c Config,
    transport: &'c T,
    endpoint: Result<E, Error>,
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    mode: PhantomData<M>,
}

impl<'c, T, E: Endpoint, M: ResponseMode> Call<'c, T, E, M> {
    /// Overrides the client's timeout for this call (each attempt gets it).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Overrides the client's retry policy for this call
    /// ([`RetryPolicy::disabled`] to send it once).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// This call in the seed's `suppress_http_errors` mode: it returns the
    /// [`RawResponse`] whatever its status.
    pub fn raw(self) -> Call<'c, T, E, Suppressed> {
        Call {
            config: self.config,
            transport: self.transport,
            endpoint: self.endpoint,
            timeout: self.timeout,
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
            Ok(endpoint) => build_request(endpoint, self.config, self.timeout),
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
            timeout: self.timeout,
            retrier,
        })
    }
}

impl<T: Transport, E: Endpoint, M: ResponseMode> Call<'_, T, E, M> {
    /// Sends the call on the blocking transport, retrying as the policy
    /// allows.
    pub fn send(self) -> Result<M::Output<E>, Error> {
        let transport = self.transport;
        let mut attempts = self.into_attempts()?;
        loop {
            let result = transport.send(attempts.request()?);
            match attempts.retrier.next(&result) {
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
        Box::pin(async move {
            let mut attempts = attempts?;
            loop {
                let result = transport.send(attempts.request()?).await;
                match attempts.retrier.next(&result) {
                    Some(wait) => transport.sleep(wait).await,
                    None => return M::finish::<E>(result?),
                }
            }
        })
    }
}

/// Builds an endpoint's request under `config`, with a per-call timeout.
fn build_request<E: Endpoint>(
    endpoint: &E,
    config: &Config,
    timeout: Option<Duration>,
) -> Result<HttpRequest, Error> {
    let mut request = endpoint.to_request(config)?;
    if let Some(timeout) = timeout {
        request.extensions_mut().insert(Timeout(timeout));
    }
    Ok(request)
}

/// A call being sent: its descriptor and settings, so that each attempt
/// builds its request afresh (no copy is kept for a retry that rarely
/// comes), and the retry state.
struct Attempts<'c, E> {
    endpoint: E,
    config: &'c Config,
    timeout: Option<Duration>,
    retrier: Retrier,
}

impl<E: Endpoint> Attempts<'_, E> {
    fn request(&self) -> Result<HttpRequest, Error> {
        build_request(&self.endpoint, self.config, self.timeout)
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
    fn next(&mut self, result: &Result<HttpResponse, TransportError>) -> Option<Duration> {
        self.attempts += 1;
        if !self.policy.may_retry(self.idempotent) {
            return None;
        }
        let outcome = match result {
            Ok(response) if response.status().is_success() => return None,
            Ok(response) => AttemptOutcome::Response(response.status(), response.headers()),
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

impl<T, E, M> fmt::Debug for Call<'_, T, E, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("endpoint", &std::any::type_name::<E>())
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .finish()
    }
}

/// A response returned as is, in [`Suppressed`] mode. Check
/// [`is_success`](RawResponse::is_success) (python's `.ok`), then read it
/// as JSON or parse it into the endpoint's typed result.
pub struct RawResponse<E> {
    response: HttpResponse,
    endpoint: PhantomData<fn() -> E>,
}

impl<E: Endpoint> RawResponse<E> {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.response.status()
    }

    /// Whether the status is 2xx (python's `response.ok`, except that
    /// python also counts 3xx).
    pub fn is_success(&self) -> bool {
        self.response.status().is_success()
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        self.response.headers()
    }

    /// The `X-Request-Id` header, if present.
    pub fn request_id(&self) -> Option<String> {
        family::request_id(self.response.headers())
    }

    /// The raw body. It may hold an access token: do not log it.
    pub fn body(&self) -> &[u8] {
        self.response.body()
    }

    /// The body decoded as any JSON type (python's `response.json()`).
    pub fn json<V: DeserializeOwned>(&self) -> Result<V, Error> {
        family::decode_json_slice(
            self.response.status(),
            self.response.headers(),
            self.response.body(),
        )
    }

    /// Parses the response as the endpoint would have in the typed mode.
    pub fn parse(self) -> Result<E::Output, Error> {
        E::parse_response(self.response)
    }

    /// The underlying `http::Response`.
    pub fn into_http(self) -> HttpResponse {
        self.response
    }
}

impl<E> fmt::Debug for RawResponse<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawResponse")
            .field("status", &self.response.status())
            .field(
                "body",
                &format_args!("<{} bytes>", self.response.body().len()),
            )
            .finish()
    }
}
