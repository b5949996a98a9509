//! What a call returns: the typed result, or the response as it came.

use std::fmt;
use std::marker::PhantomData;

use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::api::Api;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::transport::HttpResponse;
use crate::wire;

mod sealed {
    pub trait Sealed {}
}

/// What a call returns: the typed result ([`Typed`]) or the raw response
/// ([`Suppressed`]).
pub trait ResponseMode: sealed::Sealed + Send + Sync + 'static {
    /// The value a successful call of endpoint `E` gives in this mode.
    type Output<E: Endpoint>;

    /// Turns a response into this mode's output.
    fn finish<E: Endpoint>(response: HttpResponse) -> Result<Self::Output<E>, Error>;
}

/// The default mode: non-success statuses are errors, bodies are typed.
#[derive(Debug, Clone, Copy)]
pub enum Typed {}

/// Every response is returned as is, whatever its status (what Plaid's
/// own clients call `suppress_http_errors`).
#[derive(Debug, Clone, Copy)]
pub enum Suppressed {}

impl sealed::Sealed for Typed {}
impl sealed::Sealed for Suppressed {}

impl ResponseMode for Typed {
    type Output<E: Endpoint> = E::Output;

    fn finish<E: Endpoint>(response: HttpResponse) -> Result<E::Output, Error> {
        E::parse_response(response)
    }
}

impl ResponseMode for Suppressed {
    type Output<E: Endpoint> = RawResponse<E>;

    fn finish<E: Endpoint>(response: HttpResponse) -> Result<RawResponse<E>, Error> {
        Ok(RawResponse {
            response,
            endpoint: PhantomData,
        })
    }
}

/// A response returned as is, in [`Suppressed`] mode. Check
/// [`is_success`](RawResponse::is_success), then read it as JSON or parse
/// it into the endpoint's typed result.
pub struct RawResponse<E> {
    response: HttpResponse,
    endpoint: PhantomData<fn() -> E>,
}

impl<E: Endpoint> RawResponse<E> {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.response.status()
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        self.response.status().is_success()
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        self.response.headers()
    }

    /// The request id the server gave, if the response carries one.
    pub fn request_id(&self) -> Option<&str> {
        <E::Api as Api>::request_id(self.response.headers())
    }

    /// The raw body. It may hold an access token or personal data: do not
    /// log it.
    pub fn body(&self) -> &[u8] {
        self.response.body()
    }

    /// The body decoded as any JSON type.
    pub fn json<V: DeserializeOwned>(&self) -> Result<V, Error> {
        wire::decode_json_slice(
            self.response.status(),
            self.response.headers(),
            self.response.body(),
        )
    }

    /// Parses the response as the endpoint would have in the typed mode.
    pub fn parse(self) -> Result<E::Output, Error> {
        E::parse_response(self.response)
    }

    /// The underlying `http::Response`.
    pub fn into_http(self) -> HttpResponse {
        self.response
    }
}

impl<E> fmt::Debug for RawResponse<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawResponse")
            .field("status", &self.response.status())
            .field(
                "body",
                &format_args!("<{} bytes>", self.response.body().len()),
            )
            .finish()
    }
}
