//! The client keys of a modern request (modern-api.md §3).
//!
//! Plaid takes `client_id` and `secret` either in the `PLAID-CLIENT-ID` / `PLAID-SECRET`
//! headers (what every official client sends) or as body fields. When a request carries
//! both, the body fields win: they are the more specific of the two, and a client that puts
//! keys in its body means them for that call.

use crate::credentials::{CLIENT_ID, SECRET};
use crate::modern::errors::{ApiResult, PlaidError};
use crate::modern::fields::Fields;
use crate::server::RecordedRequest;

/// The header that carries the client id.
pub(crate) const CLIENT_ID_HEADER: &str = "plaid-client-id";
/// The header that carries the secret.
pub(crate) const SECRET_HEADER: &str = "plaid-secret";

/// Checks the keys of `request`: `MISSING_FIELDS` naming what is absent (neither header nor
/// body field, or empty), `INVALID_API_KEYS` for any pair other than the sandbox's.
pub(crate) fn check(request: &RecordedRequest, body: &Fields<'_>) -> ApiResult<()> {
    let key = |field: &str, header: &str| -> ApiResult<Option<String>> {
        let value = match body.str(field)? {
            Some(value) => Some(value.to_owned()),
            None => request.header(header).map(str::to_owned),
        };
        Ok(value.filter(|v| !v.is_empty()))
    };
    let client_id = key("client_id", CLIENT_ID_HEADER)?;
    let secret = key("secret", SECRET_HEADER)?;
    match (client_id, secret) {
        (Some(id), Some(secret)) if id == CLIENT_ID && secret == SECRET => Ok(()),
        (Some(_), Some(_)) => Err(PlaidError::new("INVALID_API_KEYS")),
        (id, secret) => {
            let mut missing = Vec::new();
            if id.is_none() {
                missing.push("client_id".to_owned());
            }
            if secret.is_none() {
                missing.push("secret".to_owned());
            }
            Err(PlaidError::missing(&missing))
        }
    }
}
