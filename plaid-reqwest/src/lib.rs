//! # plaid-reqwest
//!
//! An async backend of plaid-rs: a [`plaid_core::AsyncTransport`] on a
//! [`reqwest::Client`]. All endpoint logic lives in `plaid-core`; this crate
//! only moves bytes.
//!
//! ```no_run
//! use plaid_core::Credentials;
//! use plaid_core::legacy::{Config, Environment};
//!
//! # async fn run() -> Result<(), plaid_core::Error> {
//! let config = Config::new(Environment::Tartan, Credentials::new("client_id", "secret"))?;
//! let client = plaid_reqwest::client(config);
//! for institution in client.institutions().await? {
//!     println!("{} ({})", institution.name, institution.id);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! The futures need a tokio runtime with its I/O and time drivers enabled
//! (as reqwest itself does).
//!
//! ## Behaviour
//!
//! - **Timeouts.** Each request gets the [`Timeout`] carried by the request
//!   (plaid-core always sets it from [`Config::timeout`](plaid_core::Config::timeout)
//!   or a call's `.timeout(..)`), or [`DEFAULT_TIMEOUT`] when there is none.
//!   It is reqwest's total timeout: from connecting to the end of the body.
//! - **Statuses and redirects.** 4xx/5xx responses are returned as
//!   responses. [`ReqwestTransport::new`] builds a client that follows no
//!   redirect, so a 3xx is returned as a response too; a client you pass to
//!   [`ReqwestTransport::with_client`] should be built with
//!   [`redirect::Policy::none()`](reqwest::redirect::Policy::none) (reqwest
//!   cannot change it per request).
//! - **Bodies.** A request body is sent whatever the method (GET, DELETE,
//!   PATCH included) when it is not empty. The response body is read whole,
//!   up to the request's
//!   [`BodyLimit`] (`Config::with_body_limit`, 64 MiB by default), stopping
//!   as soon as it is exceeded; headers, status and
//!   version are kept as received (the default features decompress nothing).
//! - **Connections.** One `reqwest::Client` per transport, with its
//!   keep-alive pool; clones of the transport share it.
//! - **TLS.** The default `rustls-tls` feature: rustls with the ring
//!   provider and the webpki roots. Without it only `http://` works. A
//!   refused certificate or a server that does not speak TLS is
//!   [`TransportErrorKind::Tls`] with the reason (found by plaid-core's
//!   `TlsFailure::find`); a handshake that stalls times out.
//!
//! ## TLS roots and proxies
//!
//! Both are reqwest's own settings: start from [`client_builder`] (the
//! builder [`ReqwestTransport::new`] uses, redirects off), configure it the
//! way reqwest documents, and hand the client to
//! [`ReqwestTransport::with_client`].
//!
//! - **Roots.** By default reqwest trusts Mozilla's roots as the
//!   `webpki-roots` crate bundles them (not the system's store). To trust
//!   only your own CA, add it with
//!   [`add_root_certificate`](reqwest::ClientBuilder::add_root_certificate)
//!   and turn the bundled ones off with
//!   [`tls_built_in_root_certs(false)`](reqwest::ClientBuilder::tls_built_in_root_certs).
//! - **Proxies.** reqwest reads `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and
//!   `NO_PROXY` (and their lower-case forms) when it builds a client, the
//!   default one included. Set one explicitly with
//!   [`proxy(Proxy::https(url)?)`](reqwest::Proxy::https), or ignore the
//!   environment with [`no_proxy()`](reqwest::ClientBuilder::no_proxy).
//!   `https://` URLs go through an HTTP `CONNECT` tunnel: the proxy sees the
//!   host and port, never a header or a body.
//!
//! ```no_run
//! # #[cfg(feature = "rustls-tls")]
//! # fn run(ca_pem: &[u8]) -> Result<(), reqwest::Error> {
//! use plaid_reqwest::{ReqwestTransport, reqwest};
//!
//! let client = plaid_reqwest::client_builder()
//!     .add_root_certificate(reqwest::Certificate::from_pem(ca_pem)?)
//!     .tls_built_in_root_certs(false)
//!     .proxy(reqwest::Proxy::https("http://proxy.internal:3128")?)
//!     .build()?;
//! let transport = ReqwestTransport::with_client(client);
//! # drop(transport);
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

use std::fmt;
use std::sync::Arc;

use plaid_core::transport::{
    BodyLimit, HttpRequest, HttpResponse, Timeout, TransportError, TransportErrorKind,
};
use plaid_core::{Api, AsyncTransport, Client, Config, DEFAULT_TIMEOUT};

pub use reqwest;

/// A [`Client`] of any API family on a fresh [`ReqwestTransport`].
///
/// ```no_run
/// # async fn run() -> Result<(), plaid_core::Error> {
/// let config = plaid_core::legacy::Config::sandbox("http://127.0.0.1:8080")?;
/// let categories = plaid_reqwest::client(config).categories().await?;
/// # Ok(())
/// # }
/// ```
pub fn client<A: Api>(config: Config<A>) -> Client<ReqwestTransport, A> {
    Client::new(config, ReqwestTransport::new())
}

/// An async [`AsyncTransport`] on a [`reqwest::Client`].
///
/// Cheap to clone: clones share the client and its connection pool.
#[derive(Clone)]
pub struct ReqwestTransport {
    /// The client, or why reqwest could not build one: that is reported by
    /// every call rather than by a panic in a constructor.
    client: Result<reqwest::Client, Arc<reqwest::Error>>,
}

impl ReqwestTransport {
    /// A transport on a new client that follows no redirect.
    ///
    /// Never panics: if reqwest cannot build its client (its TLS backend
    /// fails to initialise), every call fails with a transport error that
    /// says why. Use [`ReqwestTransport::try_new`] to get that error up
    /// front instead.
    pub fn new() -> Self {
        ReqwestTransport {
            client: build_client().map_err(Arc::new),
        }
    }

    /// A transport on a new client that follows no redirect, or the error
    /// that kept reqwest from building it.
    pub fn try_new() -> Result<Self, reqwest::Error> {
        build_client().map(ReqwestTransport::with_client)
    }

    /// A transport on your own client (proxy, TLS roots, pool sizes, …).
    /// Build it from [`client_builder`], or at least with
    /// `redirect(reqwest::redirect::Policy::none())`: plaid-core expects to
    /// see 3xx responses, and reqwest's default follows them.
    pub fn with_client(client: reqwest::Client) -> Self {
        ReqwestTransport { client: Ok(client) }
    }

    /// The reqwest client, unless reqwest could not build it.
    pub fn client(&self) -> Option<&reqwest::Client> {
        self.client.as_ref().ok()
    }

    async fn execute(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let timeout = Timeout::resolve(&request);
        let limit = BodyLimit::resolve(&request);
        let mut request = reqwest::Request::try_from(request).map_err(transport_error)?;
        *request.timeout_mut() = Some(timeout);

        let client = self.client.as_ref().map_err(|error| {
            TransportError::new(
                TransportErrorKind::Other,
                format!("reqwest could not build its client: {error}"),
            )
        })?;
        let mut response = client.execute(request).await.map_err(transport_error)?;
        let mut http = HttpResponse::new(Vec::new());
        *http.status_mut() = response.status();
        *http.version_mut() = response.version();
        *http.headers_mut() = std::mem::take(response.headers_mut());

        if response.content_length().is_some_and(|len| len > limit) {
            return Err(BodyLimit::exceeded(limit));
        }
        let body = http.body_mut();
        if let Some(len) = response.content_length() {
            // Already checked against the limit, so at most the limit is
            // reserved even if the length lies; growing chunk by chunk would
            // copy a large body several times.
            body.reserve(usize::try_from(len).unwrap_or(0));
        }
        while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
            if (body.len() + chunk.len()) as u64 > limit {
                return Err(BodyLimit::exceeded(limit));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(http)
    }
}

impl Default for ReqwestTransport {
    fn default() -> Self {
        ReqwestTransport::new()
    }
}

impl fmt::Debug for ReqwestTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReqwestTransport")
            .field("client", &self.client)
            .finish()
    }
}

impl AsyncTransport for ReqwestTransport {
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>> + Send {
        self.execute(request)
    }

    fn sleep(&self, duration: std::time::Duration) -> impl Future<Output = ()> + Send {
        tokio::time::sleep(duration)
    }
}

/// The builder of the client [`ReqwestTransport::new`] uses: no redirects,
/// the default timeout (each request sets its own anyway), everything else
/// reqwest's default. Add TLS roots, a proxy or pool settings, build it, and
/// pass the client to [`ReqwestTransport::with_client`] (see the crate docs).
pub fn client_builder() -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(DEFAULT_TIMEOUT)
}

/// The client [`ReqwestTransport::new`] uses.
fn build_client() -> Result<reqwest::Client, reqwest::Error> {
    client_builder().build()
}

/// Maps a reqwest error to the kind plaid-core knows, keeping it as the source.
fn transport_error(error: reqwest::Error) -> TransportError {
    let kind = if error.is_timeout() {
        TransportErrorKind::Timeout
    } else if let Some(failure) = tls_failure(&error) {
        TransportErrorKind::Tls(failure)
    } else if error.is_connect() {
        TransportErrorKind::Connect
    } else if error.is_request() || error.is_body() || error.is_decode() {
        TransportErrorKind::Io
    } else {
        TransportErrorKind::Other
    };
    TransportError::new(kind, error)
}

/// Why the TLS handshake failed, if that is what `error` is about (found by plaid-core, the
/// same way for every backend).
#[cfg(feature = "rustls-tls")]
fn tls_failure(error: &reqwest::Error) -> Option<plaid_core::transport::TlsFailure> {
    plaid_core::transport::TlsFailure::find(error)
}

/// Without TLS there is no TLS failure.
#[cfg(not(feature = "rustls-tls"))]
fn tls_failure(_: &reqwest::Error) -> Option<plaid_core::transport::TlsFailure> {
    None
}

/// The crate README's examples, compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
