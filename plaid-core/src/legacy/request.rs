//! How the legacy family puts a call on the wire and reads its answer.
//!
//! - Bodies are `application/x-www-form-urlencoded`, as the official python,
//!   ruby and elixir clients send them. Structured values (`credentials`,
//!   `options`) are JSON strings inside the form.
//! - `client_id`, `secret` and `access_token` travel in the body; there are
//!   no auth headers. Public `GET` routes carry their parameters in the
//!   query string and have no body.
//! - Errors are `{code, message, resolve}` bodies (plus `access_token` for
//!   token errors); the status chooses the error's kind.

use std::borrow::Cow;

use http::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Legacy;
use super::error::ApiError;
use super::models::Outcome;
use crate::config::Config;
use crate::error::Error;
use crate::secret::AccessToken;
use crate::transport::{HttpRequest, HttpResponse};
use crate::wire::{self, Outgoing, form};

/// The form content type the legacy API expects.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// Which keys a request carries.
#[derive(Clone, Copy)]
pub(crate) enum Access<'a> {
    /// No keys (institutions, categories).
    Public,
    /// `client_id` and `secret`.
    Client,
    /// `client_id`, `secret` and the item's `access_token`.
    Item(&'a AccessToken),
}

/// A legacy request being assembled by an endpoint descriptor.
pub(crate) struct LegacyRequest<'a> {
    method: Method,
    path: Cow<'static, str>,
    auth: Access<'a>,
    params: String,
}

impl<'a> LegacyRequest<'a> {
    /// A request for `method` on `path` (which starts with `/`).
    pub(crate) fn new(
        method: Method,
        path: impl Into<Cow<'static, str>>,
        auth: Access<'a>,
    ) -> Self {
        LegacyRequest {
            method,
            path: path.into(),
            auth,
            params: String::new(),
        }
    }

    /// A request whose path ends in one caller-given segment, encoded so
    /// it cannot change the route. Empty, `.` and `..` segments are refused.
    pub(crate) fn with_segment(
        method: Method,
        prefix: &str,
        segment: &str,
        what: &'static str,
        auth: Access<'a>,
    ) -> Result<Self, Error> {
        if segment.trim().is_empty() {
            return Err(Error::invalid_input(what));
        }
        // WHATWG URL parsers (the `url` crate under reqwest) read `%2E` and
        // `%2E%2E` as dot segments and climb out of the route, so a whole
        // segment of dots cannot be made safe by encoding.
        if segment == "." || segment == ".." {
            return Err(Error::invalid_input("an id cannot be `.` or `..`"));
        }
        let mut path = String::with_capacity(prefix.len() + 1 + segment.len());
        path.push_str(prefix);
        path.push('/');
        form::encode_path_segment(&mut path, segment);
        Ok(LegacyRequest::new(method, path, auth))
    }

    /// Adds a plain text parameter.
    pub(crate) fn text(mut self, key: &str, value: &str) -> Self {
        form::append_pair(&mut self.params, key, value);
        self
    }

    /// Adds a parameter if it has a value.
    pub(crate) fn opt_text(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.text(key, value),
            None => self,
        }
    }

    /// Adds a structured parameter as a JSON string inside the form.
    pub(crate) fn json<T: Serialize + ?Sized>(self, key: &str, value: &T) -> Result<Self, Error> {
        let json = serde_json::to_string(value)
            .map_err(|_| Error::invalid_input("a parameter could not be encoded as JSON"))?;
        Ok(self.text(key, &json))
    }

    /// Builds the `http::Request`: the keys and token first in the form
    /// (as the python client sends them), then the parameters; in the query
    /// string instead for `GET`.
    pub(crate) fn build(self, config: &Config<Legacy>) -> Result<HttpRequest, Error> {
        let has_body = self.method != Method::GET;
        let mut body = String::new();
        if let Access::Client | Access::Item(_) = self.auth {
            let credentials = config.credentials();
            let (id, secret) = (
                credentials.client_id().expose_secret(),
                credentials.secret().expose_secret(),
            );
            let token = match self.auth {
                Access::Item(token) if token.is_empty() => {
                    return Err(Error::invalid_input("the access token is empty"));
                }
                Access::Item(token) => Some(token.expose_secret()),
                _ => None,
            };
            // Room for the keys, the token and the parameters; only
            // characters that need escaping make it grow.
            body.reserve(
                48 + id.len() + secret.len() + token.map_or(0, str::len) + self.params.len(),
            );
            form::append_pair(&mut body, "client_id", id);
            form::append_pair(&mut body, "secret", secret);
            if let Some(token) = token {
                form::append_pair(&mut body, "access_token", token);
            }
        }
        let query = (!has_body && !self.params.is_empty()).then_some(self.params.as_str());
        if has_body && !self.params.is_empty() {
            if !body.is_empty() {
                body.push('&');
            }
            body.push_str(&self.params);
        }
        wire::finish(
            config,
            Outgoing {
                method: self.method,
                path: Cow::Borrowed(&self.path),
                query,
                body: has_body.then(|| (FORM_CONTENT_TYPE, body.into_bytes())),
                credentials: !matches!(self.auth, Access::Public),
            },
        )
    }
}

/// Decodes a legacy error response: the kind from the status, the code,
/// message and resolve from the body when it is a Plaid error body. The raw
/// body is always kept.
pub fn error_from_response(response: HttpResponse) -> Error {
    let (parts, body) = response.into_parts();
    // A Plaid error body is an object; serde's derive would also read a
    // JSON array positionally, which no real error body is.
    let is_object = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    let api = if is_object {
        serde_json::from_slice::<ApiError>(&body)
            .ok()
            .map(|api| Box::new(api) as Box<dyn crate::error::ApiErrorBody>)
    } else {
        None
    };
    Error::from_status(parts.status, wire::request_id(&parts.headers), api, body)
}

/// Parses a legacy success response as `T`; any non-2xx status becomes the
/// matching API error.
pub fn parse_json<T: DeserializeOwned>(response: HttpResponse) -> Result<T, Error> {
    if !response.status().is_success() {
        return Err(error_from_response(response));
    }
    let (parts, body) = response.into_parts();
    wire::decode_json(parts.status, &parts.headers, body)
}

/// Parses the response of a call that may need MFA: 201 is a challenge,
/// any other 2xx the product data.
pub fn parse_outcome<D: DeserializeOwned>(response: HttpResponse) -> Result<Outcome<D>, Error> {
    if response.status() == http::StatusCode::CREATED {
        parse_json(response).map(Outcome::MfaRequired)
    } else {
        parse_json(response).map(Outcome::Connected)
    }
}
