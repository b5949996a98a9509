//! API families: how an endpoint's parameters become bytes, where the
//! credentials go, and how an error body is read.
//!
//! These are properties of the API an endpoint belongs to, not of the core's
//! request path. Today there is one family, [`legacy`] (tartan: form bodies,
//! JSON-in-form, keys in the body, `{code, message, resolve}` errors). The
//! modern API (JSON bodies, `PLAID-CLIENT-ID` headers, `error_code` errors)
//! will be a sibling module; endpoints pick their family, and
//! [`Client`](crate::Client) never needs to know which one it is driving.
//!
//! What every family shares lives here: URL joining, the plain-http guard,
//! the request id header, and JSON decoding that reports the failing path.

pub mod legacy;

use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::error::Error;

/// The response header carrying Plaid's request id.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The `User-Agent` plaid-rs sends.
pub const USER_AGENT: &str = concat!("plaid-rs/", env!("CARGO_PKG_VERSION"));

/// The request id of a response, if it has a readable one.
pub fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get(REQUEST_ID_HEADER)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// Refuses to put credentials on plain http unless the host is a loopback
/// address or the configuration explicitly allows it.
pub(crate) fn check_secure(config: &Config) -> Result<(), Error> {
    if config.base().plain_remote && !config.insecure_http_allowed() {
        return Err(Error::invalid_input(
            "refusing to send credentials over plain http:// to a non-loopback host; \
             use https or Config::allow_insecure_http(true)",
        ));
    }
    Ok(())
}

/// Decodes a success body as `T`, reporting the path of the field that
/// failed. The fast path is a plain `serde_json` decode; only a failure pays
/// for a second, path-tracking pass.
pub fn decode_json<T: DeserializeOwned>(
    status: StatusCode,
    headers: &HeaderMap,
    body: Vec<u8>,
) -> Result<T, Error> {
    match serde_json::from_slice::<T>(&body) {
        Ok(value) => Ok(value),
        Err(first) => {
            let (path, source) = failing_path::<T>(&body, first);
            Err(Error::decode(
                status,
                request_id(headers),
                path,
                source,
                body,
            ))
        }
    }
}

/// [`decode_json`] for a borrowed body; the body is copied only on failure.
pub fn decode_json_slice<T: DeserializeOwned>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, Error> {
    serde_json::from_slice::<T>(body).map_err(|first| {
        let (path, source) = failing_path::<T>(body, first);
        Error::decode(status, request_id(headers), path, source, body.to_vec())
    })
}

/// Re-runs a failed decode with path tracking. Returns the path (if any)
/// and the error to report.
fn failing_path<T: DeserializeOwned>(
    body: &[u8],
    first: serde_json::Error,
) -> (Option<String>, serde_json::Error) {
    let mut de = serde_json::Deserializer::from_slice(body);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(err) => {
            let path = err.path().to_string();
            (Some(path), err.into_inner())
        }
        Ok(_) => (None, first),
    }
}
