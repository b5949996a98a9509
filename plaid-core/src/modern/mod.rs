//! The modern Plaid API (version `2020-09-14`), the one Plaid customers use
//! today.
//!
//! Every call is `POST` with a JSON body; the keys go in the
//! `PLAID-CLIENT-ID` / `PLAID-SECRET` headers; errors are [`PlaidError`]
//! objects whose [`ErrorCode`] and [`ErrorType`] are open, because Plaid adds
//! values without a new API version.
//!
//! - [`Config`] and [`Client`] are the engine's types with this family
//!   filled in. [`Environment`] has no default: choose
//!   [`Sandbox`](Environment::Sandbox) or
//!   [`Production`](Environment::Production) explicitly (every official
//!   client silently defaults to production). [`Config::emulator`] points
//!   at a local `plaid-sandbox --api modern`.
//! - [`Operation`]: what a modern endpoint declares; each endpoint is a
//!   request struct implementing it, with a `Client` method beside it.
//! - [`PlaidError`] is reached through [`Error::plaid`](crate::Error::plaid);
//!   the retry policy reads its type and code (a bank outage is retried, a
//!   login that needs the user never is).
//!
//! ## One family, one configuration
//!
//! A descriptor carries its family in its type, so it can only be built
//! with a configuration of that family and sent through a client of that
//! family. This compiles:
//!
//! ```
//! use plaid_core::{Endpoint, modern};
//!
//! let config = modern::Config::emulator("http://127.0.0.1:8080")?;
//! let exchange = modern::endpoints::ItemPublicTokenExchange::new("public-sandbox-1");
//! let request = exchange.to_request(&config)?;
//! assert_eq!(request.uri().path(), "/item/public_token/exchange");
//! # Ok::<(), plaid_core::Error>(())
//! ```
//!
//! and the same call with a legacy configuration does not:
//!
//! ```compile_fail,E0308
//! use plaid_core::{Endpoint, legacy, modern};
//!
//! let config = legacy::Config::sandbox("http://127.0.0.1:8080")?;
//! let exchange = modern::endpoints::ItemPublicTokenExchange::new("public-sandbox-1");
//! let request = exchange.to_request(&config)?;
//! # Ok::<(), plaid_core::Error>(())
//! ```
//!
//! nor does a legacy descriptor sent through a modern client:
//!
//! ```compile_fail,E0271
//! use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
//! use plaid_core::{legacy, modern};
//!
//! let transport = |_: HttpRequest| -> Result<HttpResponse, TransportError> { unimplemented!() };
//! let client = modern::Client::new(modern::Config::emulator("http://127.0.0.1:8080")?, transport);
//! let categories = client.call(legacy::endpoints::Categories).send()?;
//! # Ok::<(), plaid_core::Error>(())
//! ```

mod error;
mod operation;
mod request;

pub mod endpoints;
pub mod models;
pub mod sync;
pub mod webhook;

pub use error::{ErrorCode, ErrorType, PlaidError};
pub use operation::Operation;
pub use request::{
    CLIENT_ID_HEADER, JSON_CONTENT_TYPE, PLAID_VERSION, SECRET_HEADER, VERSION_HEADER,
    error_from_response, parse_json,
};

use http::HeaderMap;

use crate::api::{Api, sealed};
use crate::config::Credentials;
use crate::error::Error;
use crate::retry::RetryHint;
use crate::transport::HttpResponse;

/// The modern API family, as a type: the `A` in
/// [`Config<A>`](crate::Config) and [`Client<T, A>`](crate::Client).
#[derive(Debug, Clone, Copy)]
pub enum Modern {}

impl sealed::Sealed for Modern {}

impl Api for Modern {
    type Environment = Environment;

    const NAME: &'static str = "modern";

    fn base_url(environment: &Environment) -> &str {
        environment.base_url()
    }

    fn retry_hint(response: &HttpResponse) -> RetryHint {
        request::retry_hint(response)
    }

    fn request_id(headers: &HeaderMap) -> Option<&str> {
        request::header_request_id(headers)
    }
}

/// A configuration of the modern family.
pub type Config = crate::Config<Modern>;

/// A client of the modern family over transport `T`.
pub type Client<T, M = crate::Typed> = crate::Client<T, Modern, M>;

/// Where the modern service is. There is deliberately no default.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Environment {
    /// Plaid's sandbox, `https://sandbox.plaid.com`.
    Sandbox,
    /// Production, `https://production.plaid.com`.
    Production,
    /// Any other base URL, e.g. a local `plaid-sandbox` or a proxy. A path
    /// prefix is kept.
    Custom(String),
}

impl Environment {
    /// The base URL of the environment, without a trailing slash.
    pub fn base_url(&self) -> &str {
        match self {
            Environment::Sandbox => "https://sandbox.plaid.com",
            Environment::Production => "https://production.plaid.com",
            Environment::Custom(url) => url.trim_end_matches('/'),
        }
    }
}

/// The keys a local `plaid-sandbox --api modern` accepts, `test_id` /
/// `test_secret`.
pub fn emulator_credentials() -> Credentials {
    Credentials::new("test_id", "test_secret")
}

impl Config {
    /// A configuration for a local modern emulator (`plaid-sandbox --api
    /// modern`) at `base_url`, with its keys. For Plaid's own sandbox use
    /// `Config::new(Environment::Sandbox, Credentials::new(id, secret))`.
    ///
    /// ```
    /// let config = plaid_core::modern::Config::emulator("http://127.0.0.1:8080")?;
    /// assert_eq!(config.base_url(), "http://127.0.0.1:8080");
    /// # Ok::<(), plaid_core::Error>(())
    /// ```
    pub fn emulator(base_url: impl Into<String>) -> Result<Self, Error> {
        Config::new(Environment::Custom(base_url.into()), emulator_credentials())
    }
}
