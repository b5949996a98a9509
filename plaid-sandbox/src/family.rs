//! The seam between the HTTP layer and an API family.
//!
//! The HTTP layer ([`crate::server`]) and the fault injection ([`crate::faults`]) know HTTP
//! and sockets but no Plaid body or error code; an API family (today [`crate::legacy`]) knows
//! its routes, its data and its error shapes but no socket. Every response that carries a
//! Plaid-shaped body comes from the family, including the ones the HTTP layer or a fault
//! decides on:
//! - a `status=<code>` fault answers [`Family::error_for_status`], an `error=<CODE>` fault
//!   [`Family::error_for_code`] (both see the request, so that an answer can depend on the
//!   route, as the modern API's rate-limit codes do);
//! - the `malformed` fault sends [`Family::malformed_body`];
//! - a request the HTTP layer refused (unparseable, or a body too large) is answered with
//!   [`Family::refusal`]. Even a request that could not be parsed at all gets the family's JSON
//!   error shape rather than a bare HTTP page, because clients of the emulator (and its tests)
//!   read every error body as an API error.
//!
//! Every response a family builds may carry its own request id ([`Response::request_id`]):
//! the modern API repeats the `request_id` of its bodies in the `X-Request-Id` header.
//!
//! One sandbox serves exactly one family: the legacy and modern APIs share paths (`POST
//! /auth/get` exists in both, with different bodies) and in reality live on different hosts.

use crate::server::{RecordedRequest, Refusal, Response};

/// One Plaid API family, as the HTTP layer drives it. Implementations hold their own state
/// (e.g. a body cache) and are shared by every connection thread.
pub(crate) trait Family: Send + Sync {
    /// Answers one request: routing, handlers, and the family's own errors (unknown route,
    /// bad parameters, ...).
    fn handle(&self, request: &RecordedRequest) -> Response;

    /// The answer to a `status=<code>` fault on `request`: this status with the family's error
    /// body for it.
    fn error_for_status(&self, status: u16, request: &RecordedRequest) -> Response;

    /// The answer to an `error=<code>` fault on `request`: the family's documented error for
    /// that code, with its own status; `None` when the family has no such code (the directive
    /// is then ignored, like any malformed directive).
    fn error_for_code(&self, code: &str, request: &RecordedRequest) -> Option<Response>;

    /// The answer to a request the HTTP layer refused; the connection is closed after it.
    fn refusal(&self, refusal: Refusal) -> Response;

    /// The body of the `malformed` fault: the start of one of the family's success bodies, cut
    /// off so that it is not JSON (clients then see a decode error on a 200).
    fn malformed_body(&self) -> &'static [u8];
}
