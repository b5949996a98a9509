//! [`ProxyConnector`] (the `proxy` feature): a connector that reaches a destination through an
//! HTTP `CONNECT` tunnel when a proxy [`Matcher`] says so, and directly otherwise.
//!
//! hyper-util 0.1 has both halves, a [`Matcher`] (which proxy, if any, for a URL: set
//! explicitly, or from `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` / `NO_PROXY` like curl) and
//! a [`Tunnel`] connector (one `CONNECT` to one proxy), but nothing that puts them together per
//! request, which is what honouring `NO_PROXY` needs. This module is that glue.

use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use hyper::Uri;
use hyper::rt::{Read, Write};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::connect::proxy::Tunnel;
use hyper_util::client::proxy::matcher::Matcher;
use tower_service::Service;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A connector that tunnels through the proxy its [`Matcher`] picks for each destination
/// (HTTP `CONNECT`, with the proxy's basic auth when its URL carries one) and connects
/// directly to the others, such as those `NO_PROXY` lists.
///
/// Every destination the matcher intercepts is tunnelled, `http://` ones too (a proxy that
/// allows `CONNECT` only to port 443 refuses those). Cheap to clone: clones share the matcher.
///
/// Put it under hyper-rustls's connector, so that TLS runs end to end inside the tunnel and
/// the proxy sees only the destination's host and port; `HyperTransport::https_through`
/// does that (with the `rustls` feature), and so does this, with the bundled roots:
///
/// ```no_run
/// # #[cfg(feature = "rustls")]
/// # fn run() -> Result<(), plaid_hyper::rustls::Error> {
/// use plaid_hyper::{HyperTransport, ProxyConnector};
///
/// let connector = plaid_hyper::hyper_rustls::HttpsConnectorBuilder::new()
///     .with_provider_and_webpki_roots(plaid_hyper::rustls::crypto::ring::default_provider())?
///     .https_only()
///     .enable_http1()
///     .wrap_connector(ProxyConnector::from_env());
/// let transport = HyperTransport::with_connector(connector);
/// # drop(transport);
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct ProxyConnector<C = HttpConnector> {
    inner: C,
    matcher: Arc<Matcher>,
}

impl ProxyConnector<HttpConnector> {
    /// Proxies as the environment says, read now (not per request): `HTTPS_PROXY` for
    /// `https://` URLs, `HTTP_PROXY` for `http://` ones, `ALL_PROXY` for both, and `NO_PROXY`
    /// (host names, domains, IP addresses and networks) for the exceptions; the lower-case
    /// names too. With none of them set, every connection is direct.
    pub fn from_env() -> Self {
        ProxyConnector::new(Matcher::from_env())
    }

    /// Proxies as `matcher` says, e.g.
    /// `Matcher::builder().https("http://proxy.internal:3128").no("localhost").build()`
    /// (see [`hyper_util::client::proxy::matcher::Builder`]).
    pub fn new(matcher: Matcher) -> Self {
        let mut http = HttpConnector::new();
        // `https://` destinations pass through it: the TLS is the wrapping connector's.
        http.enforce_http(false);
        ProxyConnector::with_connector(matcher, http)
    }
}

impl<C> ProxyConnector<C> {
    /// Proxies as `matcher` says, making every TCP connection (to the proxy, or direct) with
    /// `inner`, which must accept `https://` URLs (an [`HttpConnector`] with
    /// `enforce_http(false)`).
    pub fn with_connector(matcher: Matcher, inner: C) -> Self {
        ProxyConnector {
            inner,
            matcher: Arc::new(matcher),
        }
    }

    /// The matcher that picks the proxy.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }
}

impl<C> std::fmt::Debug for ProxyConnector<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The matcher's Debug hides proxy credentials.
        f.debug_struct("ProxyConnector")
            .field("matcher", &self.matcher)
            .finish_non_exhaustive()
    }
}

impl<C> Service<Uri> for ProxyConnector<C>
where
    C: Service<Uri> + Clone + Send + 'static,
    C::Response: Read + Write + Unpin + Send + 'static,
    C::Future: Send + 'static,
    C::Error: Into<BoxError>,
{
    type Response = C::Response;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<C::Response, BoxError>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        // Each call readies its own clone of the inner connector.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, dst: Uri) -> Self::Future {
        let inner = self.inner.clone();
        match self.matcher.intercept(&dst) {
            Some(intercept) => {
                let mut tunnel = Tunnel::new(intercept.uri().clone(), inner);
                if let Some(auth) = intercept.basic_auth() {
                    tunnel = tunnel.with_auth(auth.clone());
                }
                Box::pin(async move {
                    poll_fn(|cx| tunnel.poll_ready(cx)).await?;
                    Ok(tunnel.call(with_port(dst)?).await?)
                })
            }
            None => {
                let mut direct = inner;
                Box::pin(async move {
                    poll_fn(|cx| direct.poll_ready(cx))
                        .await
                        .map_err(Into::into)?;
                    direct.call(dst).await.map_err(Into::into)
                })
            }
        }
    }
}

/// `dst` with its port written out: hyper-util's tunnel asks for port 443 when the URL has
/// none, which is wrong for `http://`.
fn with_port(dst: Uri) -> Result<Uri, BoxError> {
    if dst.port().is_some() {
        return Ok(dst);
    }
    let port = if dst.scheme_str() == Some("http") {
        80
    } else {
        443
    };
    let host = dst.host().ok_or("the URL has no host")?;
    let mut parts = dst.clone().into_parts();
    parts.authority = Some(format!("{host}:{port}").parse()?);
    Ok(Uri::from_parts(parts)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_port_is_written_out_for_the_tunnel() {
        let cases = [
            ("http://plaid.test/x", "http://plaid.test:80/x"),
            ("https://plaid.test/x", "https://plaid.test:443/x"),
            ("https://plaid.test:8443/x", "https://plaid.test:8443/x"),
            ("https://[::1]/", "https://[::1]:443/"),
        ];
        for (given, expected) in cases {
            let uri = with_port(given.parse().unwrap()).unwrap();
            assert_eq!(uri.to_string(), expected);
        }
    }

    #[test]
    fn debug_hides_the_proxy_password() {
        let matcher = Matcher::builder()
            .https("http://user:hunter2@127.0.0.1:3128")
            .build();
        let connector = ProxyConnector::new(matcher);
        let debug = format!("{connector:?}");
        assert!(!debug.contains("hunter2"), "{debug}");
    }
}
