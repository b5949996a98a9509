//! API families as types the compiler sees.
//!
//! Plaid has spoken more than one API over the years, and they differ in
//! everything but HTTP: where the keys go, how a body is encoded, what an
//! error body looks like and which errors are worth a retry. Each family is a
//! type implementing [`Api`]; an [`Endpoint`](crate::Endpoint) names its
//! family, and [`Config`](crate::Config) and [`Client`](crate::Client) carry
//! it as a type parameter. So a descriptor of one family cannot be sent with
//! the configuration of another (it does not compile), and two families may
//! each have a `Client` method of the same name without clashing.
//!
//! The trait is sealed: a family's quirks live in its own module of this
//! crate, and the engine calls them only through this trait, never through
//! an `if` on which family it is driving.

use std::fmt;

use http::HeaderMap;

use crate::retry::RetryHint;
use crate::transport::HttpResponse;

pub(crate) mod sealed {
    pub trait Sealed {}
}

/// The response header carrying the id Plaid gives each request.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// One API family: its environments and how to read its responses.
pub trait Api: sealed::Sealed + fmt::Debug + Send + Sync + 'static {
    /// Where the family's services live (e.g. a sandbox and production).
    type Environment: Clone + fmt::Debug + Send + Sync + 'static;

    /// A short name for logs and traces.
    const NAME: &'static str;

    /// The base URL of `environment`, without a trailing slash.
    fn base_url(environment: &Self::Environment) -> &str;

    /// What a failed response says about retrying the same request. Read
    /// from the status and, where the family puts a reason there, the body.
    fn retry_hint(response: &HttpResponse) -> RetryHint;

    /// The id the server gave the request, if the response carries one.
    fn request_id(headers: &HeaderMap) -> Option<&str> {
        headers
            .get(REQUEST_ID_HEADER)
            .and_then(|value| value.to_str().ok())
    }
}
