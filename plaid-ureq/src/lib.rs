//! # plaid-ureq
//!
//! The blocking backend of plaid-rs: a [`plaid_core::Transport`] on a
//! [`ureq::Agent`]. All endpoint logic lives in `plaid-core`; this crate only
//! moves bytes.
//!
//! ```no_run
//! use plaid_core::Credentials;
//! use plaid_core::legacy::{Config, Environment};
//!
//! let config = Config::new(Environment::Tartan, Credentials::new("client_id", "secret"))?;
//! let client = plaid_ureq::client(config);
//! for institution in client.institutions().send()? {
//!     println!("{} ({})", institution.name, institution.id);
//! }
//! # Ok::<(), plaid_core::Error>(())
//! ```
//!
//! ## Behaviour
//!
//! - **Timeouts.** Each request gets the [`Timeout`] carried by the request
//!   (plaid-core always sets it from [`Config::timeout`](plaid_core::Config::timeout)
//!   or a call's `.timeout(..)`), or [`DEFAULT_TIMEOUT`] when there is none.
//!   It bounds the whole exchange, from DNS lookup to the last byte of the
//!   body (ureq's `timeout_global`).
//! - **Statuses and redirects.** 4xx/5xx responses and 3xx responses are
//!   returned as responses, never as errors and never followed: these
//!   settings are applied to every request, so they hold for an agent you
//!   pass to [`UreqTransport::with_agent`] too.
//! - **Bodies.** A request body is sent whatever the method (GET, DELETE,
//!   PATCH included) when it is not empty. The response body is read whole,
//!   up to the request's
//!   [`BodyLimit`] (`Config::with_body_limit`, 64 MiB by default), stopping
//!   as soon as it is exceeded; headers and status are kept
//!   as received (no decompression is done).
//! - **Connections.** One agent per transport, with ureq's keep-alive pool;
//!   clones of the transport share it.
//! - **Name resolution.** ureq looks up the host of every request, even one
//!   sent on a pooled connection, and with a timeout set it does each lookup
//!   on a new thread. The agents this crate builds ([`UreqTransport::new`],
//!   [`agent_with_config`]) instead answer IP literals in place and reuse a
//!   host name's addresses for 30 seconds, so a call on a kept-alive
//!   connection costs no lookup and no thread. Failed lookups are not kept.
//! - **TLS.** rustls with the ring provider and the webpki roots. A refused
//!   certificate or a server that does not speak TLS is
//!   [`TransportErrorKind::Tls`] with the reason (found by plaid-core's
//!   `TlsFailure::find`); a handshake that stalls times out.
//!
//! ## TLS roots and proxies
//!
//! Both are settings of ureq's agent: build a `ureq::config::Config` the way
//! ureq documents, turn it into an agent with [`agent_with_config`] (to keep
//! plaid-ureq's name resolution) and hand it to [`UreqTransport::with_agent`].
//!
//! - **Roots.** By default ureq trusts Mozilla's roots as the `webpki-roots`
//!   crate bundles them (not the system's store). To trust only your own CA,
//!   give the agent a `TlsConfig` with
//!   [`RootCerts::Specific`](ureq::tls::RootCerts::Specific).
//! - **Proxies.** ureq reads `ALL_PROXY`, `HTTPS_PROXY` and `HTTP_PROXY` (in
//!   that order, lower-case forms too) and `NO_PROXY` when an agent's
//!   configuration is made, the default agent's included. Set one
//!   explicitly with `.proxy(Some(Proxy::new(url)?))`, or none with
//!   `.proxy(None)`. `https://` URLs go through an HTTP `CONNECT` tunnel:
//!   the proxy sees the host and port, never a header or a body.
//!
//! ```no_run
//! use std::sync::Arc;
//! use plaid_ureq::ureq::{self, tls::{Certificate, RootCerts, TlsConfig}};
//!
//! # fn run(ca_pem: &[u8]) -> Result<(), ureq::Error> {
//! let roots = RootCerts::Specific(Arc::new(vec![Certificate::from_pem(ca_pem)?]));
//! let config = ureq::Agent::config_builder()
//!     .tls_config(TlsConfig::builder().root_certs(roots).build())
//!     .proxy(Some(ureq::Proxy::new("http://proxy.internal:3128")?))
//!     .build();
//! let transport = plaid_ureq::UreqTransport::with_agent(plaid_ureq::agent_with_config(config));
//! # drop(transport);
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]

use std::fmt;
use std::time::Duration;

use plaid_core::http::{Request, Response};
use plaid_core::transport::{
    BodyLimit, HttpRequest, HttpResponse, Timeout, TlsFailure, TransportError, TransportErrorKind,
};
use plaid_core::{Api, Client, Config, DEFAULT_TIMEOUT, Transport};

mod resolver;

pub use ureq;

/// A ureq agent with `config` and plaid-ureq's name resolution (IP literals
/// answered in place, host names kept for 30 seconds; see the crate docs):
/// the agent [`UreqTransport::new`] uses, for building your own
/// configuration (proxy, TLS roots, pool sizes) and passing it to
/// [`UreqTransport::with_agent`].
///
/// ```
/// let config = plaid_ureq::ureq::Agent::config_builder()
///     .max_idle_connections_per_host(8)
///     .build();
/// let transport = plaid_ureq::UreqTransport::with_agent(plaid_ureq::agent_with_config(config));
/// # drop(transport);
/// ```
pub fn agent_with_config(config: ureq::config::Config) -> ureq::Agent {
    ureq::Agent::with_parts(
        config,
        ureq::unversioned::transport::DefaultConnector::default(),
        resolver::CachingResolver::new(),
    )
}

/// A [`Client`] of any API family on a fresh [`UreqTransport`].
///
/// ```no_run
/// let config = plaid_core::legacy::Config::sandbox("http://127.0.0.1:8080")?;
/// let categories = plaid_ureq::client(config).categories().send()?;
/// # Ok::<(), plaid_core::Error>(())
/// ```
pub fn client<A: Api>(config: Config<A>) -> Client<UreqTransport, A> {
    Client::new(config, UreqTransport::new())
}

/// A blocking [`Transport`] on a [`ureq::Agent`].
///
/// Cheap to clone: clones share the agent and its connection pool.
#[derive(Clone)]
pub struct UreqTransport {
    agent: ureq::Agent,
    /// The agent was built by [`UreqTransport::new`] with exactly the
    /// settings every request needs, so a request with the default timeout
    /// can skip the per-request configuration (a copy of ureq's `Config`).
    preconfigured: bool,
}

impl UreqTransport {
    /// A transport on a new agent that uses [`DEFAULT_TIMEOUT`], follows no
    /// redirect and returns 4xx/5xx responses as responses.
    pub fn new() -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(DEFAULT_TIMEOUT))
            .build();
        UreqTransport {
            agent: agent_with_config(config),
            preconfigured: true,
        }
    }

    /// A transport on your own agent (proxy, TLS roots, pool sizes, …).
    ///
    /// Whatever the agent's settings, every request is sent with redirects
    /// off, `http_status_as_error(false)` and the request's timeout (or
    /// [`DEFAULT_TIMEOUT`]) as its global timeout. Build the agent with
    /// [`agent_with_config`] to keep plaid-ureq's name resolution; an agent
    /// from `ureq::Agent::new_with_config` looks up the host on a new thread
    /// for every request.
    pub fn with_agent(agent: ureq::Agent) -> Self {
        UreqTransport {
            agent,
            preconfigured: false,
        }
    }

    /// The agent.
    pub fn agent(&self) -> &ureq::Agent {
        &self.agent
    }

    fn execute(&self, request: HttpRequest) -> Result<HttpResponse, ureq::Error> {
        let timeout = Timeout::resolve(&request);
        let limit = BodyLimit::resolve(&request);
        let (parts, body) = request.into_parts();
        let mut response = if body.is_empty() {
            // `()` sends no body and no `Content-Length: 0` on a GET.
            self.run(Request::from_parts(parts, ()), timeout)?
        } else {
            // `Agent::run` sends any non-empty body, whatever the method.
            self.run(Request::from_parts(parts, &body[..]), timeout)?
        };
        let body = response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()?;
        let (parts, _) = response.into_parts();
        Ok(HttpResponse::from_parts(parts, body))
    }

    fn run<B: ureq::AsSendBody>(
        &self,
        request: Request<B>,
        timeout: Duration,
    ) -> Result<Response<ureq::Body>, ureq::Error> {
        if self.preconfigured && timeout == DEFAULT_TIMEOUT {
            return self.agent.run(request);
        }
        let request = self
            .agent
            .configure_request(request)
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(timeout))
            .build();
        self.agent.run(request)
    }
}

impl Default for UreqTransport {
    fn default() -> Self {
        UreqTransport::new()
    }
}

impl fmt::Debug for UreqTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UreqTransport")
            .field("agent", &self.agent)
            .finish()
    }
}

impl Transport for UreqTransport {
    fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.execute(request).map_err(transport_error)
    }
}

/// Maps a ureq error to the kind plaid-core knows, keeping it as the source.
fn transport_error(error: ureq::Error) -> TransportError {
    use std::io::ErrorKind as Io;
    // ureq's error has no `source()`: hand plaid-core the error that may be rustls's.
    let tls = match &error {
        ureq::Error::Rustls(tls) => Some(TlsFailure::of_rustls(tls)),
        ureq::Error::Io(io) => TlsFailure::find(io),
        // ureq's own TLS errors: a host name rustls cannot send, a PEM without a certificate.
        ureq::Error::Tls(_) => Some(TlsFailure::Other),
        _ => None,
    };
    let kind = match (&error, tls) {
        (ureq::Error::Timeout(_), _) => TransportErrorKind::Timeout,
        (_, Some(failure)) => TransportErrorKind::Tls(failure),
        (ureq::Error::BodyExceedsLimit(_), _) => TransportErrorKind::BodyTooLarge,
        (
            ureq::Error::HostNotFound
            | ureq::Error::ConnectionFailed
            | ureq::Error::ConnectProxyFailed(_)
            | ureq::Error::TlsRequired,
            _,
        ) => TransportErrorKind::Connect,
        (ureq::Error::Io(io), _) => match io.kind() {
            Io::TimedOut | Io::WouldBlock => TransportErrorKind::Timeout,
            Io::ConnectionRefused
            | Io::NotFound
            | Io::AddrNotAvailable
            | Io::HostUnreachable
            | Io::NetworkUnreachable => TransportErrorKind::Connect,
            _ => TransportErrorKind::Io,
        },
        (ureq::Error::Protocol(_) | ureq::Error::LargeResponseHeader(..), _) => {
            TransportErrorKind::Io
        }
        _ => TransportErrorKind::Other,
    };
    TransportError::new(kind, error)
}

/// The crate README's examples, compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
