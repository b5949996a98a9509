//! The [`Endpoint`] trait: one API call as a plain value.
//!
//! A descriptor knows its method, path, parameters and API family. Its two
//! halves are public and need no transport: [`Endpoint::to_request`] builds
//! the `http::Request`, [`Endpoint::parse_response`] turns an
//! `http::Response` into the typed result or an [`Error`]. That is what lets
//! a framework send requests on its own HTTP stack and a fuzzer drive the
//! parser offline. Each family module's docs show both halves at work.

use crate::api::Api;
use crate::config::Config;
use crate::error::Error;
use crate::transport::{HttpRequest, HttpResponse};

/// One API call.
pub trait Endpoint {
    /// The API family the call belongs to: only a [`Config`] of that family
    /// can build it.
    type Api: Api;

    /// What a successful response parses into.
    type Output;

    /// Builds the request for this call under `config`. Fails only on input
    /// that cannot be sent (an empty id, credentials over plain http, …).
    fn to_request(&self, config: &Config<Self::Api>) -> Result<HttpRequest, Error>;

    /// Parses a response, whatever its status, into the result or an error.
    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error>;

    /// Whether sending this call twice has the same effect as sending it
    /// once, so that a retry after a lost response is safe. Reads are; adds,
    /// creates, credential submissions, updates, exchanges and deletes are not.
    fn is_idempotent(&self) -> bool;
}
