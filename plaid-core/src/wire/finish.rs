//! The one request finisher.
//!
//! Every family builds its method, path, query and body its own way, then
//! hands them here. This is the only code that writes the URL, the headers
//! every request carries, and the [`Timeout`] and [`BodyLimit`] extensions
//! the backends honour; so no family can forget them, and a per-call
//! timeout is applied by building with a configuration that carries it
//! instead of being patched in afterwards.

use std::borrow::Cow;

use http::header::{ACCEPT, CONTENT_TYPE, HeaderValue, USER_AGENT};
use http::uri::{self, PathAndQuery};
use http::{Method, Request, Uri};

use crate::api::Api;
use crate::config::Config;
use crate::error::Error;
use crate::transport::{BodyLimit, HttpRequest, Timeout};

/// A request as a family has assembled it, before the finisher.
pub(crate) struct Outgoing<'a> {
    /// The method.
    pub(crate) method: Method,
    /// The path below the base URL, starting with `/`, already encoded.
    pub(crate) path: Cow<'a, str>,
    /// The encoded query string, without `?`.
    pub(crate) query: Option<&'a str>,
    /// The body and its content type.
    pub(crate) body: Option<(&'static str, Vec<u8>)>,
    /// Whether the request carries the keys or a token, anywhere: such a
    /// request is refused on plain http to a host that is not loopback.
    pub(crate) credentials: bool,
}

/// Builds the `http::Request` for `outgoing` under `config`.
///
/// This runs on every call, so it avoids re-parsing the base URL (its parts
/// were parsed once by [`Config`]) and sizes the path up front.
pub(crate) fn finish<A: Api>(
    config: &Config<A>,
    outgoing: Outgoing<'_>,
) -> Result<HttpRequest, Error> {
    let base = config.base();
    if outgoing.credentials && base.plain_remote && !config.insecure_http_allowed() {
        return Err(Error::invalid_input(
            "refusing to send credentials over plain http:// to a non-loopback host; \
             use https or Config::allow_insecure_http(true)",
        ));
    }
    let query_len = outgoing.query.map_or(0, |query| 1 + query.len());
    let mut path = String::with_capacity(base.prefix.len() + outgoing.path.len() + query_len);
    path.push_str(&base.prefix);
    path.push_str(&outgoing.path);
    if let Some(query) = outgoing.query {
        path.push('?');
        path.push_str(query);
    }
    let path = PathAndQuery::try_from(path)
        .map_err(|_| Error::invalid_input("the request URL is not valid"))?;
    let mut parts = uri::Parts::default();
    parts.scheme = Some(base.scheme.clone());
    parts.authority = Some(base.authority.clone());
    parts.path_and_query = Some(path);
    let uri =
        Uri::from_parts(parts).map_err(|_| Error::invalid_input("the request URL is not valid"))?;

    let (content_type, body) = match outgoing.body {
        Some((content_type, body)) => (Some(content_type), body),
        None => (None, Vec::new()),
    };
    let mut request = Request::new(body);
    *request.method_mut() = outgoing.method;
    *request.uri_mut() = uri;
    let headers = request.headers_mut();
    headers.insert(USER_AGENT, HeaderValue::from_static(super::USER_AGENT));
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    if let Some(content_type) = content_type {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    let extensions = request.extensions_mut();
    extensions.insert(Timeout(config.timeout()));
    extensions.insert(BodyLimit(config.body_limit()));
    Ok(request)
}
