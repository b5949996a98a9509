//! The one error type of plaid-rs.
//!
//! Every failure, from a bad argument to a dropped connection to an API
//! error, is an [`Error`] with a [`kind`](Error::kind) and predicates, so
//! callers match on meaning rather than on strings. The kinds are the same
//! for every API family: the class of the HTTP status, or what went wrong
//! before there was one. What a family says about an error (its codes,
//! messages and advice) is its error body, kept behind
//! [`api_error`](Error::api_error) and the family module's own accessors.
//!
//! Nothing is lost on the way: an API error keeps the HTTP status, the
//! decoded body, the request id and the raw body; a decode error keeps the
//! path of the field that failed and the raw body; a transport error keeps
//! its source.
//!
//! Response bodies can hold access tokens and personal data, so neither
//! `Debug` nor `Display` ever prints a body: it is reachable only through
//! [`Error::body`]. For the same reason a decode error describes what was
//! wrong with a value without quoting it.

use std::any::Any;
use std::borrow::Cow;
use std::fmt;

use http::StatusCode;

use crate::retry::RetryHint;
use crate::transport::{TlsFailure, TransportError, TransportErrorKind};

/// What went wrong, broadly, in the same terms for every API family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The API refused the request with a 4xx status other than 429: the
    /// request, the keys, the token or the user's login need attention.
    /// [`Error::status`] and the family's error body say which.
    ClientError,
    /// HTTP 429: a rate limit was hit.
    RateLimited,
    /// A 5xx status: the API or something in front of it failed.
    ServerError,
    /// A status that is neither success nor error (1xx, or a 3xx that was
    /// not followed: plaid-rs never follows redirects).
    UnexpectedStatus,
    /// The request or the response took longer than the timeout (a TLS
    /// handshake that stalls included).
    Timeout,
    /// No connection could be made.
    Connect,
    /// The TLS handshake failed, for the reason given: the server's
    /// certificate was refused, or the server does not speak TLS.
    Tls(TlsFailure),
    /// The connection failed while the request or response was in flight.
    Io,
    /// The response body was larger than the configured limit.
    BodyTooLarge,
    /// The transport failed in some other way.
    Transport,
    /// A success response whose body is not the expected shape (or a
    /// webhook's body, when one is decoded).
    Decode,
    /// The caller gave an argument or configuration that cannot be sent.
    InvalidInput,
}

impl ErrorKind {
    /// The kind of a response with `status` (`None` for 2xx).
    pub fn from_status(status: StatusCode) -> Option<Self> {
        Some(match status.as_u16() {
            200..=299 => return None,
            429 => ErrorKind::RateLimited,
            400..=499 => ErrorKind::ClientError,
            500..=599 => ErrorKind::ServerError,
            _ => ErrorKind::UnexpectedStatus,
        })
    }

    /// A short lower-case name, used by `Display`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::ClientError => "request refused",
            ErrorKind::RateLimited => "rate limited",
            ErrorKind::ServerError => "server error",
            ErrorKind::UnexpectedStatus => "unexpected status",
            ErrorKind::Timeout => "timed out",
            ErrorKind::Connect => "connection failed",
            ErrorKind::Tls(_) => "TLS handshake failed",
            ErrorKind::Io => "i/o error",
            ErrorKind::BodyTooLarge => "response body too large",
            ErrorKind::Transport => "transport error",
            ErrorKind::Decode => "unexpected response body",
            ErrorKind::InvalidInput => "invalid input",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An API family's decoded error body.
///
/// Its `Display` is what [`Error`]'s `Display` shows after the status (for
/// example `1205 account locked`), so it must never print a secret.
pub trait ApiErrorBody: fmt::Debug + fmt::Display + Send + Sync + 'static {
    /// The family's error code as text (`"1205"`, `"ITEM_LOGIN_REQUIRED"`).
    fn code(&self) -> Cow<'_, str>;

    /// The family's message for developers.
    fn message(&self) -> &str;

    /// What the body says about retrying the request.
    fn retry_hint(&self) -> RetryHint {
        RetryHint::Status
    }

    /// The body as [`Any`], so the family can hand out its own type.
    fn as_any(&self) -> &dyn Any;

    /// A boxed copy.
    fn clone_box(&self) -> Box<dyn ApiErrorBody>;
}

/// The error type of every plaid-rs call.
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    status: Option<StatusCode>,
    request_id: Option<String>,
    api: Option<Box<dyn ApiErrorBody>>,
    /// Human context: what was being done, or what was wrong with the input.
    context: Cow<'static, str>,
    /// For decode errors: the path of the field that failed, e.g. `accounts[2].balance`.
    path: Option<String>,
    body: Option<Vec<u8>>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    fn new(kind: ErrorKind, context: impl Into<Cow<'static, str>>) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                status: None,
                request_id: None,
                api: None,
                context: context.into(),
                path: None,
                body: None,
                source: None,
            }),
        }
    }

    /// An error for an argument or configuration that cannot be sent. The
    /// message must not contain the offending value if it may be a secret.
    pub fn invalid_input(message: impl Into<Cow<'static, str>>) -> Self {
        Error::new(ErrorKind::InvalidInput, message)
    }

    /// An error for a non-success response. `api` is the family's decoded
    /// error body when there was one; the raw body is kept either way.
    pub fn from_status(
        status: StatusCode,
        request_id: Option<String>,
        api: Option<Box<dyn ApiErrorBody>>,
        body: Vec<u8>,
    ) -> Self {
        let kind = ErrorKind::from_status(status).unwrap_or(ErrorKind::UnexpectedStatus);
        let context = if api.is_some() {
            "the API returned an error"
        } else {
            "the response is not an API error body"
        };
        let mut error = Error::new(kind, context);
        error.inner.status = Some(status);
        error.inner.request_id = request_id;
        error.inner.api = api;
        error.inner.body = Some(body);
        error
    }

    /// An error for a success response whose body could not be decoded.
    ///
    /// `source` is described without the values it may quote (a decode
    /// error can be about a name or an account number): only its category,
    /// position and what was expected are kept.
    pub fn decode(
        status: StatusCode,
        request_id: Option<String>,
        path: Option<String>,
        source: &serde_json::Error,
        body: Vec<u8>,
    ) -> Self {
        let mut error =
            Error::decode_body("the response body could not be decoded", path, source, body);
        error.inner.status = Some(status);
        error.inner.request_id = request_id;
        error
    }

    /// An error for a body that came with no response around it (a
    /// webhook Plaid posted to the user's server): [`Error::decode`]
    /// without a status or a request id. `context` says which body it was.
    pub(crate) fn decode_body(
        context: &'static str,
        path: Option<String>,
        source: &serde_json::Error,
        body: Vec<u8>,
    ) -> Self {
        let mut error = Error::new(ErrorKind::Decode, context);
        // serde_path_to_error says "." for the root and "?" for "nowhere
        // in particular" (a syntax error before any field): neither is a path.
        error.inner.path = path.filter(|p| !p.is_empty() && p != "." && p != "?");
        error.inner.source = Some(Box::new(crate::wire::DecodeProblem::of(source)));
        error.inner.body = Some(body);
        error
    }

    /// An error for a success response that decoded but cannot be true (a
    /// protocol the server broke, e.g. a page that points back at itself).
    pub(crate) fn inconsistent_answer(context: &'static str, request_id: Option<String>) -> Self {
        let mut error = Error::new(ErrorKind::Decode, context);
        error.inner.request_id = request_id;
        error
    }

    /// A copy of an error that has no source (an input error), for handing
    /// out the same error twice.
    pub(crate) fn duplicate(&self) -> Error {
        let mut copy = Error::new(self.inner.kind, self.inner.context.clone());
        copy.inner.status = self.inner.status;
        copy.inner.request_id.clone_from(&self.inner.request_id);
        copy.inner.api = self.inner.api.as_ref().map(|api| api.clone_box());
        copy.inner.path.clone_from(&self.inner.path);
        copy.inner.body.clone_from(&self.inner.body);
        copy
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The HTTP status of the response, when there was one.
    pub fn status(&self) -> Option<StatusCode> {
        self.inner.status
    }

    /// The family's decoded error body, for API errors whose body was one.
    pub fn api_error(&self) -> Option<&dyn ApiErrorBody> {
        self.inner.api.as_deref()
    }

    /// The family's decoded error body as its own type `B` (each family
    /// module also has a shorter accessor).
    pub fn api_error_as<B: ApiErrorBody>(&self) -> Option<&B> {
        self.api_error()?.as_any().downcast_ref::<B>()
    }

    /// The API's error code as text, for API errors.
    pub fn api_code(&self) -> Option<Cow<'_, str>> {
        self.api_error().map(ApiErrorBody::code)
    }

    /// The API's message for developers, for API errors.
    pub fn api_message(&self) -> Option<&str> {
        self.api_error().map(ApiErrorBody::message)
    }

    /// The request id of the response, when there was one.
    pub fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }

    /// The raw response body, when there was a response. It may contain an
    /// access token or personal data: do not log it.
    pub fn body(&self) -> Option<&[u8]> {
        self.inner.body.as_deref()
    }

    /// For decode errors: the path of the field that failed to decode, such
    /// as `accounts[2].balance.current`.
    pub fn decode_path(&self) -> Option<&str> {
        self.inner.path.as_deref()
    }

    /// Whether the error came from the API (a non-success HTTP status).
    pub fn is_api(&self) -> bool {
        self.inner.status.is_some() && self.inner.kind != ErrorKind::Decode
    }

    /// Whether the API refused the request with a 4xx other than 429.
    pub fn is_client_error(&self) -> bool {
        self.inner.kind == ErrorKind::ClientError
    }

    /// Whether a rate limit was hit (HTTP 429).
    pub fn is_rate_limited(&self) -> bool {
        self.inner.kind == ErrorKind::RateLimited
    }

    /// Whether the server failed (5xx).
    pub fn is_server_error(&self) -> bool {
        self.inner.kind == ErrorKind::ServerError
    }

    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        self.inner.kind == ErrorKind::Timeout
    }

    /// Whether the TLS handshake failed; [`Error::tls_failure`] says why.
    pub fn is_tls(&self) -> bool {
        self.tls_failure().is_some()
    }

    /// Why the TLS handshake failed, for TLS errors.
    pub fn tls_failure(&self) -> Option<TlsFailure> {
        match self.inner.kind {
            ErrorKind::Tls(failure) => Some(failure),
            _ => None,
        }
    }

    /// Whether the transport failed (timeout, connect, TLS, i/o, body limit
    /// or other).
    pub fn is_transport(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::Timeout
                | ErrorKind::Connect
                | ErrorKind::Tls(_)
                | ErrorKind::Io
                | ErrorKind::BodyTooLarge
                | ErrorKind::Transport
        )
    }

    /// Whether a success response could not be decoded.
    pub fn is_decode(&self) -> bool {
        self.inner.kind == ErrorKind::Decode
    }

    /// Whether the caller's input was rejected before anything was sent.
    pub fn is_invalid_input(&self) -> bool {
        self.inner.kind == ErrorKind::InvalidInput
    }

    /// What this error says about sending the same request again: the
    /// family's reading of its error body, or else the status.
    pub fn retry_hint(&self) -> Option<RetryHint> {
        self.inner.status?;
        Some(
            self.inner
                .api
                .as_ref()
                .map_or(RetryHint::Status, |api| api.retry_hint()),
        )
    }

    /// Whether the server says the same request may succeed if sent later:
    /// a 429, a 500, 502, 503 or 504, or an error body the family reads as
    /// transient or rate limited. (Not-ready data is not counted; see
    /// [`RetryHint::NotReady`].)
    pub fn is_retryable(&self) -> bool {
        match (self.retry_hint(), self.inner.status) {
            (Some(RetryHint::Transient | RetryHint::RateLimited), _) => true,
            (Some(RetryHint::Status), Some(status)) => {
                matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504)
            }
            _ => false,
        }
    }
}

impl From<TransportError> for Error {
    fn from(error: TransportError) -> Self {
        let kind = match error.kind() {
            TransportErrorKind::Timeout => ErrorKind::Timeout,
            TransportErrorKind::Connect => ErrorKind::Connect,
            TransportErrorKind::Tls(failure) => ErrorKind::Tls(failure),
            TransportErrorKind::Io => ErrorKind::Io,
            TransportErrorKind::BodyTooLarge => ErrorKind::BodyTooLarge,
            _ => ErrorKind::Transport,
        };
        let mut out = Error::new(kind, "the request could not be completed");
        out.inner.source = Some(Box::new(error));
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        match (inner.status, &inner.api) {
            (Some(status), Some(api)) => write!(f, "{status}: {api}")?,
            (Some(status), None) => write!(f, "{status}: {}", inner.context)?,
            (None, _) => write!(f, "{}: {}", inner.kind, inner.context)?,
        }
        if let Some(path) = &inner.path {
            write!(f, " at `{path}`")?;
        }
        if let Some(source) = &inner.source {
            write!(f, ": {source}")?;
        }
        if let Some(id) = &inner.request_id {
            write!(f, " [request {id}]")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        let mut s = f.debug_struct("Error");
        s.field("kind", &inner.kind);
        if let Some(status) = inner.status {
            s.field("status", &status);
        }
        if let Some(api) = &inner.api {
            s.field("api", api);
        }
        s.field("context", &inner.context);
        if let Some(path) = &inner.path {
            s.field("path", path);
        }
        if let Some(id) = &inner.request_id {
            s.field("request_id", id);
        }
        if let Some(body) = &inner.body {
            s.field("body", &format_args!("<{} bytes>", body.len()));
        }
        if let Some(source) = &inner.source {
            s.field("source", source);
        }
        s.finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner
            .source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}
