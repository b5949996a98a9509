//! # plaid-hyper
//!
//! An async backend of plaid-rs for programs that already run hyper: a
//! [`plaid_core::AsyncTransport`] on hyper 1 and hyper-util's pooled
//! [`legacy::Client`], generic over the connector. All endpoint logic lives
//! in `plaid-core`; this crate only moves bytes.
//!
//! ```no_run
//! # async fn run() -> Result<(), plaid_core::Error> {
//! // Plain http, e.g. to a local plaid-sandbox or a TLS-terminating proxy.
//! let config = plaid_core::legacy::Config::sandbox("http://127.0.0.1:8080")?;
//! let client = plaid_hyper::client(config);
//! for institution in client.institutions().await? {
//!     println!("{} ({})", institution.name, institution.id);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! With the `rustls` feature, [`https_client`] and [`HyperTransport::https`]
//! give an HTTPS connector (hyper-rustls with the ring provider and the
//! webpki roots). Any other stack works through
//! [`HyperTransport::with_connector`] or [`HyperTransport::with_client`]:
//! build a connector or a `legacy::Client<C, Full<Bytes>>` of your own
//! (custom resolver, other TLS, …) and hand it over.
//!
//! ## TLS roots and proxies
//!
//! (The items below exist with the features named; docs.rs shows them all.)
//!
//! - **Roots.** `HyperTransport::https` trusts Mozilla's roots as the
//!   `webpki-roots` crate bundles them (not the system's store). To trust
//!   your own, build a rustls configuration with `tls_config_with_roots`
//!   (ring, as every plaid-rs backend) and pass it to
//!   `HyperTransport::https_with_config`; this is hyper-rustls's
//!   `HttpsConnectorBuilder::with_tls_config` (the `rustls` feature).
//! - **Proxies.** hyper reads no environment variable. The `proxy` feature
//!   adds `ProxyConnector`, which tunnels through an HTTP proxy with
//!   `CONNECT`, set explicitly or read from `HTTPS_PROXY` / `NO_PROXY`;
//!   `HyperTransport::https_through` puts TLS on top of it (`rustls` and
//!   `proxy` features), so the proxy sees only the host and port.
//!
//! ```no_run
//! # #[cfg(all(feature = "rustls", feature = "proxy"))]
//! # fn run(ca_pem: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
//! use plaid_hyper::rustls::{RootCertStore, pki_types::CertificateDer, pki_types::pem::PemObject};
//! use plaid_hyper::{HyperTransport, ProxyConnector};
//!
//! let mut roots = RootCertStore::empty();
//! roots.add(CertificateDer::from_pem_slice(ca_pem)?)?;
//! let tls = plaid_hyper::tls_config_with_roots(roots)?;
//! // Only your CA, no proxy:
//! let direct = HyperTransport::https_with_config(tls.clone());
//! // Only your CA, through the proxy HTTPS_PROXY names (unless NO_PROXY lists the host):
//! let proxied = HyperTransport::https_through(ProxyConnector::from_env(), tls);
//! # drop((direct, proxied));
//! # Ok(())
//! # }
//! ```
//!
//! The futures need a tokio runtime with its I/O and time drivers enabled.
//!
//! ## Behaviour
//!
//! - **Timeouts.** Each request gets the [`Timeout`] carried by the request
//!   (plaid-core always sets it from [`Config::timeout`](plaid_core::Config::timeout)
//!   or a call's `.timeout(..)`), or [`DEFAULT_TIMEOUT`](plaid_core::DEFAULT_TIMEOUT) when there is none.
//!   It bounds the whole exchange, from connecting to the end of the body.
//! - **Statuses and redirects.** hyper follows no redirect and turns no
//!   status into an error: every response is handed to plaid-core.
//! - **Bodies.** A request body is sent whatever the method (GET, DELETE,
//!   PATCH included) when it is not empty. The response body is read whole,
//!   up to the request's
//!   [`BodyLimit`] (`Config::with_body_limit`, 64 MiB by default), stopping
//!   as soon as it is exceeded; status, version and
//!   headers are kept as received.
//! - **Connections.** One hyper-util client per transport, with its
//!   keep-alive pool; clones of the transport share it.
//! - **TLS failures.** A refused certificate or a server that does not speak
//!   TLS is [`TransportErrorKind::Tls`] with the reason (found by
//!   plaid-core's `TlsFailure::find`); a handshake that stalls times out.

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

use std::error::Error as StdError;
use std::fmt;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper_util::client::legacy::{self, connect::Connect, connect::HttpConnector};
use hyper_util::rt::{TokioExecutor, TokioTimer};
use plaid_core::transport::{
    BodyLimit, HttpRequest, HttpResponse, Timeout, TransportError, TransportErrorKind,
};
use plaid_core::{Api, AsyncTransport, Client, Config};

pub use http_body_util;
pub use hyper;
pub use hyper_util;

#[cfg(feature = "rustls")]
pub use hyper_rustls;
#[cfg(feature = "rustls")]
pub use rustls;

#[cfg(feature = "proxy")]
mod proxy;
#[cfg(feature = "proxy")]
pub use proxy::ProxyConnector;

/// The hyper-util client type a [`HyperTransport`] drives.
pub type HyperClient<C> = legacy::Client<C, Full<Bytes>>;

/// The HTTPS connector of the `rustls` feature.
#[cfg(feature = "rustls")]
pub type HttpsConnector = hyper_rustls::HttpsConnector<HttpConnector>;

/// A [`Client`] of any API family on a fresh plain-http [`HyperTransport`].
///
/// ```no_run
/// # async fn run() -> Result<(), plaid_core::Error> {
/// let config = plaid_core::legacy::Config::sandbox("http://127.0.0.1:8080")?;
/// let categories = plaid_hyper::client(config).categories().await?;
/// # Ok(())
/// # }
/// ```
pub fn client<A: Api>(config: Config<A>) -> Client<HyperTransport, A> {
    Client::new(config, HyperTransport::new())
}

/// A [`Client`] on a fresh HTTPS [`HyperTransport`] (see
/// [`HyperTransport::https`]).
///
/// ```no_run
/// use plaid_core::Credentials;
/// use plaid_core::legacy::{Config, Environment};
///
/// # async fn run() -> Result<(), plaid_core::Error> {
/// let config = Config::new(Environment::Tartan, Credentials::new("client_id", "secret"))?;
/// let categories = plaid_hyper::https_client(config).categories().await?;
/// # Ok(())
/// # }
/// ```
#[cfg(feature = "rustls")]
pub fn https_client<A: Api>(config: Config<A>) -> Client<HyperTransport<HttpsConnector>, A> {
    Client::new(config, HyperTransport::https())
}

/// An async [`AsyncTransport`] on a hyper-util [`legacy::Client`] with
/// connector `C`.
///
/// Cheap to clone: clones share the client and its connection pool.
#[derive(Clone)]
pub struct HyperTransport<C = HttpConnector> {
    client: HyperClient<C>,
}

impl HyperTransport<HttpConnector> {
    /// A transport for plain `http://` URLs, on a new pooled client.
    pub fn new() -> Self {
        HyperTransport::with_connector(HttpConnector::new())
    }
}

impl Default for HyperTransport<HttpConnector> {
    fn default() -> Self {
        HyperTransport::new()
    }
}

#[cfg(feature = "rustls")]
impl HyperTransport<HttpsConnector> {
    /// A transport for `https://` (and plain `http://`) URLs: hyper-rustls
    /// with the ring provider and Mozilla's webpki roots.
    ///
    /// # Panics
    ///
    /// If rustls rejects its own safe default protocol versions for the
    /// ring provider, which does not happen with the versions this crate
    /// depends on; use [`HyperTransport::try_https`] to get the error
    /// instead.
    pub fn https() -> Self {
        match HyperTransport::try_https() {
            Ok(transport) => transport,
            Err(error) => panic!("plaid-hyper: cannot build the TLS configuration: {error}"),
        }
    }

    /// [`HyperTransport::https`], or the error rustls gave.
    pub fn try_https() -> Result<Self, rustls::Error> {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_webpki_roots(rustls::crypto::ring::default_provider())?
            .https_or_http()
            .enable_http1()
            .build();
        Ok(HyperTransport::with_connector(connector))
    }

    /// A transport for `https://` (and plain `http://`) URLs with your rustls
    /// configuration: other roots ([`tls_config_with_roots`]), a client
    /// certificate, …
    pub fn https_with_config(tls: rustls::ClientConfig) -> Self {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .build();
        HyperTransport::with_connector(connector)
    }
}

/// The HTTPS connector through a proxy of the `rustls` and `proxy` features.
#[cfg(all(feature = "rustls", feature = "proxy"))]
pub type ProxiedHttpsConnector = hyper_rustls::HttpsConnector<ProxyConnector>;

#[cfg(all(feature = "rustls", feature = "proxy"))]
impl HyperTransport<ProxiedHttpsConnector> {
    /// A transport for `https://` (and plain `http://`) URLs with your rustls
    /// configuration, whose connections go through `proxy` when its matcher
    /// says so ([`ProxyConnector::from_env`] for `HTTPS_PROXY` /
    /// `NO_PROXY`). TLS runs inside the tunnel: the proxy sees the host and
    /// port, never a header or a body.
    pub fn https_through(proxy: ProxyConnector, tls: rustls::ClientConfig) -> Self {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(proxy);
        HyperTransport::with_connector(connector)
    }
}

/// A rustls client configuration that trusts `roots` only, with the ring
/// provider (the one every plaid-rs backend uses) and rustls's safe default
/// protocol versions, for [`HyperTransport::https_with_config`].
///
/// It names its provider rather than relying on rustls's process-wide
/// default, which panics when a build enables both ring and aws-lc-rs.
#[cfg(feature = "rustls")]
pub fn tls_config_with_roots(
    roots: rustls::RootCertStore,
) -> Result<rustls::ClientConfig, rustls::Error> {
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

impl<C> HyperTransport<C>
where
    C: Connect + Clone + Send + Sync + 'static,
{
    /// A transport on a new pooled client (tokio executor and timer) over
    /// `connector`.
    pub fn with_connector(connector: C) -> Self {
        let client = legacy::Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .build(connector);
        HyperTransport::with_client(client)
    }
}

impl<C> HyperTransport<C> {
    /// A transport on a client you built, e.g.
    /// `legacy::Client::builder(TokioExecutor::new()).build(my_connector)`.
    pub fn with_client(client: HyperClient<C>) -> Self {
        HyperTransport { client }
    }

    /// The hyper-util client.
    pub fn client(&self) -> &HyperClient<C> {
        &self.client
    }
}

impl<C> HyperTransport<C>
where
    C: Connect + Clone + Send + Sync + 'static,
{
    async fn execute(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let timeout = Timeout::resolve(&request);
        let limit = usize::try_from(BodyLimit::resolve(&request)).unwrap_or(usize::MAX);
        let request = request.map(|body| Full::new(Bytes::from(body)));
        match tokio::time::timeout(timeout, self.round_trip(request, limit)).await {
            Ok(result) => result,
            Err(elapsed) => Err(TransportError::timeout(elapsed)),
        }
    }

    async fn round_trip(
        &self,
        request: hyper::Request<Full<Bytes>>,
        limit: usize,
    ) -> Result<HttpResponse, TransportError> {
        let response = self.client.request(request).await.map_err(request_error)?;
        let (parts, body) = response.into_parts();
        let body = Limited::new(body, limit)
            .collect()
            .await
            .map_err(body_error)?
            .to_bytes();
        Ok(HttpResponse::from_parts(parts, Vec::from(body)))
    }
}

impl<C> fmt::Debug for HyperTransport<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HyperTransport")
            .field("connector", &std::any::type_name::<C>())
            .finish()
    }
}

impl<C> AsyncTransport for HyperTransport<C>
where
    C: Connect + Clone + Send + Sync + 'static,
{
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

/// Maps an error of the client (connecting, the TLS handshake, or exchanging
/// headers).
fn request_error(error: legacy::Error) -> TransportError {
    let kind = if let Some(failure) = tls_failure(&error) {
        TransportErrorKind::Tls(failure)
    } else if error.is_connect() {
        TransportErrorKind::Connect
    } else {
        io_kind(&error)
    };
    TransportError::new(kind, error)
}

/// Why the TLS handshake failed, if that is what `error` is about (found by
/// plaid-core, the same way for every backend).
#[cfg(feature = "rustls")]
fn tls_failure(error: &legacy::Error) -> Option<plaid_core::transport::TlsFailure> {
    plaid_core::transport::TlsFailure::find(error)
}

/// Without the `rustls` feature, a TLS stack plugged in through
/// [`HyperTransport::with_connector`] is not rustls 0.23 as plaid-core knows
/// it: its failures are connect errors.
#[cfg(not(feature = "rustls"))]
fn tls_failure(_: &legacy::Error) -> Option<plaid_core::transport::TlsFailure> {
    None
}

/// Maps an error of reading the response body.
fn body_error(error: Box<dyn StdError + Send + Sync>) -> TransportError {
    let kind = if error.is::<LengthLimitError>() {
        TransportErrorKind::BodyTooLarge
    } else {
        io_kind(&*error)
    };
    TransportError::new(kind, error)
}

/// Timeout, Io or Other, from the first hyper or I/O error in the chain.
fn io_kind(error: &(dyn StdError + 'static)) -> TransportErrorKind {
    let mut cause = Some(error);
    while let Some(error) = cause {
        if let Some(hyper) = error.downcast_ref::<hyper::Error>() {
            if hyper.is_timeout() {
                return TransportErrorKind::Timeout;
            }
            if !hyper.is_user() {
                return TransportErrorKind::Io;
            }
        }
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            return match io.kind() {
                std::io::ErrorKind::TimedOut => TransportErrorKind::Timeout,
                _ => TransportErrorKind::Io,
            };
        }
        cause = error.source();
    }
    TransportErrorKind::Other
}

/// The crate README's examples, compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
