//! The [`Endpoint`] trait: one API call as a plain value.
//!
//! A descriptor knows its method, path, parameters and API family. Its two
//! halves are public and need no transport: [`Endpoint::to_request`] builds
//! the `http::Request`, [`Endpoint::parse_response`] turns an
//! `http::Response` into the typed result or an [`Error`]. That is what lets
//! a framework send requests on its own HTTP stack and a fuzzer drive the
//! parser offline:
//!
//! ```
//! use plaid_core::{Config, Endpoint, http};
//! use plaid_core::endpoints::Categories;
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

use crate::config::Config;
use crate::error::Error;
use crate::transport::{HttpRequest, HttpResponse};

/// One API call.
pub trait Endpoint {
    /// What a successful response parses into.
    type Output;

    /// Builds the request for this call under `config`. Fails only on input
    /// that cannot be sent (an empty id, credentials over plain http, …).
    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error>;

    /// Parses a response, whatever its status, into the result or an error.
    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error>;

    /// Whether sending this call twice has the same effect as sending it
    /// once, so that a retry after a lost response is safe. Reads are; adds,
    /// MFA answers, updates, upgrades, exchanges and deletes are not.
    fn is_idempotent(&self) -> bool;
}
