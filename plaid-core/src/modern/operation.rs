//! [`Operation`]: what a modern endpoint declares, so that each one is a
//! request struct and a few constants.
//!
//! Every modern call has the same shape (`POST` a JSON body to a path, read
//! a JSON answer), so the [`Endpoint`](crate::Endpoint) impl is written once
//! for every `Operation`. Endpoints plaid-rs does not cover yet can be added
//! outside this crate the same way: a `Serialize` request struct, its
//! response type, and this trait.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Modern;
use super::request;
use crate::config::Config;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::transport::{HttpRequest, HttpResponse};

/// One modern API operation: a request body that serialises to the JSON the
/// API expects.
pub trait Operation: Serialize {
    /// The path, e.g. `/accounts/get`.
    const PATH: &'static str;

    /// Whether the keys go with the request (every call but
    /// `/categories/get`).
    const AUTHENTICATED: bool = true;

    /// Whether sending the call twice has the same effect as sending it
    /// once: reads are; creates, exchanges, removals, updates and the
    /// sandbox calls are not.
    const IDEMPOTENT: bool;

    /// What a successful response parses into.
    type Response: DeserializeOwned;

    /// Refuses input that cannot be sent (an empty token, an empty id),
    /// before anything is built. The default accepts everything.
    fn validate(&self) -> Result<(), Error> {
        Ok(())
    }
}

impl<O: Operation> Endpoint for O {
    type Api = Modern;
    type Output = O::Response;

    fn to_request(&self, config: &Config<Modern>) -> Result<HttpRequest, Error> {
        request::build(self, config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        request::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        O::IDEMPOTENT
    }
}
