//! Per-client configuration: where to send requests, with which keys, and
//! how long to wait. There is no global state: two clients with different
//! configurations never affect each other (unlike the python client's
//! class-level `Client.config`).

use std::fmt;
use std::time::Duration;

use crate::error::Error;
use crate::retry::RetryPolicy;
use crate::secret::{AccessToken, ClientId, ClientSecret};
use crate::transport::DEFAULT_BODY_LIMIT;

/// The default time allowed for one request, connect to last byte.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Which Plaid service to talk to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Environment {
    /// The legacy development sandbox, `https://tartan.plaid.com`.
    Tartan,
    /// Production, `https://api.plaid.com`.
    Production,
    /// Any other base URL, e.g. a local `plaid-sandbox` or a proxy. A path
    /// prefix is kept (`http://host/prefix` + `/connect` =
    /// `http://host/prefix/connect`).
    Custom(String),
}

impl Environment {
    /// The base URL of the environment, without a trailing slash.
    pub fn base_url(&self) -> &str {
        match self {
            Environment::Tartan => "https://tartan.plaid.com",
            Environment::Production => "https://api.plaid.com",
            Environment::Custom(url) => url.trim_end_matches('/'),
        }
    }
}

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

    /// The sandbox keys `test_id` / `test_secret`.
    pub fn sandbox() -> Self {
        Credentials::new("test_id", "test_secret")
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

/// Everything a request needs besides its own parameters.
///
/// ```
/// use plaid_core::{Config, Credentials, Environment};
/// use std::time::Duration;
///
/// let config = Config::new(Environment::Tartan, Credentials::sandbox())?
///     .with_timeout(Duration::from_secs(10));
/// assert_eq!(config.base_url(), "https://tartan.plaid.com");
/// # Ok::<(), plaid_core::Error>(())
/// ```
#[derive(Clone)]
pub struct Config {
    environment: Environment,
    credentials: Credentials,
    access_token: Option<AccessToken>,
    timeout: Duration,
    retry: RetryPolicy,
    body_limit: u64,
    allow_insecure_http: bool,
    base: BaseUrl,
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

impl Config {
    /// A configuration for `environment` with `credentials`.
    ///
    /// Fails with [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput)
    /// if the client id or secret is empty, or a custom base URL is not an
    /// absolute `http`/`https` URL without query or fragment.
    pub fn new(environment: Environment, credentials: Credentials) -> Result<Self, Error> {
        if credentials.client_id.is_empty() {
            return Err(Error::invalid_input("the client id is empty"));
        }
        if credentials.secret.is_empty() {
            return Err(Error::invalid_input("the secret is empty"));
        }
        let base = parse_base_url(environment.base_url())?;
        Ok(Config {
            environment,
            credentials,
            access_token: None,
            timeout: DEFAULT_TIMEOUT,
            retry: RetryPolicy::default(),
            body_limit: DEFAULT_BODY_LIMIT,
            allow_insecure_http: false,
            base,
        })
    }

    /// A configuration for a local sandbox (e.g. `plaid-sandbox`) at
    /// `base_url`, with the sandbox keys.
    pub fn sandbox(base_url: impl Into<String>) -> Result<Self, Error> {
        Config::new(Environment::Custom(base_url.into()), Credentials::sandbox())
    }

    /// The same configuration with a default access token, used by calls
    /// on an existing item (`balance`, `connect_get`, steps, …).
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
    /// are retried up to three times in all on 429/5xx and connection
    /// failures; calls that are not safe to repeat never are.
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
    pub fn environment(&self) -> &Environment {
        &self.environment
    }

    /// The base URL requests go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        self.environment.base_url()
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

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
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

fn parse_base_url(url: &str) -> Result<BaseUrl, Error> {
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
    fn rejects_empty_keys_and_bad_urls() {
        let err = Config::new(Environment::Tartan, Credentials::new("", "s")).unwrap_err();
        assert!(err.is_invalid_input());
        let err = Config::new(Environment::Tartan, Credentials::new("id", "")).unwrap_err();
        assert!(err.is_invalid_input());
        for bad in [
            "",
            "tartan.plaid.com",
            "ftp://x",
            "http://",
            "http://h/?q=1",
            "http://h/#f",
        ] {
            let result = Config::new(Environment::Custom(bad.into()), Credentials::sandbox());
            assert!(result.is_err(), "{bad:?} should be rejected");
        }
        assert!(Config::sandbox("http://127.0.0.1:8080/").is_ok());
    }

    #[test]
    fn custom_base_url_drops_the_trailing_slash() {
        let config = Config::sandbox("http://127.0.0.1:1/prefix/").unwrap();
        assert_eq!(config.base_url(), "http://127.0.0.1:1/prefix");
    }
}
