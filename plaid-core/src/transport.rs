//! The seam between plaid-core and an HTTP stack.
//!
//! plaid-core builds `http::Request<Vec<u8>>` values and parses
//! `http::Response<Vec<u8>>` values; a transport moves one to the other.
//! There are two small traits:
//!
//! - [`Transport`]: blocking, for ureq or any synchronous stack;
//! - [`AsyncTransport`]: async, with a `Send` future, for reqwest, hyper or
//!   any runtime;
//!
//! and one object-safe companion, [`DynAsyncTransport`], so a framework can
//! hold an `Arc<dyn DynAsyncTransport>` (the blocking trait is object safe as
//! it is: `Arc<dyn Transport + Send + Sync>`).
//!
//! Closures implement both traits, so a test double or a shim around another
//! client is one line:
//!
//! ```
//! use plaid_core::transport::{Transport, TransportError};
//! use plaid_core::http::{Request, Response};
//!
//! let canned = |_req: Request<Vec<u8>>| -> Result<Response<Vec<u8>>, TransportError> {
//!     Ok(Response::new(b"[]".to_vec()))
//! };
//! let response = canned.send(Request::new(Vec::new())).unwrap();
//! assert_eq!(response.body(), b"[]");
//! ```
//!
//! Per-request settings travel in the request's extensions: a
//! [`Timeout`] and a [`BodyLimit`] that every backend must honour (both are
//! always set by requests built from a [`Config`](crate::Config)). Backends must not follow
//! redirects and must hand every status, 4xx and 5xx included, to the core
//! as a response.
//!
//! A failed TLS handshake is [`TransportErrorKind::Tls`] with a
//! [`TlsFailure`] that says why (a name mismatch, an expired certificate,
//! an unknown issuer, a server that does not speak TLS); a handshake that
//! stalls is a [`TransportErrorKind::Timeout`] like any other. Backends on
//! rustls classify their errors with `TlsFailure::find` (the `rustls`
//! feature) rather than each reading rustls's errors on its own.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use http::{Request, Response};

mod tls;
pub use tls::TlsFailure;

/// A request as plaid-core builds it.
pub type HttpRequest = Request<Vec<u8>>;
/// A response as plaid-core parses it.
pub type HttpResponse = Response<Vec<u8>>;

/// A boxed `Send` future, the return type of [`DynAsyncTransport`].
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The time a backend may spend on one request, from connecting to the end
/// of the response body. Set by plaid-core in the request's extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeout(pub Duration);

impl Timeout {
    /// The timeout a request carries, if any.
    pub fn of<B>(request: &Request<B>) -> Option<Duration> {
        request.extensions().get::<Timeout>().map(|t| t.0)
    }

    /// The timeout a backend must apply: the request's own, or
    /// [`DEFAULT_TIMEOUT`](crate::DEFAULT_TIMEOUT) when it carries none.
    pub fn resolve<B>(request: &Request<B>) -> Duration {
        Timeout::of(request).unwrap_or(crate::DEFAULT_TIMEOUT)
    }
}

/// The default limit on the size of a response body a backend reads:
/// 64 MiB, far above any API response this crate parses.
pub const DEFAULT_BODY_LIMIT: u64 = 64 * 1024 * 1024;

/// The largest response body a backend may read for one request, in bytes.
/// Set by plaid-core in the request's extensions (from
/// [`Config::with_body_limit`](crate::Config::with_body_limit)); a backend
/// must stop reading, with [`TransportErrorKind::BodyTooLarge`], as soon as
/// the body would exceed it, not after reading it whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimit(pub u64);

impl BodyLimit {
    /// The limit a request carries, if any.
    pub fn of<B>(request: &Request<B>) -> Option<u64> {
        request.extensions().get::<BodyLimit>().map(|limit| limit.0)
    }

    /// The limit a backend must apply: the request's own, or
    /// [`DEFAULT_BODY_LIMIT`] when it carries none.
    pub fn resolve<B>(request: &Request<B>) -> u64 {
        BodyLimit::of(request).unwrap_or(DEFAULT_BODY_LIMIT)
    }

    /// The error a backend returns when the body is larger than `limit`.
    pub fn exceeded(limit: u64) -> TransportError {
        TransportError::new(
            TransportErrorKind::BodyTooLarge,
            format!("the response body is larger than the limit of {limit} bytes"),
        )
    }
}

/// A blocking HTTP transport.
pub trait Transport {
    /// Sends the request and returns the whole response, whatever its status.
    fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
}

impl<F> Transport for F
where
    F: Fn(HttpRequest) -> Result<HttpResponse, TransportError>,
{
    fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self(request)
    }
}

impl<T: Transport + ?Sized> Transport for Arc<T> {
    fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        (**self).send(request)
    }
}

/// An async HTTP transport whose futures are `Send`.
pub trait AsyncTransport: Send + Sync {
    /// Sends the request and returns the whole response, whatever its status.
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>> + Send;

    /// Waits `duration` before a retry. The default works on any executor
    /// (a helper thread wakes the task); backends on a runtime override it
    /// with the runtime's timer.
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + Send {
        ThreadSleep::new(duration)
    }
}

/// A runtime-agnostic sleep: the first poll starts a thread that sleeps and
/// then wakes the task. Used only between retries, so a thread per wait is
/// cheap enough, and plaid-core stays free of any runtime.
#[derive(Debug)]
pub struct ThreadSleep {
    duration: Duration,
    shared: Option<Arc<std::sync::Mutex<SleepState>>>,
}

#[derive(Debug, Default)]
struct SleepState {
    done: bool,
    waker: Option<std::task::Waker>,
}

impl ThreadSleep {
    /// A future that completes after `duration`.
    pub fn new(duration: Duration) -> Self {
        ThreadSleep {
            duration,
            shared: None,
        }
    }
}

impl Future for ThreadSleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<()> {
        if self.duration.is_zero() {
            return std::task::Poll::Ready(());
        }
        let duration = self.duration;
        let shared = self.shared.get_or_insert_with(|| {
            let shared = Arc::new(std::sync::Mutex::new(SleepState::default()));
            let remote = Arc::clone(&shared);
            std::thread::spawn(move || {
                std::thread::sleep(duration);
                let waker = match remote.lock() {
                    Ok(mut state) => {
                        state.done = true;
                        state.waker.take()
                    }
                    Err(_) => None,
                };
                if let Some(waker) = waker {
                    waker.wake();
                }
            });
            shared
        });
        match shared.lock() {
            Ok(state) if state.done => std::task::Poll::Ready(()),
            Ok(mut state) => {
                state.waker = Some(cx.waker().clone());
                std::task::Poll::Pending
            }
            // A poisoned lock means the timer thread panicked: stop waiting.
            Err(_) => std::task::Poll::Ready(()),
        }
    }
}

impl<F, Fut> AsyncTransport for F
where
    F: Fn(HttpRequest) -> Fut + Send + Sync,
    Fut: Future<Output = Result<HttpResponse, TransportError>> + Send,
{
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>> + Send {
        self(request)
    }
}

/// The object-safe form of [`AsyncTransport`]: every `AsyncTransport` is one,
/// and `Arc<dyn DynAsyncTransport>` / `Box<dyn DynAsyncTransport>` are
/// `AsyncTransport`s again, so a framework can erase the backend's type.
pub trait DynAsyncTransport: Send + Sync {
    /// [`AsyncTransport::send`], boxed.
    fn send_boxed(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'_, Result<HttpResponse, TransportError>>;

    /// [`AsyncTransport::sleep`], boxed.
    fn sleep_boxed(&self, duration: Duration) -> BoxFuture<'_, ()>;
}

impl<T: AsyncTransport> DynAsyncTransport for T {
    fn send_boxed(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(self.send(request))
    }

    fn sleep_boxed(&self, duration: Duration) -> BoxFuture<'_, ()> {
        Box::pin(self.sleep(duration))
    }
}

impl AsyncTransport for Arc<dyn DynAsyncTransport> {
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>> + Send {
        // Through the pointer: `self.send_boxed` would pick the blanket
        // impl for the Arc/Box itself and recurse forever.
        (**self).send_boxed(request)
    }

    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + Send {
        (**self).sleep_boxed(duration)
    }
}

impl AsyncTransport for Box<dyn DynAsyncTransport> {
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>> + Send {
        // Through the pointer: `self.send_boxed` would pick the blanket
        // impl for the Arc/Box itself and recurse forever.
        (**self).send_boxed(request)
    }

    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + Send {
        (**self).sleep_boxed(duration)
    }
}

/// How a transport failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The timeout elapsed (a TLS handshake that stalls included).
    Timeout,
    /// No connection could be made (refused, DNS, a proxy that refused the
    /// tunnel).
    Connect,
    /// The TLS handshake failed, for the reason given.
    Tls(TlsFailure),
    /// The connection broke while sending or receiving.
    Io,
    /// The response body exceeded the size limit.
    BodyTooLarge,
    /// Anything else (an invalid request for this stack, a bug).
    Other,
}

/// A failure of the HTTP stack, with its source. One concrete type for every
/// backend, so no generic error parameter leaks into results.
pub struct TransportError {
    kind: TransportErrorKind,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl TransportError {
    /// A new error of `kind` caused by `source`.
    pub fn new(
        kind: TransportErrorKind,
        source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    ) -> Self {
        TransportError {
            kind,
            source: Some(source.into()),
        }
    }

    /// A new error of `kind` with no underlying source.
    pub fn from_kind(kind: TransportErrorKind) -> Self {
        TransportError { kind, source: None }
    }

    /// A timeout.
    pub fn timeout(source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        TransportError::new(TransportErrorKind::Timeout, source)
    }

    /// A failure to connect.
    pub fn connect(source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        TransportError::new(TransportErrorKind::Connect, source)
    }

    /// A broken connection.
    pub fn io(source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        TransportError::new(TransportErrorKind::Io, source)
    }

    /// A failed TLS handshake.
    pub fn tls(
        failure: TlsFailure,
        source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    ) -> Self {
        TransportError::new(TransportErrorKind::Tls(failure), source)
    }

    /// Any other failure.
    pub fn other(source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        TransportError::new(TransportErrorKind::Other, source)
    }

    /// How the transport failed.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TransportErrorKind::Timeout => "timed out",
            TransportErrorKind::Connect => "could not connect",
            TransportErrorKind::Tls(failure) => {
                write!(f, "TLS handshake failed ({failure})")?;
                return match &self.source {
                    Some(source) => write!(f, ": {source}"),
                    None => Ok(()),
                };
            }
            TransportErrorKind::Io => "connection failed",
            TransportErrorKind::BodyTooLarge => "response body too large",
            TransportErrorKind::Other => "transport error",
        };
        match &self.source {
            Some(source) => write!(f, "{what}: {source}"),
            None => f.write_str(what),
        }
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("source", &self.source)
            .finish()
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tls_error_says_why_and_maps_to_the_same_error_kind() {
        let error = TransportError::tls(TlsFailure::Expired, "certificate expired");
        assert_eq!(error.kind(), TransportErrorKind::Tls(TlsFailure::Expired));
        assert_eq!(
            error.to_string(),
            "TLS handshake failed (the certificate is expired or not yet valid): certificate expired"
        );
        let error = crate::Error::from(error);
        assert_eq!(error.kind(), crate::ErrorKind::Tls(TlsFailure::Expired));
        assert_eq!(error.tls_failure(), Some(TlsFailure::Expired));
        assert!(error.is_tls() && error.is_transport() && !error.is_timeout());
        assert!(error.retry_hint().is_none(), "no response, no hint");
        assert!(!error.is_retryable());
        let bare = TransportError::from_kind(TransportErrorKind::Tls(TlsFailure::NotTls));
        assert_eq!(
            bare.to_string(),
            "TLS handshake failed (the server does not speak TLS)"
        );
        assert!(!crate::Error::from(TransportError::timeout("slow")).is_tls());
    }
}
