//! Setting up a test's world: an embedded sandbox, its configuration, a
//! port nobody listens on, and [`WithHeader`], the transport wrapper that
//! asks the sandbox for faults. None of this depends on the backend.

use std::net::{Ipv4Addr, TcpListener};

use plaid_core::http::{HeaderName, HeaderValue};
use plaid_core::legacy::Config;
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{AsyncTransport, Transport};
use plaid_sandbox::{Sandbox, ServerCertificate, TestCa};

/// Starts an embedded plain-http legacy sandbox on an ephemeral loopback
/// port. Tests use [`Backend::start_sandbox`](crate::Backend::start_sandbox)
/// instead, which is HTTPS on an HTTPS harness.
///
/// # Panics
///
/// If the sandbox cannot start (this is test support code).
pub fn start_sandbox() -> Sandbox {
    start(Sandbox::builder(), None, ServerCertificate::Valid)
}

/// Starts `builder`'s sandbox, over HTTPS presenting `certificate` when
/// there is a `ca`.
///
/// # Panics
///
/// If the sandbox cannot start (this is test support code).
pub(crate) fn start(
    builder: plaid_sandbox::Builder,
    ca: Option<&TestCa>,
    certificate: ServerCertificate,
) -> Sandbox {
    let builder = match ca {
        Some(ca) => builder.tls_presenting(ca, certificate),
        None => builder,
    };
    match builder.start() {
        Ok(sandbox) => sandbox,
        Err(error) => panic!("cannot start plaid-sandbox: {error}"),
    }
}

/// The sandbox configuration for `base_url` (sandbox keys, default timeout).
///
/// Retries are off, so a test of an error status sees it on the first
/// attempt; the retry tests turn them on explicitly.
///
/// # Panics
///
/// If `base_url` is not a valid base URL.
pub fn sandbox_config(base_url: &str) -> Config {
    match Config::sandbox(base_url) {
        Ok(config) => config.with_retry(plaid_core::RetryPolicy::disabled()),
        Err(error) => panic!("invalid sandbox URL {base_url:?}: {error}"),
    }
}

/// How many requests the sandbox received on `path`.
pub fn requests_to(sandbox: &Sandbox, path: &str) -> usize {
    sandbox
        .recorded_requests()
        .iter()
        .filter(|request| request.path == path)
        .count()
}

/// A loopback base URL on which nothing listens: a port that was just bound
/// and released.
///
/// # Panics
///
/// If no loopback port can be bound.
pub fn refused_url() -> String {
    let port = match TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).and_then(|l| l.local_addr()) {
        Ok(addr) => addr.port(),
        Err(error) => panic!("cannot bind a loopback port: {error}"),
    };
    format!("http://127.0.0.1:{port}")
}

/// A transport that adds one header to every request, then delegates to
/// `T`. It implements [`Transport`] when `T` does and [`AsyncTransport`]
/// when `T` does, so the same test code drives both kinds of backend.
#[derive(Debug, Clone)]
pub struct WithHeader<T> {
    inner: T,
    name: HeaderName,
    value: HeaderValue,
}

impl<T> WithHeader<T> {
    /// Adds `name: value` to every request sent through `inner`.
    pub fn new(inner: T, name: HeaderName, value: HeaderValue) -> Self {
        WithHeader { inner, name, value }
    }

    /// Asks the sandbox for `fault` (an `X-Sandbox-Fault` value such as
    /// `latency=500` or `status=503;retry-after=2`) on every request.
    ///
    /// # Panics
    ///
    /// If `fault` is not a valid header value.
    pub fn fault(inner: T, fault: &str) -> Self {
        let value = match HeaderValue::from_str(fault) {
            Ok(value) => value,
            Err(error) => panic!("invalid fault {fault:?}: {error}"),
        };
        WithHeader::new(
            inner,
            HeaderName::from_static(plaid_sandbox::FAULT_HEADER),
            value,
        )
    }

    fn add_header(&self, mut request: HttpRequest) -> HttpRequest {
        request
            .headers_mut()
            .insert(self.name.clone(), self.value.clone());
        request
    }
}

impl<T: Transport> Transport for WithHeader<T> {
    fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.inner.send(self.add_header(request))
    }
}

impl<T: AsyncTransport> AsyncTransport for WithHeader<T> {
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>> + Send {
        self.inner.send(self.add_header(request))
    }
}
