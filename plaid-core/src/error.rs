//! The one error type of plaid-rs.
//!
//! Every failure, from a bad argument to a dropped connection to a Plaid API
//! error, is an [`Error`] with a [`kind`](Error::kind) and predicates, so
//! callers match on meaning rather than on strings. Nothing is lost on the way:
//! an API error keeps the HTTP status, the numeric [`ErrorCode`], message,
//! resolve text, request id and the raw body; a decode error keeps the serde
//! path and the raw body; a transport error keeps its source.
//!
//! Response bodies can hold access tokens (the API echoes them in some
//! errors), so neither `Debug` nor `Display` ever prints a body: it is
//! reachable only through [`Error::body`].

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;
use serde::Deserialize;

use crate::error_code::ErrorCode;
use crate::secret::AccessToken;
use crate::transport::{TransportError, TransportErrorKind};

/// What went wrong, broadly. The API kinds mirror the seed client's
/// exception classes, chosen by HTTP status as that client does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// HTTP 400 (python `BadRequestError`).
    BadRequest,
    /// HTTP 401 (python `UnauthorizedError`).
    Unauthorized,
    /// HTTP 402 (python `RequestFailedError`): wrong credentials, locked
    /// account, wrong MFA answer and the like.
    RequestFailed,
    /// HTTP 404 (python `ResourceNotFoundError`).
    NotFound,
    /// HTTP 429 (the python client returns it silently; here it is an error).
    RateLimited,
    /// HTTP 500 (python `PlaidServerError`).
    ServerError,
    /// HTTP 501 (python `ExtractorError`).
    ExtractorError,
    /// HTTP 502 (python `ExtractorRetryError`, `retry = True`).
    ExtractorRetry,
    /// HTTP 503 (python `MaintainanceError`).
    Maintenance,
    /// Any other non-success status (e.g. a proxy's 403 or 504).
    UnexpectedStatus,
    /// The request or the response took longer than the timeout.
    Timeout,
    /// No connection could be made.
    Connect,
    /// The connection failed while the request or response was in flight.
    Io,
    /// The response body was larger than the configured limit.
    BodyTooLarge,
    /// The transport failed in some other way.
    Transport,
    /// A success response whose body is not the expected shape.
    Decode,
    /// The caller gave an argument or configuration that cannot be sent.
    InvalidInput,
}

impl ErrorKind {
    /// The API kind for an HTTP status (`None` for 1xx-3xx statuses).
    pub fn from_status(status: StatusCode) -> Option<Self> {
        Some(match status.as_u16() {
            400 => ErrorKind::BadRequest,
            401 => ErrorKind::Unauthorized,
            402 => ErrorKind::RequestFailed,
            404 => ErrorKind::NotFound,
            429 => ErrorKind::RateLimited,
            500 => ErrorKind::ServerError,
            501 => ErrorKind::ExtractorError,
            502 => ErrorKind::ExtractorRetry,
            503 => ErrorKind::Maintenance,
            403 | 405..=428 | 430..=499 | 504..=599 => ErrorKind::UnexpectedStatus,
            _ => return None,
        })
    }

    /// A short lower-case name, used by `Display`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::BadRequest => "bad request",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::RequestFailed => "request failed",
            ErrorKind::NotFound => "not found",
            ErrorKind::RateLimited => "rate limited",
            ErrorKind::ServerError => "server error",
            ErrorKind::ExtractorError => "extractor error",
            ErrorKind::ExtractorRetry => "extractor error (retry)",
            ErrorKind::Maintenance => "maintenance",
            ErrorKind::UnexpectedStatus => "unexpected status",
            ErrorKind::Timeout => "timed out",
            ErrorKind::Connect => "connection failed",
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

/// The body of a legacy API error: `{code, message, resolve}` and, for
/// token errors, the `access_token` that was sent.
#[derive(Clone, Deserialize)]
#[non_exhaustive]
pub struct ApiError {
    /// The numeric Plaid code.
    pub code: ErrorCode,
    /// The short message, e.g. `"account locked"`.
    #[serde(default)]
    pub message: String,
    /// The human-readable advice (what the python client calls `message`).
    #[serde(default)]
    pub resolve: String,
    /// The access token the request carried, echoed by 1105 and 1203 errors.
    #[serde(default)]
    pub access_token: Option<AccessToken>,
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("code", &self.code)
            .field("message", &self.message)
            .field("resolve", &self.resolve)
            .field("access_token", &self.access_token)
            .finish()
    }
}

/// The error type of every plaid-rs call.
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    status: Option<StatusCode>,
    request_id: Option<String>,
    api: Option<ApiError>,
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

    /// An error for a non-success response. `api` is the decoded error body
    /// when there was one; the raw body is kept either way.
    pub fn from_status(
        status: StatusCode,
        request_id: Option<String>,
        api: Option<ApiError>,
        body: Vec<u8>,
    ) -> Self {
        let kind = ErrorKind::from_status(status).unwrap_or(ErrorKind::UnexpectedStatus);
        let context = if api.is_some() {
            Cow::Borrowed("the API returned an error")
        } else {
            Cow::Borrowed("the response is not a Plaid error body")
        };
        let mut error = Error::new(kind, context);
        error.inner.status = Some(status);
        error.inner.request_id = request_id;
        error.inner.api = api;
        error.inner.body = Some(body);
        error
    }

    /// An error for a success response whose body could not be decoded.
    pub fn decode(
        status: StatusCode,
        request_id: Option<String>,
        path: Option<String>,
        source: serde_json::Error,
        body: Vec<u8>,
    ) -> Self {
        let mut error = Error::new(ErrorKind::Decode, "the response body could not be decoded");
        error.inner.status = Some(status);
        error.inner.request_id = request_id;
        // serde_path_to_error says "." for the root and "?" for "nowhere
        // in particular" (a syntax error before any field): neither is a path.
        error.inner.path = path.filter(|p| !p.is_empty() && p != "." && p != "?");
        error.inner.source = Some(Box::new(source));
        error.inner.body = Some(body);
        error
    }

    /// An error for a success response that is not what the endpoint can
    /// return (e.g. an unexpected status), without a serde error.
    pub fn unexpected_response(
        status: StatusCode,
        request_id: Option<String>,
        context: impl Into<Cow<'static, str>>,
        body: Vec<u8>,
    ) -> Self {
        let mut error = Error::new(ErrorKind::Decode, context);
        error.inner.status = Some(status);
        error.inner.request_id = request_id;
        error.inner.body = Some(body);
        error
    }

    /// A copy of an error that has no source or body (an input error),
    /// for handing out the same error twice.
    pub(crate) fn duplicate(&self) -> Error {
        let mut copy = Error::new(self.inner.kind, self.inner.context.clone());
        copy.inner.status = self.inner.status;
        copy.inner.request_id.clone_from(&self.inner.request_id);
        copy.inner.api.clone_from(&self.inner.api);
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

    /// The decoded API error body, for API errors.
    pub fn api_error(&self) -> Option<&ApiError> {
        self.inner.api.as_ref()
    }

    /// The Plaid error code, for API errors.
    pub fn code(&self) -> Option<ErrorCode> {
        self.inner.api.as_ref().map(|api| api.code)
    }

    /// The API's short message (e.g. `"invalid mfa"`), for API errors.
    pub fn message(&self) -> Option<&str> {
        self.inner.api.as_ref().map(|api| api.message.as_str())
    }

    /// The API's advice for a human, for API errors.
    pub fn resolve(&self) -> Option<&str> {
        self.inner.api.as_ref().map(|api| api.resolve.as_str())
    }

    /// The `X-Request-Id` of the response, when there was one.
    pub fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }

    /// The access token the API echoed in the error body (1105, 1203).
    pub fn access_token(&self) -> Option<&AccessToken> {
        self.inner
            .api
            .as_ref()
            .and_then(|api| api.access_token.as_ref())
    }

    /// The raw response body, when there was a response. It may contain an
    /// access token: do not log it.
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

    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        self.inner.kind == ErrorKind::Timeout
    }

    /// Whether the transport failed (timeout, connect, i/o, body limit or other).
    pub fn is_transport(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::Timeout
                | ErrorKind::Connect
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

    /// Whether the server says the same request may succeed if sent again
    /// (python's `ExtractorRetryError.retry`, plus 429 and 503).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::ExtractorRetry | ErrorKind::RateLimited | ErrorKind::Maintenance
        )
    }
}

impl From<TransportError> for Error {
    fn from(error: TransportError) -> Self {
        let kind = match error.kind() {
            TransportErrorKind::Timeout => ErrorKind::Timeout,
            TransportErrorKind::Connect => ErrorKind::Connect,
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
            (Some(status), Some(api)) => {
                write!(f, "{status}: {} {}", api.code, api.message)?;
                if !api.resolve.is_empty() {
                    write!(f, " ({})", api.resolve)?;
                }
            }
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
