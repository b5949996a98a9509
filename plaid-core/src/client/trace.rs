//! Tracing of calls and attempts, behind the `tracing` feature.
//!
//! One span per call (`plaid.call`, with the family, method and path) and
//! one event per attempt inside it: attempt number, status or transport
//! failure, request id, elapsed time, and the wait before a retry. Never a
//! header, a query string or a body: those carry keys, tokens and personal
//! data. Without the feature every function here is empty and the types
//! are zero-sized, so the drivers need no `cfg` of their own.

use std::future::Future;
use std::time::Duration;
#[cfg(feature = "tracing")]
use std::time::Instant;

use crate::api::Api;
use crate::transport::{HttpRequest, HttpResponse, TransportError};

/// The trace of one call.
#[derive(Clone)]
pub(super) struct CallTrace {
    #[cfg(feature = "tracing")]
    span: tracing::Span,
}

/// What the trace remembers of an attempt while it is in flight.
pub(super) struct Sent {
    #[cfg(feature = "tracing")]
    started: Instant,
}

/// The span entered for the duration of a blocking call.
pub(super) struct Entered<'a> {
    #[cfg(feature = "tracing")]
    _guard: tracing::span::Entered<'a>,
    #[cfg(not(feature = "tracing"))]
    _span: std::marker::PhantomData<&'a ()>,
}

impl CallTrace {
    /// A new call of family `A`.
    // The family names the span and reads the request id; without the
    // feature there is nothing to name or read.
    #[cfg_attr(not(feature = "tracing"), allow(clippy::extra_unused_type_parameters))]
    pub(super) fn new<A: Api>() -> Self {
        CallTrace {
            #[cfg(feature = "tracing")]
            span: tracing::debug_span!(
                "plaid.call",
                api = A::NAME,
                method = tracing::field::Empty,
                path = tracing::field::Empty,
            ),
        }
    }

    /// Enters the call's span (blocking driver).
    pub(super) fn enter(&self) -> Entered<'_> {
        Entered {
            #[cfg(feature = "tracing")]
            _guard: self.span.enter(),
            #[cfg(not(feature = "tracing"))]
            _span: std::marker::PhantomData,
        }
    }

    /// Runs `future` inside the call's span (async driver).
    pub(super) fn instrument<F: Future + Send>(
        trace: Option<CallTrace>,
        future: F,
    ) -> impl Future<Output = F::Output> + Send {
        #[cfg(feature = "tracing")]
        {
            use tracing::Instrument;
            let span = trace.map_or_else(tracing::Span::none, |trace| trace.span);
            future.instrument(span)
        }
        #[cfg(not(feature = "tracing"))]
        {
            let _ = trace;
            future
        }
    }

    /// An attempt is about to send `request`.
    pub(super) fn sending(&self, request: &HttpRequest) -> Sent {
        #[cfg(feature = "tracing")]
        {
            self.span
                .record("method", tracing::field::display(request.method()));
            self.span.record("path", request.uri().path());
        }
        #[cfg(not(feature = "tracing"))]
        let _ = request;
        Sent {
            #[cfg(feature = "tracing")]
            started: Instant::now(),
        }
    }

    /// An attempt ended with `result`; `retry_in` is the wait before the
    /// next one, if there is one.
    // The family names the span and reads the request id; without the
    // feature there is nothing to name or read.
    #[cfg_attr(not(feature = "tracing"), allow(clippy::extra_unused_type_parameters))]
    pub(super) fn attempt<A: Api>(
        &self,
        sent: Sent,
        number: u32,
        result: &Result<HttpResponse, TransportError>,
        retry_in: Option<Duration>,
    ) {
        #[cfg(feature = "tracing")]
        {
            let elapsed_ms = sent.started.elapsed().as_secs_f64() * 1000.0;
            let retry_in_ms = retry_in.map(|wait| wait.as_millis());
            match result {
                Ok(response) => tracing::debug!(
                    parent: &self.span,
                    attempt = number,
                    status = response.status().as_u16(),
                    request_id = A::request_id(response.headers()),
                    elapsed_ms,
                    retry_in_ms,
                    "plaid attempt",
                ),
                Err(error) => tracing::debug!(
                    parent: &self.span,
                    attempt = number,
                    transport_error = ?error.kind(),
                    elapsed_ms,
                    retry_in_ms,
                    "plaid attempt failed",
                ),
            }
        }
        #[cfg(not(feature = "tracing"))]
        let _ = (sent, number, result, retry_in);
    }
}
