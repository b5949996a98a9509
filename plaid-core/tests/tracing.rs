//! The `tracing` feature: one span per call, one event per attempt, and
//! never a secret or a body in either. A capturing subscriber records every
//! span and event as text, and the tests read that text.
#![cfg(feature = "tracing")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

use std::fmt::Write as _;
use std::future::IntoFuture as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use plaid_core::http::Response;
use plaid_core::legacy::{Client, Config, Login};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError, TransportErrorKind};
use plaid_core::{AsyncTransport, RetryPolicy};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// What the subscriber saw: each span's name and fields, each event's
/// fields with the id of its parent span.
#[derive(Default)]
struct Seen {
    spans: Vec<(u64, String)>,
    events: Vec<(Option<u64>, String)>,
}

#[derive(Clone, Default)]
struct Capture {
    seen: Arc<Mutex<Seen>>,
    next_id: Arc<AtomicU64>,
    current: Arc<Mutex<Vec<u64>>>,
}

struct Text<'a>(&'a mut String);

impl Visit for Text<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst) + 1;
        let mut text = span.metadata().name().to_owned();
        span.record(&mut Text(&mut text));
        self.seen.lock().unwrap().spans.push((id, text));
        Id::from_u64(id)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut seen = self.seen.lock().unwrap();
        if let Some((_, text)) = seen.spans.iter_mut().find(|(id, _)| *id == span.into_u64()) {
            values.record(&mut Text(text));
        }
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let parent = event
            .parent()
            .map(Id::into_u64)
            .or_else(|| self.current.lock().unwrap().last().copied());
        let mut text = String::new();
        event.record(&mut Text(&mut text));
        self.seen.lock().unwrap().events.push((parent, text));
    }

    fn enter(&self, span: &Id) {
        self.current.lock().unwrap().push(span.into_u64());
    }

    fn exit(&self, span: &Id) {
        let mut current = self.current.lock().unwrap();
        if let Some(at) = current.iter().rposition(|id| *id == span.into_u64()) {
            current.remove(at);
        }
    }
}

const SECRETS: &[&str] = &[
    "test_secret",
    "test_id",
    "access-token-xyz",
    "plaid_good",
    "plaid_test",
    "Alberta",
];

fn response(status: u16, body: &str) -> HttpResponse {
    Response::builder()
        .status(status)
        .header("x-request-id", format!("req-{status}"))
        .body(body.as_bytes().to_vec())
        .unwrap()
}

fn config() -> Config {
    Config::sandbox("http://127.0.0.1:9")
        .unwrap()
        .with_access_token("access-token-xyz")
        .with_retry(RetryPolicy::default().base_delay(std::time::Duration::ZERO))
}

fn assert_no_secret(seen: &Seen) {
    let everything: Vec<&String> = seen
        .spans
        .iter()
        .map(|(_, text)| text)
        .chain(seen.events.iter().map(|(_, text)| text))
        .collect();
    for text in everything {
        for secret in SECRETS {
            assert!(!text.contains(secret), "{secret:?} traced in {text:?}");
        }
        assert!(!text.contains("accounts"), "a body was traced: {text:?}");
    }
}

#[test]
fn a_retried_call_is_one_span_with_an_event_per_attempt() {
    let capture = Capture::default();
    let calls = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&calls);
    let transport = move |_: HttpRequest| -> Result<HttpResponse, TransportError> {
        match counter.fetch_add(1, Ordering::SeqCst) {
            0 => Ok(response(503, r#"{"code": 1800, "message": "maintenance"}"#)),
            _ => Ok(response(
                200,
                r#"{"accounts": [], "access_token": "access-token-xyz"}"#,
            )),
        }
    };
    let client = Client::new(config(), transport);
    tracing::subscriber::with_default(capture.clone(), || {
        client.balance().send().unwrap();
    });

    let seen = capture.seen.lock().unwrap();
    assert_eq!(seen.spans.len(), 1, "{:?}", seen.spans);
    let (span_id, span) = &seen.spans[0];
    assert!(span.starts_with("plaid.call"), "{span}");
    assert!(span.contains("api=\"legacy\""), "{span}");
    assert!(span.contains("method=POST"), "{span}");
    assert!(span.contains("path=\"/balance\""), "{span}");

    assert_eq!(seen.events.len(), 2, "{:?}", seen.events);
    let (first_parent, first) = &seen.events[0];
    let (second_parent, second) = &seen.events[1];
    assert_eq!(*first_parent, Some(*span_id));
    assert_eq!(*second_parent, Some(*span_id));
    assert!(first.contains("attempt=1"), "{first}");
    assert!(first.contains("status=503"), "{first}");
    assert!(first.contains("request_id=\"req-503\""), "{first}");
    assert!(first.contains("retry_in_ms=0"), "{first}");
    assert!(first.contains("elapsed_ms="), "{first}");
    assert!(second.contains("attempt=2"), "{second}");
    assert!(second.contains("status=200"), "{second}");
    assert!(!second.contains("retry_in_ms"), "{second}");
    assert_no_secret(&seen);
}

#[test]
fn a_transport_failure_is_traced_by_kind_and_credentials_never_are() {
    let capture = Capture::default();
    let transport = |_: HttpRequest| -> Result<HttpResponse, TransportError> {
        Err(TransportError::new(
            TransportErrorKind::Connect,
            "connection refused",
        ))
    };
    let client = Client::new(config(), transport);
    tracing::subscriber::with_default(capture.clone(), || {
        let error = client
            .connect("wells", Login::new("plaid_test", "plaid_good"))
            .send()
            .unwrap_err();
        assert!(error.is_transport());
    });
    let seen = capture.seen.lock().unwrap();
    assert_eq!(seen.spans.len(), 1);
    assert!(seen.spans[0].1.contains("path=\"/connect\""));
    // An add is not safe to repeat: one attempt only.
    assert_eq!(seen.events.len(), 1, "{:?}", seen.events);
    assert!(seen.events[0].1.contains("transport_error=Connect"));
    assert!(seen.events[0].1.contains("attempt=1"));
    assert_no_secret(&seen);
}

/// An async transport on no runtime: the future is ready at once.
struct Ready;

impl AsyncTransport for Ready {
    async fn send(&self, _: HttpRequest) -> Result<HttpResponse, TransportError> {
        Ok(response(
            200,
            r#"[{"id":"13001000","hierarchy":["Food and Drink","Bar"],"type":"place"}]"#,
        ))
    }
}

#[test]
fn an_async_call_runs_inside_its_span() {
    let capture = Capture::default();
    let client = Client::new(config(), Ready);
    tracing::subscriber::with_default(capture.clone(), || {
        let categories = block_on(client.categories().into_future()).unwrap();
        assert_eq!(categories.len(), 1);
    });
    let seen = capture.seen.lock().unwrap();
    assert_eq!(seen.spans.len(), 1);
    assert!(seen.spans[0].1.contains("method=GET"));
    assert!(seen.spans[0].1.contains("path=\"/categories\""));
    assert_eq!(seen.events.len(), 1);
    assert_eq!(seen.events[0].0, Some(seen.spans[0].0));
    assert_no_secret(&seen);
}

/// Polls a future that never waits to completion.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}
