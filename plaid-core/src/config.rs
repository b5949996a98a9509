//! Per-client configuration: where to send requests, with which keys, and
//! how long to wait. There is no global state: two clients with different
//! configurations never affect each other.
//!
//! A configuration belongs to one API family (`Config<A>`): its environment
//! is that family's, and only that family's endpoints can be built with it.

use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use crate::api::Api;
use crate::error::Error;
use crate::retry::RetryPolicy;
use crate::secret::{AccessToken, ClientId, ClientSecret};
use crate::transport::DEFAULT_BODY_LIMIT;

/// The default time allowed for one request, connect to last byte.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Your API keys: client id and secret.
#[derive(Clone, Debug)]
pub struct Credentials {
    client_id: ClientId,
    secret: ClientSecret,
}

impl Credentials {
    /// Keys from their two values.
    pub fn new(client_id: impl Into<ClientId>, secret: impl Into<ClientSecret>) -> Self {
        Credentials {
            client_id: client_id.into(),
            secret: secret.into(),
        }
    }

    /// The client id.
    pub fn client_id(&self) -> &ClientId {
        &self.client_id
    }

    /// The secret.
    pub fn secret(&self) -> &ClientSecret {
        &self.secret
    }
}

/// Everything a request of API family `A` needs besides its own parameters.
///
/// Each family module has an alias with its family filled in, and its own
/// constructors for its local sandbox.
pub struct Config<A: Api> {
    environment: A::Environment,
    credentials: Credentials,
    access_token: Option<AccessToken>,
    timeout: Duration,
    retry: RetryPolicy,
    body_limit: u64,
    allow_insecure_http: bool,
    base: BaseUrl,
    api: PhantomData<fn() -> A>,
}

/// The base URL, parsed once when the configuration is made: every request
/// is built from these parts instead of parsing the URL again.
#[derive(Clone)]
pub(crate) struct BaseUrl {
    pub(crate) scheme: http::uri::Scheme,
    pub(crate) authority: http::uri::Authority,
    /// The path prefix without its trailing `/` (empty for none).
    pub(crate) prefix: String,
    /// Plain `http://` to a host that is not loopback: credentials are
    /// refused there unless insecure http is allowed.
    pub(crate) plain_remote: bool,
}

impl<A: Api> Config<A> {
    /// A configuration for `environment` with `credentials`.
    ///
    /// Fails with [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput)
    /// if the client id or secret is empty, or the base URL is not an
    /// absolute `http`/`https` URL without user info, query or fragment.
    pub fn new(environment: A::Environment, credentials: Credentials) -> Result<Self, Error> {
        if credentials.client_id.is_empty() {
            return Err(Error::invalid_input("the client id is empty"));
        }
        if credentials.secret.is_empty() {
            return Err(Error::invalid_input("the secret is empty"));
        }
        let base = parse_base_url(A::base_url(&environment))?;
        Ok(Config {
            environment,
            credentials,
            access_token: None,
            timeout: DEFAULT_TIMEOUT,
            retry: RetryPolicy::default(),
            body_limit: DEFAULT_BODY_LIMIT,
            allow_insecure_http: false,
            base,
            api: PhantomData,
        })
    }

    /// The same configuration with a default access token, used by calls
    /// on an existing item.
    pub fn with_access_token(mut self, access_token: impl Into<AccessToken>) -> Self {
        self.access_token = Some(access_token.into());
        self
    }

    /// The same configuration without a default access token.
    pub fn without_access_token(mut self) -> Self {
        self.access_token = None;
        self
    }

    /// The same configuration with another default timeout per request.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The same configuration with another retry policy for its calls
    /// ([`RetryPolicy::disabled`] to switch retries off). By default, reads
    /// are retried up to three times in all on 5xx, rate limits and
    /// connection failures; calls that are not safe to repeat never are.
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The same configuration with another limit on the size of a
    /// response body, in bytes (64 MiB by default). Backends stop reading
    /// as soon as a body would exceed it and fail with
    /// [`ErrorKind::BodyTooLarge`](crate::ErrorKind::BodyTooLarge).
    pub fn with_body_limit(mut self, bytes: u64) -> Self {
        self.body_limit = bytes;
        self
    }

    /// Allow sending credentials over plain `http://` to a host that is
    /// not a loopback address. Off by default: only do this behind a trusted
    /// TLS-terminating proxy on the same network.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// The environment.
    pub fn environment(&self) -> &A::Environment {
        &self.environment
    }

    /// The base URL requests go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        A::base_url(&self.environment)
    }

    /// The API keys.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// The default access token, if any.
    pub fn access_token(&self) -> Option<&AccessToken> {
        self.access_token.as_ref()
    }

    /// The default timeout per request.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The retry policy of calls made with this configuration.
    pub fn retry(&self) -> RetryPolicy {
        self.retry
    }

    /// The limit on the size of a response body, in bytes.
    pub fn body_limit(&self) -> u64 {
        self.body_limit
    }

    /// Whether credentials may go over plain http to a non-loopback host.
    pub fn insecure_http_allowed(&self) -> bool {
        self.allow_insecure_http
    }

    /// The parsed base URL.
    pub(crate) fn base(&self) -> &BaseUrl {
        &self.base
    }
}

impl<A: Api> Clone for Config<A> {
    fn clone(&self) -> Self {
        Config {
            environment: self.environment.clone(),
            credentials: self.credentials.clone(),
            access_token: self.access_token.clone(),
            timeout: self.timeout,
            retry: self.retry,
            body_limit: self.body_limit,
            allow_insecure_http: self.allow_insecure_http,
            base: self.base.clone(),
            api: PhantomData,
        }
    }
}

impl<A: Api> fmt::Debug for Config<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("api", &A::NAME)
            .field("base_url", &self.base_url())
            .field("credentials", &self.credentials)
            .field("access_token", &self.access_token)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("body_limit", &self.body_limit)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .finish()
    }
}

/// Splits a base URL into the parts every request reuses. A URL with user
/// info (`user:password@`) is refused: those would be credentials sent on
/// every request and printed wherever the URL is, and Plaid takes its keys
/// elsewhere.
pub(crate) fn parse_base_url(url: &str) -> Result<BaseUrl, Error> {
    let uri: http::Uri = url
        .parse()
        .map_err(|_| Error::invalid_input("the base URL is not a valid URL"))?;
    let plain = match uri.scheme_str() {
        Some("http") => true,
        Some("https") => false,
        _ => {
            return Err(Error::invalid_input(
                "the base URL must start with http:// or https://",
            ));
        }
    };
    if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
        return Err(Error::invalid_input(
            "the base URL must not contain a user name or password",
        ));
    }
    if uri.host().is_none_or(str::is_empty) {
        return Err(Error::invalid_input("the base URL has no host"));
    }
    if uri.query().is_some() || url.contains('#') {
        return Err(Error::invalid_input(
            "the base URL must not have a query or fragment",
        ));
    }
    let host = uri.host().unwrap_or_default();
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    let prefix = uri.path().trim_end_matches('/').to_owned();
    let mut parts = uri.into_parts();
    match (parts.scheme.take(), parts.authority.take()) {
        (Some(scheme), Some(authority)) => Ok(BaseUrl {
            scheme,
            authority,
            prefix,
            plain_remote: plain && !loopback,
        }),
        _ => Err(Error::invalid_input("the base URL is not a valid URL")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_bad_base_urls() {
        for bad in [
            "",
            "plaid.example",
            "ftp://x",
            "http://",
            "http://h/?q=1",
            "http://h/#f",
            "https://user:pass@h",
            "https://user@h/prefix",
        ] {
            let error = parse_base_url(bad).err();
            assert!(
                error.as_ref().is_some_and(Error::is_invalid_input),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn a_refused_url_is_not_quoted_in_the_error() {
        let error = parse_base_url("https://user:hunter2@h").err().unwrap();
        assert!(!error.to_string().contains("hunter2"));
        assert!(!format!("{error:?}").contains("hunter2"));
    }

    #[test]
    fn keeps_the_prefix_without_its_trailing_slash() {
        let base = parse_base_url("http://127.0.0.1:1/prefix/").unwrap();
        assert_eq!(base.prefix, "/prefix");
        assert!(!base.plain_remote);
        assert!(parse_base_url("http://10.0.0.1").unwrap().plain_remote);
        assert!(!parse_base_url("http://[::1]:8").unwrap().plain_remote);
        assert!(!parse_base_url("https://10.0.0.1").unwrap().plain_remote);
    }
}
