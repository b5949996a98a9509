//! How the modern family puts a call on the wire and reads its answer.
//!
//! - Every call is `POST` with a JSON body, `Content-Type: application/json`.
//! - The keys travel in the `PLAID-CLIENT-ID` and `PLAID-SECRET` headers,
//!   marked sensitive, as every official client sends them (the body could
//!   carry them too; headers keep a logged body free of the secret).
//!   `Plaid-Version: 2020-09-14` pins the API version.
//! - A success is JSON with a `request_id`; an error is a [`PlaidError`]
//!   body with a non-2xx status. A body that is not one keeps its status and
//!   bytes.

use std::borrow::Cow;

use http::header::{HeaderName, HeaderValue};
use http::{HeaderMap, Method};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::Modern;
use super::error::{ErrorCode, ErrorType, PlaidError, hint};
use super::operation::Operation;
use crate::config::Config;
use crate::error::{ApiErrorBody, Error};
use crate::retry::RetryHint;
use crate::transport::{HttpRequest, HttpResponse};
use crate::wire::{self, Outgoing};

/// The JSON content type.
pub const JSON_CONTENT_TYPE: &str = "application/json";

/// The API version every request asks for.
pub const PLAID_VERSION: &str = "2020-09-14";

/// The header carrying the client id.
pub const CLIENT_ID_HEADER: &str = "plaid-client-id";

/// The header carrying the secret.
pub const SECRET_HEADER: &str = "plaid-secret";

/// The header carrying the API version.
pub const VERSION_HEADER: &str = "plaid-version";

// The same names as `HeaderName`s, made at compile time: parsing a header
// name on every call was a fifth of the cost of building a request.
const CLIENT_ID: HeaderName = HeaderName::from_static(CLIENT_ID_HEADER);
const SECRET: HeaderName = HeaderName::from_static(SECRET_HEADER);
const VERSION: HeaderName = HeaderName::from_static(VERSION_HEADER);

/// Builds the request of `operation` under `config`.
pub(crate) fn build<O: Operation>(
    operation: &O,
    config: &Config<Modern>,
) -> Result<HttpRequest, Error> {
    operation.validate()?;
    let body = serde_json::to_vec(operation)
        .map_err(|_| Error::invalid_input("the request could not be encoded as JSON"))?;
    let mut request = wire::finish(
        config,
        Outgoing {
            method: Method::POST,
            path: Cow::Borrowed(O::PATH),
            query: None,
            body: Some((JSON_CONTENT_TYPE, body)),
            credentials: O::AUTHENTICATED,
        },
    )?;
    let headers = request.headers_mut();
    if O::AUTHENTICATED {
        let credentials = config.credentials();
        headers.insert(
            CLIENT_ID,
            secret_header(credentials.client_id().expose_secret(), "client id")?,
        );
        headers.insert(
            SECRET,
            secret_header(credentials.secret().expose_secret(), "secret")?,
        );
    }
    headers.insert(VERSION, HeaderValue::from_static(PLAID_VERSION));
    Ok(request)
}

/// A header value for a key, marked sensitive so that HTTP stacks that log
/// headers leave it out. The value is never quoted in the error.
fn secret_header(value: &str, what: &'static str) -> Result<HeaderValue, Error> {
    let mut header = HeaderValue::from_str(value).map_err(|_| {
        Error::invalid_input(match what {
            "client id" => "the client id contains characters an HTTP header cannot carry",
            _ => "the secret contains characters an HTTP header cannot carry",
        })
    })?;
    header.set_sensitive(true);
    Ok(header)
}

/// Parses a modern success response as `T`; any non-2xx status becomes an
/// error with the [`PlaidError`] when the body is one.
///
/// Every modern answer is a JSON object, and anything else is refused
/// before it is decoded: serde's derive would read an array positionally,
/// so `["link-…", "2026-…"]` would pass as a link token and `[]` as a
/// removed Item.
pub fn parse_json<T: DeserializeOwned>(response: HttpResponse) -> Result<T, Error> {
    if !response.status().is_success() {
        return Err(error_from_response(response));
    }
    let (parts, body) = response.into_parts();
    if !starts_an_object(&body) {
        // Says what the body is instead (an array, a string, not JSON);
        // a body that does not start with `{` never decodes as a map.
        if let Err(source) =
            serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&body)
        {
            let request_id = wire::request_id(&parts.headers);
            return Err(Error::decode(parts.status, request_id, None, &source, body));
        }
    }
    wire::decode_json(parts.status, &parts.headers, body)
}

/// Decodes a modern error response: the [`PlaidError`] when the body is
/// one, and the status, the request id (from the body, else the header) and
/// the raw body always.
pub fn error_from_response(response: HttpResponse) -> Error {
    let (parts, body) = response.into_parts();
    let plaid = if starts_an_object(&body) {
        serde_json::from_slice::<PlaidError>(&body).ok()
    } else {
        None
    };
    let request_id = plaid
        .as_ref()
        .and_then(|error| error.request_id.clone())
        .or_else(|| wire::request_id(&parts.headers));
    let api = plaid.map(|error| Box::new(error) as Box<dyn ApiErrorBody>);
    Error::from_status(parts.status, request_id, api, body)
}

/// A Plaid body, answer or error, is an object; serde's derive would also
/// read a JSON array positionally, which no real body is.
fn starts_an_object(body: &[u8]) -> bool {
    body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// What a failed response says about retrying, read without building the
/// whole error: only the type and the code.
pub(crate) fn retry_hint(response: &HttpResponse) -> RetryHint {
    #[derive(Deserialize)]
    struct Kind {
        error_type: ErrorType,
        error_code: ErrorCode,
    }
    let body = response.body();
    if !starts_an_object(body) {
        return RetryHint::Status;
    }
    match serde_json::from_slice::<Kind>(body) {
        Ok(kind) => hint(&kind.error_type, &kind.error_code),
        Err(_) => RetryHint::Status,
    }
}

/// The request id of a response's headers, when the server sent one there
/// (Plaid puts it in the body; a proxy or the emulator may add the header).
pub(crate) fn header_request_id(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(crate::api::REQUEST_ID_HEADER)
        .and_then(|value| value.to_str().ok())
}
