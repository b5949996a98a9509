//! The legacy API's error body, and how its errors map to the exception
//! classes of the official python client.
//!
//! A legacy error is `{code, message, resolve}` (plus the `access_token` that
//! was sent, for token errors). The engine's [`Error`] keeps it behind
//! [`Error::legacy`]; its [`ErrorKind`](crate::ErrorKind) is the class of the
//! HTTP status, as for every family. The python client chose its exception
//! class by exact status instead; [`PythonException::of`] gives that class,
//! so code ported from python can keep its `except` branches.

use std::any::Any;
use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;

use super::error_code::ErrorCode;
use crate::error::{ApiErrorBody, Error};
use crate::retry::RetryHint;
use crate::secret::AccessToken;

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

impl fmt::Display for ApiError {
    /// `1205 account locked (The account is locked. …)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.message)?;
        if !self.resolve.is_empty() {
            write!(f, " ({})", self.resolve)?;
        }
        Ok(())
    }
}

impl ApiErrorBody for ApiError {
    fn code(&self) -> Cow<'_, str> {
        Cow::Owned(self.code.code().to_string())
    }

    fn message(&self) -> &str {
        &self.message
    }

    fn retry_hint(&self) -> RetryHint {
        // The legacy body carries no retry advice of its own: the status
        // (502 "extractor retry", 503 maintenance, 429) says it all.
        RetryHint::Status
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn clone_box(&self) -> Box<dyn ApiErrorBody> {
        Box::new(self.clone())
    }
}

impl Error {
    /// The legacy error body, for errors of legacy calls whose body was one.
    pub fn legacy(&self) -> Option<&ApiError> {
        self.api_error_as::<ApiError>()
    }

    /// The legacy error code, for errors of legacy calls whose body had one.
    pub fn legacy_code(&self) -> Option<ErrorCode> {
        self.legacy().map(|api| api.code)
    }
}

/// The exception class the official python client (`plaid-python-legacy`
/// 1.5.1) raises for a response, chosen by its exact HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PythonException {
    /// HTTP 400, `BadRequestError`.
    BadRequestError,
    /// HTTP 401, `UnauthorizedError`.
    UnauthorizedError,
    /// HTTP 402, `RequestFailedError`: wrong credentials, locked account,
    /// wrong MFA answer and the like.
    RequestFailedError,
    /// HTTP 404, `ResourceNotFoundError`.
    ResourceNotFoundError,
    /// HTTP 500, `PlaidServerError`.
    PlaidServerError,
    /// HTTP 501, `ExtractorError`.
    ExtractorError,
    /// HTTP 502, `ExtractorRetryError` (its `retry` is `True`).
    ExtractorRetryError,
    /// HTTP 503, `MaintainanceError` (python's spelling).
    MaintainanceError,
}

impl PythonException {
    /// The class python raises for `error`, or `None` where python raises
    /// nothing (2xx, 429 and other statuses it returns silently) or where
    /// there was no response at all (then python raised a `requests` or
    /// JSON error; see the README's table).
    pub fn of(error: &Error) -> Option<Self> {
        if error.is_decode() {
            return None;
        }
        Some(match error.status()?.as_u16() {
            400 => PythonException::BadRequestError,
            401 => PythonException::UnauthorizedError,
            402 => PythonException::RequestFailedError,
            404 => PythonException::ResourceNotFoundError,
            500 => PythonException::PlaidServerError,
            501 => PythonException::ExtractorError,
            502 => PythonException::ExtractorRetryError,
            503 => PythonException::MaintainanceError,
            _ => return None,
        })
    }

    /// The class name, as python spells it.
    pub fn name(self) -> &'static str {
        match self {
            PythonException::BadRequestError => "BadRequestError",
            PythonException::UnauthorizedError => "UnauthorizedError",
            PythonException::RequestFailedError => "RequestFailedError",
            PythonException::ResourceNotFoundError => "ResourceNotFoundError",
            PythonException::PlaidServerError => "PlaidServerError",
            PythonException::ExtractorError => "ExtractorError",
            PythonException::ExtractorRetryError => "ExtractorRetryError",
            PythonException::MaintainanceError => "MaintainanceError",
        }
    }
}

impl fmt::Display for PythonException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
