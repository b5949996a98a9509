//! The legacy Plaid API (tartan): everything the official `plaid-python`
//! 1.0.x client offers.
//!
//! Connect, Auth, Info, Income and Risk with their MFA steps, updates and
//! deletes; balances, upgrades and public-token exchanges; institutions and
//! categories. Requests go out exactly as the official python client sends
//! them (form bodies, JSON inside the form for structured values, keys in
//! the body); the python peer test in `plaid-peer` checks it byte for byte.
//!
//! - [`Config`] and [`Client`] are the engine's types with this family
//!   filled in; [`Environment`] says where the service is, and
//!   [`Config::sandbox`] points at a local `plaid-sandbox`.
//! - [`endpoints`]: one descriptor per call; the `Client` methods
//!   (`connect`, `connect_step`, `balance`, …) sit beside them.
//! - [`models`]: the typed responses.
//! - [`webhook`]: the typed webhooks the legacy API posted.
//! - [`Login`], [`MfaAnswer`], [`AddOptions`], [`GetOptions`]: typed inputs.
//! - [`ApiError`] and [`ErrorCode`]: the error body, reached through
//!   [`Error::legacy`](crate::Error::legacy); [`PythonException`] maps an
//!   error to the python client's exception class.
//!
//! Both halves of an endpoint work without a client, so any HTTP stack can
//! carry them:
//!
//! ```
//! use plaid_core::legacy::{Config, endpoints::Categories};
//! use plaid_core::{Endpoint, http};
//!
//! let config = Config::sandbox("http://127.0.0.1:8080")?;
//! let request = Categories.to_request(&config)?;
//! assert_eq!(request.uri(), "http://127.0.0.1:8080/categories");
//!
//! // ... send `request` with any HTTP client, then:
//! let body = br#"[{"id":"13001000","hierarchy":["Food and Drink","Bar"],"type":"place"}]"#;
//! let response = http::Response::builder().status(200).body(body.to_vec())?;
//! let categories = Categories::parse_response(response)?;
//! assert_eq!(categories[0].hierarchy, ["Food and Drink", "Bar"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod error_code;
mod params;
mod request;

pub mod endpoints;
pub mod models;
pub mod webhook;

pub use error::{ApiError, PythonException};
pub use error_code::ErrorCode;
pub use params::{
    AddOptions, GetOptions, InstitutionType, Login, MfaAnswer, SendMethod, StepOptions,
};
pub use request::{FORM_CONTENT_TYPE, error_from_response, parse_json, parse_outcome};

use crate::api::{Api, sealed};
use crate::config::Credentials;
use crate::error::Error;
use crate::retry::RetryHint;
use crate::transport::HttpResponse;

/// The legacy API family, as a type: the `A` in
/// [`Config<A>`](crate::Config) and [`Client<T, A>`](crate::Client).
#[derive(Debug, Clone, Copy)]
pub enum Legacy {}

impl sealed::Sealed for Legacy {}

impl Api for Legacy {
    type Environment = Environment;

    const NAME: &'static str = "legacy";

    fn base_url(environment: &Environment) -> &str {
        environment.base_url()
    }

    fn retry_hint(_response: &HttpResponse) -> RetryHint {
        // A legacy error body says nothing about retrying that its status
        // does not (502 "extractor retry", 503 maintenance, 429).
        RetryHint::Status
    }
}

/// A configuration of the legacy family.
pub type Config = crate::Config<Legacy>;

/// A client of the legacy family over transport `T`.
pub type Client<T, M = crate::Typed> = crate::Client<T, Legacy, M>;

/// Where the legacy service is.
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

/// The keys of the legacy sandbox, `test_id` / `test_secret` (also what a
/// local `plaid-sandbox` accepts).
pub fn sandbox_credentials() -> Credentials {
    Credentials::new("test_id", "test_secret")
}

impl Config {
    /// A configuration for a local legacy sandbox (e.g. `plaid-sandbox`) at
    /// `base_url`, with the sandbox keys.
    ///
    /// ```
    /// let config = plaid_core::legacy::Config::sandbox("http://127.0.0.1:8080")?;
    /// assert_eq!(config.base_url(), "http://127.0.0.1:8080");
    /// # Ok::<(), plaid_core::Error>(())
    /// ```
    pub fn sandbox(base_url: impl Into<String>) -> Result<Self, Error> {
        Config::new(Environment::Custom(base_url.into()), sandbox_credentials())
    }
}
